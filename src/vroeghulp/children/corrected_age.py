"""The corrected age of a child born too early: the calendar age minus the days born before term.

A child born before the network's threshold (32 weeks by default) is followed by corrected age
until the corrected age reaches the network's limit (24 months by default); after that, and for
every other child, only the calendar age counts. `corrected_age` is the one place that computes
it; `age_of` applies the child's own network's settings, and `format_age` writes an age in Dutch.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vroeghulp.calendar_months import add_months
from vroeghulp.networks.constants import CORRECTED_AGE_UNTIL_MONTHS, PREMATURE_THRESHOLD_WEEKS

TERM_DAYS = 40 * 7
# A threshold above this is not "premature" any more (born before 37 weeks is the definition).
MAX_THRESHOLD_WEEKS = 37
# The first months are written in weeks: they change fast and are counted in weeks by nurses.
WEEKS_UNTIL_MONTHS = 3


def whole_months(start: datetime.date, on: datetime.date) -> int:
    """Completed calendar months from `start` to `on` (`on` not before `start`)."""
    months = (on.year - start.year) * 12 + on.month - start.month
    while months > 0 and add_months(start, months) > on:
        months -= 1
    return months


def missing_days(weeks: int, days: int = 0) -> int:
    """Days born before term (40 weeks); none for a child born at or after term."""
    return max(0, TERM_DAYS - (weeks * 7 + days))


def under_rule(weeks: int | None, days: int | None, threshold_weeks: int) -> bool:
    """Born before the threshold: followed by corrected age."""
    if weeks is None:
        return False
    return weeks * 7 + (days or 0) < threshold_weeks * 7


@dataclass(frozen=True)
class ChildAge:
    born: datetime.date
    on: datetime.date
    calendar_days: int
    # None where the rule does not apply (not born before the threshold, or past the limit)
    corrected_days: int | None = None
    # the date the child would have been born at 40 weeks (set for a child under the rule)
    due_on: datetime.date | None = None

    @property
    def is_corrected(self) -> bool:
        return self.corrected_days is not None

    @property
    def calendar_text(self) -> str:
        return format_age(self.born, self.on)

    @property
    def corrected_text(self) -> str:
        if self.corrected_days is None:
            return ""
        if self.corrected_days < 0:
            weeks = -self.corrected_days // 7
            return ngettext(
                "%(n)d week vóór de uitgerekende datum",
                "%(n)d weken vóór de uitgerekende datum",
                weeks,
            ) % {"n": weeks}
        return format_age(self.due_on, self.on)

    def __str__(self) -> str:
        if self.corrected_days is None:
            return self.calendar_text
        return _("%(calendar)s (gecorrigeerd %(corrected)s)") % {
            "calendar": self.calendar_text,
            "corrected": self.corrected_text,
        }


def corrected_age(
    born: datetime.date,
    on: datetime.date,
    *,
    gestation_weeks: int | None,
    gestation_days: int | None = 0,
    threshold_weeks: int = PREMATURE_THRESHOLD_WEEKS,
    until_months: int = CORRECTED_AGE_UNTIL_MONTHS,
) -> ChildAge:
    """The calendar age on `on` and, for a child born before `threshold_weeks` whose corrected
    age has not reached `until_months`, the corrected age: calendar age − (40 weeks − gestation).
    """
    if on < born:
        raise ValueError("an age is asked for a day before the birth")
    calendar_days = (on - born).days
    if not under_rule(gestation_weeks, gestation_days, threshold_weeks):
        return ChildAge(born, on, calendar_days)
    missing = missing_days(gestation_weeks, gestation_days or 0)
    due_on = born + datetime.timedelta(days=missing)
    if on >= add_months(due_on, until_months):
        return ChildAge(born, on, calendar_days)
    return ChildAge(born, on, calendar_days, calendar_days - missing, due_on)


def age_of(child, on: datetime.date | None = None, *, network=None) -> ChildAge:
    """The age of a `Child` under its network's rule (`network`: the child's, when the caller
    has it loaded already, such as a case page's `case.network`).

    The network is read only for a child born before 37 weeks, so lists that load their children
    with `child__network` (or show no premature child) ask nothing more of the database.
    """
    return _under_network_rule(
        child.date_of_birth,
        child.gestational_age_weeks,
        child.gestational_age_days,
        lambda: network or child.network,
        on,
    )


def age_of_registration(registration, on: datetime.date | None = None) -> ChildAge:
    """The age of the child of a registration (not yet a `Child`) under the network's rule."""
    return _under_network_rule(
        registration.child_date_of_birth,
        registration.child_gestational_age_weeks,
        registration.child_gestational_age_days,
        lambda: registration.network,
        on,
    )


def _under_network_rule(born, weeks, days, network, on) -> ChildAge:
    on = max(on or timezone.localdate(), born)
    if not under_rule(weeks, days, MAX_THRESHOLD_WEEKS):
        return corrected_age(born, on, gestation_weeks=None)
    settings = network()
    return corrected_age(
        born,
        on,
        gestation_weeks=weeks,
        gestation_days=days,
        threshold_weeks=settings.premature_threshold_weeks,
        until_months=settings.corrected_age_until_months,
    )


def format_age(start: datetime.date, on: datetime.date) -> str:
    """An age in Dutch: days in the first two weeks, weeks in the first three months, then
    months, then years and months ("1 jaar 2 mnd")."""
    days = (on - start).days
    if days < 14:
        return ngettext("%(n)d dag", "%(n)d dagen", days) % {"n": days}
    months = whole_months(start, on)
    if months < WEEKS_UNTIL_MONTHS:
        return _("%(n)d wk") % {"n": days // 7}
    years, months = divmod(months, 12)
    if not years:
        return _("%(n)d mnd") % {"n": months}
    if not months:
        # A plural, as socialmap/ages.py has it: gettext keeps one entry per msgid, and a
        # singular lookup of a plural entry finds nothing.
        return ngettext("%(n)d jaar", "%(n)d jaar", years) % {"n": years}
    return _("%(years)d jaar %(months)d mnd") % {"years": years, "months": months}
