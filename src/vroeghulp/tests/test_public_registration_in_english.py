"""A parent who chose English fills in the public registration form in English, from the first
question to the thank-you page, and their choice of language is kept for the letters to them."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.helpers import CHILD

pytestmark = pytest.mark.django_db

# Written by hand from the Dutch form: none of these may remain when English is chosen.
DUTCH = [
    "Uw kind aanmelden",
    "Maakt u zich zorgen",
    "Het kind",
    "Voornaam van het kind",
    "Geboortedatum van het kind",
    "Meisje",
    "Woongemeente",
    "Waar maken de ouders zich zorgen over",
    "Naam ouder/verzorger",
    "Relatie tot het kind",
    "Moeder",
    "Telefoonnummer",
    "Voorkeurstaal",
    "Eerder onderzoek",
    "Wat is er al onderzocht",
    "Door wie",
    "Tweede ouder of verzorger",
    "Ik geef toestemming",
    "Controlevraag",
    "Laat dit veld leeg",
    "Aanmelding versturen",
    "Naar de inhoud",
]
ENGLISH = [
    "Register your child",
    "Are you worried about your child",
    "Child&#x27;s first name",
    "Child&#x27;s date of birth",
    "Girl",
    "Municipality of residence",
    "Name of parent/carer",
    "Relationship to the child",
    "Mother",
    "Preferred language",
    "Second parent or carer",
    "I consent to the network using these details to contact me about my child.",
    "Check question: what is",
    "Send registration",
    "Skip to content",
]


@pytest.fixture(autouse=True)
def no_waiting_for_the_challenge(settings):
    # A person needs seconds to fill the form; tests do not wait.
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0


def _english_client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _answer(page: str) -> dict:
    a, b = re.search(r"what is (\d) \+ (\d)\?", page).groups()
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    return {"answer": str(int(a) + int(b)), "challenge": token}


def test_the_form_is_english_when_english_is_chosen(world):
    html = _english_client().get(reverse("referrals:public", args=[world.network.slug]))
    html = html.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert [phrase for phrase in DUTCH if phrase in html] == []
    assert [phrase for phrase in ENGLISH if phrase not in html] == []


def test_the_form_stays_dutch_without_the_choice(world):
    html = Client().get(reverse("referrals:public", args=[world.network.slug])).content.decode()
    assert "Uw kind aanmelden" in html and "Register your child" not in html


def test_mistakes_are_explained_in_english_and_nothing_typed_is_lost(world):
    client = _english_client()
    url = reverse("referrals:public", args=[world.network.slug])
    page = client.get(url).content.decode()
    data = {**CHILD, **_answer(page), "answer": "99", "privacy": "on"}
    response = client.post(url, data)
    html = response.content.decode()
    assert "The answer to the check question is wrong." in html
    assert "klopt niet" not in html
    assert 'value="Sofie"' in html
    assert Registration.objects.count() == 0


def test_the_thank_you_page_is_english_and_the_language_is_kept(world):
    client = _english_client()
    url = reverse("referrals:public", args=[world.network.slug])
    page = client.get(url).content.decode()
    assert '<option value="en" selected>English</option>' in page  # proposed, can be changed
    data = {**CHILD, **_answer(page), "privacy": "on", "guardian1_language": "en"}
    response = client.post(url, data)
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks and "Dank u wel" not in thanks
    assert "Your registration has been received by" in thanks
    registration = Registration.objects.get()
    assert registration.guardians[0]["preferred_language"] == "en"
