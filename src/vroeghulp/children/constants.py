"""Choices about children and their parents or guardians."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "f", _("Meisje")
    MALE = "m", _("Jongen")
    OTHER = "x", _("Anders / onbekend")


class GuardianRelation(models.TextChoices):
    MOTHER = "mother", _("Moeder")
    FATHER = "father", _("Vader")
    PARENT = "parent", _("Ouder")
    GUARDIAN = "guardian", _("Voogd")
    FOSTER_PARENT = "foster", _("Pleegouder")
    OTHER = "other", _("Anders")
