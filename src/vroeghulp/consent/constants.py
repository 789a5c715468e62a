"""What parents can consent to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    EXCHANGE_INFORMATION = "exchange_information", _("Informatie opvragen en delen")
    SHARE_PLAN = "share_plan", _("Adviesplan delen")
    MEETING_ATTENDANCE = "meeting_attendance", _("Deelname aan het MDO door deze organisatie")
    VIDEO_RECORDING = "video_recording", _("Video-opnames van het kind")
