"""The language of an e-mail: parents get the one they prefer, professionals the network's.

An e-mail is often sent while someone else is at work: a casemanager's reply or invitation goes
to a parent, a parent's message to the casemanager, a referrer's pre-registration to the parents.
The language of the page that sends it says nothing about the reader. So a letter to parents is
written in the language they prefer (kept with the guardian, or given on the registration form)
when the application speaks it, else in Dutch; a letter to professionals in Dutch, the language
the network works in.
"""

from django.conf import settings
from django.utils import translation


def for_parent(preferred: str | None) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in known else settings.LANGUAGE_CODE


def writing_to_parent(preferred: str | None) -> translation.override:
    """`with writing_to_parent(guardian.preferred_language): send_mail(...)`"""
    return translation.override(for_parent(preferred))


def writing_to_professionals() -> translation.override:
    return translation.override(settings.LANGUAGE_CODE)
