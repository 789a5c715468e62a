"""A parent on a 320 px phone does each task within a minute: log in with a code, find what
happens next, read the plan, withdraw a consent, send a message, add a photo.

Every portal page is checked with axe-core and must not scroll sideways.
"""

import re
import time

import pytest
from django.core import mail

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.cases.models import Intake
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.plans.models import Plan, PlanVersion
from vroeghulp.plans.snapshot import snapshot
from vroeghulp.portal.models import Message

from .conftest import horizontal_overflow, serious_violations, widest_elements

pytestmark = pytest.mark.django_db(transaction=True)

A_MINUTE = 60


def _check(page, label):
    assert serious_violations(page) == [], label
    assert horizontal_overflow(page) <= 0, f"{label} scrolls sideways: {widest_elements(page)}"


@pytest.fixture
def phone(browser, live_server, world):
    """A parent who never used the portal, logged in with an e-mail code on a small phone."""
    parent = UserFactory(email="ouder@example.test")
    GuardianFactory(child=world.own_case.child, user=parent, full_name="Ouder Eigen")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.started = time.monotonic()
    page.goto(live_server.url + "/ouders/inloggen/")
    _check(page, "login")
    page.get_by_label("Uw e-mailadres").fill("ouder@example.test")
    page.get_by_role("button", name="Stuur mij een code").click()
    page.get_by_role("heading", name="Code invullen").wait_for()
    _check(page, "code")
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.get_by_label("De code uit de e-mail").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Wat gebeurt er hierna?").wait_for()
    yield page
    context.close()


def _within_a_minute(page):
    assert time.monotonic() - page.started < A_MINUTE


def test_find_out_what_happens_next(phone):
    _check(phone, "child page")
    assert phone.get_by_text("We maken kennis met u en uw kind.").is_visible()
    assert phone.get_by_role("heading", name="Uw contactpersoon").is_visible()
    _within_a_minute(phone)


@pytest.fixture
def plan_version(world):
    Intake.objects.update_or_create(
        case=world.own_case, defaults={"question": "Hoe kan Sem beter leren praten?"}
    )
    plan = Plan.objects.create(case=world.own_case)
    return PlanVersion.objects.create(
        plan=plan,
        number=1,
        content=snapshot(plan),
        pdf="x.pdf",
        pdf_sha256="0" * 64,
        issued_by=world.users["coordinator"],
    )


@pytest.fixture
def consent(world, phone):
    # given by both guardians with custody, the parent on the phone among them: a guardian
    # withdraws only a consent they gave themselves
    return ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)


def test_read_the_plan(plan_version, phone):
    phone.get_by_role("link", name=re.compile("Lees het adviesplan")).click()
    phone.get_by_text("Hoe kan Sem beter leren praten?").wait_for()
    assert serious_violations(phone) == [], "plan page"
    _within_a_minute(phone)


def test_withdraw_a_consent(consent, phone):
    phone.reload()
    phone.get_by_role("button", name=f"Intrekken voor {consent.organisation.name}").click()
    phone.get_by_role("heading", name="Weet u het zeker?").wait_for()
    _check(phone, "confirm withdrawal")
    assert Consent.objects.in_force().exists()
    phone.get_by_role("button", name="Ja, toestemming intrekken").click()
    phone.get_by_text("Uw toestemming is ingetrokken.").wait_for()
    assert not Consent.objects.in_force().exists()
    _within_a_minute(phone)


def test_send_a_message(phone):
    phone.get_by_role("textbox", name="Bericht").fill("Sem slaapt slecht sinds de vakantie.")
    phone.get_by_role("button", name="Bericht versturen").click()
    phone.get_by_text("Uw bericht is verstuurd naar uw contactpersoon.").wait_for()
    assert Message.objects.get().body == "Sem slaapt slecht sinds de vakantie."
    _within_a_minute(phone)


def test_add_a_photo_with_a_progress_bar(phone, tmp_path):
    photo = tmp_path / "spelen.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200_000)
    phone.get_by_label("Bestand (PDF, foto of video)").set_input_files(str(photo))
    phone.get_by_label(re.compile("Wat is het?")).fill("Sem aan het spelen")
    phone.evaluate(
        """() => { window.shownProgress = [];
        document.addEventListener('htmx:xhr:progress', () =>
            window.shownProgress.push(document.querySelector('progress').value)); }"""
    )
    phone.get_by_role("button", name="Bestand versturen").click()
    phone.get_by_text("Het bestand staat nu bij het team.").wait_for()
    # Sent by htmx without leaving the page (the script state survives), the bar reached 100%.
    assert phone.evaluate("window.shownProgress")[-1] == 100
    assert phone.get_by_text("Sem aan het spelen").is_visible()
    _check(phone, "after upload")
    _within_a_minute(phone)


def test_who_looked(phone):
    phone.get_by_role("link", name="Wie heeft het dossier van mijn kind bekeken?").click()
    phone.get_by_role("heading", name="Wie keek er in het dossier?").wait_for()
    _check(phone, "who looked")
    _within_a_minute(phone)


def test_switch_to_english(phone):
    phone.get_by_role("button", name="English").click()
    phone.get_by_role("heading", name="What happens next?").wait_for()
    assert phone.get_by_text("We are getting to know you and your child.").is_visible()
    assert phone.locator("html").get_attribute("lang") == "en"
    _check(phone, "child page in English")
    _within_a_minute(phone)


def test_correct_contact_details(phone):
    phone.get_by_role("link", name="Mijn telefoonnummer, e-mailadres of taal aanpassen").click()
    phone.get_by_role("heading", name="Uw contactgegevens").wait_for()
    _check(phone, "contact details")
    phone.get_by_label("Telefoonnummer").fill("06 11223344")
    phone.get_by_role("button", name="Opslaan").click()
    phone.get_by_text("Uw gegevens zijn aangepast.").wait_for()
    _within_a_minute(phone)
