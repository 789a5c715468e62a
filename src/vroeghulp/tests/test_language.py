"""Dutch by default, English on request (a cookie set by the language switch), never by guessing."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_even_for_an_english_browser():
    response = Client().get(reverse("portal:login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="nl" dir="ltr">' in html and "Inloggen voor ouders" in html
    assert response["Content-Language"] == "nl"


def test_the_language_switch_turns_the_portal_into_english():
    client = Client()
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("portal:login")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("portal:login")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(reverse("portal:login")).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Log in for parents" in html and "Send me a code" in html
    assert 'value="nl"' in html  # the way back to Dutch


def test_an_unknown_language_falls_back_to_dutch():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert "Inloggen voor ouders" in client.get(reverse("portal:login")).content.decode()


def test_the_switch_never_redirects_off_site():
    response = Client().post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_page_not_found_speaks_the_chosen_language(settings):
    settings.DEBUG = False
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()
    assert "Niet gevonden" in Client().get("/bestaat-niet/").content.decode()


def test_the_parents_side_speaks_arabic_right_to_left_and_the_professional_side_does_not():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    portal = client.get(reverse("portal:login"))
    assert '<html lang="ar" dir="rtl">' in portal.content.decode()
    assert portal["Content-Language"] == "ar"
    professional = client.get(reverse("accounts:login"))
    assert '<html lang="nl" dir="ltr">' in professional.content.decode()


def test_the_switch_offers_the_languages_of_the_page():
    portal = Client().get(reverse("portal:login")).content.decode()
    for code in ("en", "ar", "tr", "pl"):
        assert f'name="language" value="{code}"' in portal
    professional = Client().get(reverse("accounts:login")).content.decode()
    assert 'name="language" value="en"' in professional
    assert 'value="ar"' not in professional and 'value="pl"' not in professional


def test_a_signed_in_parents_choice_is_kept_with_them_on_every_device():
    parent = GuardianFactory(user=UserFactory()).user
    phone = Client()
    phone.force_login(parent)
    phone.post(reverse("set_language"), {"language": "tr", "next": reverse("portal:home")})
    parent.refresh_from_db()
    assert parent.language == "tr"
    laptop = Client()  # no cookie: the account carries the choice
    laptop.force_login(parent)
    assert '<html lang="tr" dir="ltr">' in laptop.get(reverse("portal:home")).content.decode()


def test_an_unknown_language_is_not_kept():
    parent = GuardianFactory(user=UserFactory()).user
    client = Client()
    client.force_login(parent)
    client.post(reverse("set_language"), {"language": "xx", "next": "/ouders/"})
    parent.refresh_from_db()
    assert parent.language == ""
