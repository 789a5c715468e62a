"""Work stamps: which professionals' kept lists (work list, MDO page) a change of data may end.

Plumbing for the kept lists (lists.py), not a domain rule: every save or delete of a row those
lists read gives the people whose list may show it a new stamp, once the change is committed.
The page reads the stamp before the rows, so a list kept under an old stamp is never shown
again, in whichever order a reader and a writer interleave.

Queryset updates send no signals; the actions that use one on a row the lists read save a
watched row in the same transaction: `reopen` (follow-up plans paused) moves the trajectory to
another phase, and `conclude` (the trajectory's `first_meeting_on`) saves the agenda item. The
timeline is not read by either list, so a note or an uploaded document keeps them: the change
professionals make most often does not cost them their kept list.
"""

import uuid

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from vroeghulp.access.models import EmergencyAccess
from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.cases.models import Case, InformationRequest, TeamMember
from vroeghulp.children.models import Child
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.networks.models import Municipality, Network, Organisation
from vroeghulp.plans.models import Arrangement, Plan, PlanItem
from vroeghulp.portal.models import DataRequest
from vroeghulp.prematurity.models import PrematureVisit
from vroeghulp.referrals.models import Registration

from .models import Stamp


def stamp_of(user) -> str:
    token = Stamp.objects.filter(user=user).values_list("token", flat=True).first()
    return token.hex if token else "-"


def restamp(user_ids) -> None:
    """New stamps for these users once the current transaction (if any) commits. Robust: should
    it fail, the change stands and is logged, and their kept lists end by the clock."""
    ids = sorted(set(user_ids) - {None})
    if ids:
        transaction.on_commit(lambda: _new_stamps(ids), robust=True)


def _new_stamps(user_ids: list[int]) -> None:
    Stamp.objects.bulk_create(
        [Stamp(user_id=pk, token=uuid.uuid4()) for pk in user_ids],
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["token"],
    )


def teams_of(case_filter: dict) -> list[int]:
    """Everyone who is or was on the teams of these cases (a membership that ended may have
    ended with this change)."""
    return list(TeamMember.objects.filter(**case_filter).values_list("user_id", flat=True))


def members_of(network_id, roles) -> list[int]:
    return list(
        Membership.objects.filter(network_id=network_id, role__in=roles).values_list(
            "user_id", flat=True
        )
    )


def _team_and_coordinators(case_filter: dict, network_id) -> list[int]:
    """A case's team, and the network's coordinators: they see a new case before it has a
    coordinator (triage), on the MDO page's waiting list."""
    return teams_of(case_filter) + members_of(network_id, [Role.COORDINATOR])


def _network_of(case_id):
    return Case.objects.filter(pk=case_id).values("network_id")[:1]


# The users each kind of row reaches, from the row itself.
REACHES = {
    Case: lambda case: _team_and_coordinators({"case_id": case.pk}, case.network_id),
    Child: lambda child: _team_and_coordinators({"case__child_id": child.pk}, child.network_id),
    TeamMember: lambda member: [
        member.user_id,
        *members_of(_network_of(member.case_id), [Role.COORDINATOR]),
    ],
    Membership: lambda membership: [membership.user_id],
    EmergencyAccess: lambda grant: [grant.user_id],
    InformationRequest: lambda request: teams_of({"case_id": request.case_id}),
    FollowUpPlan: lambda plan: teams_of({"case_id": plan.case_id}),
    DataRequest: lambda request: teams_of({"case_id": request.case_id}),
    PrematureVisit: lambda visit: teams_of({"case_id": visit.case_id}),
    Arrangement: lambda arrangement: teams_of({"case__plan__pk": arrangement.plan_id}),
    # the team holds whoever was responsible before a change as well (teams_of keeps members
    # who left); the responsible person is named too, should they not be on it
    PlanItem: lambda item: [*teams_of({"case__plan__pk": item.plan_id}), item.responsible_id],
    AgendaItem: lambda item: _team_and_coordinators(
        {"case_id": item.case_id}, _network_of(item.case_id)
    ),
    # the MDO page lists the network's meetings for everyone with a care role there
    Meeting: lambda meeting: members_of(meeting.network_id, CARE_ROLES),
    Registration: lambda registration: members_of(registration.network_id, [Role.COORDINATOR]),
    Plan: lambda plan: teams_of({"case_id": plan.case_id}),
    # names the lists show: a municipality, an organisation, a network, a professional
    Municipality: lambda municipality: members_of(municipality.network_id, CARE_ROLES),
    Organisation: lambda organisation: members_of(organisation.network_id, CARE_ROLES),
    Network: lambda network: members_of(network.pk, CARE_ROLES),
    User: lambda user: [user.pk, *colleagues_of(user)],
}
# Saves of a user that change nothing a list shows (every login writes last_login).
UNSHOWN_USER_FIELDS = frozenset({"last_login", "password"})


def colleagues_of(user) -> list[int]:
    """Everyone with a care role in a network where this user has a role."""
    return list(
        Membership.objects.filter(network__memberships__user=user, role__in=CARE_ROLES).values_list(
            "user_id", flat=True
        )
    )


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    fields = kwargs.get("update_fields")
    if sender is User and fields and set(fields) <= UNSHOWN_USER_FIELDS:
        return
    restamp(REACHES[sender](instance))


def connect() -> None:
    for model in REACHES:
        post_save.connect(_changed, sender=model, dispatch_uid=f"kept-stamp-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"kept-stamp-delete-{model.__name__}"
        )
