"""The language of an e-mail: parents get the one they prefer, professionals the network's.

An e-mail is often sent while someone else is at work: a casemanager's reply or invitation goes
to a parent, a parent's message to the casemanager, a referrer's pre-registration to the parents.
The language of the page that sends it says nothing about the reader. So a letter to parents is
written in their own choice of language once they have an account (`User.language`), else in the
language they said they speak (kept with the guardian, or given on the registration form), when
the parents' side speaks it, else in Dutch; a letter to professionals in Dutch, the language the
network works in.
"""

from django.conf import settings
from django.utils import translation

from vroeghulp.language import PARENTS_LANGUAGES


def for_parent(preferred: str | None, user=None) -> str:
    for candidate in (getattr(user, "language", ""), preferred):
        if candidate in PARENTS_LANGUAGES:
            return candidate
    return settings.LANGUAGE_CODE


def writing_to_parent(preferred: str | None, user=None) -> translation.override:
    """`with writing_to_parent(guardian.preferred_language, guardian.user): send_mail(...)`"""
    return translation.override(for_parent(preferred, user))


def writing_to_professionals() -> translation.override:
    return translation.override(settings.LANGUAGE_CODE)
