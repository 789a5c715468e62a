"""The indicators of domain.md §6, each defined once: name, explanation, unit and computation.

The dashboard, the exports and `compute_indicators` all use these definitions. A period selects
what happened in it: registrations received, cases accepted, closings, meetings, plan versions.
Waiting times count actual days per child from the registration (the date the registration was
received, which is also the case's `opened_at`).
"""

import datetime
import queue
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases import states
from vroeghulp.cases.constants import ClosingReason, GoalRealisation, SupportResponse
from vroeghulp.cases.models import (
    Case,
    Closure,
    Delay,
    FamilySupport,
    Goal,
    PhaseTransition,
    ReferralOut,
    TimeSpent,
)
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.models import Consult
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.networks.models import Municipality, Network, TeamTier
from vroeghulp.plans.models import Discussion, PlanVersion
from vroeghulp.portal.models import SatisfactionAnswer
from vroeghulp.referrals.constants import Route
from vroeghulp.referrals.models import Registration
from vroeghulp.socialmap.constants import HELP_KINDS, SUPPORT_KINDS
from vroeghulp.socialmap.models import SocialMapEntry

from .ages import DaysBetween, age_group_filter


@dataclass(frozen=True)
class Scope:
    networks: list
    start: datetime.date
    end: datetime.date
    municipality_ids: list[int] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    age_groups: list[str] = field(default_factory=list)
    # Intermediate results several indicators share, computed once per scope.
    shared: dict = field(
        default_factory=lambda: {"lock": threading.RLock()}, compare=False, repr=False
    )

    def narrowed(self, networks: list) -> "Scope":
        """The same filters for fewer networks, with nothing shared from this scope."""
        return Scope(
            networks=networks,
            start=self.start,
            end=self.end,
            municipality_ids=self.municipality_ids,
            routes=self.routes,
            age_groups=self.age_groups,
        )

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_at(self) -> datetime.datetime:
        next_day = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))


def a_year_earlier(scope: Scope) -> Scope:
    """The same period one year back, for comparison (29 February becomes the 28th)."""

    def back(day: datetime.date) -> datetime.date:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:
            return day.replace(year=day.year - 1, day=28)

    return Scope(
        networks=scope.networks,
        start=back(scope.start),
        end=back(scope.end),
        municipality_ids=scope.municipality_ids,
        routes=scope.routes,
        age_groups=scope.age_groups,
    )


