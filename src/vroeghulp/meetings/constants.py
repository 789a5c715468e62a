"""Choices for team meetings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingPart(models.TextChoices):
    """The two parts of a discussion in a network where the team first talks without the
    parents (`Network.pre_discussion_without_parents`). Blank: the whole discussion."""

    WITHOUT_PARENTS = "without_parents", _("Deel 1: het team zonder de ouders")
    WITH_PARENTS = "with_parents", _("Deel 2: met de ouders")
