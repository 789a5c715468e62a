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
