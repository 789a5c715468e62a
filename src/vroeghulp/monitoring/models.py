"""The network's self-assessment per VVI building block: a baseline and repeat measurements."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.networks.models import Network


class BuildingBlock(models.IntegerChoices):
    EARLY_DETECTION = 1, _("1. Vroegsignalering")
    DIAGNOSTICS = 2, _("2. Multidisciplinaire diagnostiek")
    ADVICE_PLAN = 3, _("3. Multidisciplinair adviesplan")
    GUIDANCE = 4, _("4. Informatie, advies en trajectbegeleiding")
    FAMILY_SUPPORT = 5, _("5. (Preventieve) gezinsondersteuning")
    CARE_EDUCATION = 6, _("6. Zorg en onderwijs")
    CHAIN_NETWORK = 7, _("7. Ketennetwerk")


class SelfAssessment(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="self_assessments")
    measured_on = models.DateField(_("datum meting"))
    is_baseline = models.BooleanField(_("nulmeting"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["measured_on", "pk"]

    def __str__(self) -> str:
        return f"zelfevaluatie {self.measured_on}"


class BlockScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    block = models.PositiveSmallIntegerField(choices=BuildingBlock.choices)
    score = models.PositiveSmallIntegerField(
        _("score (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    notes = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["block"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "block"], name="uniq_block_score")
        ]

    def __str__(self) -> str:
        return f"{self.get_block_display()}: {self.score}"
