"""Every table the kept lists read is watched: a change to any of them ends the lists it may
change (kept/stamps.py), so no kept work list or MDO page shows data that has changed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vroeghulp.accounts.constants import Role
from vroeghulp.kept.stamps import REACHES
from vroeghulp.meetings.views import _overview
from vroeghulp.referrals.tests.factories import RegistrationFactory
from vroeghulp.work.views import _rendered_work

pytestmark = pytest.mark.django_db

TABLE = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)
# SQLite's table-valued function behind id_lists.among: no table
NOT_TABLES = {"json_each"}


def _tables_read(render) -> set[str]:
    with CaptureQueriesContext(connection) as queries:
        render()
    return {table for query in queries for table in TABLE.findall(query["sql"])} - NOT_TABLES


def test_the_work_list_and_the_mdo_page_read_only_watched_tables(world):
    RegistrationFactory(network=world.network)
    user = world.users[Role.COORDINATOR]
    watched = {model._meta.db_table for model in REACHES}
    read = _tables_read(lambda: _rendered_work(user, False))
    read |= _tables_read(lambda: _overview(user, 1))
    assert read, "the lists read nothing?"
    assert read - watched == set()
