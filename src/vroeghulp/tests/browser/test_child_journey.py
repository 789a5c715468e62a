"""The journey of one child: public registration, triage, consent and its withdrawal, intake,
a team meeting with the parents present, a concurrent-edit conflict, and closing.
"""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.consent.models import Consent
from vroeghulp.meetings.models import AgendaItem

from .conftest import (
    accept_registration,
    add_to_team,
    change_phase,
    log_in,
    register_as_parent,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_public_registration_to_closing(browser, live_server, world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
    base = live_server.url
    register_as_parent(browser, base, world.network)

    coordinator = log_in(browser, base, world.users[Role.COORDINATOR])
    accept_registration(coordinator, "Lotte Verbeek")
    case = Case.objects.get(child__family_name="Verbeek")

    # The team: the casemanager joins.
    casemanager_user = world.users[Role.CASEMANAGER]
    add_to_team(coordinator, casemanager_user, "Casemanager")

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
    change_phase(coordinator, "Intake")

    # Two people edit the intake at the same time: the second gets a clear conflict.
    casemanager = log_in(browser, base, casemanager_user)
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
    change_phase(coordinator, "Informatieverzameling")
    change_phase(coordinator, "MDO")

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
        change_phase(coordinator, label)

    coordinator.get_by_role("link", name="Afsluiten").click()
    coordinator.get_by_label("Reden van afsluiten").select_option(label="Plan gerealiseerd")
    coordinator.get_by_label("Doel: Weten waarom ze niet praat").select_option(label="Bereikt")
    coordinator.get_by_role("button", name="Traject afsluiten").click()
    coordinator.get_by_text("Het traject is afgesloten.").wait_for()
    case.refresh_from_db()
    assert case.phase == Phase.CLOSED
    assert case.goals.get().realisation == "reached"
    assert case.events.filter(name="consent_withdrawn").exists()
