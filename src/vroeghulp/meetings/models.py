"""The multidisciplinary team meeting (MDO): planned meetings, their agenda of cases, findings."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.models import Case
from vroeghulp.networks.constants import Discipline
from vroeghulp.networks.models import Network, TeamTier

from .constants import MeetingPart


class Meeting(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="meetings")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    starts_at = models.DateTimeField(_("datum en tijd"))
    location = models.CharField(_("plaats of videoverbinding"), max_length=200, blank=True)
    tier = models.CharField(
        _("team"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: regionaal kernteam.")
    )
    # In a network with team tiers, the meeting is of one tier: its agenda offers that tier's
    # children (`queries.agenda_candidates`).
    team_tier = models.ForeignKey(
        TeamTier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("teamniveau"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("MDO")
        verbose_name_plural = _("MDO's")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["network", "starts_at"], name="meeting_network_time")]

    def __str__(self) -> str:
        return f"MDO {self.starts_at:%d-%m-%Y}"


class AgendaItem(models.Model):
    """One child's case on a meeting's agenda, with what the team concluded."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="agenda_items")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(default=0)
    parents_attend = models.BooleanField(_("ouders zijn erbij"), null=True)
    discussed_without_parents_first = models.BooleanField(
        _("team bespreekt eerst zonder ouders"), default=False
    )
    conclusion = models.TextField(_("conclusie"), blank=True)
    further_diagnostics = models.TextField(_("verder onderzoek nodig"), blank=True)
    specialised_centre = models.CharField(
        _("verwijzing naar expertisecentrum"), max_length=200, blank=True
    )
    discussed_at = models.DateTimeField(null=True, blank=True)
    # The two parts, when the team first discusses without the parents: part 1's notes never
    # reach the parents; part 2's do, with the conclusion.
    notes_without_parents = models.TextField(_("notities deel 1 (zonder ouders)"), blank=True)
    notes_with_parents = models.TextField(_("notities deel 2 (met ouders)"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="uniq_agenda_case")]

    def __str__(self) -> str:
        return f"agendapunt {self.pk}"


class Participant(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("naam"), max_length=200)
    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    # In a two-part discussion: present in one part only (blank: the whole discussion).
    part = models.CharField(
        _("aanwezig bij"), max_length=16, choices=MeetingPart.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="findings")
    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    text = models.TextField(_("bevindingen"))
    part = models.CharField(
        _("deel"), max_length=16, choices=MeetingPart.choices, blank=True, default=""
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_discipline_display()}"
