"""Computed figures kept for a few minutes, so a steering group clicking around is not kept waiting.

Invalidation is by time only, and visible: the dashboard says when its figures were computed and
offers to compute them again. The key holds every filter and the exact networks, so people with
different networks never share an entry. `warm_dashboards` computes the default views before
anyone asks, so that nobody waits for a national computation.
"""

import datetime
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from .falling_inflow import Signal, falling_sources
from .forms import default_period
from .indicators import Result, Scope, a_year_earlier, compute_with, side_by_side

# Kept figures outlive a deployment (they are files): the keys carry the code that computed them,
# so new or changed definitions are never answered with figures of the old ones.
DEFINITIONS = hashlib.sha256(
    b"".join(
        (Path(__file__).parent / name).read_bytes()
        for name in ("indicators.py", "falling_inflow.py")
    )
).hexdigest()[:16]


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
    return f"monitoring:{DEFINITIONS}:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def figures(
    scopes: list[Scope], *, refresh: bool = False, alongside: tuple[Callable, ...] = ()
) -> tuple[list[dict[str, Result]], datetime.datetime, list]:
    """The indicators for the scopes, when they were computed, and the results of `alongside`:
    other work of the same page, run in the same workers when the figures are computed."""
    computed = {}

    def compute():
        per_scope, computed["alongside"] = compute_with(scopes, list(alongside))
        return per_scope

    found, computed_at = _kept(_key(scopes), compute, refresh)
    if "alongside" not in computed:  # the figures came from the cache
        computed["alongside"] = side_by_side(list(alongside))
    return found, computed_at, computed["alongside"]


def default_scopes(networks) -> list[Scope]:
    """What the dashboard shows before any filter: this year so far, and the same days last year."""
    scope = Scope(networks=networks, **default_period())
    return [scope, a_year_earlier(scope)]


def signals(networks, *, refresh: bool = False) -> list[Signal]:
    """The falling-inflow signals of these networks (they move by the month), kept like the
    figures: the coordinators' work list shows them on every visit."""
    parts = (sorted(n.pk for n in networks), timezone.localdate().isoformat(), get_language())
    key = f"monitoring:signals:{DEFINITIONS}:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    return _kept(key, lambda: falling_sources(networks), refresh)[0]


def _kept(key: str, compute, refresh: bool):
    """(value, computed at): from the cache unless asked to compute again or switched off."""
    if not refresh and settings.MONITORING_CACHE_SECONDS:
        found = cache.get(key)
        if found is not None:
            return found
    value = (compute(), timezone.now())
    if settings.MONITORING_CACHE_SECONDS:
        cache.set(key, value, settings.MONITORING_CACHE_SECONDS)
    return value
