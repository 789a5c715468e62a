"""A CB-plus consult: one multidisciplinary session at the well-baby clinic about one child."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child
from vroeghulp.networks.constants import Discipline
from vroeghulp.networks.models import Network, Organisation
from vroeghulp.referrals.models import Registration

from .constants import ConsultStatus


class Consult(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The well-baby clinic (an organisation of kind JGZ) that holds the consult.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultatiebureau"),
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cbplus_consults")
    held_on = models.DateField(_("datum consult"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"))
    parents_present = models.BooleanField(_("ouders waren erbij"), default=True)
    question = models.TextField(_("vraag of zorg"), blank=True)
    advice = models.TextField(_("advies"), blank=True)
    status = models.CharField(
        max_length=16, choices=ConsultStatus.choices, default=ConsultStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    concluded_at = models.DateTimeField(null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The registration with IVH this consult led to; it carries the consult's findings.
    # A registration destroyed at the end of its retention period leaves the consult.
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cbplus_consult",
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("CB-plus-consult")
        verbose_name_plural = _("CB-plus-consulten")
        indexes = [
            models.Index(fields=["organisation", "-held_on"], name="cbplus_clinic_held"),
            models.Index(fields=["network", "held_on"], name="cbplus_network_held"),
        ]

    def __str__(self) -> str:
        return f"{_('CB-plus-consult')} {str(self.code)[:8]}"

    @property
    def is_concluded(self) -> bool:
        return self.status == ConsultStatus.CONCLUDED


class Participant(models.Model):
    """Who took part, with their discipline; a participant with an account may read the consult."""

    consult = models.ForeignKey(Consult, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cbplus_participations",
    )
    name = models.CharField(_("naam"), max_length=200)
    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    """What one discipline saw in the consult."""

    consult = models.ForeignKey(Consult, on_delete=models.CASCADE, related_name="findings")
    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    text = models.TextField(_("bevindingen"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_discipline_display()}"
