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
