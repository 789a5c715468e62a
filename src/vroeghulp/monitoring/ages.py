"""Age groups for the dashboard filter: the child's age when the registration came in.

The age is computed in the database, so a filter costs no extra round trips at national scale.
"""

from django.db.models import Func, IntegerField, Q
from django.db.models.lookups import GreaterThanOrEqual, LessThan
from django.utils.translation import gettext_lazy as _

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


def age_group_filter(codes: list[str], date_of_birth: str, moment: str) -> Q:
    """Rows whose child was in one of the age groups at `moment` (empty codes: no filter)."""
    age = DaysBetween(date_of_birth, moment)
    q = Q()
    for code, _label, start, until in AGE_GROUPS:
        if code in codes:
            group = Q(GreaterThanOrEqual(age, start))
            if until is not None:
                group &= Q(LessThan(age, until))
            q |= group
    return q
