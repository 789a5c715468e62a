from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "vroeghulp.followup"
    verbose_name = _("Langdurige trajectbegeleiding")
