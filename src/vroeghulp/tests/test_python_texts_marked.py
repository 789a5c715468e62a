"""Texts people read that come from Python are marked for translation: choice labels, the names
of model fields shown on forms and admin pages, and the messages views and forms show."""

import ast
import importlib
import inspect
from pathlib import Path

from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.functional import Promise

from vroeghulp.networks.admin import admin_site
from vroeghulp.tests import po_catalogue

APP = Path(__file__).resolve().parent.parent  # src/vroeghulp


def _catalogue_ids() -> set[str]:
    return {entry.msgid for entry in po_catalogue.messages()}


def _choices_in_constants():
    for path in sorted(APP.glob("*/constants.py")):
        module = importlib.import_module(f"vroeghulp.{path.parent.name}.constants")
        for name, value in vars(module).items():
            ours = getattr(value, "__module__", None) == module.__name__
            if ours and inspect.isclass(value) and issubclass(value, models.Choices):
                yield f"{module.__name__}.{name}", value


def test_the_constants_modules_are_found():
    found = dict(_choices_in_constants())
    assert len(found) > 20
    assert "vroeghulp.referrals.constants.Route" in found


def test_every_choice_label_in_constants_is_a_translation_in_the_catalogue():
    known = _catalogue_ids()
    wrong = []
    for name, choices in _choices_in_constants():
        for member in choices:
            label = member.label
            if not isinstance(label, Promise):
                wrong.append(f"{name}.{member.name}: {label!r} is not gettext_lazy")
            else:
                with translation.override("nl"):  # the source language: the text as written
                    written = str(label)
                if written not in known:
                    wrong.append(f"{name}.{member.name}: {written!r} is not in the catalogue")
    assert not wrong, "\n".join(wrong)


def _our_models():
    return [m for m in apps.get_models() if m.__module__.startswith("vroeghulp.")]


def test_a_field_that_names_itself_names_itself_translatably():
    """A verbose_name written in the code is a lazy translation, never a plain string."""
    wrong = []
    for model in _our_models():
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name"):
                continue
            derived = field.name.replace("_", " ")
            if not isinstance(field.verbose_name, Promise) and field.verbose_name != derived:
                wrong.append(f"{model.__name__}.{field.name}: {field.verbose_name!r}")
        for option in ("verbose_name", "verbose_name_plural"):
            written = option in model._meta.original_attrs
            if written and not isinstance(getattr(model._meta, option), Promise):
                wrong.append(f"{model.__name__} Meta.{option}")
    assert not wrong, "Use gettext_lazy for: " + ", ".join(wrong)


def test_every_field_an_admin_page_shows_has_a_translated_name():
    wrong = []
    assert len(admin_site._registry) >= 5
    for model in admin_site._registry:
        for field in model._meta.get_fields():
            if field.auto_created or not getattr(field, "editable", False):
                continue
            if not isinstance(getattr(field, "verbose_name", None), Promise):
                wrong.append(f"{model.__name__}.{field.name}")
        for option in ("verbose_name", "verbose_name_plural"):
            if not isinstance(getattr(model._meta, option), Promise):
                wrong.append(f"{model.__name__} Meta.{option}")
    assert not wrong, "Give these a verbose_name with gettext_lazy: " + ", ".join(wrong)


# --- messages, validation errors, form labels: no literal text ------------------------------

SHOWN_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}
MESSAGE_LEVELS = {"debug", "info", "success", "warning", "error", "add_message"}


def _literal_text(node) -> bool:
    """A string written in the code (or an f-string) with letters in it."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip()


def literal_texts(source: str) -> list[int]:
    """Lines where a text people read is written as a plain string."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        shown = []
        if owner == "messages" and name in MESSAGE_LEVELS:
            shown = node.args[1:] + [k.value for k in node.keywords if k.arg == "message"]
        elif name == "ValidationError":
            shown = node.args[:1] + [k.value for k in node.keywords if k.arg == "message"]
        shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        lines += [node.lineno for value in shown if _literal_text(value)]
    return lines


def test_the_literal_scan_finds_plain_strings():
    source = (
        "messages.success(request, 'Opgeslagen.')\n"
        "raise ValidationError(f'Fout in {x}')\n"
        "name = forms.CharField(label='Naam')\n"
        "ok = forms.CharField(label=_('Naam'), help_text='')\n"
        "messages.error(request, _('Fout.'))\n"
    )
    assert literal_texts(source) == [1, 2, 3]


def test_messages_errors_and_labels_are_not_plain_strings():
    found = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP)
        if {"tests", "migrations"} & set(relative.parts) or path.name == "conftest.py":
            continue
        found += [f"{relative}:{line}" for line in literal_texts(path.read_text())]
    assert not found, "Mark these texts with gettext / gettext_lazy: " + ", ".join(found)
