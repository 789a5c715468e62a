"""Which dates an advice item may be due on: not before its trajectory began, not past two years.

A date outside that range is a typing error (a wrong year), and on the work list it would be
overdue from the start or never come; the form and the action both ask this one rule.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.cases.models import Case

MAX_YEARS_AHEAD = 2


def latest_due_date(today: datetime.date) -> datetime.date:
    try:
        return today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)


def due_date_error(case: Case, due_on: datetime.date | None) -> str | None:
    """A clear Dutch message when `due_on` cannot be meant, else None."""
    if due_on is None:
        return None
    opened_on = timezone.localtime(case.opened_at).date()
    if due_on < opened_on:
        return _(
            "Deze datum ligt voor de aanmelding van het kind (%(opened)s). Kies een latere datum."
        ) % {"opened": opened_on.strftime("%d-%m-%Y")}
    latest = latest_due_date(timezone.localdate())
    if due_on > latest:
        return _(
            "Deze datum ligt meer dan twee jaar vooruit (uiterlijk %(latest)s). Klopt het jaartal?"
        ) % {"latest": latest.strftime("%d-%m-%Y")}
    return None
