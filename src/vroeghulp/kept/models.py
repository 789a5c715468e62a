import uuid

from django.conf import settings
from django.db import models


class Stamp(models.Model):
    """A new token whenever something on one professional's kept lists may have changed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.token}"
