"""Every kind of timeline event with the words it is told in. An event is stored as its name and
parameters, and put into words when it is read, in the reader's language (style.md §19).

Parameters are plain values: names as written, numbers, dates as ISO text and the stored value
of a choice, whose label is looked up (and translated) when the event is read.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext, gettext_noop

from .constants import EventKind
from .hours import hours_text

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@dataclass(frozen=True)
class Event:
    kind: str
    message: str
    # parameter -> dotted path of the TextChoices whose label it shows
    labels: dict[str, str] = field(default_factory=dict)
    dates: tuple[str, ...] = ()
    hours: tuple[str, ...] = ()
    # a label inside a sentence is written in lower case, a label after a colon as it is
    lower: bool = True

    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self.message))

    def words(self, params: dict) -> str:
        values = {name: self._shown(name, value) for name, value in params.items()}
        return gettext(self.message) % values

    def _shown(self, name: str, value):
        if name in self.labels:
            choices = import_string(self.labels[name])
            label = str(choices(value).label) if value in choices.values else str(value)
            return label.lower() if self.lower else label
        if name in self.dates:
            return date_format(datetime.date.fromisoformat(value), "j F Y")
        if name in self.hours:
            return hours_text(Decimal(value))
        return value


CONSENT_PURPOSE = {"purpose": "vroeghulp.consent.constants.Purpose"}

EVENTS: dict[str, Event] = {
    # the trajectory and its team
    "opened": Event(EventKind.PHASE_CHANGED, gettext_noop("Aangemeld")),
    "phase_changed": Event(
        EventKind.PHASE_CHANGED,
        gettext_noop("Fase: %(phase)s"),
        {"phase": "vroeghulp.cases.states.Phase"},
        lower=False,
    ),
    "phase_changed_without_meeting": Event(
        EventKind.PHASE_CHANGED,
        gettext_noop("Fase: %(phase)s (zonder MDO, met instemming van de ouders)"),
        {"phase": "vroeghulp.cases.states.Phase"},
        lower=False,
    ),
    "member_added": Event(
        EventKind.TEAM_CHANGED,
        gettext_noop("%(name)s toegevoegd als %(role)s"),
        {"role": "vroeghulp.cases.constants.TeamRole"},
    ),
    "tier_chosen": Event(EventKind.TIER, gettext_noop("Besproken door: %(tier)s")),
    "member_left": Event(EventKind.TEAM_CHANGED, gettext_noop("%(name)s is uit het team")),
    "emergency_access": Event(
        EventKind.EMERGENCY_ACCESS, gettext_noop("Noodtoegang door %(name)s")
    ),
    "note_added": Event(EventKind.NOTE_ADDED, gettext_noop("Notitie toegevoegd door %(org)s")),
    # registration
    "registration_accepted": Event(
        EventKind.REGISTRATION,
        gettext_noop("Aanmelding geaccepteerd (%(route)s)"),
        {"route": "vroeghulp.referrals.constants.Route"},
        lower=False,
    ),
    "registration_merged": Event(
        EventKind.REGISTRATION,
        gettext_noop("Nieuwe aanmelding (%(route)s) samengevoegd met dit traject"),
        {"route": "vroeghulp.referrals.constants.Route"},
        lower=False,
    ),
    "registered_from_cbplus": Event(
        EventKind.REGISTRATION,
        gettext_noop("Aangemeld vanuit een CB-plus-consult van %(clinic)s"),
    ),
    "pre_registered": Event(
        EventKind.REGISTRATION,
        gettext_noop("Vooraanmelding door %(org)s, met akkoord van de ouders"),
    ),
    "confirmed_by_parents": Event(
        EventKind.REGISTRATION, gettext_noop("Aanmelding bevestigd door de ouders")
    ),
    "family_known": Event(
        EventKind.REGISTRATION,
        gettext_noop("Gezin: %(kind)s bekend in het netwerk"),
        {"kind": "vroeghulp.children.constants.FamilyLinkKind"},
        lower=False,
    ),
    # consent
    "consent_given": Event(
        EventKind.CONSENT,
        gettext_noop("Toestemming gegeven: %(purpose)s – %(org)s"),
        CONSENT_PURPOSE,
        lower=False,
    ),
    "consent_given_by": Event(
        EventKind.CONSENT,
        gettext_noop("Toestemming gegeven door %(guardian)s: %(purpose)s – %(org)s"),
        CONSENT_PURPOSE,
        lower=False,
    ),
    "consent_withdrawn": Event(
        EventKind.CONSENT,
        gettext_noop("Toestemming ingetrokken door %(guardian)s: %(purpose)s – %(org)s"),
        CONSENT_PURPOSE,
        lower=False,
    ),
    "child_answered": Event(
        EventKind.CONSENT,
        gettext_noop("Het kind is gevraagd: %(answer)s (%(purpose)s – %(org)s)"),
        {"answer": "vroeghulp.consent.constants.ChildAnswer", **CONSENT_PURPOSE},
    ),
    "custody_gained": Event(
        EventKind.CUSTODY,
        gettext_noop("%(guardian)s heeft gezag gekregen per %(date)s (%(source)s)"),
        {"source": "vroeghulp.children.constants.CustodySource"},
        dates=("date",),
    ),
    "custody_lost": Event(
        EventKind.CUSTODY,
        gettext_noop("%(guardian)s heeft geen gezag meer per %(date)s (%(source)s)"),
        {"source": "vroeghulp.children.constants.CustodySource"},
        dates=("date",),
    ),
    # intake and information
    "intake_recorded": Event(EventKind.INTAKE, gettext_noop("Intake vastgelegd")),
    "intake_updated": Event(EventKind.INTAKE, gettext_noop("Intake bijgewerkt")),
    "information_requested": Event(
        EventKind.INFORMATION, gettext_noop("Informatie opgevraagd bij %(org)s")
    ),
    "information_answered": Event(
        EventKind.INFORMATION,
        gettext_noop("Informatie van %(org)s: %(status)s"),
        {"status": "vroeghulp.cases.constants.RequestStatus"},
    ),
    "document_added": Event(EventKind.INFORMATION, gettext_noop("Document toegevoegd: %(title)s")),
    "parents_document_added": Event(
        EventKind.INFORMATION, gettext_noop("Document van de ouders toegevoegd: %(title)s")
    ),
    "earlier_finding": Event(
        EventKind.INFORMATION, gettext_noop("Eerder onderzoek vastgelegd: %(what)s")
    ),
    # team meeting
    "meeting_scheduled": Event(
        EventKind.MEETING, gettext_noop("Ingepland voor het MDO van %(date)s"), dates=("date",)
    ),
    "meeting_discussed": Event(EventKind.MEETING, gettext_noop("Besproken in het MDO")),
    "meeting_discussed_referred": Event(
        EventKind.MEETING, gettext_noop("Besproken in het MDO, verwezen naar %(centre)s")
    ),
    "parents_attend": Event(
        EventKind.MEETING,
        gettext_noop("De ouders komen naar het MDO van %(date)s"),
        dates=("date",),
    ),
    "parents_stay_away": Event(
        EventKind.MEETING,
        gettext_noop("De ouders komen niet naar het MDO van %(date)s"),
        dates=("date",),
    ),
    # the advice plan
    "plan_issued": Event(
        EventKind.PLAN, gettext_noop("Adviesplan versie %(n)d uitgegeven aan de ouders")
    ),
    "plan_discussed": Event(
        EventKind.PLAN, gettext_noop("Adviesplan versie %(n)d met de ouders besproken")
    ),
    "plan_reaction": Event(
        EventKind.PLAN,
        gettext_noop("Reactie van %(guardian)s op versie %(n)d: %(reaction)s"),
        {"reaction": "vroeghulp.plans.constants.Reaction"},
    ),
    "plan_shared": Event(
        EventKind.PLAN, gettext_noop("Adviesplan versie %(n)d gedeeld met %(org)s")
    ),
    "arrangement": Event(
        EventKind.PLAN,
        gettext_noop("Onderwijs-zorgarrangement bij %(setting)s, evaluatie %(date)s"),
        dates=("date",),
    ),
    # execution
    "contact": Event(
        EventKind.EXECUTION,
        gettext_noop("Contact (%(form)s)"),
        {"form": "vroeghulp.cases.constants.ContactForm"},
    ),
    "hours": Event(
        EventKind.EXECUTION,
        gettext_noop("%(hours)s uur geschreven: %(activity)s"),
        {"activity": "vroeghulp.cases.constants.TimeActivity"},
        hours=("hours",),
        lower=False,
    ),
    "delay": Event(
        EventKind.EXECUTION,
        gettext_noop("Reden van vertraging (%(stage)s): %(reason)s"),
        {
            "stage": "vroeghulp.cases.constants.WaitingStage",
            "reason": "vroeghulp.cases.constants.DelayReason",
        },
    ),
    "referred_out": Event(EventKind.EXECUTION, gettext_noop("Verwezen naar %(service)s")),
    "placed": Event(EventKind.EXECUTION, gettext_noop("Geplaatst bij %(service)s")),
    "not_placed": Event(EventKind.EXECUTION, gettext_noop("Niet geplaatst bij %(service)s")),
    "support_offered": Event(
        EventKind.EXECUTION,
        gettext_noop("Gezinsondersteuning aangeboden: %(programme)s (%(response)s)"),
        {"response": "vroeghulp.cases.constants.SupportResponse"},
    ),
    "support_answered": Event(
        EventKind.EXECUTION,
        gettext_noop("Antwoord op gezinsondersteuning %(programme)s: %(response)s"),
        {"response": "vroeghulp.cases.constants.SupportResponse"},
    ),
    # children born too early
    "premature_gestation": Event(
        EventKind.PREMATURE,
        gettext_noop("Zwangerschapsduur bij geboorte: %(weeks)s+%(days)s weken"),
    ),
    "premature_schedule": Event(
        EventKind.PREMATURE,
        gettext_noop("Schema prematuur: %(n)s bezoeken gepland op gecorrigeerde leeftijd"),
    ),
    "premature_visit_done": Event(
        EventKind.PREMATURE,
        gettext_noop("%(kind)s prematuur (gecorrigeerd %(months)s mnd) gedaan"),
        {"kind": "vroeghulp.prematurity.constants.VisitKind"},
        lower=False,
    ),
    "warm_handover": Event(
        EventKind.PREMATURE,
        gettext_noop("Warme overdracht: %(from_name)s stelde %(to_name)s voor aan het gezin"),
    ),
    # closing and after
    "closed": Event(
        EventKind.CLOSING,
        gettext_noop("Traject afgesloten: %(reason)s"),
        {"reason": "vroeghulp.cases.constants.ClosingReason"},
    ),
    "contact_requested": Event(
        EventKind.FOLLOW_UP,
        gettext_noop("Verzoek om contact (%(who)s)"),
        {"who": "vroeghulp.followup.constants.AskedBy"},
    ),
    "check_in_on_request": Event(EventKind.FOLLOW_UP, gettext_noop("Check-in op verzoek")),
    "check_in": Event(
        EventKind.FOLLOW_UP, gettext_noop("Check-in; volgende rond %(date)s"), dates=("date",)
    ),
    # the parents' portal
    "contact_details_changed": Event(
        EventKind.REGISTRATION,
        gettext_noop("%(guardian)s heeft de eigen contactgegevens aangepast"),
    ),
    "data_request_received": Event(
        EventKind.REGISTRATION,
        gettext_noop("Verzoek van de ouders ontvangen: %(kind)s"),
        {"kind": "vroeghulp.portal.models.DataRequestKind"},
    ),
    "data_request_answered": Event(
        EventKind.REGISTRATION,
        gettext_noop("Verzoek van de ouders beantwoord: %(outcome)s"),
        {"outcome": "vroeghulp.portal.models.DataRequestOutcome"},
    ),
    "invited": Event(
        EventKind.REGISTRATION, gettext_noop("%(guardian)s uitgenodigd voor het ouderportaal")
    ),
    "first_login": Event(
        EventKind.REGISTRATION,
        gettext_noop("%(guardian)s heeft voor het eerst ingelogd in het ouderportaal"),
    ),
}


def stored_params(params: dict) -> dict:
    """Parameters as they go into the database: dates as ISO text, numbers as text."""
    return {
        name: value.isoformat()
        if isinstance(value, datetime.date)
        else str(value)
        if isinstance(value, Decimal)
        else value
        for name, value in params.items()
    }


def text_of(name: str, params: dict, summary: str = "") -> str:
    """An event in the reader's language; an event written before events had names keeps the
    sentence it was stored with."""
    event = EVENTS.get(name)
    return event.words(params) if event is not None else summary
