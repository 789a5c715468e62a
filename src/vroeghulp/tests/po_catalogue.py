"""A small reader for gettext .po files, enough for the catalogue tests (no third-party parser).

It reads what `makemessages` writes: translator comments (`# ...`), flags (`#, fuzzy,
python-format`), msgctxt, msgid, msgid_plural, msgstr and msgstr[n], each possibly continued over
several quoted lines. Obsolete entries (`#~`) and previous-msgid comments (`#|`) are skipped.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    comments: list[str] = field(default_factory=list)  # translator comments (`# ...`)

    @property
    def key(self) -> tuple:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is None:
            return [self.msgstr]
        return [self.msgstr_plural.get(n, "") for n in range(max(len(self.msgstr_plural), 1))]


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted po string: {text!r}")
    return ast.literal_eval(text)  # po escapes (\n, \t, \", \\) are Python's


def read(path: Path = CATALOGUE) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included as the first when present."""
    entries: list[Entry] = []
    entry: Entry | None = None
    current: str | None = None  # the keyword that continued lines belong to

    def finish():
        nonlocal entry, current
        if entry is not None:
            entries.append(entry)
        entry, current = None, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if current is not None and current != "comment":
                finish()  # a comment after strings starts the next entry
            if entry is None:
                entry = Entry()
            current = "comment"
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            elif line == "#" or line.startswith("# "):
                entry.comments.append(line[2:])
            continue
        if line.startswith('"'):
            _append(entry, current, _unquote(line))
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and current not in (None, "comment", "msgctxt"):
            finish()  # strings of the previous entry ended without a blank line
        if entry is None:
            entry = Entry()
        current = keyword
        _append(entry, keyword, _unquote(rest))
    finish()
    return entries


def _append(entry: Entry, keyword: str, text: str) -> None:
    if keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif keyword == "msgstr":
        entry.msgstr += text
    elif keyword.startswith("msgstr["):
        n = int(keyword[len("msgstr[") : -1])
        entry.msgstr_plural[n] = entry.msgstr_plural.get(n, "") + text
    else:
        raise ValueError(f"unexpected po keyword {keyword!r}")


def messages(path: Path = CATALOGUE) -> list[Entry]:
    """The translatable entries: without the header."""
    return [entry for entry in read(path) if entry.msgid != ""]
