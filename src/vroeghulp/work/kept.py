"""The rendered work list, kept until something on it may have changed.

A professional opens Mijn werk many times a day while little on it changes, and computing it
reads seven lists from six tables. The rendered list and the audit events it would write are
kept in the memory of this server process (never in files or a shared cache: the list names
children), under a key holding the professional's work stamp (stamps.py), the day, the language
and the view. Any change to a row the list reads gives those whose list may show it a new
stamp, so a kept list is not shown after its rows changed; `WORK_LIST_KEEP_SECONDS` bounds what
changes with time alone (a team meeting that has begun). Every view writes its audit entries,
kept or not.
"""

import dataclasses
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import get_language

from vroeghulp.audit.writer import AuditEvent

from .stamps import stamp_of

Rendered = tuple[str, list[AuditEvent]]


def kept_work(user, everything: bool, render: Callable[[], Rendered]) -> Rendered:
    """The work list's HTML and its audit events (for `user`), kept or rendered now."""
    seconds = settings.WORK_LIST_KEEP_SECONDS
    if not seconds:
        return render()
    key = ":".join(
        (
            "work",
            str(user.pk),
            stamp_of(user),  # read before the rows: see stamps.py
            timezone.localdate().isoformat(),
            get_language() or "",
            "all" if everything else "first",
        )
    )
    kept = caches["worklist"].get(key)
    if kept is not None:
        html, events = kept
        return html, [dataclasses.replace(event, user=user) for event in events]
    html, events = render()
    # kept without the user object: every event is the user's own
    without_user = [dataclasses.replace(event, user=None) for event in events]
    caches["worklist"].set(key, (html, without_user), seconds)
    return html, events
