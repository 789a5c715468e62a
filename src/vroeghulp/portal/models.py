"""What parents keep in the portal: login codes, messages, answers and their formal requests."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    # Where the code was asked from: one client may ask only so many codes, over all accounts.
    client_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "created_at"], name="logincode_user_time"),
            models.Index(fields=["client_address", "created_at"], name="logincode_address_time"),
        ]

    def __str__(self) -> str:
        return f"inlogcode {self.pk}"


class Message(models.Model):
    """A message between the parents and the casemanager, inside the application only."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_parent = models.BooleanField()
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"bericht {self.pk}"


class SatisfactionQuestion(models.Model):
    """A question of the closing questionnaire, maintained by the network administrator."""

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="satisfaction_questions",
        verbose_name=_("netwerk"),
    )
    text = models.CharField(_("vraag"), max_length=300)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("vraag tevredenheid")
        verbose_name_plural = _("vragen tevredenheid")

    def __str__(self) -> str:
        return self.text


class SatisfactionAnswer(models.Model):
    """An answer (1 = slecht … 5 = heel goed); reports use only totals, never who answered."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="satisfaction")
    question = models.ForeignKey(
        SatisfactionQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    score = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "question"], name="uniq_satisfaction_answer")
        ]

    def __str__(self) -> str:
        return f"{self.score}"


class DataRequestKind(models.TextChoices):
    CORRECTION = "correction", _("Gegevens verbeteren")
    DELETION = "deletion", _("Gegevens verwijderen")


class DataRequestOutcome(models.TextChoices):
    OPEN = "open", _("In behandeling")
    GRANTED = "granted", _("Uitgevoerd")
    PARTLY = "partly", _("Deels uitgevoerd")
    REFUSED = "refused", _("Afgewezen, met uitleg")


class DataRequest(models.Model):
    """A parent's formal request (AVG art. 16 and 17) that the coordinator answers in time."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="data_requests")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort verzoek"), max_length=12, choices=DataRequestKind.choices)
    text = models.TextField(_("wat wilt u laten verbeteren of verwijderen?"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField(_("uiterlijk beantwoord op"))
    outcome = models.CharField(
        _("uitkomst"),
        max_length=8,
        choices=DataRequestOutcome.choices,
        default=DataRequestOutcome.OPEN,
    )
    response = models.TextField(_("antwoord aan de ouders"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["outcome", "due_on"], name="datarequest_open_due")]

    def __str__(self) -> str:
        return f"verzoek {self.pk}"


class InvitationQuerySet(models.QuerySet):
    def open(self) -> "InvitationQuerySet":
        return self.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A one-time link that lets a guardian with custody into the portal on their own account.

    Only a hash of the link's token is kept; the first login through the link (an e-mail code
    sent to the invited address, or the identity provider with that verified address) links the
    account to the guardian.
    """

    guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_count = models.PositiveSmallIntegerField(default=1)
    last_sent_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging voor het ouderportaal")
        verbose_name_plural = _("uitnodigingen voor het ouderportaal")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"uitnodiging {self.pk}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and self.expires_at > timezone.now()
        )
