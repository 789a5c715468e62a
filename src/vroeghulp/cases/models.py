"""A trajectory (traject) of one child, its team, its phase history and its timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child
from vroeghulp.networks.models import Network, Organisation

from .constants import EventKind, TeamRole
from .states import Phase


class Case(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="cases")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    phase = models.CharField(
        _("fase"), max_length=16, choices=Phase.choices, default=Phase.REGISTERED
    )
    opened_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        indexes = [models.Index(fields=["network", "phase"], name="case_network_phase")]

    def __str__(self) -> str:
        return f"{_('Traject')} {str(self.code)[:8]}"


class TeamMember(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_teams"
    )
    team_role = models.CharField(_("rol in het team"), max_length=16, choices=TeamRole.choices)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        indexes = [models.Index(fields=["user", "ended_at"], name="team_user_active")]

    def __str__(self) -> str:
        return f"{self.get_team_role_display()} {self.pk}"


class PhaseTransition(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(max_length=16, choices=Phase.choices)
    to_phase = models.CharField(max_length=16, choices=Phase.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_phase} → {self.to_phase}"


class TimelineEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=300)
    professional_only = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Note(models.Model):
    """A note or report in the file; from another organisation it is shown only with consent."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("afkomstig van")
    )
    text = models.TextField(_("tekst"))
    professional_only = models.BooleanField(_("alleen voor professionals"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"notitie {self.pk}"
