"""Choices for the social map (sociale kaart)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    REFERRER = "referrer", _("Verwijzer")
    CARE_PROVIDER = "care_provider", _("Zorgaanbieder")
    PROGRAMME = "programme", _("Programma (gezinsondersteuning, VVE, opvoedcursus)")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Overig")


# Kinds of entry that give help: what a plan item or a referral out can name. A referrer finds
# children; it is not where a child is sent.
HELP_KINDS = frozenset(
    {EntryKind.CARE_PROVIDER, EntryKind.PROGRAMME, EntryKind.SCHOOL, EntryKind.OTHER}
)
# What a family-support offer can name.
SUPPORT_KINDS = frozenset({EntryKind.PROGRAMME})


class AgeUnit(models.TextChoices):
    MONTHS = "months", _("maanden")
    YEARS = "years", _("jaar")
