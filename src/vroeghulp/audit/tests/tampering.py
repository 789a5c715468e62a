"""Changing audit rows behind the application's back, as an attacker with database access would."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def triggers_disabled():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")
    else:
        yield


def raw_execute(sql: str, params: list) -> None:
    with triggers_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)
