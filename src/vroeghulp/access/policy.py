"""The one access policy: may this user do this action on this child's data, and on what grounds?

Every view, query, export and the admin ask this module. Rules, in order:
1. a parent or guardian with custody may read, print and download their own child's data and
   contribute to it, in the portal only (`decide_as_parent`); custody opens no professional page;
2. a professional needs a care role (coordinator, casemanager, team member) in the child's
   network; other roles (administrator, analyst, log manager, referrer) never read case files;
3. with that role, access follows the team: an active place on one of the child's case teams;
4. a coordinator may read and edit a new registration that no coordinator has taken yet (triage);
5. otherwise only an emergency grant in force, which allows reading and nothing else;
6. an item that came from another organisation is shown only while the parents' consent to
   exchange information with that organisation is in force.

A CB-plus consult (`decide_consult`) is not an IVH case file: the well-baby clinic's CB-plus staff
read, edit and print their clinic's consults; a participant with an account and a care or CB-plus
role in the network reads, edits and prints the consult they took part in; the network's
coordinators, and later the child's team, read a consult only once it led to a registration,
through that registration's own decision. Nobody reaches a consult of another network.
"""

from dataclasses import dataclass, replace

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership
from vroeghulp.audit.constants import Grounds
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.cases.states import awaits_triage
from vroeghulp.cbplus.models import Consult, Participant
from vroeghulp.children.models import Child, Guardian
from vroeghulp.consent.models import Consent
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.referrals.constants import OPEN_STATUSES, Status
from vroeghulp.referrals.models import Registration

from .models import EmergencyAccess


class Action(models.TextChoices):
    VIEW = "view", _("inzien")
    EDIT = "edit", _("wijzigen")
    EXPORT = "export", _("exporteren")
    PRINT = "print", _("afdrukken")
    CONTRIBUTE = "contribute", _("bijdragen als ouder")


CARE_ROLES = frozenset({Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER})

PROFESSIONAL_ACTIONS = frozenset({Action.VIEW, Action.EDIT, Action.EXPORT, Action.PRINT})
TEAM_ROLE_ACTIONS: dict[str, frozenset[str]] = {
    TeamRole.COORDINATOR: PROFESSIONAL_ACTIONS,
    TeamRole.CASEMANAGER: PROFESSIONAL_ACTIONS,
    TeamRole.MEMBER: frozenset({Action.VIEW, Action.EDIT, Action.PRINT}),
}
TRIAGE_ACTIONS = frozenset({Action.VIEW, Action.EDIT})
EMERGENCY_ACTIONS = frozenset({Action.VIEW})
# A parent's own contributions (consents, reactions, uploads, messages, requests) are not
# edits of the professionals' file: they have their own action.
PARENT_ACTIONS = frozenset({Action.VIEW, Action.EXPORT, Action.PRINT, Action.CONTRIBUTE})
# CB-plus consults: the clinic's CB-plus staff and the participants work on the consult; through
# the registration it led to, the coordinators and the child's team only read it.
CONSULT_ACTIONS = frozenset({Action.VIEW, Action.EDIT, Action.PRINT})
CONSULT_READ_ACTIONS = frozenset({Action.VIEW})
# Roles of a participant who may open the consult with their account (all log in with a second
# factor); an analyst or administrator taking part reads it on paper.
CONSULT_PARTICIPANT_ROLES = CARE_ROLES | {Role.CBPLUS}
# Rank grounds so the strongest applies when several do.
TEAM_ROLE_RANK = [TeamRole.COORDINATOR, TeamRole.CASEMANAGER, TeamRole.MEMBER]


@dataclass(frozen=True)
class Decision:
    allowed: bool
    grounds: str = ""
    consent_id: int | None = None
    membership: Membership | None = None
    # Every action allowed on the same grounds, to answer for a second action on the same
    # child without asking the database again (see `may_also`).
    actions: frozenset[str] = frozenset()
    # The guardian record that gives a parent's grounds (custody of this child).
    guardian: Guardian | None = None

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def role(self) -> str:
        if self.grounds == Grounds.PARENT:
            return "parent"
        return self.membership.role if self.membership else ""

    @property
    def organisation_label(self) -> str:
        return self.membership.organisation.name if self.membership else ""


