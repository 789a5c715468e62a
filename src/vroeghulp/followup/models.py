"""Long-term light follow-up ("vinger aan de pols"): a rhythm per family and its check-ins."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.models import Case

from .constants import AskedBy


class FollowUpPlan(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="follow_up")
    # Both empty in a network where follow-up runs on request: no check-in is planned until
    # someone asks (`record_request`), and then the asked contact is the next one.
    every_months = models.PositiveSmallIntegerField(_("elke zoveel maanden"), null=True)
    next_check_on = models.DateField(_("volgende check-in"), null=True)
    reason = models.TextField(_("waarom langdurige begeleiding"), blank=True)
    active = models.BooleanField(default=True)
    reminded_for = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["active", "next_check_on"], name="followup_due")]

    def __str__(self) -> str:
        return f"follow-up {self.case_id}"


class CheckIn(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="check_ins")
    on = models.DateField(_("datum"))
    summary = models.TextField(_("hoe gaat het"))
    new_question = models.BooleanField(_("er is een nieuwe hulpvraag"), default=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"check-in {self.on}"


class FollowUpRequest(models.Model):
    """A request for contact in follow-up on request: the family or the casemanager asks, and
    the contact is due (the casemanager's work list shows it until a check-in answers it)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_up_requests")
    on = models.DateField(_("gevraagd op"))
    asked_by = models.CharField(_("gevraagd door"), max_length=16, choices=AskedBy.choices)
    question = models.TextField(_("vraag"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"verzoek {self.on}"
