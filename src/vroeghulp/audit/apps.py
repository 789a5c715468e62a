from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "vroeghulp.audit"
    verbose_name = _("Logging (NEN 7513)")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy check)
