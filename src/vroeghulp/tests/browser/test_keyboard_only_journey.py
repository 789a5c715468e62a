"""Registration, triage and intake with the keyboard alone: every element the Tab key reaches
shows where the focus is, and a form that comes back with errors puts the focus on its error
summary at the top.
"""

import datetime
import re

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Case, Intake
from vroeghulp.cases.states import Phase

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 150

# The focused element shows a focus ring of at least 2 px (an outline). Nothing to check when
# the focus is on the body, or on a part of the browser's own date picker (its calendar button:
# the date field stays the active element without matching :focus).
FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || !element.matches(':focus')) return null;
  const style = getComputedStyle(element);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const name = `${element.tagName.toLowerCase()}#${element.id}.${element.className}`
    + ` "${(element.innerText || element.value || '').trim().slice(0, 30)}"`;
  return {ring, name};
}"""


def _tab_to(page, locator):
    """Presses Tab until the element has the focus; each stop on the way must show its focus."""
    target = locator.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused is not None:
            assert focused["ring"], f"no visible focus on {focused['name']}"
        if page.evaluate("(target) => document.activeElement === target", target):
            return
    raise AssertionError(f"Tab never reached {locator}")


def _type_into(page, locator, text):
    _tab_to(page, locator)
    page.keyboard.type(text)


def _press(page, locator, key="Enter"):
    _tab_to(page, locator)
    page.keyboard.press(key)


def _type_date(page, field, date):
    """Types a date into the focused date field, in the order of its parts (the browser's)."""
    for order in ("%d%m%Y", "%m%d%Y"):
        for _ in range(3):  # to the first part, whichever part has the focus
            page.keyboard.press("ArrowLeft")
        page.keyboard.type(date.strftime(order))
        if field.input_value() == date.isoformat():
            return
    raise AssertionError(f"typed {date}, the field holds {field.input_value()}")


def _assert_error_summary_focused(page):
    page.locator("[data-error-summary]").first.wait_for()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('[data-error-summary]')"
    )
    focused = page.evaluate(FOCUS)
    assert focused["ring"], "the focused error summary shows no focus"


def test_register_triage_and_intake_with_the_keyboard(browser, live_server, world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
    base = live_server.url

    # A parent registers: first sent empty, the error summary takes the focus.
    parent = browser.new_context(viewport={"width": 390, "height": 800}, locale="nl-NL")
    page = parent.new_page()
    page.goto(f"{base}/aanmelden/{world.network.slug}/")
    _press(page, page.get_by_role("button", name="Aanmelding versturen"))
    _assert_error_summary_focused(page)
    assert "Niet alles is goed ingevuld" in page.locator("[data-error-summary]").inner_text()

    page.goto(f"{base}/aanmelden/{world.network.slug}/")
    _type_into(page, page.get_by_label("Voornaam van het kind"), "Lotte")
    _type_into(page, page.get_by_label("Achternaam van het kind"), "Verbeek")
    birth_date = page.get_by_label("Geboortedatum van het kind")
    _tab_to(page, birth_date)
    _type_date(page, birth_date, datetime.date(2024, 6, 12))
    _type_into(
        page, page.get_by_label("Waar maken de ouders zich zorgen over?"), "Ze brabbelt nog niet."
    )
    _type_into(page, page.locator("#id_guardian1_name"), "Sanne Verbeek")
    _type_into(page, page.locator("#id_guardian1_phone"), "06-12121212")
    question = page.locator("label[for=id_answer]").inner_text()
    a, b = map(int, re.search(r"(\d) \+ (\d)", question).groups())
    _type_into(page, page.get_by_label(question), str(a + b))
    _press(page, page.locator("#id_privacy"), "Space")
    _press(page, page.get_by_role("button", name="Aanmelding versturen"))
    page.get_by_role("heading", name="Dank u wel").wait_for()
    parent.close()

    # The coordinator triages: records the callback and accepts.
    coordinator = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    session = verified_client(world.users[Role.COORDINATOR]).cookies[settings.SESSION_COOKIE_NAME]
    coordinator.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": base}]
    )
    page = coordinator.new_page()
    page.goto(base + "/")
    _press(page, page.get_by_role("link", name="Aanmeldingen", exact=True))
    page.get_by_role("heading", name="Aanmeldingen").wait_for()
    _press(page, page.get_by_role("link", name="Lotte Verbeek"))
    page.get_by_role("heading", name="Aanmelding: Lotte Verbeek").wait_for()
    _type_into(page, page.get_by_label("Wat is besproken"), "Moeder gebeld.")
    _press(page, page.get_by_role("button", name="Opslaan"))
    page.get_by_text("Het terugbelgesprek is vastgelegd.").wait_for()
    _press(page, page.get_by_role("button", name="Accepteren: traject starten"))
    page.get_by_text("Geaccepteerd: het traject is gestart.").wait_for()
    case = Case.objects.get(child__family_name="Verbeek")

    # Into the intake phase, and the intake: an impossible date first, then a good one.
    _tab_to(page, page.get_by_label("Nieuwe fase"))
    page.keyboard.type("Intake")
    _press(page, page.get_by_role("button", name="Fase wijzigen"))
    page.get_by_text("De fase is gewijzigd.").wait_for()
    case.refresh_from_db()
    assert case.phase == Phase.INTAKE
    _press(page, page.get_by_role("link", name="Intake", exact=True))
    page.get_by_role("heading", name="Intake (kennismaking)").wait_for()
    _type_into(page, page.get_by_label("Datum huisbezoek"), "01011990")
    _type_into(page, page.get_by_label("Doelen van de ouders"), "Weten waarom ze niet praat")
    _press(page, page.get_by_role("button", name="Intake opslaan"))
    _assert_error_summary_focused(page)
    field = page.get_by_label("Datum huisbezoek")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_home_visit_on_error" in field.get_attribute("aria-describedby")
    assert page.get_by_label("Doelen van de ouders").input_value() == "Weten waarom ze niet praat"
    # From the summary, its link leads to the field; a good date there, and saved.
    _press(page, page.locator("[data-error-summary] a").first)
    assert page.evaluate("() => document.activeElement.id") == "id_home_visit_on"
    _type_date(page, field, timezone.localdate())
    _press(page, page.get_by_role("button", name="Intake opslaan"))
    page.get_by_text("De intake is opgeslagen.").wait_for()
    assert Intake.objects.get(case=case).home_visit_on == timezone.localdate()
    assert case.goals.get().text == "Weten waarom ze niet praat"
    coordinator.close()
