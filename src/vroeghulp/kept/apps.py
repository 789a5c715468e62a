from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeptConfig(AppConfig):
    """Rendered lists of children kept per professional until their data changes."""

    name = "vroeghulp.kept"
    verbose_name = _("Bewaarde lijsten")

    def ready(self) -> None:
        from . import stamps

        stamps.connect()
