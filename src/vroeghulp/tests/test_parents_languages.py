"""Parents read the portal, the public registration form and their e-mails in Arabic, Turkish or
Polish: every parents' text (`parents_texts.py`) is translated in those catalogues, placeholders
and plural forms kept, compiled, marked as not yet checked by a native speaker until a reviewer
removes the mark; the pages (login, public form, child page, a pre-registration's confirmation)
come out in the chosen language, Arabic right to left."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.referrals.tests.school import confirmation_path, pre_register, school_with_ib
from vroeghulp.tests import parents_texts, po_catalogue
from vroeghulp.tests.test_catalogue_complete import KEPT

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("ar", "tr", "pl")
UNCHECKED = "unchecked: not yet checked by a native speaker"
PLURAL_FORMS = {"ar": 6, "tr": 2, "pl": 3}  # written by hand: each language's grammar


def _catalogue(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def _entries(language: str) -> dict[tuple, po_catalogue.Entry]:
    """The entries by (msgctxt, msgid), as `parents_texts.msgids()` names them."""
    return {entry.key[:2]: entry for entry in po_catalogue.messages(_catalogue(language))}


def _label(key: tuple) -> str:
    return repr(key[1][:70])


def test_the_parents_texts_are_found():
    # Written by hand: a template text, a form label, an e-mail, a choice label, an event text.
    keys = parents_texts.keys()
    for msgid in (
        "Inloggen voor ouders",
        "Uw e-mailadres",
        "Uw inlogcode voor Vroeghulp",
        "Eens, met opmerkingen",
        "Toestemming gegeven door %(guardian)s: %(purpose)s – %(org)s",
        "Uw kind aanmelden",
    ):
        assert (None, msgid, None) in keys, msgid
    assert (None, "Mijn werk", None) not in keys  # a professionals' menu item
    assert len(keys) > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_parents_text_is_translated(language):
    entries = _entries(language)
    wanted = parents_texts.msgids()
    absent = [_label(key) for key in wanted if key not in entries]
    assert not absent, f"Run makemessages for {language}: " + ", ".join(absent)
    empty = [_label(key) for key in wanted if not all(entries[key].translations)]
    assert not empty, f"Parents' texts without a {language} translation: " + ", ".join(empty)
    fuzzy = [_label(key) for key in wanted if entries[key].fuzzy]
    assert not fuzzy, f"Fuzzy {language} entries (check, remove '#, fuzzy'): " + ", ".join(fuzzy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_every_form_of_the_language(language):
    header = po_catalogue.read(_catalogue(language))[0].msgstr
    assert f"nplurals={PLURAL_FORMS[language]};" in header
    incomplete = [
        _label(entry.key)
        for entry in _entries(language).values()
        if entry.msgid_plural is not None
        and any(entry.msgstr_plural.values())
        and sorted(entry.msgstr_plural) != list(range(PLURAL_FORMS[language]))
    ]
    assert not incomplete, "Plural entries missing a form: " + ", ".join(incomplete)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_html(language):
    changed = []
    for entry in _entries(language).values():
        if not any(entry.translations):
            continue
        for translated in entry.translations:
            sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid_plural]
            wanted, found = sorted(KEPT.findall(sources[0])), sorted(KEPT.findall(translated))
            if wanted != found:
                changed.append(f"{_label(entry.key)}: {wanted} became {found}")
    assert not changed, "Placeholders or HTML changed:\n" + "\n".join(changed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_parents_texts_are_translated_and_the_mark_goes_with_a_translation(language):
    """Professionals never see these languages; a reviewer removes the mark of what they checked."""
    wanted = parents_texts.msgids()
    entries = _entries(language).values()
    extra = [
        _label(entry.key)
        for entry in entries
        # makemessages may guess (`#, fuzzy`) from a parents' text; gettext never shows those.
        if any(entry.translations) and not entry.fuzzy and entry.key[:2] not in wanted
    ]
    assert not extra, f"{language} translations of texts parents do not see: " + ", ".join(extra)
    # The mark goes with a translation; a reviewer deletes it once a native speaker checked it.
    marked_empty = [
        _label(entry.key)
        for entry in entries
        if UNCHECKED in entry.comments and not all(entry.translations)
    ]
    assert not marked_empty, "Marked unchecked but not translated: " + ", ".join(marked_empty)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_holds_every_translation(language):
    with _catalogue(language).with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in _entries(language).values():
        if not any(entry.translations):
            continue
        if entry.msgid_plural is None:
            found = [catalogue.gettext(entry.msgid)]
        else:
            numbers = {"ar": (0, 1, 2, 3, 11, 100), "tr": (1, 2), "pl": (1, 2, 5)}[language]
            found = [catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in numbers]
        if found != entry.translations:
            stale.append(_label(entry.key))
    assert not stale, f"Compile the {language} catalogue (compilemessages): " + ", ".join(stale)


# Written by hand: a phrase of each page in each language, and Dutch that must be gone.
LOGIN = {
    "ar": "تسجيل دخول الأهل",
    "tr": "Ebeveyn girişi",
    "pl": "Logowanie dla rodziców",
}
PUBLIC_FORM = {
    "ar": "سجّلوا طفلكم",
    "tr": "Çocuğunuz için başvurun",
    "pl": "Zgłoś swoje dziecko",
}
CHILD_PAGE = {
    "ar": "أين نحن الآن؟",
    "tr": "Şu anda neredeyiz?",
    "pl": "Na jakim etapie jesteśmy?",
}
DUTCH = {
    "login": ["Inloggen voor ouders", "Vul uw e-mailadres in", "Stuur mij een code"],
    "public": ["Uw kind aanmelden", "Voornaam van het kind", "Aanmelding versturen"],
    "child": ["Waar staan we nu?", "Wat gebeurt er hierna?", "Uw toestemming"],
}


def _client(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _check(html: str, language: str, phrase: str, dutch: list[str]) -> None:
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert phrase in html
    left = [text for text in dutch if text in html]
    assert not left, f"Dutch left in {language}: {left}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_portal_login_speaks_the_chosen_language(language):
    html = _client(language).get(reverse("portal:login")).content.decode()
    _check(html, language, LOGIN[language], DUTCH["login"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_public_registration_form_speaks_the_chosen_language(world, language):
    response = _client(language).get(reverse("referrals:public", args=[world.network.slug]))
    assert response.status_code == 200
    _check(response.content.decode(), language, PUBLIC_FORM[language], DUTCH["public"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signed_in_parent_reads_the_child_page_in_their_account_language(world, language):
    parent = UserFactory(email="moeder@example.test", language=language)
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()  # no cookie: the account's language counts
    client.post(reverse("portal:login"), {"email": "moeder@example.test"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("portal:login_code"), {"code": code})
    response = client.get(reverse("portal:child", args=[world.own_case.code]))
    assert response.status_code == 200
    _check(response.content.decode(), language, CHILD_PAGE[language], DUTCH["child"])


@pytest.mark.django_db
def test_a_polish_parent_gets_the_login_code_in_polish_from_a_dutch_page(world):
    parent = UserFactory(email="matka@example.test", language="pl")
    GuardianFactory(child=world.own_case.child, user=parent)
    Client().post(reverse("portal:login"), {"email": "matka@example.test"})  # Dutch page
    assert [message.subject for message in mail.outbox] == ["Państwa kod logowania do Vroeghulp"]
    assert mail.outbox[0].body.startswith("Państwa kod logowania to ")
    assert "inlogcode" not in mail.outbox[0].body


CONFIRMATION = {
    "ar": "تأكيد التسجيل",
    "tr": "Başvuruyu onayla",
    "pl": "Potwierdź zgłoszenie",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_confirmation_of_a_pre_registration_speaks_the_chosen_language(
    world, language, django_capture_on_commit_callbacks
):
    _school, ib = school_with_ib(world.network)
    with django_capture_on_commit_callbacks(execute=True):
        pre_register(ib)
    html = _client(language).get(confirmation_path()).content.decode()
    _check(html, language, CONFIRMATION[language], ["Aanmelding bevestigen", "We sturen"])
