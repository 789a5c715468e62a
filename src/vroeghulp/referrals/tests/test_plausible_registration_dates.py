"""The dates of a registration are plausible: the first concern and earlier examinations lie
between the birth and today, and the callback between the registration and today. A refused
form keeps what was typed and writes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.referrals import actions
from vroeghulp.referrals.constants import Route
from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.factories import RegistrationFactory

from .helpers import CHILD

pytestmark = pytest.mark.django_db

# The child in CHILD is born on 2 May 2024.
IN_1900 = "1900-01-01"
BEFORE_BIRTH = "2024-05-01"
FAR_AHEAD = "2999-01-01"
RECEIVED = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)


def _today() -> str:
    return timezone.localdate().strftime("%d-%m-%Y")


@pytest.fixture
def coordinator(world):
    return verified_client(world.users[Role.COORDINATOR])


def _register(client, **fields):
    data = {**CHILD, "route": Route.PHONE, **fields}
    return client.post(reverse("referrals:staff_registration"), data)


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_the_first_concern_lies_between_birth_and_today(world, coordinator, day):
    response = _register(coordinator, first_concern_on=day)
    assert response.status_code == 400  # the form again, with what was typed
    html = response.content.decode()
    assert (
        "Vul voor het begin van de zorg een datum in van 02-05-2024 (geboortedatum) "
        f"tot en met {_today()} (vandaag)."
    ) in html
    assert f'value="{day}"' in html and 'value="Sofie"' in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_earlier_examination_lies_between_birth_and_today(world, coordinator, day):
    response = _register(coordinator, **{"onderzoek-0-when": day})
    html = response.content.decode()
    assert "Vul voor het onderzoek een datum in" in html
    assert f'value="{day}"' in html
    assert not Registration.objects.exists()


def test_plausible_dates_are_accepted(world, coordinator):
    response = _register(
        coordinator, first_concern_on="2024-05-02", **{"onderzoek-0-when": "2025-01-10"}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.first_concern_on == datetime.date(2024, 5, 2)
    assert registration.earlier_examinations.get().when == datetime.date(2025, 1, 10)


def test_the_action_refuses_a_registration_before_the_birth(world):
    data = actions.RegistrationData(
        child_given_name="Sofie",
        child_family_name="de Wit",
        child_date_of_birth=datetime.date(2024, 5, 2),
        guardians=[{"full_name": "Anouk de Wit", "relation": "mother"}],
        first_concern_on=datetime.date(1900, 1, 1),
    )
    with pytest.raises(ValidationError):
        actions.record_staff_registration(
            world.network, actor=world.users[Role.COORDINATOR], route=Route.PHONE, data=data
        )
    data.first_concern_on = None
    with pytest.raises(ValidationError):
        actions.record_staff_registration(
            world.network,
            actor=world.users[Role.COORDINATOR],
            route=Route.PHONE,
            data=data,
            received_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        )
    assert not Registration.objects.exists()


def _call_back(client, registration, at: str):
    return client.post(
        reverse("cases:callback", args=[registration.code]),
        {"called_back_at": at, "note": "Moeder gesproken", "version": registration.version},
    )


@pytest.mark.parametrize("at", ["1900-01-01T10:00", "2024-05-01T10:00", "2999-01-01T10:00"])
def test_a_callback_lies_between_the_registration_and_now(world, coordinator, at):
    registration = RegistrationFactory(
        network=world.network, received_at=RECEIVED, child_date_of_birth=datetime.date(2024, 5, 2)
    )
    response = _call_back(coordinator, registration, at)
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Vul voor het terugbellen een datum in van 01-09-2026 (aanmelding) "
        f"tot en met {_today()} (vandaag)."
    ) in html
    assert "Moeder gesproken" in html
    registration.refresh_from_db()
    assert (registration.called_back_at, registration.version) == (None, 1)
    assert _call_back(coordinator, registration, "2026-09-02T10:30").status_code == 302
    registration.refresh_from_db()
    assert registration.called_back_at is not None


def test_the_callback_action_refuses_a_moment_before_the_registration(world):
    registration = RegistrationFactory(network=world.network, received_at=RECEIVED)
    with pytest.raises(ValidationError):
        actions.record_callback(
            registration,
            actor=world.users[Role.COORDINATOR],
            called_back_at=datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC),
            note="",
            version=1,
        )
    registration.refresh_from_db()
    assert registration.called_back_at is None
