"""Which visits a child born too early gets: the network's moments, dated by corrected age."""

import datetime

from vroeghulp.calendar_months import add_months
from vroeghulp.children.corrected_age import age_of, missing_days


def planned_moments(case) -> list[tuple[int, str, datetime.date]]:
    """(corrected months, kind, planned date) for each moment of the network's schedule that
    falls on or after the day the trajectory opened; empty for a child not under the rule."""
    child, network = case.child, case.network
    if not is_followed(case):
        return []
    due_on = child.date_of_birth + datetime.timedelta(
        days=missing_days(child.gestational_age_weeks, child.gestational_age_days or 0)
    )
    opened = case.opened_at.date()
    moments = []
    for moment in sorted(network.premature_moments, key=lambda m: m["months"]):
        planned = add_months(due_on, moment["months"])
        if planned >= opened:
            moments.append((moment["months"], moment["kind"], planned))
    return moments


def is_followed(case) -> bool:
    """Born before the network's threshold (whatever the age now: a schedule, once made, stays)."""
    weeks = case.child.gestational_age_weeks
    if weeks is None:
        return False
    days = case.child.gestational_age_days or 0
    return weeks * 7 + days < case.network.premature_threshold_weeks * 7


def child_age(case, on: datetime.date | None = None):
    """The child's age on the case's pages, with the network the case already loaded."""
    return age_of(case.child, on, network=case.network)
