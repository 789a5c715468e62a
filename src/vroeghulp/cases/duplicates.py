"""Duplicate detection: is this registration about a child the network already knows, or about
a brother or sister of one?

A registration matches a child with an open trajectory or one closed in the last year, or another
registration still waiting, when the date of birth is the same (or has day and month swapped)
and both names are similar (see children/names.py). A match is shown to the coordinator, who
decides; nothing is merged automatically.

A registration is of the same family as a known child when the family names are similar and a
parent is reached at the same e-mail address or phone number (children/families.py), and it is
not the same child. The coordinator may then accept it as a new child linked to the sibling.
"""

import contextlib
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from vroeghulp.children.families import phone_key, same_family
from vroeghulp.children.models import Guardian
from vroeghulp.children.names import similar
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration

from . import states
from .models import Case

RECENTLY_CLOSED_DAYS = 365
WAITING = [Status.NEW, Status.AWAITING_CONFIRMATION]


@dataclass(frozen=True)
class Candidate:
    case: Case | None = None
    registration: Registration | None = None

    @property
    def can_join_case(self) -> bool:
        return self.case is not None and states.is_open(self.case.phase)


def _dates(day: datetime.date) -> set[datetime.date]:
    dates = {day}
    if day.day <= 12 and day.day != day.month:
        with contextlib.suppress(ValueError):
            dates.add(day.replace(month=day.day, day=day.month))
    return dates


def _same_child(registration: Registration, given: str, family: str, born) -> bool:
    return (
        born in _dates(registration.child_date_of_birth)
        and similar(registration.child_family_name, family)
        and similar(registration.child_given_name, given)
    )


def candidates_for(registrations: list[Registration]) -> dict[int, list[Candidate]]:
    """Candidates per registration id, in a fixed number of queries for the whole list."""
    if not registrations:
        return {}
    networks = {r.network_id for r in registrations}
    dates = set().union(*(_dates(r.child_date_of_birth) for r in registrations))
    recent = timezone.now() - datetime.timedelta(days=RECENTLY_CLOSED_DAYS)
    cases = [
        case
        for case in Case.objects.filter(
            network_id__in=networks, child__date_of_birth__in=dates
        ).select_related("child")
        if states.is_open(case.phase) or (case.closed_at and case.closed_at >= recent)
    ]
    waiting = list(
        Registration.objects.filter(
            network_id__in=networks, status__in=WAITING, child_date_of_birth__in=dates
        )
    )
    found: dict[int, list[Candidate]] = {}
    for registration in registrations:
        matches = [
            Candidate(case=case)
            for case in cases
            if case.network_id == registration.network_id
            and case.child_id != registration.child_id
            and _same_child(
                registration,
                case.child.given_name,
                case.child.family_name,
                case.child.date_of_birth,
            )
        ]
        matches += [
            Candidate(registration=other)
            for other in waiting
            if other.pk != registration.pk
            and other.network_id == registration.network_id
            and _same_child(
                registration,
                other.child_given_name,
                other.child_family_name,
                other.child_date_of_birth,
            )
        ]
        found[registration.pk] = matches
    return found


def family_candidates_for(registration: Registration) -> list[Case]:
    """Known children of the same family (one case each, the latest), never the same child and
    never of another network."""
    emails = {(g.get("email") or "").strip() for g in registration.guardians} - {""}
    phones = {phone_key(g.get("phone") or "") for g in registration.guardians} - {""}
    reached = Q(pk__in=[])
    for email in emails:
        reached |= Q(email__iexact=email)
    for phone in phones:
        reached |= Q(phone__endswith=phone[-4:])
    child_ids = set(
        Guardian.objects.filter(reached, child__network_id=registration.network_id).values_list(
            "child_id", flat=True
        )
    )
    if not child_ids:
        return []
    latest: dict[int, Case] = {}
    for case in (
        Case.objects.filter(network_id=registration.network_id, child_id__in=child_ids)
        .select_related("child")
        .prefetch_related("child__guardians")
        .order_by("opened_at")
    ):
        latest[case.child_id] = case
    return [
        case
        for case in latest.values()
        if case.child_id != registration.child_id
        and not _same_child(
            registration, case.child.given_name, case.child.family_name, case.child.date_of_birth
        )
        and same_family(
            registration.child_family_name,
            registration.guardians,
            case.child.family_name,
            case.child.guardians.all(),
        )
    ]
