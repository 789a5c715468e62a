from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildrenConfig(AppConfig):
    name = "vroeghulp.children"
    verbose_name = _("Kinderen")