DENIED = Decision(False)


def decide(user, action: str, child: Child, item=None) -> Decision:
    """The professionals' answer to 'may `user` do `action` on `child` (or on `item` of the
    child)?'. Custody gives no grounds here: parents act in the portal (`decide_as_parent`)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DENIED
    memberships = care_memberships(user, child.network_id)
    if not memberships:
        return DENIED
    decision = _professional_decision(user, action, child, memberships, _team_roles(user, child))
    if decision and item is not None:
        decision = _item_decision(decision, child, item)
    return decision


def decide_as_parent(user, action: str, child: Child, item=None) -> Decision:
    """The portal's answer: a guardian with custody may read, print and download their child's
    data and contribute to it (consents, reactions, uploads, messages, requests); nothing that
    derives from a professionals-only item."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DENIED
    if action not in PARENT_ACTIONS:
        return DENIED
    guardian = (
        Guardian.objects.filter(child=child, user=user, has_custody=True).order_by("pk").first()
    )
    if guardian is None:
        return DENIED
    if item is not None and getattr(item, "professional_only", False):
        return DENIED
    return Decision(True, Grounds.PARENT, actions=PARENT_ACTIONS, guardian=guardian)


def may(user, action: str, child: Child, item=None) -> bool:
    return decide(user, action, child, item).allowed


def may_also(decision: Decision, action: str) -> bool:
    """`may` for another action on the child of this decision (a page deciding whether to offer
    editing), answered from the actions the decision's grounds allow, without a query."""
    return decision.allowed and action in decision.actions


def require(user, action: str, child: Child) -> Decision:
    """The decision, or PermissionDenied: for actions, which views call only after a check."""
    decision = decide(user, action, child)
    if not decision:
        raise PermissionDenied
    return decision


def require_as_parent(user, action: str, child: Child) -> Decision:
    """The parent's decision, or PermissionDenied: for the portal's actions."""
    decision = decide_as_parent(user, action, child)
    if not decision:
        raise PermissionDenied
    return decision


def coordinator_membership(user, network_id: int) -> Membership:
    """Intake staff: the user's coordinator role in this network, or PermissionDenied."""
    for membership in user.active_memberships():
        if membership.network_id == network_id and membership.role == Role.COORDINATOR:
            return membership
    raise PermissionDenied


def care_memberships(user, network_id: int) -> list[Membership]:
    return [
        m for m in user.active_memberships() if m.network_id == network_id and m.role in CARE_ROLES
    ]


def decide_registration(user, action: str, registration: Registration) -> Decision:
    """Intake staff handle registrations; once accepted, a registration is part of the file."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DENIED
    if registration.child_id is not None:
        decision = decide(user, action, registration.child)
        if decision:
            return decision
    triage_open = registration.status in OPEN_STATUSES | {Status.AWAITING_CONFIRMATION}
    # A registration answered elsewhere stays findable for the network's coordinators (read
    # only): it is counted, and the family may come back.
    declined_read = registration.status == Status.DECLINED and action == Action.VIEW
    if (action in TRIAGE_ACTIONS and triage_open) or declined_read:
        try:
            return Decision(
                True,
                Grounds.TRIAGE,
                membership=coordinator_membership(user, registration.network_id),
            )
        except PermissionDenied:
            return DENIED
    return DENIED


def _team_roles(user, child: Child) -> frozenset[str]:
    """The user's roles on the child's case teams now."""
    places = TeamMember.objects.filter(case__child=child, user=user, ended_at__isnull=True)
    return frozenset(places.values_list("team_role", flat=True))


def _professional_decision(
    user, action: str, child: Child, memberships: list[Membership], team_roles: frozenset[str]
) -> Decision:
    if not memberships:
        return DENIED
    membership = preferred_membership(memberships)
    team_role = next((role for role in TEAM_ROLE_RANK if role in team_roles), None)
    if team_role and action in TEAM_ROLE_ACTIONS[team_role]:
        return Decision(
            True,
            Grounds.TEAM_MEMBERSHIP,
            membership=membership,
            actions=TEAM_ROLE_ACTIONS[team_role],
        )
    coordinator = next((m for m in memberships if m.role == Role.COORDINATOR), None)
    if coordinator and action in TRIAGE_ACTIONS and _awaits_triage(child):
        return Decision(True, Grounds.TRIAGE, membership=coordinator, actions=TRIAGE_ACTIONS)
    if action in EMERGENCY_ACTIONS and _has_emergency_grant(user, child):
        return Decision(True, Grounds.EMERGENCY, membership=membership, actions=EMERGENCY_ACTIONS)
    return DENIED


def readable_items(decision: Decision, child: Child, items) -> list:
    """The items of a child's file this decision may read, with one consent query in all."""
    items = list(items)
    if decision.grounds == Grounds.PARENT:
        return [item for item in items if not getattr(item, "professional_only", False)]
    own = decision.membership.organisation_id
    if all(item.source_organisation_id in (own, None) for item in items):
        return items  # nothing from another organisation: no consent to look up
    consented = set(
        Consent.objects.for_information(child).values_list("organisation_id", flat=True)
    )
    # Items without a source organisation come from the parents, who gave them to the team.
    return [item for item in items if item.source_organisation_id in consented | {own, None}]


