"""The gestation at birth is registered in weeks and days (27 + 1), and carried to the child."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.actions import accept_registration
from vroeghulp.referrals.models import Registration

from .helpers import CHILD, answer_challenge

pytestmark = pytest.mark.django_db


def _submit(network, **overrides):
    client = Client()
    url = reverse("referrals:public", args=[network.slug])
    page = client.get(url).content.decode()
    return client.post(url, {**CHILD, **answer_challenge(page), "privacy": "on", **overrides})


def test_27_weeks_and_1_day_reaches_the_child(world):
    response = _submit(
        world.network, child_gestational_age_weeks="27", child_gestational_age_days="1"
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (
        registration.child_gestational_age_weeks,
        registration.child_gestational_age_days,
    ) == (27, 1)
    case = accept_registration(
        registration, actor=world.users[Role.COORDINATOR], version=registration.version
    )
    assert (case.child.gestational_age_weeks, case.child.gestational_age_days) == (27, 1)


def test_days_without_weeks_are_refused_and_kept(world):
    response = _submit(
        world.network, child_gestational_age_weeks="", child_gestational_age_days="3"
    )
    html = response.content.decode()  # the form comes back (as every refused public form)
    assert "Vul ook het aantal hele weken in" in html
    assert 'name="child_gestational_age_days" value="3"' in html
    assert Registration.objects.count() == 0


def test_seven_days_are_refused(world):
    response = _submit(
        world.network, child_gestational_age_weeks="27", child_gestational_age_days="7"
    )
    assert "child_gestational_age_days" in response.content.decode()
    assert Registration.objects.count() == 0
