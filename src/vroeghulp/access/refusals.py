"""Refused requests: each one an audit entry, and a signal when one user collects too many.

A refusal names the user, the URL pattern and the time, never the object asked for: what the
user could not see must not be written down as theirs either (a child's id in their entry
would tell the log manager, and a later reader, that the guessed file exists).
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import AuditEvent, record
from vroeghulp.children.models import Guardian

from .models import RefusalSignal

logger = logging.getLogger(__name__)

# More refusals than this within an hour make a signal to the network's log managers.
REFUSALS_PER_HOUR = 10
SIGNAL_WINDOW = datetime.timedelta(hours=1)


def record_refusal(user, *, route: str, method: str) -> AuditEntry:
    """One entry for a request the access policy turned down; signals the log managers when
    it is the user's refusal that crosses the hourly limit."""
    network_id = home_network_id(user)
    entry = record(
        AuditEvent(
            action=AuditAction.REFUSED,
            network_id=network_id,
            user=user,
            object_type="url",
            details={"route": route, "method": method},
        )
    )[0]
    if refusals_in_last_hour(user) == REFUSALS_PER_HOUR + 1:
        RefusalSignal.objects.create(network_id=network_id, user=user)
        recipients = log_manager_addresses(network_id)
        transaction.on_commit(lambda: _signal(recipients))
    return entry


def recent_signals(network_ids, days: int = 30) -> list[RefusalSignal]:
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        RefusalSignal.objects.filter(network_id__in=network_ids, raised_at__gte=since)
        .select_related("user")
        .order_by("-raised_at")[:50]
    )


def home_network_id(user) -> int | None:
    """The network whose log managers watch this user: a professional's first role, a parent's
    child's network."""
    memberships = sorted(user.active_memberships(), key=lambda m: m.pk)
    if memberships:
        return memberships[0].network_id
    guardian = Guardian.objects.filter(user=user).select_related("child").order_by("pk").first()
    return guardian.child.network_id if guardian else None


def refusals_in_last_hour(user) -> int:
    since = timezone.now() - SIGNAL_WINDOW
    return AuditEntry.objects.filter(
        user_id=user.pk, action=AuditAction.REFUSED, timestamp__gte=since
    ).count()


def log_manager_addresses(network_id: int | None) -> list[str]:
    if network_id is None:
        return []
    return sorted(
        set(
            Membership.objects.filter(
                network_id=network_id,
                role=Role.LOG_MANAGER,
                is_active=True,
                user__is_active=True,
            ).values_list("user__email", flat=True)
        )
    )


def _signal(recipients: list[str]) -> None:
    # Who and what stay in the log: the e-mail only says where to look.
    logger.warning("refusal signal: more than %d refusals in an hour", REFUSALS_PER_HOUR)
    if recipients:
        send_mail(
            _("Vroeghulp: veel geweigerde verzoeken"),
            _(
                "Een gebruiker kreeg in het afgelopen uur meer dan %(n)d keer geen toegang. "
                "Bekijk de weigeringen in de logging: %(link)s"
            )
            % {"n": REFUSALS_PER_HOUR, "link": settings.SITE_URL + "/logging/"},
            None,
            recipients,
        )
