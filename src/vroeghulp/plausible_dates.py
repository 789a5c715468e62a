"""Plausible dates: the window a date typed on the professional side must fall in.

A typo such as 1900 or 2999 otherwise ends up in the file and in the monitoring's waiting times.
Every form field and every action that takes such a date asks this module, so a command or a
future API cannot store what the form refuses.

The limits, per kind of date (`Kind`):
- a date that records something done lies on or before today, and not before what it follows:
  the child's birth (consent, custody change, first concern, earlier examination, the
  registration itself), the registration coming in (callback, home visit, contact, hours,
  referral, family support, check-in, phase change, closing, a place on the team; a trajectory
  opens at the moment its registration came in), or the row it answers (an answer its request,
  a placement its referral, a conversation its plan version, an evaluation its arrangement's
  start);
- a planned date lies on or after its start and at most `Kind.ahead_days` after today: one year
  for an information deadline (from today), an arrangement's start (from the birth: a school
  place may predate the registration) and a team meeting; two years for a first check-in (from
  today; the follow-up rhythm goes up to 24 months) and an arrangement's evaluation;
- a team meeting has no child to start from: it may be entered up to two years afterwards.

The limits sit beside each kind below; the callers name what each date follows.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YEAR = 365
TWO_YEARS = 2 * 365 + 1


@dataclass(frozen=True)
class Kind:
    """One kind of date: what it is called in the message, and how far ahead it may lie."""

    what: Promise  # after "Vul voor ... een datum in", e.g. "het huisbezoek"
    ahead_days: int = 0  # 0: records something done, so not after today
    behind_days: int | None = None  # a limit before today, for dates with nothing to follow


CALLBACK = Kind(gettext_lazy("het terugbellen"))
HOME_VISIT = Kind(gettext_lazy("het huisbezoek"))
CONTACT = Kind(gettext_lazy("het contact"))
HOURS = Kind(gettext_lazy("de uren"))
REFERRAL_OUT = Kind(gettext_lazy("de verwijzing"))
PLACEMENT = Kind(gettext_lazy("de plaatsing"))
FAMILY_SUPPORT = Kind(gettext_lazy("het aanbod van gezinsondersteuning"))
CONSENT = Kind(gettext_lazy("de toestemming"))
ANSWER = Kind(gettext_lazy("het antwoord"))
CHECK_IN = Kind(gettext_lazy("de check-in"))
DISCUSSION = Kind(gettext_lazy("de bespreking met de ouders"))
EVALUATION = Kind(gettext_lazy("de evaluatie"))
CLOSING = Kind(gettext_lazy("het afsluiten"))
PHASE_CHANGE = Kind(gettext_lazy("de overgang naar een andere fase"))
FIRST_CONCERN = Kind(gettext_lazy("het begin van de zorg"))
EXAMINATION = Kind(gettext_lazy("het onderzoek"))
RECEIVED = Kind(gettext_lazy("het binnenkomen van de aanmelding"))
TEAM = Kind(gettext_lazy("de start in het team"))
CBPLUS_CONSULT = Kind(gettext_lazy("het CB-plus-consult"))
CUSTODY = Kind(gettext_lazy("de wijziging van het gezag"))

INFORMATION_DUE = Kind(gettext_lazy("de termijn"), ahead_days=YEAR)
FIRST_CHECK_IN = Kind(gettext_lazy("de eerste check-in"), ahead_days=TWO_YEARS)
ARRANGEMENT_START = Kind(gettext_lazy("de start van het arrangement"), ahead_days=YEAR)
ARRANGEMENT_EVALUATION = Kind(
    gettext_lazy("de evaluatie van het arrangement"), ahead_days=TWO_YEARS
)
MEETING = Kind(gettext_lazy("het MDO"), ahead_days=YEAR, behind_days=TWO_YEARS)


@dataclass(frozen=True)
class Limit:
    """One end of a window and why it is there, as the message names it."""

    day: datetime.date
    reason: str


def local_day(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def birth(day: datetime.date) -> Limit:
    return Limit(day, gettext_lazy("geboortedatum"))


def registration(received: datetime.date | datetime.datetime) -> Limit:
    """The registration coming in; for a trajectory, the day it opened (the same moment)."""
    return Limit(local_day(received), gettext_lazy("aanmelding"))


def after(day: datetime.date | datetime.datetime, reason) -> Limit:
    """Any other start, e.g. the referral a placement follows."""
    return Limit(local_day(day), reason)


def today() -> Limit:
    return Limit(timezone.localdate(), gettext_lazy("vandaag"))


@dataclass(frozen=True)
class Window:
    kind: Kind
    start: Limit | None
    end: Limit

    def holds(self, day: datetime.date) -> bool:
        return (self.start is None or self.start.day <= day) and day <= self.end.day

    def message(self) -> str:
        values = {"what": self.kind.what, "end": _written(self.end)}
        if self.start is None:
            return _("Vul voor %(what)s een datum in tot en met %(end)s.") % values
        return _("Vul voor %(what)s een datum in van %(start)s tot en met %(end)s.") % {
            **values,
            "start": _written(self.start),
        }


def _written(limit: Limit) -> str:
    return f"{limit.day:%d-%m-%Y} ({limit.reason})"


def window(kind: Kind, *since: Limit | None) -> Window:
    """The window for `kind`: from the latest of `since` (None where a start is unknown) up to
    today, or up to the kind's limit ahead. A planned date in `since` usually includes today()."""
    now = today()
    starts = [limit for limit in since if limit is not None]
    if kind.behind_days is not None:
        starts.append(
            Limit(
                now.day - datetime.timedelta(days=kind.behind_days),
                _("%(years)d jaar terug") % {"years": round(kind.behind_days / YEAR)},
            )
        )
    start = max(starts, key=lambda limit: limit.day, default=None)
    end = now
    if kind.ahead_days:
        years = round(kind.ahead_days / YEAR)
        end = Limit(
            now.day + datetime.timedelta(days=kind.ahead_days),
            _("%(years)d jaar vooruit") % {"years": years},
        )
    return Window(kind, start, end)


def check(value, kind: Kind, *since: Limit | None) -> None:
    """For actions: refuse a date (or moment) outside its window. Empty values pass."""
    if value in (None, ""):
        return
    limits = window(kind, *since)
    if not limits.holds(local_day(value)):
        raise ValidationError(limits.message(), code="implausible_date")


def limit_field(field: forms.Field, kind: Kind, *since: Limit | None) -> None:
    """For forms: the field refuses dates outside the window with the message, and the browser's
    date picker offers only the window. Call from the form's __init__ (the field is the form's
    own copy)."""
    limits = window(kind, *since)
    if isinstance(field.widget, forms.DateInput | forms.DateTimeInput):
        suffix = "T00:00" if isinstance(field.widget, forms.DateTimeInput) else ""
        if limits.start is not None:
            field.widget.attrs["min"] = limits.start.day.isoformat() + suffix
        # a moment may lie anywhere in the last allowed day
        end = limits.end.day.isoformat() + ("T23:59" if suffix else "")
        field.widget.attrs["max"] = end

    def validate(value) -> None:
        if not limits.holds(local_day(value)):
            raise ValidationError(limits.message(), code="implausible_date")

    field.validators.append(validate)


def of_trajectory(case) -> tuple[Limit, Limit]:
    """What a date in a trajectory follows: the child's birth and the registration (the case
    opened at the moment the registration came in)."""
    return birth(case.child.date_of_birth), registration(case.opened_at)
