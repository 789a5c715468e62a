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
    ARRANGED = "arranged", _("Geregeld")
    STARTED = "started", _("Gestart")
    DONE = "done", _("Klaar")
    DECLINED = "declined", _("Niet gewenst door ouders")


class Reaction(models.TextChoices):
    AGREE = "agree", _("Eens")
    AGREE_WITH_COMMENTS = "agree_comments", _("Eens, met opmerkingen")
    DISAGREE = "disagree", _("Niet eens, met opmerkingen")


class ExplainedHow(models.TextChoices):
    IN_PERSON = "in_person", _("In een gesprek")
    VIDEO = "video", _("Via een videogesprek")
