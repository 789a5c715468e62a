"""Ages served by an entry of the social map: stored in months, written as people say them.

An entry serves a child from `age_from` months of age until (not including) `age_to` months:
"0 tot 4 jaar" ends on the fourth birthday."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def months_old(born: datetime.date, today: datetime.date) -> int:
    """Whole months of age on `today` (a child born on the 31st turns a month on the last day
    of a shorter month)."""
    months = (today.year - born.year) * 12 + today.month - born.month
    if today.day < born.day and not _last_day_of_month(today):
        months -= 1
    return max(months, 0)


def _last_day_of_month(day: datetime.date) -> bool:
    return (day + datetime.timedelta(days=1)).month != day.month


def in_months(value: int | None, unit: str) -> int | None:
    if value is None:
        return None
    return value * 12 if unit == "years" else value


def split(months: int | None) -> tuple[int | None, str]:
    """The value and unit a form shows for a number of months: whole years as years."""
    if months is None:
        return None, "years"
    if months % 12 == 0:
        return months // 12, "years"
    return months, "months"


def age_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(n)d jaar", "%(n)d jaar", years) % {"n": years}
    return ngettext("%(n)d maand", "%(n)d maanden", months) % {"n": months}


def range_text(age_from: int | None, age_to: int | None) -> str:
    if age_from is None and age_to is None:
        return _("alle leeftijden")
    if age_to is None:
        return _("vanaf %(age)s") % {"age": age_text(age_from)}
    if age_from is None or age_from == 0:
        return _("tot %(age)s") % {"age": age_text(age_to)}
    return _("%(start)s tot %(end)s") % {
        "start": age_text(age_from),
        "end": age_text(age_to),
    }
