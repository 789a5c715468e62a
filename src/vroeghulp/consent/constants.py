"""What parents can consent to, and which consents need every guardian with custody."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    EXCHANGE_INFORMATION = "exchange_information", _("Informatie opvragen en delen")
    SHARE_PLAN = "share_plan", _("Adviesplan delen")
    MEETING_ATTENDANCE = "meeting_attendance", _("Deelname aan het MDO door deze organisatie")
    VIDEO_RECORDING = "video_recording", _("Video-opnames van het kind")


# Sharing the child's health data with another organisation and filming the child are not
# everyday decisions: parents who share custody take them together (Burgerlijk Wetboek 1:253a
# for disputes), so such a consent counts only once every guardian with custody gave it. The
# other purposes need one guardian with custody.
NEEDS_EVERY_CUSTODIAN = frozenset({Purpose.EXCHANGE_INFORMATION, Purpose.VIDEO_RECORDING})


class ChildAnswer(models.TextChoices):
    AGREED = "agreed", _("Stemt in")
    REFUSED = "refused", _("Stemt niet in")
