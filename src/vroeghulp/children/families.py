"""One family: when two children share a parent or guardian (the same e-mail address or phone
number), and which of a child's guardians the sibling shares."""

import re
from collections.abc import Iterable

from .names import similar


def phone_key(phone: str) -> str:
    """Digits only, the Dutch country code written as a leading 0: 06-1234 5678 is
    +31 6 12345678."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 8 else ""


def contact_keys(guardian) -> set[str]:
    """A guardian (a Guardian or the dict a registration keeps) as its ways to be reached."""
    get = guardian.get if isinstance(guardian, dict) else lambda k, d="": getattr(guardian, k, d)
    keys = set()
    email = (get("email", "") or "").strip().lower()
    if email:
        keys.add("e:" + email)
    phone = phone_key(get("phone", "") or "")
    if phone:
        keys.add("t:" + phone)
    return keys


def same_family(
    family_name: str, guardians: Iterable, other_family_name: str, other_guardians: Iterable
) -> bool:
    """A similar family name and at least one parent reached at the same address or number."""
    if not similar(family_name, other_family_name):
        return False
    ours = set().union(*(contact_keys(g) for g in guardians))
    return bool(ours & set().union(*(contact_keys(g) for g in other_guardians)))


def shared_guardians(guardians: Iterable, other_guardians: Iterable) -> list:
    """Those of `guardians` the other child has too: the same contact, or the same name."""
    others = list(other_guardians)
    other_keys = set().union(*(contact_keys(g) for g in others))
    other_names = [g.full_name for g in others]
    return [
        g
        for g in guardians
        if contact_keys(g) & other_keys or any(similar(g.full_name, name) for name in other_names)
    ]
