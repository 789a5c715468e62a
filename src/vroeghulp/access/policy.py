"""The one access policy: may this user do this action on this child's data, and on what grounds?

Every view, query, export and the admin ask this module. Rules, in order:
1. a parent or guardian with custody may read and export their own child's data;
2. a professional needs a care role (coordinator, casemanager, team member) in the child's
   network; other roles (administrator, analyst, log manager, referrer) never read case files;
3. with that role, access follows the team: an active place on one of the child's case teams;
4. a coordinator may read and edit a new registration that no coordinator has taken yet (triage);
5. otherwise only an emergency grant in force, which allows reading and nothing else;
6. an item that came from another organisation is shown only while the parents' consent to
   exchange information with that organisation is in force.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership
from vroeghulp.audit.constants import Grounds
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.cases.states import awaits_triage
from vroeghulp.children.models import Child, Guardian
from vroeghulp.consent.models import Consent
from vroeghulp.referrals.constants import OPEN_STATUSES, Status
from vroeghulp.referrals.models import Registration

from .models import EmergencyAccess


class Action(models.TextChoices):
    VIEW = "view", _("inzien")
    EDIT = "edit", _("wijzigen")
    EXPORT = "export", _("exporteren")
    PRINT = "print", _("afdrukken")


CARE_ROLES = frozenset({Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER})

TEAM_ROLE_ACTIONS: dict[str, frozenset[str]] = {
    TeamRole.COORDINATOR: frozenset(Action),
    TeamRole.CASEMANAGER: frozenset(Action),
    TeamRole.MEMBER: frozenset({Action.VIEW, Action.EDIT, Action.PRINT}),
}
TRIAGE_ACTIONS = frozenset({Action.VIEW, Action.EDIT})
EMERGENCY_ACTIONS = frozenset({Action.VIEW})
PARENT_ACTIONS = frozenset({Action.VIEW, Action.EXPORT, Action.PRINT})
# Rank grounds so the strongest applies when several do.
TEAM_ROLE_RANK = [TeamRole.COORDINATOR, TeamRole.CASEMANAGER, TeamRole.MEMBER]


@dataclass(frozen=True)
class Decision:
    allowed: bool
    grounds: str = ""
    consent_id: int | None = None
    membership: Membership | None = None
    # Every action allowed on the same professional grounds, to answer for a second action
    # on the same child without asking the database again (see `may_also`).
    actions: frozenset[str] = frozenset()

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
    """The single answer to 'may `user` do `action` on `child` (or on `item` of the child)?'."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DENIED
    memberships = care_memberships(user, child.network_id)
    ties = _ties(user, child, parent=action in PARENT_ACTIONS, team=bool(memberships))
    if ties.parent:
        decision = Decision(True, Grounds.PARENT)
    else:
        decision = _professional_decision(user, action, child, memberships, ties.team_roles)
    if decision and item is not None:
        decision = _item_decision(decision, child, item)
    return decision


def may(user, action: str, child: Child, item=None) -> bool:
    return decide(user, action, child, item).allowed


def may_also(decision: Decision, user, action: str, child: Child) -> bool:
    """`may` for another action on the child of this decision (a page deciding whether to offer
    editing). Professional grounds name their actions; a parent's decision is made again, since
    a parent may also be a professional on the team."""
    if decision.allowed and decision.grounds != Grounds.PARENT:
        return action in decision.actions
    return may(user, action, child)


def require(user, action: str, child: Child) -> Decision:
    """The decision, or PermissionDenied: for actions, which views call only after a check."""
    decision = decide(user, action, child)
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
    if action in TRIAGE_ACTIONS and registration.status in OPEN_STATUSES | {
        Status.AWAITING_CONFIRMATION
    }:
        try:
            return Decision(
                True,
                Grounds.TRIAGE,
                membership=coordinator_membership(user, registration.network_id),
            )
        except PermissionDenied:
            return DENIED
    return DENIED


@dataclass(frozen=True)
class _Ties:
    parent: bool  # a guardian with custody of the child
    team_roles: frozenset[str]  # roles on the child's case teams now


# Stands for custody among the team roles in `_ties`' one query; no team role is called so.
_CUSTODY = "custody"


def _ties(user, child: Child, *, parent: bool, team: bool) -> _Ties:
    """The user's custody of the child (if it may decide: `parent`) and their places on its
    teams (if they have a care role in its network: `team`), in one query."""
    asked = []
    if parent:
        custody = Guardian.objects.filter(child=child, user=user, has_custody=True)
        asked.append(custody.annotate(tie=models.Value(_CUSTODY)).values_list("tie", flat=True))
    if team:
        places = TeamMember.objects.filter(case__child=child, user=user, ended_at__isnull=True)
        asked.append(places.values_list("team_role", flat=True))
    if not asked:
        return _Ties(False, frozenset())
    found = set(asked[0].union(*asked[1:], all=True) if len(asked) > 1 else asked[0])
    return _Ties(_CUSTODY in found, frozenset(found - {_CUSTODY}))


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
    if decision.grounds == Grounds.PARENT:
        return DENIED if getattr(item, "professional_only", False) else decision
    source_id = getattr(item, "source_organisation_id", None)
    if source_id is None or source_id == decision.membership.organisation_id:
        return decision
    consent = (
        Consent.objects.for_information(child).filter(organisation_id=source_id).only("pk").first()
    )
    if consent is None:
        return DENIED
    return Decision(True, decision.grounds, consent.pk, decision.membership, decision.actions)


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
