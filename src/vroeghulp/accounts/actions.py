"""Changes to professionals' accounts and roles: checked, in one transaction, audited.

Roles decide who may read which child, so handing one out or taking it back is recorded in the
audit log of the network concerned, like any other access decision.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import AuditEvent, record

from . import lockout
from .administration import (
    acting_membership,
    administered_networks,
    may_administer_user,
    shared_networks,
)
from .models import Membership, User

PLATFORM_ROLE = "platform"


def unlock_login(user: User, *, actor: User) -> int:
    """Lift the lockout of `user`'s account (failed logins from every address are forgotten).

    Returns the number of failure records removed. One audit entry per network of the user that
    the actor administers.
    """
    if not may_administer_user(actor, user):
        raise PermissionDenied("Not an administrator of this user's network.")
    with transaction.atomic():
        removed = lockout.clear_account(user.email)
        details = {"change": "unlock_login", "user_id": user.pk}
        # A platform administrator may unlock an account that has no network (yet).
        networks = sorted(shared_networks(actor, user)) or [None]
        record(*(_event(actor, n, AuditAction.UPDATE, user, details) for n in networks))
    return removed


def grant_role(membership: Membership, *, actor: User) -> Membership:
    """Save a new or changed, active role of a professional in a network."""
    return _save_role(membership, actor=actor, active=True)


def revoke_role(membership: Membership, *, actor: User) -> Membership:
    """Take a role back: the row stays, inactive, so history and the log keep pointing at it."""
    return _save_role(membership, actor=actor, active=False)


def _save_role(membership: Membership, *, actor: User, active: bool) -> Membership:
    with transaction.atomic():
        before = _check_role_change(membership, actor=actor)
        membership.is_active = active
        membership.save()
        details = {
            "change": "grant_role" if active else "revoke_role",
            "role": membership.role,
            "user_id": membership.user_id,
            "organisation_id": membership.organisation_id,
        }
        if before is not None:
            details["before"] = _described(before)
        action = AuditAction.CREATE if before is None else AuditAction.UPDATE
        record(_event(actor, membership.network_id, action, membership, details))
    return membership


def _check_role_change(membership: Membership, *, actor: User) -> Membership | None:
    """Refuse what the actor may not do; the stored row before the change (None when new)."""
    networks = administered_networks(actor)
    if not actor.is_active or membership.network_id not in networks:
        raise PermissionDenied("Roles are handed out in one's own network only.")
    if membership.user_id == actor.pk:
        raise PermissionDenied("Nobody changes their own roles: a second administrator has to.")
    if membership.user.is_superuser and not actor.is_superuser:
        raise PermissionDenied("Platform accounts are not managed by network administrators.")
    before = None
    if membership.pk is not None:
        before = Membership.objects.select_for_update().get(pk=membership.pk)
        if before.network_id not in networks or before.user_id == actor.pk:
            raise PermissionDenied("This role belongs to another network.")
    membership.full_clean()
    return before


def _described(membership: Membership) -> dict:
    return {
        "role": membership.role,
        "user_id": membership.user_id,
        "network_id": membership.network_id,
        "organisation_id": membership.organisation_id,
        "is_active": membership.is_active,
    }


def _event(actor: User, network_id: int | None, action: str, obj, details: dict) -> AuditEvent:
    membership = acting_membership(actor, network_id)
    return AuditEvent(
        action=action,
        network_id=network_id,
        user=actor,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        role=membership.role if membership else PLATFORM_ROLE,
        organisation_label=membership.organisation.name if membership else "",
        details=details,
    )


def choose_language(user: User, language: str) -> None:
    """Keep the person's choice of interface language with them, for every device and for the
    e-mails they get (a choice of language is not personal data of a child: no audit entry)."""
    if language != user.language:
        user.language = language
        user.save(update_fields=["language"])
