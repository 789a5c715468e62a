"""The Prematuur tab and the case file: the calendar age with the corrected age beside it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.models import Child

from .helpers import born_at_27_plus_1

pytestmark = pytest.mark.django_db


def test_the_tab_shows_calendar_and_corrected_age(world):
    born_at_27_plus_1(world.own_case, days_ago=118)  # 3 months; corrected 28 days
    client = verified_client(world.users[Role.TEAM_MEMBER])
    response = client.get(reverse("prematurity:case", args=[world.own_case.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "27+1 weken" in page
    assert "3 mnd (gecorrigeerd 4 wk)" in page
    assert AuditEntry.objects.filter(action="read", details__section="premature").count() == 1


def test_the_overview_shows_both_ages(world):
    born_at_27_plus_1(world.own_case, days_ago=118)
    client = verified_client(world.users[Role.CASEMANAGER])
    page = client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()
    assert "gecorrigeerd 4 wk" in page


def test_a_child_born_at_term_shows_only_the_calendar_age(world):
    Child.objects.filter(pk=world.own_case.child_id).update(gestational_age_weeks=39)
    client = verified_client(world.users[Role.CASEMANAGER])
    page = client.get(reverse("prematurity:case", args=[world.own_case.code])).content.decode()
    assert "gecorrigeerd" not in page


def test_who_may_see_the_tab(world, other_world):
    url = reverse("prematurity:case", args=[world.own_case.code])
    for user in (
        world.users[Role.REFERRER],
        world.users[Role.NETWORK_ADMIN],
        world.users[Role.ANALYST],
        other_world.users[Role.COORDINATOR],
    ):
        assert verified_client(user).get(url).status_code == 404


def test_gestation_is_recorded_on_the_tab(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    url = reverse("prematurity:gestation", args=[world.own_case.code])
    assert client.post(url, {"weeks": "27", "days": "1"}).status_code == 302
    child = Child.objects.get(pk=world.own_case.child_id)
    assert (child.gestational_age_weeks, child.gestational_age_days) == (27, 1)
    assert AuditEntry.objects.filter(object_type="child", action="update").count() == 1


def test_bad_gestation_is_refused_and_kept(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    url = reverse("prematurity:gestation", args=[world.own_case.code])
    response = client.post(url, {"weeks": "27", "days": "9"})
    assert response.status_code == 400
    assert 'value="9"' in response.content.decode()
    assert Child.objects.get(pk=world.own_case.child_id).gestational_age_days is None


def test_who_may_record_gestation(world, other_world):
    url = reverse("prematurity:gestation", args=[world.own_case.code])
    for user in (world.users[Role.REFERRER], other_world.users[Role.CASEMANAGER]):
        assert verified_client(user).post(url, {"weeks": "27", "days": "1"}).status_code == 404
    assert Child.objects.get(pk=world.own_case.child_id).gestational_age_weeks != 27


def test_due_visits_are_on_the_casemanagers_work_list(world):
    from vroeghulp.prematurity import actions

    born_at_27_plus_1(world.own_case, days_ago=88)  # home visit at corrected 0 is in 2 days
    actions.plan_schedule(world.own_case, actor=world.users[Role.CASEMANAGER])
    page = verified_client(world.users[Role.CASEMANAGER]).get("/").content.decode()
    assert "Prematuur: consulten en huisbezoeken" in page
    assert "huisbezoek (gecorrigeerd 0 mnd)" in page
    other = verified_client(world.users[Role.TEAM_MEMBER]).get("/").content.decode()
    assert "Prematuur: consulten en huisbezoeken" not in other
    assert timezone.localdate()  # the list is computed from today's date


def test_the_parents_see_the_age_and_the_next_visit(world, client):
    from vroeghulp.accounts.tests.factories import UserFactory
    from vroeghulp.children.tests.factories import GuardianFactory
    from vroeghulp.prematurity import actions

    born_at_27_plus_1(world.own_case, days_ago=118)
    actions.plan_schedule(world.own_case, actor=world.users[Role.CASEMANAGER])
    parent = UserFactory(email="moeder@example.test")
    GuardianFactory(child=world.own_case.child, user=parent)
    client.force_login(parent)
    page = client.get(reverse("portal:child", args=[world.own_case.code])).content.decode()
    assert "3 mnd oud; gecorrigeerd voor de vroege geboorte: 4 wk" in page
    assert "Consult (gecorrigeerde leeftijd 3 maanden)" in page
