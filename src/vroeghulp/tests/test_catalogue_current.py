"""The committed catalogue holds exactly the texts the code marks: `make messages` would add or
drop no entry. It runs makemessages, with the Makefile's options, on a copy of the code and the
catalogue in a temporary folder, and compares the entries (not the header dates)."""

import shutil
from pathlib import Path

from django.core.management import call_command

from vroeghulp.tests import po_catalogue

APP = Path(__file__).resolve().parent.parent  # src/vroeghulp
SOURCES = ("*.py", "*.html", "*.txt")  # the extensions makemessages reads for the django domain


def _keys(path: Path) -> set[tuple]:
    return {entry.key for entry in po_catalogue.messages(path)}


def _copy_of_the_code(target: Path) -> None:
    for pattern in SOURCES:
        for source in APP.rglob(pattern):
            relative = source.relative_to(APP)
            if "__pycache__" in relative.parts or "static" in relative.parts[:1]:
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
    shutil.copytree(APP / "locale", target / "locale")


def test_makemessages_would_not_change_the_catalogue(tmp_path, settings, monkeypatch):
    copy = tmp_path / "vroeghulp"
    _copy_of_the_code(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["en"],
        no_location=True,
        no_wrap=True,
        ignore_patterns=["*/tests/*", "conftest.py"],
        verbosity=0,
    )
    committed = _keys(po_catalogue.CATALOGUE)
    current = _keys(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert len(current) > 1000  # the run found the code's texts
    missing = sorted(str(key[1])[:70] for key in current - committed)
    unused = sorted(str(key[1])[:70] for key in committed - current)
    assert not missing, "Run `make messages` and translate these new texts: " + repr(missing)
    assert not unused, "Run `make messages`: these texts are no longer in the code: " + repr(unused)
