"""A new family from the first registration to a closed file: the casemanager invites the parent
to the portal, the team concludes in a meeting, the plan goes out, the parent logs in for the
first time through the invitation, reacts to the plan and withdraws a consent, and the file is
closed and read-only.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.consent.models import Consent
from vroeghulp.plans.models import PlanVersion

from .conftest import (
    accept_registration,
    add_to_team,
    change_phase,
    log_in,
    register_as_parent,
    serious_violations,
)

pytestmark = pytest.mark.django_db(transaction=True)

EARLIER_EXAMINATION = "Gehoortest op het consultatiebureau"
ADVICE = "Afspraak bij het audiologisch centrum"
PARENT_EMAIL = "sanne.verbeek@example.test"


def _invitation_path(body: str) -> str:
    # The mail carries SITE_URL; the live server listens elsewhere, so only the path is used.
    return re.search(r"(/ouders/uitnodiging/[^/\s]+/)", body).group(1)


def test_a_new_family_from_registration_to_a_closed_file(browser, live_server, world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
    base = live_server.url
    register_as_parent(browser, base, world.network)

    # The coordinator calls back, accepts and puts the casemanager on the team.
    coordinator = log_in(browser, base, world.users[Role.COORDINATOR])
    accept_registration(coordinator, "Lotte Verbeek")
    case = Case.objects.get(child__family_name="Verbeek")
    casemanager_user = world.users[Role.CASEMANAGER]
    add_to_team(coordinator, casemanager_user, "Casemanager")
    coordinator.get_by_role("link", name="Overzicht").click()
    change_phase(coordinator, "Intake")

    # The casemanager invites the mother to the portal, the address typed twice.
    casemanager = log_in(browser, base, casemanager_user)
    file_url = f"{base}/trajecten/{case.code}/"
    casemanager.goto(file_url)
    casemanager.get_by_role("link", name="Ouders", exact=True).click()
    casemanager.get_by_label("E-mailadres van de ouder").fill(PARENT_EMAIL)
    casemanager.get_by_label("Nog een keer het e-mailadres").fill(PARENT_EMAIL)
    casemanager.get_by_role("button", name="Uitnodigen voor het ouderportaal").click()
    casemanager.get_by_text("De uitnodiging is verstuurd.").wait_for()
    invitation = mail.outbox[-1]
    assert invitation.to == [PARENT_EMAIL]
    invitation_path = _invitation_path(invitation.body)

    # A consent for the hospital, the mother's.
    casemanager.get_by_role("link", name="Toestemming").click()
    casemanager.get_by_label("Organisatie").select_option(label=world.other_organisation.name)
    casemanager.get_by_label("Sanne Verbeek").check()
    casemanager.get_by_role("button", name="Vastleggen").click()
    casemanager.get_by_text("De toestemming is vastgelegd.").wait_for()
    assert Consent.objects.in_force().filter(child=case.child).count() == 1

    # The intake, with the earlier examination from the registration in view.
    casemanager.get_by_role("link", name="Intake").click()
    assert casemanager.get_by_role("cell", name=EARLIER_EXAMINATION).is_visible()
    casemanager.get_by_label("Hulpvraag van de ouders").fill("Hoort Lotte wel goed?")
    casemanager.get_by_label("Doelen van de ouders").fill("Weten of Lotte goed hoort")
    casemanager.get_by_role("button", name="Intake opslaan").click()
    casemanager.get_by_text("De intake is opgeslagen.").wait_for()
    casemanager.get_by_role("link", name="Overzicht").click()
    change_phase(casemanager, "Informatieverzameling")
    change_phase(casemanager, "MDO")

    # The coordinator plans a meeting that began an hour ago and puts Lotte on the agenda.
    coordinator.get_by_role("link", name="MDO", exact=True).click()
    coordinator.get_by_text("MDO plannen").click()
    began = timezone.localtime() - datetime.timedelta(hours=1)
    coordinator.get_by_label("Datum en tijd").fill(began.strftime("%Y-%m-%dT%H:%M"))
    coordinator.get_by_role("button", name="Plannen").click()
    coordinator.get_by_text("Het MDO is gepland.").wait_for()
    coordinator.get_by_label("Kind").select_option(value=str(case.pk))
    coordinator.get_by_role("button", name="Op de agenda").click()
    coordinator.get_by_text("Het kind staat op de agenda.").wait_for()
    meeting_url = coordinator.url

    # Advice before the team concluded is refused.
    coordinator.goto(file_url)
    change_phase(coordinator, "Advies", refused_with="Advies komt na de bespreking in het MDO")
    case.refresh_from_db()
    assert case.phase == Phase.MEETING

    # The meeting pack shows what was known at the registration; the team concludes.
    coordinator.goto(meeting_url)
    coordinator.get_by_role("link", name="Lotte Verbeek").click()
    pack = coordinator.locator("section.meeting-pack")
    assert pack.get_by_role("heading", name="Dossier voor het overleg").is_visible()
    assert pack.get_by_role("cell", name=EARLIER_EXAMINATION).is_visible()
    assert serious_violations(coordinator) == [], "meeting item page"
    coordinator.get_by_role("textbox", name="Conclusie").fill("Audiologisch onderzoek, logopedie.")
    coordinator.get_by_role("button", name="Conclusie opslaan").click()
    coordinator.get_by_text("De conclusie is opgeslagen.").wait_for()
    coordinator.goto(file_url)
    change_phase(coordinator, "Advies")

    # The casemanager writes the plan: one item with a date, their own, and issues it.
    casemanager.get_by_role("link", name="Adviesplan", exact=True).click()
    casemanager.get_by_role("button", name="Adviesplan starten").click()
    casemanager.get_by_text("Advies toevoegen").click()
    add_item = casemanager.locator("details", has_text="Advies toevoegen").locator("form")
    due_on = timezone.localdate() + datetime.timedelta(days=4)
    add_item.get_by_label("Advies (in gewone woorden)").fill(ADVICE)
    add_item.get_by_label("Datum", exact=True).fill(due_on.isoformat())
    add_item.get_by_label("Verantwoordelijke").select_option(label=casemanager_user.full_name)
    add_item.get_by_role("button", name="Toevoegen").click()
    casemanager.get_by_text("Het advies is toegevoegd.").wait_for()
    casemanager.get_by_role("button", name="Nieuwe versie uitgeven aan de ouders").click()
    casemanager.get_by_text("Er is een nieuwe versie voor de ouders gemaakt.").wait_for()
    version = PlanVersion.objects.get(plan__case=case)

    # It is on the casemanager's own work list.
    casemanager.goto(base + "/")
    work = casemanager.locator("section", has=casemanager.locator("#adviezen"))
    assert work.get_by_role("heading", name="Adviezen met een datum").is_visible()
    assert work.get_by_text(ADVICE).is_visible()

    # The mother opens the invitation for the first time, on her phone.
    parent_context = browser.new_context(viewport={"width": 360, "height": 800})
    parent = parent_context.new_page()
    parent.goto(base + invitation_path)
    parent.get_by_role("heading", name="Welkom in het ouderportaal").wait_for()
    assert serious_violations(parent) == [], "invitation page"
    parent.get_by_role("button", name="Stuur mij een inlogcode").click()
    parent.get_by_role("heading", name="Code invullen").wait_for()
    code_mail = mail.outbox[-1]
    assert code_mail.to == [PARENT_EMAIL]
    code = re.search(r"\b(\d{6})\b", code_mail.body).group(1)
    parent.get_by_label("De code uit de e-mail").fill(code)
    parent.get_by_role("button", name="Inloggen").click()
    parent.get_by_role("heading", name="Wat gebeurt er hierna?").wait_for()
    assert "Lotte" in parent.locator("h1").inner_text()
    # The first login through the link made the account the mother's way in.
    assert case.child.guardians.get(full_name="Sanne Verbeek").user.email == PARENT_EMAIL
    assert serious_violations(parent) == [], "parent's child page"

    parent.get_by_role("radio", name="Eens, met opmerkingen", exact=True).check()
    parent.get_by_label(re.compile("Opmerkingen")).fill("Graag een afspraak op woensdag.")
    parent.get_by_role("button", name="Reactie versturen").click()
    parent.get_by_text("Dank u wel. Uw reactie is doorgegeven aan uw contactpersoon.").wait_for()
    reaction = version.reactions.get()
    assert (reaction.reaction, reaction.comment) == (
        "agree_comments",
        "Graag een afspraak op woensdag.",
    )

    parent.get_by_role("button", name=f"Intrekken voor {world.other_organisation.name}").click()
    parent.get_by_role("heading", name="Weet u het zeker?").wait_for()
    parent.get_by_role("button", name="Ja, toestemming intrekken").click()
    parent.get_by_text("Uw toestemming is ingetrokken.").wait_for()
    assert not Consent.objects.in_force().filter(child=case.child).exists()
    assert Consent.objects.get(child=case.child).withdrawn_at is not None
    parent_context.close()

    # The coordinator carries it through to the end; the file is then read-only.
    coordinator.goto(file_url)
    for label in ("Uitvoering", "Evaluatie"):
        change_phase(coordinator, label)
    coordinator.get_by_role("link", name="Afsluiten").click()
    coordinator.get_by_label("Reden van afsluiten").select_option(label="Plan gerealiseerd")
    coordinator.get_by_label("Doel: Weten of Lotte goed hoort").select_option(label="Bereikt")
    coordinator.get_by_role("button", name="Traject afsluiten").click()
    coordinator.get_by_text("Het traject is afgesloten.").wait_for()
    case.refresh_from_db()
    assert case.phase == Phase.CLOSED
    coordinator.get_by_role("link", name="Uitvoering").click()
    coordinator.get_by_text("Dit traject is afgesloten en alleen nog te lezen").wait_for()
    assert coordinator.get_by_role("heading", name="Contacten").is_visible()
    assert coordinator.get_by_text("Contact vastleggen").count() == 0
    assert coordinator.locator("form[action$='/uitvoering/contact/']").count() == 0
