"""Choices for long-term follow-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AskedBy(models.TextChoices):
    PARENTS = "parents", _("De ouders")
    CASEMANAGER = "casemanager", _("De trajectbegeleider")
    OTHER = "other", _("Iemand anders (bijvoorbeeld school of huisarts)")
