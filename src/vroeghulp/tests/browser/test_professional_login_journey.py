"""A casemanager logs in with password and authenticator code, finds a child and opens the file.

Every page on the way has no serious accessibility violations (axe-core) and fits a 320 px screen.
"""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry

from .conftest import horizontal_overflow, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _check_page(page, label: str) -> None:
    assert serious_violations(page) == [], label
    page.set_viewport_size({"width": 320, "height": 800})
    assert horizontal_overflow(page) <= 0, f"{label} scrolls sideways at 320 px"
    page.set_viewport_size({"width": 1200, "height": 900})


def test_login_with_second_factor_search_and_open_a_case(page, world):
    user = world.users[Role.CASEMANAGER]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    child = world.own_case.child

    page.goto(page.base_url + "/")
    _check_page(page, "login")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", name="Tweede stap").wait_for()
    _check_page(page, "second factor")
    page.get_by_label("Code uit je authenticator-app").fill(_current_code(device))
    page.get_by_role("button", name="Bevestigen").click()

    page.get_by_role("heading", name="Mijn werk").wait_for()
    _check_page(page, "work list")
    assert page.get_by_role("table").get_by_role("link", name=child.full_name).is_visible()

    page.get_by_role("link", name="Zoeken").click()
    page.get_by_label("Naam (of een deel ervan)").fill(child.family_name)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="1 resultaat").wait_for()
    _check_page(page, "search")

    page.get_by_role("link", name=child.full_name).click()
    page.get_by_role("heading", name=child.full_name).wait_for()
    _check_page(page, "case page")
    page.get_by_role("textbox", name="Notitie").fill("Gebeld met moeder; huisbezoek gepland.")
    page.get_by_role("button", name="Notitie opslaan").click()
    page.get_by_text("Notitie opgeslagen.").wait_for()
    assert page.get_by_text("Gebeld met moeder; huisbezoek gepland.").is_visible()

    actions = set(AuditEntry.objects.filter(child_id=child.pk).values_list("action", flat=True))
    assert {AuditAction.READ, AuditAction.SEARCH, AuditAction.CREATE} <= actions


def test_keyboard_focus_is_visible_on_the_login_page(page, db):
    page.goto(page.base_url + "/account/inloggen/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand link
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.id") == "id_username"
    assert outline != "none"
