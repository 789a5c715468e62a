"""Follow-up dates are plausible: the first check-in lies between today and two years ahead, a
check-in between the registration and today."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.followup.models import CheckIn, FollowUpPlan

pytestmark = pytest.mark.django_db

IN_1900 = "1900-01-01"
BEFORE_BIRTH = "2024-03-14"  # the world's child was born on 15 March 2024
FAR_AHEAD = "2999-01-01"


def _dmy(days_from_today: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).strftime("%d-%m-%Y")


@pytest.fixture
def closed_case(world):
    registered_earlier(world.own_case)
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.CLOSED, closed_at=timezone.now())
    return Case.objects.get(pk=world.own_case.pk)


@pytest.fixture
def casemanager(world):
    return verified_client(world.users[Role.CASEMANAGER])


def _start(client, case, first: str):
    return client.post(
        reverse("followup:start", args=[case.code]),
        {"every_months": 6, "first_check_on": first, "version": case.version},
    )


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_a_first_check_in_lies_within_two_years(closed_case, casemanager, day):
    response = _start(casemanager, closed_case, day)
    assert response.status_code == 400
    assert (
        f"Vul voor de eerste check-in een datum in van {_dmy(0)} (vandaag) "
        f"tot en met {_dmy(731)} (2 jaar vooruit)."
    ) in response.content.decode()
    assert not FollowUpPlan.objects.exists()
    assert Case.objects.get(pk=closed_case.pk).phase == Phase.CLOSED
    plausible = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()
    assert _start(casemanager, closed_case, plausible).status_code == 302
    assert FollowUpPlan.objects.count() == 1


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_a_check_in_lies_between_the_registration_and_today(closed_case, casemanager, day):
    _start(
        casemanager, closed_case, (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    )
    url = reverse("followup:check_in", args=[closed_case.code])
    response = casemanager.post(url, {"on": day, "summary": "Gaat goed."})
    assert response.status_code == 400
    assert (
        f"Vul voor de check-in een datum in van 05-01-2026 (aanmelding) "
        f"tot en met {_dmy(0)} (vandaag)."
    ) in response.content.decode()
    assert not CheckIn.objects.exists()
    casemanager.post(url, {"on": timezone.localdate().isoformat(), "summary": "Gaat goed."})
    assert CheckIn.objects.count() == 1
