"""`filter(among("case_id", ids))`: a column among a list of ids sent as one parameter.

Django writes `__in=[...]` as one placeholder per id: for a coordinator on hundreds of teams,
every query of the work list would carry and plan hundreds of them. Here PostgreSQL gets one
array (`= ANY(%s)`) and SQLite one JSON text (`IN (SELECT value FROM json_each(%s))`).
"""

import json

from django.db.models import F, Lookup


class _Among(Lookup):
    lookup_name = "among"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        # the column as Django compiled it; the ids are a parameter
        column, params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s)", [*params, ids]
        sql = f"{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608
        return sql, [*params, json.dumps(ids)]


def among(field: str, ids) -> _Among:
    return _Among(F(field), list(ids))
