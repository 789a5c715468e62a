"""Who administers whom: network administrators their own network's people, the platform all.

A network administrator may hand out roles in their own network only, never to themselves (a
second administrator has to: four eyes), and never touches a platform (superuser) account.
"""

from vroeghulp.networks.models import Network

from .constants import Role
from .models import Membership, User


def administered_networks(user: User) -> set[int]:
    if user.is_superuser:
        return set(Network.objects.values_list("pk", flat=True))
    return user.networks_with_role(Role.NETWORK_ADMIN)


def may_administer_user(actor: User, user: User) -> bool:
    """Whether `actor` may manage `user`'s account (unlock it, hand out roles to it)."""
    if actor.pk == user.pk or not actor.is_active:
        return False
    if actor.is_superuser:
        return True
    if user.is_superuser:
        return False
    return bool(shared_networks(actor, user))


def shared_networks(actor: User, user: User) -> set[int]:
    """The networks `actor` administers in which `user` holds (or held) a role."""
    networks = administered_networks(actor)
    held = Membership.objects.filter(user=user, network__in=networks)
    return set(held.values_list("network_id", flat=True))


def acting_membership(actor: User, network_id: int | None) -> Membership | None:
    """The administrator role `actor` acts under in a network (None for the platform)."""
    for membership in actor.active_memberships():
        if membership.network_id == network_id and membership.role == Role.NETWORK_ADMIN:
            return membership
    return None
