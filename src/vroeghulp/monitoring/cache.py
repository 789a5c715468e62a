"""Computed figures kept for a few minutes, so a steering group clicking around is not kept waiting.

Invalidation is by time only, and visible: the dashboard says when its figures were computed and
offers to compute them again. The key holds every filter and the exact networks, so people with
different networks never share an entry.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .indicators import Result, Scope, compute_many


def _key(scopes: list[Scope]) -> str:
    parts = [
        (
            sorted(n.pk for n in s.networks),
            s.start.isoformat(),
            s.end.isoformat(),
            sorted(s.municipality_ids),
            sorted(s.routes),
            sorted(s.age_groups),
        )
        for s in scopes
    ]
    return "monitoring:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def figures(
    scopes: list[Scope], *, refresh: bool = False
) -> tuple[list[dict[str, Result]], datetime.datetime]:
    """The indicators for the scopes and when they were computed."""
    key = _key(scopes)
    if not refresh and settings.MONITORING_CACHE_SECONDS:
        found = cache.get(key)
        if found is not None:
            return found
    value = (compute_many(scopes), timezone.now())
    if settings.MONITORING_CACHE_SECONDS:
        cache.set(key, value, settings.MONITORING_CACHE_SECONDS)
    return value
