"""A child known to a network, and the parents or guardians who decide for the child."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.networks.models import Municipality, Network

from .constants import (
    CustodyChangeKind,
    CustodySource,
    FamilyLinkKind,
    FamilyLinkSource,
    GuardianRelation,
    Sex,
)


class Child(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="children")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(_("voornaam"), max_length=100)
    family_name = models.CharField(_("achternaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"))
    sex = models.CharField(_("geslacht"), max_length=1, choices=Sex.choices, default=Sex.OTHER)
    gestational_age_weeks = models.PositiveSmallIntegerField(
        _("zwangerschapsduur bij geboorte (weken)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(22), MaxValueValidator(44)],
    )
    # the days beyond the whole weeks (27 + 1 is 27 weeks and 1 day): corrected age counts in days
    gestational_age_days = models.PositiveSmallIntegerField(
        _("zwangerschapsduur bij geboorte (dagen na de hele weken)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(6)],
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("woongemeente"),
    )

    class Meta:
        verbose_name = _("kind")
        verbose_name_plural = _("kinderen")
        indexes = [
            models.Index(fields=["network", "family_name"], name="child_network_name"),
            models.Index(fields=["network", "date_of_birth"], name="child_network_dob"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def gestation_text(self) -> str:
        """ "27+1 weken", as neonatal care writes it; empty when unknown."""
        return gestation_text(self.gestational_age_weeks, self.gestational_age_days)


def gestation_text(weeks: int | None, days: int | None) -> str:
    if weeks is None:
        return ""
    return _("%(weeks)d+%(days)d weken") % {"weeks": weeks, "days": days or 0}


class Guardian(models.Model):
    """A parent or guardian; `user` is set once they have their own account."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="guardians")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guardianships",
    )
    full_name = models.CharField(_("naam"), max_length=200)
    relation = models.CharField(_("relatie"), max_length=16, choices=GuardianRelation.choices)
    has_custody = models.BooleanField(_("heeft gezag"), default=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=32, blank=True)
    preferred_language = models.CharField(_("voorkeurstaal"), max_length=32, default="nl")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ouder/verzorger")
        verbose_name_plural = _("ouders/verzorgers")

    def __str__(self) -> str:
        return self.full_name


class FamilyLinkQuerySet(models.QuerySet):
    def of_child(self, child: "Child") -> "FamilyLinkQuerySet":
        return self.filter(models.Q(child=child) | models.Q(other_child=child))


class FamilyLink(models.Model):
    """Two children of one family known to the same network (siblings, twins, one household).

    Stored once per pair, the lower id first. The link says only *that* the children belong
    together; whether a viewer of one child may open the other is the access policy's decision.
    """

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="family_links")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+")
    other_child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=16, choices=FamilyLinkKind.choices)
    source = models.CharField(max_length=16, choices=FamilyLinkSource.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = FamilyLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("gezinsrelatie")
        verbose_name_plural = _("gezinsrelaties")
        constraints = [
            models.UniqueConstraint(fields=["child", "other_child"], name="uniq_family_link"),
            models.CheckConstraint(
                condition=models.Q(child__lt=models.F("other_child")),
                name="family_link_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    def sibling_of(self, child: "Child") -> "Child":
        return self.other_child if self.child_id == child.pk else self.child


class CustodyChange(models.Model):
    """One change of a guardian's custody (gezag), kept as history: the guardian's
    `has_custody` is the state now, these rows say since when and on what grounds."""

    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, related_name="custody_changes")
    change = models.CharField(_("wijziging"), max_length=8, choices=CustodyChangeKind.choices)
    effective_on = models.DateField(_("gaat in op"))
    source = models.CharField(_("bron"), max_length=12, choices=CustodySource.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("wijziging van gezag")
        verbose_name_plural = _("wijzigingen van gezag")
        ordering = ["effective_on", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_change_display()} ({self.effective_on})"
