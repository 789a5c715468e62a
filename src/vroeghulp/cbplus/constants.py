"""Choices and limits for CB-plus consults (consultatiebureau-plus)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    CONCLUDED = "concluded", _("Afgerond")


# A CB-plus consult is one session of half an hour to an hour.
SHORTEST_MINUTES = 30
LONGEST_MINUTES = 60
# For children from birth up to their fourth birthday.
OLDEST_AGE_YEARS = 4
