"""Reading the audit log, limited to the networks a log manager watches."""

import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from vroeghulp.accounts.constants import Role

from .models import AuditEntry


def entries_for_log_manager(user) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(network_id__in=user.networks_with_role(Role.LOG_MANAGER))


def in_period(
    entries: QuerySet[AuditEntry], start: datetime.date | None, end: datetime.date | None
) -> QuerySet[AuditEntry]:
    if start:
        entries = entries.filter(timestamp__gte=_start_of(start))
    if end:
        entries = entries.filter(timestamp__lt=_start_of(end + datetime.timedelta(days=1)))
    return entries


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


SUMMARY_FIELDS = {"day": "day", "user": "user_label", "child": "child_id"}


def summary(entries: QuerySet[AuditEntry], group: str) -> list[dict]:
    field = SUMMARY_FIELDS.get(group, "day")
    if field == "day":
        entries = entries.annotate(day=TruncDate("timestamp"))
    order = f"-{field}" if field == "day" else "-count"
    rows = entries.values(field).annotate(count=Count("pk")).order_by(order, field)[:200]
    return [{"key": row[field], "count": row["count"]} for row in rows]
