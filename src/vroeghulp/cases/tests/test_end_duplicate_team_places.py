"""The migration before the one-active-place constraint ends the duplicates, keeping the oldest."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("cases", "0016_waiting_first_meeting_index")]
AFTER = [("cases", "0018_team_one_active_place")]
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_duplicate_active_places_end_and_the_oldest_stays():
    apps = _migrate(BEFORE)
    try:
        network = apps.get_model("networks", "Network").objects.create(slug="n", name="N")
        child = apps.get_model("children", "Child").objects.create(
            network=network,
            given_name="Kind",
            family_name="Een",
            date_of_birth=datetime.date(2024, 3, 15),
        )
        case = apps.get_model("cases", "Case").objects.create(network=network, child=child)
        user = apps.get_model("accounts", "User").objects.create(email="co@example.test")
        place = apps.get_model("cases", "TeamMember").objects
        oldest = place.create(case=case, user=user, team_role="coordinator", started_at=START)
        later = place.create(
            case=case,
            user=user,
            team_role="coordinator",
            started_at=START + datetime.timedelta(days=2),
        )
        other_role = place.create(case=case, user=user, team_role="member", started_at=START)

        apps = _migrate(AFTER)
        place = apps.get_model("cases", "TeamMember").objects
        assert place.get(pk=oldest.pk).ended_at is None
        assert place.get(pk=later.pk).ended_at == START + datetime.timedelta(days=2)
        assert place.get(pk=other_role.pk).ended_at is None
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
