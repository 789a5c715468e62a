"""Age groups for the dashboard filter: the child's age when the registration came in.

The age is computed in the database, so a filter costs no extra round trips at national scale.
A child born before its network's premature threshold is placed in a group by corrected age
(children/corrected_age.py) while that is below the network's limit: a child born at 27 weeks
and registered at 14 months is 11 months corrected and belongs with the under-ones. In the
database the limit counts months of 30.4375 days (the calendar's average).
"""

from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import GreaterThanOrEqual, LessThan
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.corrected_age import TERM_DAYS

# (code, label, from days, until days): the child's age on the day of registration.
AGE_GROUPS = [
    ("0-1", _("jonger dan 1 jaar"), 0, 365),
    ("1-2", _("1 jaar"), 365, 730),
    ("2-4", _("2 en 3 jaar"), 730, 1461),
    ("4+", _("4 jaar en ouder"), 1461, None),
]
AGE_GROUP_CHOICES = [(code, label) for code, label, _from, _until in AGE_GROUPS]


class DaysBetween(Func):
    """Whole days from a date to a date, or to the (UTC) date of a timestamp, on SQLite and
    PostgreSQL."""

    arity = 2
    output_field = IntegerField()

    def _compiled(self, compiler):
        (day_sql, day_params), (moment_sql, moment_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return day_sql, moment_sql, (*day_params, *moment_params)

    def as_sqlite(self, compiler, connection, **extra):
        day, moment, params = self._compiled(compiler)
        return f"CAST(julianday(date({moment})) - julianday({day}) AS INTEGER)", params

    def as_sql(self, compiler, connection, **extra):
        day, moment, params = self._compiled(compiler)
        return f"(CAST({moment} AS date) - {day})", params


# 30.4375 days a month, as a fraction of integers so both databases compare whole numbers
MONTH_DAYS_TIMES_16 = 487


def age_in_days(date_of_birth: str, moment: str):
    """The child's age in days at `moment`: corrected for a child under its network's premature
    rule, the calendar age otherwise. `date_of_birth` is the path of the birth date
    ("child_date_of_birth" on a registration, "child__date_of_birth" on a case, after a prefix
    such as "case__"); the gestation and the network are found beside it."""
    prefix = date_of_birth.removesuffix("date_of_birth")
    network = prefix.removesuffix("child_").removesuffix("child__") + "network__"
    born_at_days = F(f"{prefix}gestational_age_weeks") * 7 + Coalesce(
        F(f"{prefix}gestational_age_days"), Value(0)
    )
    calendar = DaysBetween(date_of_birth, moment)
    corrected = calendar - (Value(TERM_DAYS) - born_at_days)
    under_rule = (
        Q(**{f"{prefix}gestational_age_weeks__isnull": False})
        & Q(LessThan(born_at_days, F(f"{network}premature_threshold_weeks") * 7))
        & Q(
            LessThan(
                corrected * 16,
                F(f"{network}corrected_age_until_months") * MONTH_DAYS_TIMES_16,
            )
        )
    )
    # before the due date a child counts as 0 days corrected
    return Case(
        When(under_rule, then=Greatest(corrected, Value(0))),
        default=calendar,
        output_field=IntegerField(),
    )


def age_group_filter(codes: list[str], date_of_birth: str, moment: str) -> Q:
    """Rows whose child was in one of the age groups at `moment` (empty codes: no filter)."""
    age = age_in_days(date_of_birth, moment)
    q = Q()
    for code, _label, start, until in AGE_GROUPS:
        if code in codes:
            group = Q(GreaterThanOrEqual(age, start))
            if until is not None:
                group &= Q(LessThan(age, until))
            q |= group
    return q
