"""Choices for the follow-up of children born too early."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible

# the kind of a moment of the schedule is part of the network's configuration
from vroeghulp.networks.constants import PrematureVisitKind as VisitKind  # noqa: F401


class HandoverMode(models.TextChoices):
    IN_PERSON = "in_person", _("Samen bij het gezin")
    PHONE_WITH_FAMILY = "phone_with_family", _("Telefonisch, met het gezin erbij")


VISIT_DONE = plausible.Kind(_("het bezoek"))
HANDOVER = plausible.Kind(_("de overdracht"))
