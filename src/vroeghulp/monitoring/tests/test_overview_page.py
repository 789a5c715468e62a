"""Coordinators and analysts see totals only; other roles and other networks see nothing."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def test_analyst_sees_suppressed_totals_and_no_names(world, other_world):
    for phase, n in [(Phase.MEETING, 6), (Phase.ADVICE, 5)]:
        for _ in range(n):
            CaseFactory(child=ChildFactory(network=world.network), phase=phase)
    response = verified_client(world.users[Role.ANALYST]).get(reverse("monitoring:overview"))
    html = response.content.decode()
    caseload = {c.label: c.shown for c in response.context["sections"][0]["caseload"]}
    assert caseload["MDO"] == "5–8"
    assert caseload["Intake"] == "<5"  # the two cases of the fixture
    assert caseload["Advies"] == "5–8"  # a band too, so the total does not give Intake away
    assert world.own_case.child.family_name not in html
    assert other_world.network.name not in html
    assert [s["network"] for s in response.context["sections"]] == [world.network]


@pytest.mark.parametrize(
    "role",
    [Role.CASEMANAGER, Role.TEAM_MEMBER, Role.REFERRER, Role.NETWORK_ADMIN, Role.LOG_MANAGER],
)
def test_other_roles_do_not_get_the_overview(world, role):
    response = verified_client(world.users[role]).get(reverse("monitoring:overview"))
    assert response.status_code == 404
