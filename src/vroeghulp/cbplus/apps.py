from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CbplusConfig(AppConfig):
    name = "vroeghulp.cbplus"
    verbose_name = _("CB-plus")