def _item_decision(decision: Decision, child: Child, item) -> Decision:
    source_id = getattr(item, "source_organisation_id", None)
    if source_id is None or source_id == decision.membership.organisation_id:
        return decision
    consent = (
        Consent.objects.for_information(child).filter(organisation_id=source_id).only("pk").first()
    )
    if consent is None:
        return DENIED
    return replace(decision, consent_id=consent.pk)


def preferred_membership(memberships: list[Membership]) -> Membership:
    order = [Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER]
    return min(memberships, key=lambda m: order.index(m.role))


def _awaits_triage(child: Child) -> bool:
    for case in Case.objects.filter(child=child).only("pk", "phase"):
        if (
            awaits_triage(case.phase)
            and not case.team.filter(team_role=TeamRole.COORDINATOR, ended_at__isnull=True).exists()
        ):
            return True
    return False


def _has_emergency_grant(user, child: Child) -> bool:
    return EmergencyAccess.objects.in_force().filter(user=user, child=child).exists()


def cbplus_memberships(user, network_id: int | None = None) -> list[Membership]:
    """The user's CB-plus roles (at a well-baby clinic), in one network or in all."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return [
        m
        for m in user.active_memberships()
        if m.role == Role.CBPLUS and network_id in (None, m.network_id)
    ]


def decide_consult(user, action: str, consult: Consult) -> Decision:
    """May `user` do `action` on this CB-plus consult? See the module's last paragraph."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DENIED
    staff = next(
        (
            m
            for m in cbplus_memberships(user, consult.network_id)
            if m.organisation_id == consult.organisation_id
        ),
        None,
    )
    if staff is not None and action in CONSULT_ACTIONS:
        return Decision(True, Grounds.CBPLUS, membership=staff, actions=CONSULT_ACTIONS)
    in_network = [
        m
        for m in user.active_memberships()
        if m.network_id == consult.network_id and m.role in CONSULT_PARTICIPANT_ROLES
    ]
    if (
        in_network
        and action in CONSULT_ACTIONS
        and Participant.objects.filter(consult=consult, user=user).exists()
    ):
        return Decision(True, Grounds.CBPLUS, membership=in_network[0], actions=CONSULT_ACTIONS)
    if consult.registration_id is not None and action in CONSULT_READ_ACTIONS:
        decision = decide_registration(user, Action.VIEW, consult.registration)
        if decision:
            return replace(decision, actions=CONSULT_READ_ACTIONS)
    return DENIED


def may_start_consults(user) -> list[Membership]:
    """The CB-plus roles at a well-baby clinic (an organisation of kind JGZ) the user may start
    a consult for."""
    return [
        m
        for m in cbplus_memberships(user)
        if m.organisation.kind == OrganisationKind.YOUTH_HEALTH_CARE
    ]
