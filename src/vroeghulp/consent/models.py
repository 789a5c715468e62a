"""Consents of parents, per organisation and purpose; revocable, never silently changed.

A consent is in force (`ConsentQuerySet.in_force`) on a day when it is given, not ended and not
withdrawn, and complete (the rule, in words and in Python, is in `completeness.py`):
- given by a guardian who has custody now; for a purpose in `NEEDS_EVERY_CUSTODIAN`, by every
  guardian who has custody now;
- when the network asks children themselves from an age and the child has that age on the day,
  the child agreed.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child, Guardian
from vroeghulp.networks.models import Network, Organisation

from .constants import NEEDS_EVERY_CUSTODIAN, ChildAnswer, Purpose


class ConsentQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None) -> "ConsentQuerySet":
        """One query, whatever the number of guardians: the completeness rule is a subquery."""
        on = on or timezone.localdate()
        givings = ConsentGiving.objects.filter(
            consent=OuterRef("pk"), guardian__has_custody=True, given_on__lte=on
        )
        custodian_without_giving = Guardian.objects.filter(
            child=OuterRef("child"), has_custody=True
        ).exclude(
            Exists(
                ConsentGiving.objects.filter(
                    consent=OuterRef(OuterRef("pk")), guardian=OuterRef("pk"), given_on__lte=on
                )
            )
        )
        return (
            self.filter(withdrawn_at__isnull=True, given_on__lte=on)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
            .filter(Exists(givings))
            .exclude(Q(purpose__in=NEEDS_EVERY_CUSTODIAN) & Exists(custodian_without_giving))
            .filter(_child_agreed_or_not_asked(on))
        )

    def for_information(self, child) -> "ConsentQuerySet":
        """In force today for asking and sharing information about `child` (or its id)."""
        return self.in_force().filter(child=child, purpose=Purpose.EXCHANGE_INFORMATION)


def _child_agreed_or_not_asked(on: datetime.date) -> Q:
    """The network does not ask children, the child is younger than the network's age on `on`,
    or the child agreed on or before `on`. A birthday is reached on the same month and day (29
    February: on 1 March in a year without it)."""
    age = F("network__child_say_from_age")
    reached = Q(child__date_of_birth__year__lt=Value(on.year) - age) | (
        Q(child__date_of_birth__year=Value(on.year) - age)
        & (
            Q(child__date_of_birth__month__lt=on.month)
            | Q(child__date_of_birth__month=on.month, child__date_of_birth__day__lte=on.day)
        )
    )
    return (
        Q(network__child_say_from_age__isnull=True)
        | Q(child_answer=ChildAnswer.AGREED, child_asked_on__lte=on)
        | (Q(network__child_say_from_age__isnull=False) & ~reached)
    )


class Consent(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consents"
    )
    purpose = models.CharField(_("doel"), max_length=24, choices=Purpose.choices)
    given_by = models.ManyToManyField(
        Guardian, through="ConsentGiving", related_name="consents_given"
    )
    # The day the first guardian gave it; each guardian's own day is on their `ConsentGiving`.
    given_on = models.DateField(_("gegeven op"))
    ends_on = models.DateField(_("geldig tot"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        Guardian, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )
    # The child's own say, where the network asks children from an age
    # (`Network.child_say_from_age`).
    child_answer = models.CharField(
        _("antwoord van het kind"), max_length=8, choices=ChildAnswer.choices, blank=True
    )
    child_asked_on = models.DateField(_("kind gevraagd op"), null=True, blank=True)
    child_asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("kind gevraagd door"),
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        indexes = [models.Index(fields=["child", "organisation", "purpose"], name="consent_lookup")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} – {self.organisation}"


class ConsentGiving(models.Model):
    """One guardian's giving of a consent: their own day, and who recorded it."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="givings")
    guardian = models.ForeignKey(Guardian, on_delete=models.RESTRICT, related_name="givings")
    given_on = models.DateField(_("gegeven op"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # Set when this guardian withdrew (which ends the consent: see `withdraw_consent`).
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming van een ouder")
        verbose_name_plural = _("toestemmingen van ouders")
        ordering = ["given_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consent", "guardian"], name="one_giving_per_guardian")
        ]

    def __str__(self) -> str:
        return f"{self.guardian} ({self.given_on})"
