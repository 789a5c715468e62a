"""A sharp fall in registrations from one municipality or one route raises a signal.

Compared: the last WINDOW_MONTHS months against the same months a year earlier. A source that
brought at least MIN_BEFORE registrations then, and now brings half or less, is signalled. This is
the early warning that was missing when registrations in one region fell by 80% unnoticed.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext

from vroeghulp.referrals.constants import Route
from vroeghulp.referrals.models import Registration

from .suppression import shown

WINDOW_MONTHS = 4
MIN_BEFORE = 10
FALL_TO = 0.5


@dataclass(frozen=True)
class Signal:
    kind: str
    source: str
    before: int
    now: int

    @property
    def text(self) -> str:
        values = {
            "source": self.source,
            "now": shown(self.now),
            "months": WINDOW_MONTHS,
            "before": shown(self.before),
        }
        if self.kind == "uit":
            sentence = gettext(
                "Aanmeldingen uit %(source)s: %(now)s in de laatste %(months)s maanden, "
                "tegen %(before)s een jaar eerder."
            )
        else:
            sentence = gettext(
                "Aanmeldingen via %(source)s: %(now)s in de laatste %(months)s maanden, "
                "tegen %(before)s een jaar eerder."
            )
        return sentence % values


def _window(end: datetime.date, years_back: int) -> tuple[datetime.date, datetime.date]:
    end = end.replace(year=end.year - years_back)
    month = end.month - WINDOW_MONTHS
    start = end.replace(year=end.year + (month - 1) // 12, month=(month - 1) % 12 + 1, day=1)
    return start, end


def _counts(networks, start, end, field: str) -> Counter:
    """Registrations per source between two dates (inclusive), counted by the database."""
    rows = Registration.objects.filter(
        network__in=networks,
        received_at__gte=_moment(start),
        received_at__lt=_moment(end + datetime.timedelta(days=1)),
    ).exclude(status__in=["awaiting_confirmation", "not_confirmed"])
    return Counter(dict(rows.order_by().values_list(field).annotate(n=Count("pk"))))


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def falling_sources(networks, today: datetime.date | None = None) -> list[Signal]:
    today = today or timezone.localdate()
    signals = []
    routes = dict(Route.choices)
    for field, kind, label in (
        ("municipality__name", "uit", lambda name: name),
        ("route", "via", lambda code: str(routes.get(code, code))),
    ):
        before = _counts(networks, *_window(today, 1), field)
        now = _counts(networks, *_window(today, 0), field)
        for source, count in sorted(before.items(), key=lambda item: str(item[0])):
            if source and count >= MIN_BEFORE and now.get(source, 0) <= count * FALL_TO:
                signals.append(Signal(kind, label(source), count, now.get(source, 0)))
    return signals
