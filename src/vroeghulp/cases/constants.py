"""Choices for trajectories, their teams and timelines."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TeamRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    CASEMANAGER = "casemanager", _("Casemanager")
    MEMBER = "member", _("Teamlid")


class EventKind(models.TextChoices):
    PHASE_CHANGED = "phase_changed", _("Fase gewijzigd")
    TEAM_CHANGED = "team_changed", _("Team gewijzigd")
    NOTE_ADDED = "note_added", _("Notitie toegevoegd")
    EMERGENCY_ACCESS = "emergency_access", _("Noodtoegang gebruikt")
    REGISTRATION = "registration", _("Aanmelding")
    CONSENT = "consent", _("Toestemming")
    INTAKE = "intake", _("Intake")
    INFORMATION = "information", _("Informatie")
    MEETING = "meeting", _("MDO")
    EXECUTION = "execution", _("Uitvoering")
    CLOSING = "closing", _("Afsluiting")
    FOLLOW_UP = "follow_up", _("Langdurige begeleiding")
    PLAN = "plan", _("Adviesplan")
    PREMATURE = "premature", _("Prematuur")
    CUSTODY = "custody", _("Gezag")
    TIER = "tier", _("Teamniveau")


class GoalRealisation(models.TextChoices):
    NOT_REACHED = "not", _("Niet bereikt")
    PARTLY = "partly", _("Deels bereikt")
    REACHED = "reached", _("Bereikt")


class ObservationSetting(models.TextChoices):
    HOME = "home", _("Thuis")
    DAYCARE = "daycare", _("Kinderopvang / peuterspeelzaal")
    SCHOOL = "school", _("School")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Opgevraagd")
    RECEIVED = "received", _("Ontvangen")
    REFUSED = "refused", _("Geweigerd")


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Verslag")
    OBSERVATION = "observation", _("Observatie")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Anders")


class ContactForm(models.TextChoices):
    HOME_VISIT = "home_visit", _("Huisbezoek")
    PHONE = "phone", _("Telefoon")
    VIDEO = "video", _("Videogesprek")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Overleg")


class TimeActivity(models.TextChoices):
    INTAKE = "intake", _("Kennismaking en intake")
    INFORMATION = "information", _("Informatie verzamelen en observeren")
    MEETING = "meeting", _("MDO (met voorbereiding)")
    PLAN = "plan", _("Adviesplan schrijven en bespreken")
    GUIDANCE = "guidance", _("Begeleiding bij de uitvoering")
    OTHER = "other", _("Overig")


class SupportResponse(models.TextChoices):
    PENDING = "pending", _("Nog geen antwoord")
    ACCEPTED = "accepted", _("Aangenomen")
    DECLINED = "declined", _("Afgeslagen")


class ClosingReason(models.TextChoices):
    PLAN_REALISED = "plan_realised", _("Plan gerealiseerd")
    REFERRED_ON = "referred_on", _("Doorverwezen")
    MOVED_AWAY = "moved_away", _("Verhuisd")
    STOPPED_EARLY = "stopped_early", _("Ouders gestopt")
    AGE_LIMIT = "age_limit", _("Leeftijdsgrens bereikt")
    ADVISED_ELSEWHERE = "advised_elsewhere", _("Elders geadviseerd")


class ProblemReduction(models.TextChoices):
    MUCH = "much", _("Veel minder")
    SOME = "some", _("Iets minder")
    NONE = "none", _("Niet veranderd")
    WORSE = "worse", _("Groter geworden")


class WaitingStage(models.TextChoices):
    """The waiting times of domain.md §6 a delay can be recorded against."""

    CALLBACK = "callback", _("Terugbellen")
    INTAKE = "intake", _("Huisbezoek")
    MEETING = "meeting", _("MDO")
    PLAN = "plan", _("Gesprek over het adviesplan")


class DelayReason(models.TextChoices):
    PARENTS = "parents", _("Op verzoek of agenda van de ouders")
    INFORMATION = "information", _("Wachten op informatie van anderen")
    DIAGNOSTICS = "diagnostics", _("Wachten op onderzoek of diagnostiek")
    CAPACITY = "capacity", _("Te weinig capaciteit")
    MEETING_SCHEDULE = "schedule", _("Geen plek in een eerder MDO")
    FAMILY = "family", _("Omstandigheden in het gezin")
    OTHER = "other", _("Anders")
