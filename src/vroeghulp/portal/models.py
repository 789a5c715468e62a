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
