"""The parents' texts: the msgids a parent reads, which Arabic, Turkish and Polish translate.

The parents' side is the portal (`/ouders/`), the public registration form with its thanks page
(`/aanmelden/`), the confirmation of a pre-registration (`/aanmelding/`) and the e-mails to
parents. Its texts are gathered from three kinds of source, listed below by hand:

- templates: the pages a parent sees, and every template they include or extend (followed
  automatically). Django's `templatize` turns each into the Python-like text `makemessages` feeds
  to xgettext; we run xgettext with makemessages' keywords and read its output.
- Python files a parent reads texts from (messages, form labels and errors, e-mails, timeline
  event texts, the plan document): every `_()`, `gettext*`, `ngettext*`, `pgettext*` call, found
  with `ast`. For `referrals/forms.py` only the registration form's part (the file also holds the
  professionals' callback and decision forms).
- choice classes whose labels a parent sees (a purpose of consent, a reaction, a plan domain...).

A text added to one of these sources is found by itself; a new page, form module or choice class
for parents is added to the lists here. `tests/test_parents_languages.py` then asks for its
Arabic, Turkish and Polish translation.
"""

import ast
import re
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from django.utils.translation.template import templatize

APP = Path(__file__).resolve().parent.parent  # src/vroeghulp
TEMPLATES = APP / "templates"

# The pages a parent sees (checked against the views that render them); includes are followed.
PAGES = (
    "base.html",
    "403.html",
    "404.html",
    "500.html",
    "_form.html",
    "_field.html",
    "portal/login.html",
    "portal/login_code.html",
    "portal/home.html",
    "portal/child.html",
    "portal/_uploads.html",
    "portal/contact_details.html",
    "portal/who_looked.html",
    "portal/withdraw_consent.html",
    "portal/invitation.html",
    "portal/invitation_invalid.html",
    "portal/confirmation.html",  # a referrer's pre-registration, confirmed by the parents
    "portal/confirmation_answer.html",
    "portal/confirmation_confirmed.html",
    "portal/confirmation_declined.html",
    "portal/confirmation_invalid.html",
    "referrals/public_form.html",
    "referrals/public_closed.html",
    "referrals/thanks.html",
    "plans/document.html",  # the plan's page and PDF in the portal
)
PAGE_FOLDERS = ("django/forms",)  # the form renderer's templates, every one of them

# Python files whose every marked text a parent may read.
PYTHON_FILES = (
    "portal/forms.py",
    "portal/views.py",
    "portal/actions.py",
    "portal/login_codes.py",
    "portal/overview.py",
    "portal/data_export.py",
    "portal/oidc.py",
    "portal/invitation_views.py",
    "portal/pending_invitation.py",
    "portal/confirmation_views.py",
    "portal/pending_confirmation.py",
    "referrals/notifications.py",
    "cases/event_texts.py",
    "plans/pdf.py",
    "date_input.py",
    "children/corrected_age.py",  # the child's age on the child page
)
# Python files of which only some top-level classes and functions are the parents'.
PYTHON_PARTS = {
    "referrals/forms.py": (
        "date_field",
        "RegistrationForm",
        "ExaminationForm",
        "BaseExaminationFormSet",
        "both_valid",
        "examinations",
    ),
}
# Choice classes whose labels a parent sees: file -> class names.
CHOICES = {
    "consent/constants.py": ("Purpose",),
    "plans/constants.py": ("Domain", "ItemStatus", "Reaction"),
    "children/constants.py": ("Sex", "GuardianRelation"),
    "referrals/constants.py": ("Language",),
    "cases/states.py": ("Phase",),
    "cases/constants.py": ("TeamRole",),
    "portal/models.py": ("DataRequestKind", "DataRequestOutcome"),
    "accounts/constants.py": ("Role",),  # who looked at the file: their role,
    "audit/constants.py": ("AuditAction", "Grounds"),  # what they did, and on what grounds
}

# makemessages' keywords for the django domain (xgettext style) and the same as Python names.
KEYWORDS = (
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
)
SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop"}
PLURAL = {"ngettext", "ngettext_lazy"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}

TEMPLATE_REFERENCE = re.compile(r"""\{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def templates() -> list[Path]:
    """The parents' templates: the pages, the form templates, and all they include or extend."""
    todo = [TEMPLATES / name for name in PAGES]
    for folder in PAGE_FOLDERS:
        todo += sorted((TEMPLATES / folder).rglob("*.html"))
    seen: list[Path] = []
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():  # not ours: one of Django's own templates
            continue
        seen.append(path)
        for name in TEMPLATE_REFERENCE.findall(path.read_text(encoding="utf-8")):
            todo.append(TEMPLATES / name)
    return sorted(seen)


def _template_keys(paths: list[Path]) -> set[tuple]:
    from vroeghulp.tests import po_catalogue

    code = "\n".join(
        templatize(path.read_text(encoding="utf-8"), origin=str(path)) for path in paths
    )
    xgettext = ["xgettext", "--language=Python", "--from-code=UTF-8", "--no-wrap", "--output=-"]
    result = subprocess.run(  # noqa: S603 (a fixed command on our own templates)
        [*xgettext, *(f"--keyword={keyword}" for keyword in KEYWORDS), "-"],
        input=code.encode(),
        capture_output=True,
        check=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        po = Path(folder) / "templates.po"
        po.write_bytes(result.stdout)
        return {entry.key for entry in po_catalogue.messages(po)}


def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_keys(tree: ast.AST) -> set[tuple]:
    keys = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        args = [_literal(arg) for arg in node.args]
        if name in SINGULAR and args[:1] and args[0] is not None:
            keys.add((None, args[0], None))
        elif name in PLURAL and len(args) >= 2 and None not in args[:2]:
            keys.add((None, args[0], args[1]))
        elif name in CONTEXT and len(args) >= 2 and None not in args[:2]:
            keys.add((args[0], args[1], None))
        elif name in CONTEXT_PLURAL and len(args) >= 3 and None not in args[:3]:
            keys.add((args[0], args[1], args[2]))
    return keys


def _parse(relative: str) -> ast.Module:
    return ast.parse((APP / relative).read_text(encoding="utf-8"))


def _top_level(relative: str, names) -> list[ast.AST]:
    wanted = [
        node
        for node in _parse(relative).body
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name in names
    ]
    found = {node.name for node in wanted}
    missing = set(names) - found
    assert not missing, f"{relative} no longer defines {sorted(missing)}: update parents_texts.py"
    return wanted


def python_keys() -> set[tuple]:
    keys = set()
    for relative in PYTHON_FILES:
        keys |= _call_keys(_parse(relative))
    for relative, names in (PYTHON_PARTS | CHOICES).items():
        for node in _top_level(relative, names):
            keys |= _call_keys(node)
    return keys


@cache
def keys() -> frozenset[tuple]:
    """The parents' texts as catalogue keys: (msgctxt, msgid, msgid_plural)."""
    return frozenset(_template_keys(templates()) | python_keys())


def msgids() -> frozenset[tuple]:
    """The parents' texts as (msgctxt, msgid): how a catalogue finds an entry. xgettext makes one
    entry of a singular and a plural with the same msgid, so the plural is left out here."""
    return frozenset(key[:2] for key in keys())
