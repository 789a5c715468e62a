"""The social map (sociale kaart): the network's current list of referrers, providers and
programmes, kept by the network administrator and picked from where help is chosen."""

import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.networks.models import Municipality, Network, Organisation

from .ages import range_text
from .constants import EntryKind
from .queries import EntryQuerySet
from .staleness import is_outdated


class SocialMapEntry(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        related_name="social_map_entries",
        verbose_name=_("netwerk"),
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=16, choices=EntryKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="social_map_entries",
        verbose_name=_("organisatie"),
    )
    description = models.TextField(_("omschrijving"), blank=True)
    # Ages served, in months: from `age_from_months` until (not including) `age_to_months`;
    # empty means no bound.
    age_from_months = models.PositiveSmallIntegerField(
        _("leeftijd vanaf (maanden)"), null=True, blank=True, validators=[MaxValueValidator(300)]
    )
    age_to_months = models.PositiveSmallIntegerField(
        _("leeftijd tot (maanden)"), null=True, blank=True, validators=[MaxValueValidator(300)]
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="social_map_entries",
        verbose_name=_("gemeenten"),
        help_text=_("Leeg: het hele netwerk."),
    )
    waiting_weeks = models.PositiveSmallIntegerField(
        _("wachttijd nu (weken)"), null=True, blank=True
    )
    phone = models.CharField(_("telefoon"), max_length=32, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    checked_on = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer iemand de gegevens voor het laatst naging."),
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("vermelding op de sociale kaart")
        verbose_name_plural = _("sociale kaart")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["network", "is_active", "kind"], name="socialmap_find")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_from_months__isnull=True)
                | models.Q(age_to_months__isnull=True)
                | models.Q(age_from_months__lt=models.F("age_to_months")),
                name="socialmap_ages_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def ages_text(self) -> str:
        return range_text(self.age_from_months, self.age_to_months)

    @property
    def is_outdated(self) -> bool:
        return is_outdated(self.checked_on, timezone.localdate())
