"""The journey of one child: public registration, triage, consent and its withdrawal, intake,
a team meeting with the parents present, a concurrent-edit conflict, and closing.
"""

import datetime
import re

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.consent.models import Consent
from vroeghulp.meetings.models import AgendaItem

from .conftest import serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(browser, base_url, user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code uit je authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Mijn werk").wait_for()
    return page


def _register_as_parent(browser, base_url, network):
    page = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    page.goto(f"{base_url}/aanmelden/{network.slug}/")
    assert serious_violations(page) == []
    page.get_by_label("Voornaam van het kind").fill("Lotte")
    page.get_by_label("Achternaam van het kind").fill("Verbeek")
    page.get_by_label("Geboortedatum van het kind").fill("2024-06-12")
    page.get_by_label("Waar maken de ouders zich zorgen over?").fill(
        "Ze brabbelt nog niet en schrikt erg van geluid."
    )
    page.locator("#id_guardian1_name").fill("Sanne Verbeek")
    page.locator("#id_guardian1_phone").fill("06-12121212")
    page.locator("[name=onderzoek-0-what]").fill("Gehoortest op het consultatiebureau")
    question = page.locator("label[for=id_answer]").inner_text()
    a, b = map(int, re.search(r"(\d) \+ (\d)", question).groups())
    page.get_by_label(question).fill(str(a + b))
    page.locator("#id_privacy").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Dank u wel").wait_for()
    assert "Lotte" not in page.content()


def _change_phase(page, label):
    page.get_by_label("Nieuwe fase").select_option(label=label)
    page.get_by_role("button", name="Fase wijzigen").click()
    page.get_by_text("De fase is gewijzigd.").wait_for()


def test_from_public_registration_to_closing(browser, live_server, world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
    base = live_server.url
    _register_as_parent(browser, base, world.network)

    coordinator = _log_in(browser, base, world.users[Role.COORDINATOR])
    coordinator.get_by_role("link", name="Aanmeldingen").click()
    coordinator.get_by_role("link", name="Lotte Verbeek").click()
    assert serious_violations(coordinator) == []
    coordinator.get_by_label("Wat is besproken").fill("Moeder gebeld, huisbezoek afgesproken.")
    coordinator.get_by_role("button", name="Opslaan").click()
    coordinator.get_by_text("Het terugbelgesprek is vastgelegd.").wait_for()
    coordinator.get_by_role("button", name="Accepteren: traject starten").click()
    coordinator.get_by_text("Geaccepteerd: het traject is gestart.").wait_for()
    case = Case.objects.get(child__family_name="Verbeek")

    # The team: the casemanager joins.
    coordinator.get_by_role("link", name="Team").click()
    casemanager_user = world.users[Role.CASEMANAGER]
    coordinator.get_by_label("Professional").select_option(label=casemanager_user.full_name)
    coordinator.get_by_label("Rol in het team").select_option(label="Casemanager")
    coordinator.get_by_role("button", name="Toevoegen").click()
    coordinator.get_by_text("Het team is bijgewerkt.").wait_for()

    # Consent for the hospital, then withdrawn by the mother.
    coordinator.get_by_role("link", name="Toestemming").click()
    coordinator.get_by_label("Organisatie").select_option(label=world.other_organisation.name)
    coordinator.get_by_label("Sanne Verbeek").check()
    coordinator.get_by_role("button", name="Vastleggen").click()
    coordinator.get_by_text("De toestemming is vastgelegd.").wait_for()
    coordinator.get_by_role("button", name="Intrekken").click()
    coordinator.get_by_text("De toestemming is ingetrokken.").wait_for()
    assert not Consent.objects.in_force().filter(child=case.child).exists()

    coordinator.get_by_role("link", name="Overzicht").click()
    _change_phase(coordinator, "Intake")

    # Two people edit the intake at the same time: the second gets a clear conflict.
    casemanager = _log_in(browser, base, casemanager_user)
    casemanager.goto(f"{base}/trajecten/{case.code}/intake/")
    coordinator.get_by_role("link", name="Intake").click()
    coordinator.get_by_label("Hulpvraag van de ouders").fill("Waarom praat ze nog niet?")
    coordinator.get_by_role("button", name="Intake opslaan").click()
    coordinator.get_by_text("De intake is opgeslagen.").wait_for()

    casemanager.get_by_label("Datum huisbezoek").fill(timezone.localdate().isoformat())
    casemanager.get_by_label("Doelen van de ouders").fill("Weten waarom ze niet praat")
    casemanager.get_by_role("button", name="Intake opslaan").click()
    casemanager.get_by_text("Iemand anders heeft dit intussen opgeslagen").wait_for()
    assert casemanager.get_by_label("Doelen van de ouders").input_value() == (
        "Weten waarom ze niet praat"
    )
    casemanager.get_by_label("Hulpvraag van de ouders").fill("Waarom praat ze nog niet?")
    casemanager.get_by_role("button", name="Intake opslaan").click()
    casemanager.get_by_text("De intake is opgeslagen.").wait_for()

    coordinator.goto(f"{base}/trajecten/{case.code}/")
    _change_phase(coordinator, "Informatieverzameling")
    _change_phase(coordinator, "MDO")

    # The team meeting, with the parents present.
    coordinator.get_by_role("link", name="MDO", exact=True).click()
    coordinator.get_by_text("MDO plannen").click()
    started = timezone.localtime() - datetime.timedelta(hours=1)
    coordinator.get_by_label("Datum en tijd").fill(started.strftime("%Y-%m-%dT%H:%M"))
    coordinator.get_by_role("button", name="Plannen").click()
    coordinator.get_by_label("Kind").select_option(value=str(case.pk))
    coordinator.get_by_label("Zijn de ouders erbij?").select_option(value="yes")
    coordinator.get_by_role("button", name="Op de agenda").click()
    coordinator.get_by_role("link", name="Lotte Verbeek").click()
    assert coordinator.get_by_text("De ouders zijn erbij.").is_visible()
    coordinator.get_by_role("textbox", name="Conclusie").fill(
        "Logopedie en een audiologisch onderzoek."
    )
    coordinator.get_by_role("button", name="Conclusie opslaan").click()
    coordinator.get_by_text("De conclusie is opgeslagen.").wait_for()
    item = AgendaItem.objects.get(case=case)
    assert item.parents_attend is True and item.discussed_at is not None

    coordinator.goto(f"{base}/trajecten/{case.code}/")
    for label in ("Advies", "Uitvoering", "Evaluatie"):
        _change_phase(coordinator, label)

    coordinator.get_by_role("link", name="Afsluiten").click()
    coordinator.get_by_label("Reden van afsluiten").select_option(label="Plan gerealiseerd")
    coordinator.get_by_label("Doel: Weten waarom ze niet praat").select_option(label="Bereikt")
    coordinator.get_by_role("button", name="Traject afsluiten").click()
    coordinator.get_by_text("Het traject is afgesloten.").wait_for()
    case.refresh_from_db()
    assert case.phase == Phase.CLOSED
    assert case.goals.get().realisation == "reached"
    assert case.events.filter(summary__startswith="Toestemming ingetrokken").exists()
