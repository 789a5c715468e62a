"""A parent on a 320 px phone: log in with a code, find what happens next, withdraw a consent.

Every portal page is checked with axe-core and must not scroll sideways.
"""

import re

import pytest
from django.core import mail

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory

from .conftest import horizontal_overflow, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _check(page, label):
    assert serious_violations(page) == [], label
    assert horizontal_overflow(page) <= 0, f"{label} scrolls sideways"


def test_parent_on_a_phone(browser, live_server, world):
    parent = UserFactory(email="ouder@example.test")
    GuardianFactory(child=world.own_case.child, user=parent, full_name="Ouder Eigen")
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    page = browser.new_context(viewport={"width": 320, "height": 640}).new_page()

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
    _check(page, "child page")
    assert page.get_by_text("We maken kennis met u en uw kind.").is_visible()

    page.get_by_role("button", name=f"Intrekken voor {world.other_organisation.name}").click()
    page.get_by_text("Uw toestemming is ingetrokken.").wait_for()
    assert not Consent.objects.in_force().exists()

    page.get_by_role("link", name="Wie heeft het dossier van mijn kind bekeken?").click()
    page.get_by_role("heading", name="Wie keek er in het dossier?").wait_for()
    _check(page, "who looked")
