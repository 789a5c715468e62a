from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrematurityConfig(AppConfig):
    name = "vroeghulp.prematurity"
    verbose_name = _("Prematuur geboren kinderen")
