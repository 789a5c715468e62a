"""Browser tests: Playwright driving Debian's Chromium against the live test server."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import sync_playwright

from vroeghulp.accounts.tests.factories import PASSWORD

# Playwright's sync API keeps an event loop in this thread; the Django test database is only
# touched between browser steps, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x)"
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]


def widest_elements(page) -> list[str]:
    """What sticks out on the right, to name in a failing assertion."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(e => `${e.tagName}.${e.className}#${e.id} ${e.getBoundingClientRect().right}`)"""
    )


def horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


# Steps the journeys share.


def log_in(browser, base_url, user, *, lands_on: str = "Mijn werk"):
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
    page.get_by_role("heading", name=lands_on).wait_for()
    return page


def register_as_parent(browser, base_url, network):
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


def change_phase(page, label, *, refused_with: str = ""):
    """Move the case on its overview; with `refused_with`, the message that refuses the move."""
    page.get_by_label("Nieuwe fase").select_option(label=label)
    page.get_by_role("button", name="Fase wijzigen").click()
    page.get_by_text(refused_with or "De fase is gewijzigd.").wait_for()


def accept_registration(page, child_name: str) -> None:
    """The coordinator opens the registration, records the callback and accepts."""
    page.get_by_role("link", name="Aanmeldingen").click()
    page.get_by_role("link", name=child_name).click()
    assert serious_violations(page) == []
    page.get_by_label("Wat is besproken").fill("Moeder gebeld, huisbezoek afgesproken.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het terugbelgesprek is vastgelegd.").wait_for()
    page.get_by_role("button", name="Accepteren: traject starten").click()
    page.get_by_text("Geaccepteerd: het traject is gestart.").wait_for()


def add_to_team(page, user, role_label: str) -> None:
    page.get_by_role("link", name="Team").click()
    page.get_by_label("Professional").select_option(label=user.full_name)
    page.get_by_label("Rol in het team").select_option(label=role_label)
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Het team is bijgewerkt.").wait_for()
