"""Choices for the advice plan (MDA)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    PARENTS = "parents", _("Wat u zelf kunt doen")
    MEDICAL = "medical", _("Medische zorg")
    PARAMEDICAL = "paramedical", _("Paramedische zorg")
    DEVELOPMENT = "development", _("Ontwikkeling stimuleren")
    FAMILY_SUPPORT = "family_support", _("Ondersteuning van het gezin")
    CHILDCARE_EDUCATION = "childcare_education", _("Opvang en onderwijs")
    OTHER = "other", _("Overig")


class ItemStatus(models.TextChoices):
    TO_DO = "to_do", _("Nog te doen")
    STARTED = "started", _("Gestart")
    PAUSED = "paused", _("Gepauzeerd")
    DECLINED = "declined", _("Niet gewenst door de ouders")
    DONE = "done", _("Klaar")


# An item in one of these needs nobody's work any more: it leaves the work list and reminders.
FINISHED_STATUSES = frozenset({ItemStatus.DONE, ItemStatus.DECLINED})


class Reaction(models.TextChoices):
    AGREE = "agree", _("Eens")
    AGREE_WITH_COMMENTS = "agree_comments", _("Eens, met opmerkingen")
    DISAGREE = "disagree", _("Niet eens, met opmerkingen")


class ExplainedHow(models.TextChoices):
    IN_PERSON = "in_person", _("In een gesprek")
    VIDEO = "video", _("Via een videogesprek")
