"""Parents register without an account; the form resists abuse and shows nothing back."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration

from .helpers import CHILD, answer_challenge

pytestmark = pytest.mark.django_db


def _submit(client, network, **overrides):
    url = reverse("referrals:public", args=[network.slug])
    page = client.get(url).content.decode()
    data = {**CHILD, **answer_challenge(page), "privacy": "on", **overrides}
    return client.post(url, data)


def test_a_parent_registers_and_sees_only_a_thank_you(world):
    response = _submit(Client(), world.network)
    assert response.status_code == 302
    thanks = Client().get(response["Location"]).content.decode()
    assert "Dank u wel" in thanks and "Sofie" not in thanks

    registration = Registration.objects.get()
    assert registration.route == Route.PUBLIC_FORM
    assert registration.status == Status.NEW
    assert registration.callback_due_on == timezone.localdate() + datetime.timedelta(days=14)
    assert registration.child_gestational_age_weeks == 30
    assert registration.guardians[0]["full_name"] == "Anouk de Wit"
    exam = registration.earlier_examinations.get()
    assert (exam.what, exam.by_whom) == ("Gehoortest", "Consultatiebureau")
    entry = AuditEntry.objects.get(action=AuditAction.CREATE)
    assert (entry.user_id, entry.grounds, entry.object_type) == (
        None,
        Grounds.PARENT,
        "registration",
    )


def test_the_callback_deadline_follows_the_network_setting(world):
    world.network.callback_deadline_days = 10
    world.network.save()
    _submit(Client(), world.network)
    registration = Registration.objects.get()
    assert registration.callback_due_on == timezone.localdate() + datetime.timedelta(days=10)


def test_a_wrong_answer_keeps_the_input_and_saves_nothing(world):
    response = _submit(Client(), world.network, answer="99")
    html = response.content.decode()
    assert "Het antwoord op de controlevraag klopt niet." in html
    assert 'value="Anouk de Wit"' in html
    assert not Registration.objects.exists()


def test_the_honeypot_stops_bots(world):
    response = _submit(Client(), world.network, website="http://spam.example")
    assert "De aanmelding kon niet worden verstuurd." in response.content.decode()
    assert not Registration.objects.exists()


def test_too_fast_is_a_bot(world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 3
    response = _submit(Client(), world.network)
    assert "controlevraag klopt niet" in response.content.decode()
    assert not Registration.objects.exists()


def test_rate_limit_per_address(world, settings):
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(settings.PUBLIC_REGISTRATIONS_PER_HOUR):
        assert _submit(client, world.network).status_code == 302
    response = _submit(client, world.network)
    assert response.status_code == 429
    assert "te veel aanmeldingen" in response.content.decode()
    assert Registration.objects.count() == settings.PUBLIC_REGISTRATIONS_PER_HOUR
    assert "192.0.2.7" not in str(list(Registration.objects.values()))
    assert _submit(Client(REMOTE_ADDR="192.0.2.8"), world.network).status_code == 302


@pytest.mark.parametrize(
    ("born", "message"),
    [
        ("2099-01-01", "De geboortedatum ligt in de toekomst."),
        ("2010-01-01", "Dit netwerk helpt kinderen tot 7 jaar."),
        ("gisteren", "Vul een geldige datum in"),
    ],
)
def test_impossible_birth_dates_get_a_dutch_message(world, born, message):
    response = _submit(Client(), world.network, child_date_of_birth=born)
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_a_contact_for_the_callback_is_required(world):
    response = _submit(Client(), world.network, guardian1_phone="", guardian1_email="")
    assert "Vul een telefoonnummer of e-mailadres in" in response.content.decode()


def test_networks_that_require_a_referral_have_no_public_form(world):
    world.network.referral_required = True
    world.network.save()
    response = Client().get(reverse("referrals:public", args=[world.network.slug]))
    assert response.status_code == 404
    assert "meldt uw jeugdarts, huisarts of wijkteam uw kind aan" in response.content.decode()


def test_municipality_of_another_network_is_refused(world, other_world):
    foreign = other_world.own_case.child.municipality
    own = world.own_case.child.municipality
    response = _submit(Client(), world.network, municipality=str(foreign.pk))
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert _submit(Client(), world.network, municipality=str(own.pk)).status_code == 302
