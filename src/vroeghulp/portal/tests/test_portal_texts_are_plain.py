"""The portal's own texts read at B1 (plain Dutch), checked with the readability rule the plan
editor uses (plans/readability.py), and without jargon from the network's list."""

import importlib
import pathlib
import re

from django.utils.translation.template import templatize

from vroeghulp.plans.readability import WORDS, assess

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "templates"
# The portal's pages for parents; the professionals' tabs about parents live there too.
PROFESSIONAL_PAGES = {"guardians.html", "case_messages.html"}
PARENTS_PAGES = [
    *(p for p in (TEMPLATES / "portal").glob("*.html") if p.name not in PROFESSIONAL_PAGES),
    TEMPLATES / "referrals" / "public_form.html",
    TEMPLATES / "referrals" / "thanks.html",
]
LONGEST_SENTENCE = 20
TRANSLATED = re.compile(r"\b(?:gettext|pgettext|ngettext)\(((?:u?'(?:[^'\\]|\\.)*'\s*,?\s*)+)")
TEXT = re.compile(r"u?'((?:[^'\\]|\\.)*)'")
SENTENCES = re.compile(r"[.!?]+(?:\s|$)|\n+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# the starting list of jargon the plan editor warns about (kept in the database; this is the
# list every network starts with)
JARGON = importlib.import_module("vroeghulp.plans.migrations.0002_jargon_terms").TERMS


def _texts(path: pathlib.Path) -> list[str]:
    """The Dutch texts a template marks for translation, placeholders read as one word."""
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    found = []
    for call in TRANSLATED.finditer(code):
        strings = TEXT.findall(call.group(1))
        text = strings[1] if call.group(0).startswith("pgettext") else strings[0]
        found.append(PLACEHOLDER.sub("iets", text.replace("\\'", "'")))
    return found


def _all_texts() -> list[str]:
    return [text for path in PARENTS_PAGES for text in _texts(path)]


def test_the_parents_pages_are_found():
    assert all(path.exists() for path in PARENTS_PAGES)
    assert len(_all_texts()) > 100


def test_the_portals_own_texts_read_at_b1():
    result = assess("\n".join(_all_texts()), JARGON)
    assert result.plain, result


def test_no_sentence_for_parents_is_longer_than_twenty_words():
    long = [
        sentence
        for text in _all_texts()
        for sentence in SENTENCES.split(text)
        if len(WORDS.findall(sentence)) > LONGEST_SENTENCE
    ]
    assert long == []
