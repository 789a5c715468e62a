"""Emergency access ("break the glass"): a logged, time-limited exception to the team rule."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child
from vroeghulp.networks.models import Network


class EmergencyAccessQuerySet(models.QuerySet):
    def in_force(self) -> "EmergencyAccessQuerySet":
        return self.filter(expires_at__gt=timezone.now())


class EmergencyAccess(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_grants"
    )
    reason = models.TextField(_("reden"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegang")
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"noodtoegang {self.pk}"


class RefusalSignal(models.Model):
    """One user crossed the hourly limit of refused requests: shown to the network's log
    managers, who read the refusals themselves in the log."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+", null=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signaal van weigeringen")
        verbose_name_plural = _("signalen van weigeringen")
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["network", "raised_at"], name="refusal_signal_network")]

    def __str__(self) -> str:
        return f"signaal {self.pk}"
