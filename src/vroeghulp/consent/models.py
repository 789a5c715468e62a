"""Consents of parents, per organisation and purpose; revocable, never silently changed."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child, Guardian
from vroeghulp.networks.models import Network, Organisation

from .constants import Purpose


class ConsentQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None) -> "ConsentQuerySet":
        on = on or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True, given_on__lte=on).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )

    def for_information(self, child) -> "ConsentQuerySet":
        """In force today for asking and sharing information about `child` (or its id)."""
        return self.in_force().filter(child=child, purpose=Purpose.EXCHANGE_INFORMATION)


class Consent(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consents"
    )
    purpose = models.CharField(_("doel"), max_length=24, choices=Purpose.choices)
    given_by = models.ManyToManyField(Guardian, related_name="consents_given")
    given_on = models.DateField(_("gegeven op"))
    ends_on = models.DateField(_("geldig tot"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        Guardian, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        indexes = [models.Index(fields=["child", "organisation", "purpose"], name="consent_lookup")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} – {self.organisation}"
