"""Every text the code marks has an English translation: none empty, none fuzzy, placeholders and
HTML kept, both plural forms filled, and the compiled .mo the application reads holds them all."""

import gettext
import re

from vroeghulp.tests import po_catalogue

# What must come through translation unchanged: %(name)s / %(n)d, %%, {name}, HTML tags, entities.
KEPT = re.compile(r"%\(\w+\)[sdfir]|%%|\{\w*\}|<[^>]+>|&\w+;")


def _entries():
    return po_catalogue.messages()


def _label(entry) -> str:
    return repr(entry.msgid[:70])


def test_the_reader_finds_the_catalogue_entries():
    # Written by hand: an entry, a plural entry and one with HTML, as the catalogue has them.
    entries = {entry.msgid: entry for entry in _entries()}
    assert len(entries) > 1000
    assert entries["Mijn werk"].msgstr == "My work"
    plural = entries["nog %(n)d dag"]
    assert plural.msgid_plural == "nog %(n)d dagen"
    assert plural.translations == ["%(n)d day left", "%(n)d days left"]
    assert (
        '<a href="%(reset_url)s">' in entries[next(k for k in entries if "reset_url" in k)].msgstr
    )


def test_no_entry_is_fuzzy():
    fuzzy = [_label(entry) for entry in _entries() if entry.fuzzy]
    assert not fuzzy, "Fuzzy entries (check the translation, remove '#, fuzzy'): " + ", ".join(
        fuzzy
    )


def test_every_entry_has_an_english_translation():
    missing = [_label(entry) for entry in _entries() if not all(entry.translations)]
    assert not missing, "Entries without translation: " + ", ".join(missing)


def test_plural_entries_have_both_english_forms():
    incomplete = [
        _label(entry)
        for entry in _entries()
        if entry.msgid_plural is not None and sorted(entry.msgstr_plural) != [0, 1]
    ]
    assert not incomplete, "Plural entries without msgstr[0] and msgstr[1]: " + ", ".join(
        incomplete
    )


def test_translations_keep_placeholders_and_html():
    changed = []
    for entry in _entries():
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        for source, translated in zip(sources, entry.translations, strict=False):
            # A singular may leave out the number ("every month" for "%(n)s"); never add one.
            wanted, found = sorted(KEPT.findall(source)), sorted(KEPT.findall(translated))
            if entry.msgid_plural is not None and source is entry.msgid:
                wanted = [kept for kept in wanted if kept in found]
            if wanted != found:
                changed.append(f"{_label(entry)}: {wanted} became {found}")
    assert not changed, "Placeholders or HTML changed:\n" + "\n".join(changed)


def test_the_compiled_catalogue_holds_every_translation():
    """The .mo is committed; after editing the .po it must be compiled again."""
    mo = po_catalogue.CATALOGUE.with_suffix(".mo")
    with mo.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in _entries():
        if entry.msgid_plural is None:
            found = [catalogue.gettext(entry.msgid)]
        else:
            found = [catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        if found != entry.translations:
            stale.append(_label(entry))
    assert not stale, "Compile the catalogue (make messages): " + ", ".join(stale[:20])
