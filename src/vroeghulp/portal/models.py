"""One-time login codes for parents: only a hash is kept, short-lived, limited attempts."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LoginCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"], name="logincode_user_time")]

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
        "networks.Network", on_delete=models.CASCADE, related_name="satisfaction_questions"
    )
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "vraag tevredenheid"
        verbose_name_plural = "vragen tevredenheid"

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
