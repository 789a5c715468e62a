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
