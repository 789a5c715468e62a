"""The callback deadline of a referrer's pre-registration runs from the parents' confirmation,
not from the day the school entered it."""

import datetime
from unittest import mock

import pytest

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.referrals.actions import (
    RegistrationData,
    confirm_registration,
    submit_referrer_registration,
)
from vroeghulp.referrals.constants import Status

from .school import PARENT_EMAIL, school_with_ib

pytestmark = pytest.mark.django_db

ENTERED = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)  # a Monday
CONFIRMED = datetime.datetime(2026, 3, 11, 19, 0, tzinfo=datetime.UTC)  # nine days later


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_two_weeks_start_when_the_parents_confirm(world):
    world.network.callback_deadline_days = 14
    world.network.save(update_fields=["callback_deadline_days"])
    _school, ib = school_with_ib(world.network)
    data = RegistrationData(
        child_given_name="Sofie",
        child_family_name="de Wit",
        child_date_of_birth=datetime.date(2021, 5, 2),
        guardians=[{"full_name": "Anouk de Wit", "relation": "mother", "email": PARENT_EMAIL}],
        concern_referrer="Praat weinig in de klas.",
    )
    with _at(ENTERED):
        registration, _token = submit_referrer_registration(
            world.network, actor=ib, data=data, parents_agreed=True, parent_email=PARENT_EMAIL
        )
    assert registration.confirmation_expires_at == datetime.datetime(
        2026, 3, 16, 9, 30, tzinfo=datetime.UTC
    )
    parent = UserFactory(email=PARENT_EMAIL)
    with _at(CONFIRMED):
        confirmed = confirm_registration(registration, user=parent)
    assert confirmed.status == Status.NEW
    assert confirmed.confirmed_at == CONFIRMED
    # 11 March (20:00 in Amsterdam) + 14 days, not 2 March + 14 days.
    assert confirmed.callback_due_on == datetime.date(2026, 3, 25)


def test_a_late_evening_confirmation_counts_from_the_dutch_date(world):
    world.network.callback_deadline_days = 14
    world.network.save(update_fields=["callback_deadline_days"])
    _school, ib = school_with_ib(world.network)
    data = RegistrationData(
        child_given_name="Daan",
        child_family_name="Bakker",
        child_date_of_birth=datetime.date(2021, 1, 9),
        guardians=[{"full_name": "Eva Bakker", "relation": "mother", "email": PARENT_EMAIL}],
    )
    with _at(ENTERED):
        registration, _token = submit_referrer_registration(
            world.network, actor=ib, data=data, parents_agreed=True, parent_email=PARENT_EMAIL
        )
    # 23:30 UTC on 10 March is 00:30 on 11 March in Amsterdam.
    with _at(datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC)):
        confirmed = confirm_registration(registration, user=UserFactory(email=PARENT_EMAIL))
    assert confirmed.callback_due_on == datetime.date(2026, 3, 25)
