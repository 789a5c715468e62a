"""The callback deadline: parents are called back within the network's term (default 14 days)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vroeghulp.networks.models import Network


def callback_due_on(network: Network, received_at: datetime.datetime) -> datetime.date:
    received_on = timezone.localtime(received_at).date()
    return received_on + datetime.timedelta(days=network.callback_deadline_days)


@dataclass(frozen=True)
class DeadlineState:
    days_left: int
    done: bool

    @property
    def overdue(self) -> bool:
        return not self.done and self.days_left < 0

    @property
    def due_soon(self) -> bool:
        return not self.done and 0 <= self.days_left <= 2

    @property
    def label(self) -> str:
        if self.done:
            return _("teruggebeld")
        if self.days_left == 0:
            return _("vandaag")
        if self.days_left > 0:
            return ngettext("nog %(n)d dag", "nog %(n)d dagen", self.days_left) % {
                "n": self.days_left
            }
        late = -self.days_left
        return ngettext("%(n)d dag te laat", "%(n)d dagen te laat", late) % {"n": late}


def callback_state(
    due_on: datetime.date, called_back_at, today: datetime.date | None = None
) -> DeadlineState:
    today = today or timezone.localdate()
    return DeadlineState(days_left=(due_on - today).days, done=called_back_at is not None)
