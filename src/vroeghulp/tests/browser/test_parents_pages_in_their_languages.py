"""The parents' pages in Arabic, Turkish and Polish, on a 390 px phone and a 1280 px desktop:
the login, the public registration form, and a signed-in parent's home, child, contact details
and who-looked pages. Each is checked with axe-core (no serious or critical violation) and must
not scroll sideways; in Arabic the page is laid out right to left.
"""

import re

import pytest
from django.conf import settings
from django.core import mail

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory

from .conftest import horizontal_overflow, serious_violations, widest_elements

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (390, 1280)
# Written by hand: the heading of the child page ("Waar staan we nu?") in each language.
WHERE_ARE_WE = {
    "ar": "أين نحن الآن؟",
    "tr": "Şu anda neredeyiz?",
    "pl": "Na jakim etapie jesteśmy?",
}


def _check_every_width(page, label, language):
    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == ("rtl" if language == "ar" else "ltr"), label
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        where = f"{label} ({language}, {width} px)"
        assert serious_violations(page) == [], where
        assert horizontal_overflow(page) <= 0, f"{where} scrolls sideways: {widest_elements(page)}"


@pytest.mark.parametrize("language", ["ar", "tr", "pl"])
def test_the_parents_pages_in_their_language(browser, live_server, world, language):
    parent = UserFactory(email="ouder@example.test", language=language)
    GuardianFactory(child=world.own_case.child, user=parent, full_name="Ouder Eigen")
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    page = context.new_page()

    page.goto(f"{live_server.url}/aanmelden/{world.network.slug}/")
    _check_every_width(page, "public form", language)

    page.goto(live_server.url + "/ouders/inloggen/")
    _check_every_width(page, "login", language)
    page.locator("#id_email").fill("ouder@example.test")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/ouders/inloggen/code/")
    _check_every_width(page, "code", language)
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.locator("#id_code").fill(code)
    page.locator("form button[type=submit]").first.click()
    page.get_by_role("heading", name=WHERE_ARE_WE[language]).wait_for()
    _check_every_width(page, "child", language)

    code_path = f"/ouders/kind/{world.own_case.code}/"
    for path, label in (
        ("/ouders/", "home"),
        (code_path + "contactgegevens/", "contact details"),
        (code_path + "wie-keek/", "who looked"),
    ):
        page.goto(live_server.url + path)
        _check_every_width(page, label, language)
    context.close()
