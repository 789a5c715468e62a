"""Rendered lists of children, kept until something on them may have changed.

A professional opens Mijn werk and the MDO page many times a day while little on them changes,
and computing them reads many tables. The rendered part and the audit events it would write are
kept in the memory of this server process (never in files or a shared cache: the lists name
children), under a key holding the professional's work stamp (stamps.py), the page, the day and
the language. Any change to a row such a list reads gives those whose list may show it a new
stamp, so a kept list is not shown after its rows changed. What changes with time alone ends it
too: a list says when (`Rendered.changes_at`: when the next meeting begins), and
`KEEP_LISTS_SECONDS` bounds the rest (a renamed organisation or municipality). A list that
shows a child by emergency access (which expires by itself) is never kept. Every view writes
its audit entries, kept or not.
"""

import dataclasses
import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from vroeghulp.audit.writer import AuditEvent, record_all

from .stamps import stamp_of


@dataclasses.dataclass
class Rendered:
    html: str
    events: list[AuditEvent]
    # when something shown changes by the clock alone (a meeting begins), if before the limit
    changes_at: datetime.datetime | None = None
    keep: bool = True


def kept(user, page: str, render: Callable[[], Rendered]) -> SafeString:
    """The page's rendered list, kept or rendered now, with its audit entries written for `user`
    either way: the one place that writes them, so no kept view goes unaudited."""
    rendered = _kept_or_rendered(user, page, render)
    record_all(rendered.events)
    # rendered by the page's own template, with Django's escaping
    return mark_safe(rendered.html)


def _kept_or_rendered(user, page: str, render: Callable[[], Rendered]) -> Rendered:
    if not settings.KEEP_LISTS_SECONDS:
        return render()
    key = key_for(user, page)
    found = caches["lists"].get(key)
    if found is not None:
        html, events = found
        return Rendered(html, [dataclasses.replace(event, user=user) for event in events])
    rendered = render()
    seconds = _seconds_to_keep(rendered)
    if seconds > 0:
        # kept without the user object: every event is the user's own
        without_user = [dataclasses.replace(event, user=None) for event in rendered.events]
        caches["lists"].set(key, (rendered.html, without_user), seconds)
    return rendered


def key_for(user, page: str) -> str:
    return ":".join(
        (
            "kept",
            str(user.pk),
            stamp_of(user),  # read before the rows: see stamps.py
            page,
            timezone.localdate().isoformat(),
            get_language() or "",
        )
    )


def _seconds_to_keep(rendered: Rendered) -> int:
    if not rendered.keep:
        return 0
    seconds = settings.KEEP_LISTS_SECONDS
    if rendered.changes_at is not None:
        until = (rendered.changes_at - timezone.now()).total_seconds()
        seconds = min(seconds, int(until))
    return seconds
