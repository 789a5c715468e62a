"""The follow-up of a child born too early: visits planned by corrected age, warm handovers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.models import Case

from .constants import HandoverMode, VisitKind


class PrematureVisit(models.Model):
    """One moment of the schedule: a consult or home visit at a corrected age."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="premature_visits")
    corrected_months = models.PositiveSmallIntegerField(_("gecorrigeerde leeftijd (maanden)"))
    kind = models.CharField(_("soort"), max_length=16, choices=VisitKind.choices)
    # computed from the corrected age when the schedule is made
    planned_on = models.DateField(_("gepland op"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    notes = models.TextField(_("aantekeningen"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("bezoek prematurenzorg")
        verbose_name_plural = _("bezoeken prematurenzorg")
        ordering = ["planned_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "corrected_months", "kind"], name="premature_visit_once"
            )
        ]
        indexes = [models.Index(fields=["done_on", "planned_on"], name="premature_visit_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.corrected_months} mnd"


class WarmHandover(models.Model):
    """A nurse or professional hands the family over by introducing the next one in person."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="warm_handovers")
    on = models.DateField(_("datum"))
    from_name = models.CharField(_("overgedragen door (naam)"), max_length=200)
    from_role = models.CharField(_("functie en organisatie"), max_length=200, blank=True)
    to_name = models.CharField(_("overgedragen aan (naam)"), max_length=200)
    to_role = models.CharField(_("functie en organisatie"), max_length=200, blank=True)
    mode = models.CharField(_("hoe"), max_length=24, choices=HandoverMode.choices)
    notes = models.TextField(_("wat is overgedragen"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"overdracht {self.on}"