@dataclass
class Result:
    """A count, a share (numerator of denominator) or a distribution of days or years.

    A distribution is kept as value → how many, counted by the database: tens of thousands of
    waits nationally are a few hundred distinct values, cheap to fetch, keep and compute on.
    """

    count: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    distribution: dict[float, int] = field(default_factory=dict)
    norm: int | None = None
    breakdown: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, values, **fields) -> "Result":
        """A distribution from separate values."""
        return cls(distribution=dict(Counter(values)), **fields)

    @property
    def values(self) -> list[float]:
        """Every value, in order."""
        return [
            value
            for value in sorted(self.distribution)
            for _copy in range(self.distribution[value])
        ]

    @property
    def share(self) -> float | None:
        if not self.denominator:
            return None
        return round(self.numerator / self.denominator, 3)

    @property
    def n(self) -> int:
        return sum(self.distribution.values())

    def _nth(self, rank: int) -> float:
        """The value at position `rank` (from 0) of the values in order."""
        seen = 0
        for value in sorted(self.distribution):
            seen += self.distribution[value]
            if rank < seen:
                return value
        raise IndexError(rank)

    @property
    def median(self) -> float | None:
        n = self.n
        if not n:
            return None
        middle = (self._nth((n - 1) // 2) + self._nth(n // 2)) / 2
        return round(middle, 1)

    @property
    def p80(self) -> float | None:
        n = self.n
        if not n:
            return None
        return round(self._nth(max(0, -(-n * 80 // 100) - 1)), 1)

    @property
    def within_norm(self) -> float | None:
        n = self.n
        if self.norm is None or not n:
            return None
        within = sum(count for value, count in self.distribution.items() if value <= self.norm)
        return round(within / n, 3)

    def as_dict(self) -> dict:
        data = {
            "count": self.count,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "share": self.share,
            "n": self.n if self.distribution or self.norm is not None else None,
            "median": self.median,
            "p80": self.p80,
            "norm": self.norm,
            "within_norm": self.within_norm,
            "breakdown": self.breakdown or None,
        }
        return {key: value for key, value in data.items() if value is not None}


PER_THOUSAND = "per 1.000"


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    explanation: str
    unit: str
    compute: Callable[[Scope], Result]


# --- the data a scope selects -------------------------------------------------------------


def registrations(scope: Scope):
    rows = Registration.objects.filter(
        network__in=scope.networks, received_at__gte=scope.start_at, received_at__lt=scope.end_at
    ).exclude(status__in=["awaiting_confirmation", "not_confirmed"])
    if scope.municipality_ids:
        rows = rows.filter(municipality_id__in=scope.municipality_ids)
    if scope.routes:
        rows = rows.filter(route__in=scope.routes)
    if scope.age_groups:
        rows = rows.filter(age_group_filter(scope.age_groups, "child_date_of_birth", "received_at"))
    return rows


def _case_filter(scope: Scope, path: str = "") -> Q:
    """The scope's cases, for a model that reaches its case by `path` (e.g. "case__").

    Rows of another model are narrowed by joining their one case, not by `case__in` a subquery
    of cases: that subquery read every trajectory in the country for a national scope. When the
    scope spans every network, they need no join at all to learn a network that is always in it.
    """
    q = Q()
    if not (path and _spans_every_network(scope)):
        q &= Q(**{f"{path}network__in": scope.networks})
    if scope.municipality_ids:
        q &= Q(**{f"{path}child__municipality_id__in": scope.municipality_ids})
    if scope.routes:  # EXISTS, not a join: a child with two registrations counts once
        routes = Registration.objects.filter(child=OuterRef(f"{path}child"), route__in=scope.routes)
        q &= Q(Exists(routes))
    if scope.age_groups:
        q &= age_group_filter(scope.age_groups, f"{path}child__date_of_birth", f"{path}opened_at")
    return q


def _spans_every_network(scope: Scope) -> bool:
    return _shared(
        scope,
        "every_network",
        lambda scope: not Network.objects.exclude(pk__in=[n.pk for n in scope.networks]).exists(),
    )


def _accepted(scope: Scope, path: str = "") -> Q:
    """Cases opened (registration received) in the period, reached by `path`."""
    opened = {f"{path}opened_at__gte": scope.start_at, f"{path}opened_at__lt": scope.end_at}
    return _case_filter(scope, path) & Q(**opened)


def accepted_cases(scope: Scope):
    """Cases opened (registration received) in the period: one per trajectory, reopenings too."""
    return Case.objects.filter(_accepted(scope))


def _on(field: str) -> TruncDate:
    """The local date of a moment, computed by the database (no per-row work in Python)."""
    return TruncDate(field, tzinfo=timezone.get_current_timezone())


# --- computations ---------------------------------------------------------------------------


def _grouped(rows, field: str, missing: str = "onbekend") -> Result:
    """A count with its breakdown by `field`, counted by the database."""
    counts = rows.order_by().values_list(field).annotate(n=Count("pk"))
    breakdown = {key if key is not None else missing: n for key, n in counts}
    return Result(count=sum(breakdown.values()), breakdown=breakdown)


def _share(rows, condition: Q) -> Result:
    """The rows meeting `condition` (on their own columns) out of all rows, in one pass."""
    return Result(
        **rows.order_by().aggregate(
            numerator=Count("pk", filter=condition), denominator=Count("pk")
        )
    )


def _registrations_by(scope: Scope, *fields: str) -> dict[tuple, int]:
    """The period's registrations counted per combination of `fields`, once per scope: the
    inflow, the declined share and the reach read the same rows in different groupings."""

    def count(scope):
        rows = registrations(scope).order_by().values_list(*fields).annotate(n=Count("pk"))
        return {tuple(row[:-1]): row[-1] for row in rows}

    return _shared(scope, ("registrations", fields), count)


def _summed(counts: dict[tuple, int], key: Callable, missing: str = "onbekend") -> Result:
    breakdown = Counter()
    for values, n in counts.items():
        found = key(*values)
        breakdown[found if found is not None else missing] += n
    return Result(count=sum(breakdown.values()), breakdown=dict(breakdown))


def inflow(scope: Scope) -> Result:
    return _summed(_registrations_by(scope, "route", "status"), lambda route, _status: route)


def inflow_by_municipality(scope: Scope) -> Result:
    """Per municipality of the scope, those without registrations too (a municipality left out
    would tell that the others brought some)."""
    counts = _registrations_by(scope, "municipality_id")
    municipalities = Municipality.objects.filter(network__in=scope.networks)
    if scope.municipality_ids:
        municipalities = municipalities.filter(pk__in=scope.municipality_ids)
    in_scope = dict(municipalities.values_list("pk", "name"))
    found = [pk for (pk,) in counts if pk not in in_scope]
    names = in_scope | dict(Municipality.objects.filter(pk__in=found).values_list("pk", "name"))
    result = _summed(counts, lambda pk: names.get(pk))
    for name in in_scope.values():
        result.breakdown.setdefault(name, 0)
    if not scope.municipality_ids:
        result.breakdown.setdefault("onbekend", 0)
    return result


def declined(scope: Scope) -> Result:
    counts = _registrations_by(scope, "route", "status")
    return Result(
        numerator=sum(n for (_route, status), n in counts.items() if status == "declined"),
        denominator=sum(counts.values()),
    )


def declined_reasons(scope: Scope) -> Result:
    """Registrations of the period answered elsewhere, per kind of reason."""
    counts = _registrations_by(scope, "status", "decline_kind")
    return _summed(
        {(kind,): n for (status, kind), n in counts.items() if status == "declined"},
        lambda kind: kind or "other",
    )


def outflow(scope: Scope) -> Result:
    return _grouped(_closures(scope), "reason")


def caseload(scope: Scope) -> Result:
    """Trajectories open at the end of the period (follow-up not counted)."""
    rows = Case.objects.filter(_case_filter(scope), opened_at__lt=scope.end_at).exclude(
        phase=states.Phase.FOLLOW_UP
    )
    open_at_end = rows.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=scope.end_at))
    return Result(count=open_at_end.count())


def _days_counted(rows, start, end) -> dict[int, int]:
    """How many rows per whole number of days from `start` to `end` (dates), counted by the
    database: a few hundred groups instead of a row per child."""
    grouped = rows.order_by().values_list(DaysBetween(start, end)).annotate(n=Count("pk"))
    return dict(grouped)


def _distributed(counted: dict, **fields) -> Result:
    """A distribution from the database's count per value (days, hours)."""
    return Result(distribution={float(value): n for value, n in counted.items()}, **fields)


def _in_years(counted: dict[int, int]) -> Result:
    distribution = Counter()
    for days, n in counted.items():
        distribution[round(days / 365.25, 1)] += n
    return Result(distribution=dict(distribution))


def age_at_registration(scope: Scope) -> Result:
    return _in_years(_days_counted(registrations(scope), "child_date_of_birth", _on("received_at")))


def age_at_first_concern(scope: Scope) -> Result:
    rows = registrations(scope).exclude(first_concern_on=None)
    return _in_years(_days_counted(rows, "child_date_of_birth", "first_concern_on"))


def _shared(scope: Scope, name: str | tuple, compute: Callable):
    """An intermediate result several indicators use, computed once per scope (thread-safe)."""
    with scope.shared["lock"]:  # one lock per result: others are computed meanwhile
        lock = scope.shared.setdefault(("lock", name), threading.Lock())
    with lock:
        if name not in scope.shared:
            scope.shared[name] = compute(scope)
    return scope.shared[name]


def _milestone_reached(scope: Scope, milestone: str):
    """Cases started in the period that reached a milestone (kept on the case, see
    cases.milestones: no join of their meetings or plans)."""
    return accepted_cases(scope).exclude(**{milestone: None})


def age_at_meeting(scope: Scope) -> Result:
    rows = _milestone_reached(scope, "first_meeting_on")
    return _in_years(_days_counted(rows, "child__date_of_birth", "first_meeting_on"))


def days_to_callback(scope: Scope) -> Result:
    rows = registrations(scope).exclude(called_back_at=None)
    counted = _days_counted(rows, _on("received_at"), _on("called_back_at"))
    return _distributed(counted, norm=_norm(scope))


def _norm(scope: Scope, setting: str = "callback_deadline_days") -> int | None:
    """The networks' norm for an indicator, when they share one."""
    norms = {getattr(network, setting) for network in scope.networks}
    return norms.pop() if len(norms) == 1 else None


def days_to_intake(scope: Scope) -> Result:
    rows = _milestone_reached(scope, "visited_on")
    return _distributed(_days_counted(rows, _on("opened_at"), "visited_on"))


def days_to_meeting(scope: Scope) -> Result:
    rows = _milestone_reached(scope, "first_meeting_on")
    return _distributed(_days_counted(rows, _on("opened_at"), "first_meeting_on"))


def days_to_plan_discussed(scope: Scope) -> Result:
    rows = _milestone_reached(scope, "plan_discussed_on")
    return _distributed(_days_counted(rows, _on("opened_at"), "plan_discussed_on"))


def days_meeting_to_plan(scope: Scope) -> Result:
    """From the first team meeting to the first conversation about the plan with the parents."""
    rows = _milestone_reached(scope, "plan_discussed_on").exclude(first_meeting_on=None)
    return _distributed(_days_counted(rows, "first_meeting_on", "plan_discussed_on"))


def delay_reasons(scope: Scope) -> Result:
    """Reasons for delay the case teams recorded in the period, per reason."""
    delays = Delay.objects.filter(
        _case_filter(scope, "case__"),
        recorded_at__gte=scope.start_at,
        recorded_at__lt=scope.end_at,
    )
    return _grouped(delays, "reason")


def discussed_by_team(scope: Scope) -> Result:
    return _share(accepted_cases(scope), Q(first_meeting_on__isnull=False))


def with_casemanager(scope: Scope) -> Result:
    return _share(accepted_cases(scope), Q(casemanager_from__isnull=False))


def plans_explained(scope: Scope) -> Result:
    versions = PlanVersion.objects.filter(
        _case_filter(scope, "plan__case__"),
        issued_at__gte=scope.start_at,
        issued_at__lt=scope.end_at,
    )
    explained = Exists(Discussion.objects.filter(version=OuterRef("pk")))
    return Result(numerator=versions.filter(explained).count(), denominator=versions.count())


def parents_at_meeting(scope: Scope) -> Result:
    items = AgendaItem.objects.filter(
        _case_filter(scope, "case__"),
        discussed_at__isnull=False,
        meeting__starts_at__gte=scope.start_at,
        meeting__starts_at__lt=scope.end_at,
    )
    return _share(items, Q(parents_attend=True))


def advice_without_meeting(scope: Scope) -> Result:
    """Moves to advice in the period: the share made without a team meeting (a network that
    allows it, with the parents' agreement)."""
    moves = PhaseTransition.objects.filter(
        _case_filter(scope, "case__"),
        to_phase=states.Phase.ADVICE,
        at__gte=scope.start_at,
        at__lt=scope.end_at,
    )
    return _share(moves, Q(without_meeting=True))


NO_TIER = "geen team gekozen"


def cases_per_tier(scope: Scope) -> Result:
    """Trajectories started in the period per team (tier) chosen for them; every tier of the
    networks listed, empty ones too. Networks without tiers give the count alone."""
    tiers = TeamTier.objects.filter(network__in=scope.networks).values_list("name", flat=True)
    counts = accepted_cases(scope).order_by().values_list("team_tier__name").annotate(n=Count("pk"))
    found = dict(counts)
    result = Result(count=sum(found.values()))
    if tiers:
        result.breakdown = dict.fromkeys(tiers, 0)
        result.breakdown[NO_TIER] = 0
        for name, n in found.items():
            result.breakdown[name or NO_TIER] += n
    return result


def _closures(scope: Scope):
    return Closure.objects.filter(
        _case_filter(scope, "case__"), closed_on__gte=scope.start, closed_on__lte=scope.end
    )


def _closed_cases(scope: Scope):
    """Cases closed in the period, for `case__in`: a subquery, so a trajectory reopened and
    closed twice counts once (a join on its closings would count its rows twice)."""
    return _closures(scope).values("case_id")


def goals_reached(scope: Scope) -> Result:
    goals = Goal.objects.filter(case__in=_closed_cases(scope)).exclude(realisation="")
    return _share(goals, Q(realisation__in=[GoalRealisation.REACHED, GoalRealisation.PARTLY]))


def early_dropouts(scope: Scope) -> Result:
    return _share(_closures(scope), Q(reason=ClosingReason.STOPPED_EARLY))


def placements(scope: Scope) -> Result:
    referrals = ReferralOut.objects.filter(
        _case_filter(scope, "case__"),
        referred_on__gte=scope.start,
        referred_on__lte=scope.end,
    )
    return _share(referrals.exclude(placed=None), Q(placed=True))


def family_support_accepted(scope: Scope) -> Result:
    offers = FamilySupport.objects.filter(
        _case_filter(scope, "case__"),
        offered_on__gte=scope.start,
        offered_on__lte=scope.end,
    ).exclude(response=SupportResponse.PENDING)
    return _share(offers, Q(response=SupportResponse.ACCEPTED))


# Help given by a provider or programme not on the social map (written out by name).
NOT_ON_THE_MAP = "niet op de sociale kaart"


def _per_entry(scope: Scope, rows, kinds) -> Result:
    """Rows counted per social-map entry (by name). Every active entry of the scope's networks
    of these kinds is listed, the empty ones too, and the help not on the map: an entry left
    out would tell that the ones shown are not empty."""

    def listed(scope):
        entries = SocialMapEntry.objects.filter(
            network__in=scope.networks, is_active=True, kind__in=kinds
        )
        return list(entries.order_by().values_list("name", flat=True).distinct())

    breakdown = dict.fromkeys(_shared(scope, ("social_map", tuple(sorted(kinds))), listed), 0)
    breakdown[NOT_ON_THE_MAP] = 0
    counts = rows.order_by().values_list("social_map_entry__name").annotate(n=Count("pk"))
    for name, n in counts:
        key = name if name is not None else NOT_ON_THE_MAP
        breakdown[key] = breakdown.get(key, 0) + n
    return Result(count=sum(breakdown.values()), breakdown=breakdown)


def _referrals_out(scope: Scope):
    return ReferralOut.objects.filter(
        _case_filter(scope, "case__"),
        referred_on__gte=scope.start,
        referred_on__lte=scope.end,
    )


def referrals_per_provider(scope: Scope) -> Result:
    return _per_entry(scope, _referrals_out(scope), HELP_KINDS)


def placements_per_provider(scope: Scope) -> Result:
    return _per_entry(scope, _referrals_out(scope).filter(placed=True), HELP_KINDS)


def _support_offers(scope: Scope):
    return FamilySupport.objects.filter(
        _case_filter(scope, "case__"),
        offered_on__gte=scope.start,
        offered_on__lte=scope.end,
    )


def support_offered_per_programme(scope: Scope) -> Result:
    return _per_entry(scope, _support_offers(scope), SUPPORT_KINDS)


def support_accepted_per_programme(scope: Scope) -> Result:
    accepted = _support_offers(scope).filter(response=SupportResponse.ACCEPTED)
    return _per_entry(scope, accepted, SUPPORT_KINDS)


def parent_satisfaction(scope: Scope) -> Result:
    """Answers of 4 or 5 out of all answers given in the period (anonymous: totals only)."""
    answers = SatisfactionAnswer.objects.filter(
        _case_filter(scope, "case__"),
        answered_at__gte=scope.start_at,
        answered_at__lt=scope.end_at,
    )
    return _share(answers, Q(score__gte=4))


def _hours_by(selection: Q, group: str) -> list[tuple]:
    """Hours recorded on the rows `selection` picks, summed per `group`."""
    rows = TimeSpent.objects.filter(selection)
    return list(rows.order_by().values_list(group).annotate(total=Sum("hours")))


def hours_per_trajectory(scope: Scope) -> Result:
    """Hours recorded on each trajectory closed in the period (those without hours left out),
    against the hours budget when the networks share one."""
    closed = Case.objects.filter(pk__in=_closed_cases(scope)).exclude(hours_total=None)
    totals = closed.order_by().values_list("hours_total").annotate(n=Count("pk"))
    return _distributed(dict(totals), norm=_norm(scope, "hours_budget"))


def hours_per_organisation(scope: Scope) -> Result:
    """Hours recorded in the period (team meetings included), per organisation, in whole hours."""
    in_period = Q(on__gte=scope.start, on__lte=scope.end)
    rows = _hours_by(_case_filter(scope, "case__") & in_period, "organisation__name")
    breakdown = {name: round(total) for name, total in rows}
    return Result(count=round(sum(total for _name, total in rows)), breakdown=breakdown)


def _reach(scope: Scope, counted) -> Result:
    """Children counted per municipality against the children aged 0–7 living there, over the
    municipalities whose number is recorded (the others cannot be compared). `counted` may
    count other municipalities too: only the known ones are summed (a filter on hundreds of
    municipality ids made PostgreSQL read every child through that index)."""
    municipalities = Municipality.objects.filter(network__in=scope.networks, children_0_7__gt=0)
    if scope.municipality_ids:
        municipalities = municipalities.filter(pk__in=scope.municipality_ids)
    known = list(municipalities.order_by("name"))
    counts = dict(counted(known))
    return Result(
        numerator=sum(counts.get(m.pk, 0) for m in known),
        denominator=sum(m.children_0_7 for m in known),
        breakdown={f"{m.name} (van {m.children_0_7})": counts.get(m.pk, 0) for m in known},
    )


def reach_registered(scope: Scope) -> Result:
    def counted(known):
        return [(pk, n) for (pk,), n in _registrations_by(scope, "municipality_id").items()]

    return _reach(scope, counted)


def reach_discussed(scope: Scope) -> Result:
    def counted(known):
        discussed = AgendaItem.objects.filter(  # all municipalities: _reach keeps the known
            _case_filter(scope, "case__"),
            discussed_at__isnull=False,
            meeting__starts_at__gte=scope.start_at,
            meeting__starts_at__lt=scope.end_at,
        ).order_by()
        return discussed.values_list("case__child__municipality_id").annotate(
            n=Count("case__child_id", distinct=True)
        )

    return _reach(scope, counted)


def consults(scope: Scope):
    """CB-plus consults concluded and held in the period: the child's municipality and age on
    the day of the consult; a route filter without CB-plus leaves none."""
    rows = Consult.objects.filter(
        network__in=scope.networks,
        status=ConsultStatus.CONCLUDED,
        held_on__gte=scope.start,
        held_on__lte=scope.end,
    )
    if scope.municipality_ids:
        rows = rows.filter(child__municipality_id__in=scope.municipality_ids)
    if scope.routes and Route.CBPLUS not in scope.routes:
        rows = rows.none()
    if scope.age_groups:
        rows = rows.filter(age_group_filter(scope.age_groups, "child__date_of_birth", "held_on"))
    return rows


def _consults_counted(scope: Scope) -> dict:
    """How many consults, and how many of them led to a registration, in one pass."""
    return _shared(
        scope,
        "cbplus",
        lambda scope: (
            consults(scope)
            .order_by()
            .aggregate(
                numerator=Count("pk", filter=Q(registration__isnull=False)), denominator=Count("pk")
            )
        ),
    )


def consults_held(scope: Scope) -> Result:
    return Result(count=_consults_counted(scope)["denominator"])


def consults_registered(scope: Scope) -> Result:
    return Result(**_consults_counted(scope))


INDICATORS = [
    Indicator(
        "inflow",
        _("Instroom"),
        _("Aanmeldingen ontvangen in de periode, per route."),
        "aantal",
        inflow,
    ),
    Indicator(
        "inflow_municipality",
        _("Instroom per gemeente"),
        _("Aanmeldingen per woongemeente van het kind."),
        "aantal",
        inflow_by_municipality,
    ),
    Indicator(
        "reach_registered",
        _("Bereik: aangemeld"),
        _(
            "Aanmeldingen in de periode per 1.000 kinderen van 0–7 jaar in de gemeenten waarvan "
            "dat aantal bekend is."
        ),
        PER_THOUSAND,
        reach_registered,
    ),
    Indicator(
        "reach_discussed",
        _("Bereik: besproken in het MDO"),
        _(
            "Kinderen die in de periode in het MDO zijn besproken per 1.000 kinderen van 0–7 jaar "
            "in de gemeenten waarvan dat aantal bekend is."
        ),
        PER_THOUSAND,
        reach_discussed,
    ),
    Indicator(
        "declined",
        _("Elders geadviseerd"),
        _("Deel van de aanmeldingen dat niet tot een traject leidde."),
        "deel",
        declined,
    ),
    Indicator(
        "declined_reasons",
        _("Elders geadviseerd, per reden"),
        _("Aanmeldingen van de periode die niet tot een traject leidden, per soort reden."),
        "aantal",
        declined_reasons,
    ),
    Indicator(
        "outflow",
        _("Uitstroom"),
        _("Trajecten afgesloten in de periode, per reden."),
        "aantal",
        outflow,
    ),
    Indicator(
        "caseload",
        _("Lopende trajecten"),
        _("Trajecten die aan het eind van de periode lopen (zonder langdurige begeleiding)."),
        "aantal",
        caseload,
    ),
    Indicator(
        "age_first_concern",
        _("Leeftijd bij eerste zorg"),
        _("Leeftijd van het kind toen de zorg begon (als bekend)."),
        "jaren",
        age_at_first_concern,
    ),
    Indicator(
        "age_registration",
        _("Leeftijd bij aanmelding"),
        _("Leeftijd van het kind op de dag van aanmelding."),
        "jaren",
        age_at_registration,
    ),
    Indicator(
        "age_meeting",
        _("Leeftijd bij eerste MDO"),
        _("Leeftijd van het kind bij de eerste bespreking in het kernteam."),
        "jaren",
        age_at_meeting,
    ),
    Indicator(
        "days_callback",
        _("Dagen tot terugbellen"),
        _(
            "Dagen van aanmelding tot het terugbelgesprek; "
            "norm: de terugbeltermijn van het netwerk."
        ),
        "dagen",
        days_to_callback,
    ),
    Indicator(
        "days_intake",
        _("Dagen tot huisbezoek"),
        _("Dagen van aanmelding tot het huisbezoek (intake)."),
        "dagen",
        days_to_intake,
    ),
    Indicator(
        "days_meeting",
        _("Dagen tot MDO"),
        _("Dagen van aanmelding tot de eerste bespreking in het kernteam."),
        "dagen",
        days_to_meeting,
    ),
    Indicator(
        "days_plan",
        _("Dagen tot besproken adviesplan"),
        _("Dagen van aanmelding tot het eerste gesprek met de ouders over het adviesplan."),
        "dagen",
        days_to_plan_discussed,
    ),
    Indicator(
        "days_meeting_plan",
        _("Dagen van MDO tot besproken plan"),
        _("Dagen van de eerste bespreking in het kernteam tot het gesprek over het adviesplan."),
        "dagen",
        days_meeting_to_plan,
    ),
    Indicator(
        "delays",
        _("Redenen van vertraging"),
        _("Redenen die het team vastlegde toen een wachttijd uitliep, per reden."),
        "aantal",
        delay_reasons,
    ),
    Indicator(
        "discussed",
        _("Besproken door het kernteam"),
        _("Deel van de gestarte trajecten dat al in het MDO is besproken."),
        "deel",
        discussed_by_team,
    ),
    Indicator(
        "advice_without_meeting",
        _("Advies zonder MDO"),
        _(
            "Deel van de overgangen naar advies in de periode dat zonder bespreking in het MDO "
            "ging (door de trajectbegeleider, met instemming van de ouders)."
        ),
        "deel",
        advice_without_meeting,
    ),
    Indicator(
        "cases_per_tier",
        _("Trajecten per team"),
        _(
            "Trajecten gestart in de periode, per gekozen team (lokaal kernteam of provinciaal "
            "team)."
        ),
        "aantal",
        cases_per_tier,
    ),
    Indicator(
        "casemanager",
        _("Met casemanager"),
        _("Deel van de gestarte trajecten met een casemanager."),
        "deel",
        with_casemanager,
    ),
    Indicator(
        "plan_explained",
        _("Plan mondeling toegelicht"),
        _("Deel van de uitgegeven planversies dat met de ouders is besproken."),
        "deel",
        plans_explained,
    ),
    Indicator(
        "parents_present",
        _("Ouders bij het MDO"),
        _("Deel van de besprekingen in het MDO waarbij de ouders er waren."),
        "deel",
        parents_at_meeting,
    ),
    Indicator(
        "hours_trajectory",
        _("Uren per traject"),
        _(
            "Geschreven uren per traject dat in de periode is afgesloten (met MDO-tijd); "
            "de norm is het urenbudget van het netwerk."
        ),
        "uren",
        hours_per_trajectory,
    ),
    Indicator(
        "hours_organisation",
        _("Uren per organisatie"),
        _("Uren die professionals in de periode schreven, per organisatie waarvoor zij werken."),
        "aantal",
        hours_per_organisation,
    ),
    Indicator(
        "goals",
        _("Doelen (deels) bereikt"),
        _("Deel van de geëvalueerde doelen van ouders dat bij afsluiting (deels) bereikt is."),
        "deel",
        goals_reached,
    ),
    Indicator(
        "satisfaction",
        _("Tevredenheid ouders"),
        _("Deel van de antwoorden op de vragenlijst bij afsluiting met een 4 of 5 (van 5)."),
        "deel",
        parent_satisfaction,
    ),
    Indicator(
        "dropouts",
        _("Voortijdig gestopt"),
        _("Deel van de afsluitingen waarbij de ouders vroegtijdig stopten."),
        "deel",
        early_dropouts,
    ),
    Indicator(
        "placements",
        _("Verwijzing leidde tot plaatsing"),
        _("Deel van de verwijzingen met bekende afloop dat tot plaatsing leidde."),
        "deel",
        placements,
    ),
    Indicator(
        "family_support",
        _("Gezinsondersteuning aangenomen"),
        _("Deel van het beantwoorde aanbod gezinsondersteuning dat de ouders aannamen."),
        "deel",
        family_support_accepted,
    ),
    Indicator(
        "referrals_provider",
        _("Verwijzingen per aanbieder"),
        _("Verwijzingen in de periode, per aanbieder van de sociale kaart."),
        "aantal",
        referrals_per_provider,
    ),
    Indicator(
        "placements_provider",
        _("Plaatsingen per aanbieder"),
        _(
            "Verwijzingen uit de periode die tot plaatsing leidden, per aanbieder van de sociale "
            "kaart."
        ),
        "aantal",
        placements_per_provider,
    ),
    Indicator(
        "support_offered_programme",
        _("Gezinsondersteuning aangeboden, per programma"),
        _("Aanbod gezinsondersteuning in de periode, per programma van de sociale kaart."),
        "aantal",
        support_offered_per_programme,
    ),
    Indicator(
        "support_accepted_programme",
        _("Gezinsondersteuning aangenomen, per programma"),
        _(
            "Aanbod gezinsondersteuning uit de periode dat de ouders aannamen, per programma van "
            "de sociale kaart."
        ),
        "aantal",
        support_accepted_per_programme,
    ),
    Indicator(
        "cbplus_consults",
        _("CB-plus-consulten"),
        _("Afgeronde CB-plus-consulten op het consultatiebureau, gehouden in de periode."),
        "aantal",
        consults_held,
    ),
    Indicator(
        "cbplus_registered",
        _("CB-plus leidde tot aanmelding"),
        _(
            "Deel van de afgeronde CB-plus-consulten uit de periode dat tot een aanmelding bij "
            "Integrale Vroeghulp leidde."
        ),
        "deel",
        consults_registered,
    ),
]


def compute_all(scope: Scope) -> dict[str, Result]:
    return compute_many([scope])[0]


def compute_many(scopes: list[Scope]) -> list[dict[str, Result]]:
    return compute_with(scopes, [])[0]


def compute_with(scopes: list[Scope], alongside: list[Callable]) -> tuple[list[dict], list]:
    """Every indicator for every scope, and the results of other work the same page needs.

    The tasks alternate between the scopes, so that two workers seldom wait for the same
    intermediate result; the other work goes first, as it is the longest.
    """
    tasks = [(scope, indicator) for indicator in INDICATORS for scope in scopes]
    done = side_by_side([*alongside, *(partial(i.compute, s) for s, i in tasks)])
    results, per_scope = done[len(alongside) :], [{} for _scope in scopes]
    for n, result in enumerate(results):
        per_scope[n % len(scopes)][tasks[n][1].key] = result
    return per_scope, done[: len(alongside)]


def side_by_side(work: list[Callable]) -> list:
    """The results of independent queries, in order; with MONITORING_WORKERS > 1 several at a
    time. On PostgreSQL they then run side by side in separate connections (one per worker
    thread, closed when it is done), each worker taking the next when it is free."""
    workers = min(settings.MONITORING_WORKERS, len(work))
    if workers <= 1:
        return [task() for task in work]
    todo = queue.SimpleQueue()
    for numbered in enumerate(work):
        todo.put(numbered)
    language = translation.get_language()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        shares = list(pool.map(partial(_in_own_connection, language), [todo] * workers))
    done = {n: result for share in shares for n, result in share.items()}
    return [done[n] for n in range(len(work))]


def _in_own_connection(language: str, todo: queue.SimpleQueue) -> dict[int, object]:
    """Tasks taken from the shared queue until it is empty, in the worker's own connection and
    in the language of the page (a thread starts in the default one)."""
    done = {}
    try:
        _tuned_for_counting()
        with translation.override(language):
            while True:
                try:
                    n, task = todo.get_nowait()
                except queue.Empty:
                    return done
                done[n] = task()
    finally:
        connections.close_all()


def _tuned_for_counting() -> None:
    """The workers already share out the cores; PostgreSQL's own parallel workers on top of
    them measured slower (national dashboard 3.9 s with them, 3.05 s without). The national
    joins hash a few hundred thousand rows: with the default 4 MB they spill to disk."""
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET max_parallel_workers_per_gather = 0")
            cursor.execute("SET work_mem = '64MB'")


def inflow_per_month(scope: Scope) -> list[tuple[str, int]]:
    months_found = (
        registrations(scope)
        .order_by()
        .values_list(TruncMonth("received_at", tzinfo=timezone.get_current_timezone()))
        .annotate(n=Count("pk"))
    )
    counts = {_month_key(month): n for month, n in months_found}
    months, day = [], scope.start.replace(day=1)
    while day <= scope.end:
        months.append(day.strftime("%Y-%m"))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return [(month, counts.get(month, 0)) for month in months]


def _month_key(month) -> str:
    if isinstance(month, datetime.datetime):
        month = timezone.localtime(month)
    return month.strftime("%Y-%m")
