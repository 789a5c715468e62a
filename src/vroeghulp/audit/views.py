"""The log manager's views: entries filtered by child, user and period; one child's export."""

import csv

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vroeghulp.access.decorators import with_role
from vroeghulp.access.models import EmergencyAccess
from vroeghulp.access.refusals import REFUSALS_PER_HOUR, recent_signals
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.children.models import Child
from vroeghulp.paging import next_previous_page

from .constants import AuditAction, Grounds
from .forms import AuditFilterForm
from .queries import entries_for_log_manager, in_period, summary
from .writer import AuditEvent, record

# Entries per page, newest first; the export of one child's log has them all.
ENTRIES_PER_PAGE = 50

EXPORT_FIELDS = [
    "sequence",
    "timestamp",
    "user_label",
    "responsible_user_id",
    "organisation_label",
    "role",
    "child_id",
    "action",
    "object_type",
    "object_id",
    "grounds",
    "consent_id",
    "client_address",
    "request_id",
]


def _watched_child(user, **lookup) -> Child | None:
    if None in lookup.values():
        return None
    child = Child.objects.filter(
        network_id__in=user.networks_with_role(Role.LOG_MANAGER), **lookup
    ).first()
    if child is None:
        raise Http404
    return child


def _log_review(user, child: Child, action: str) -> None:
    record(
        AuditEvent(
            action=action,
            network_id=child.network_id,
            user=user,
            child_id=child.pk,
            object_type="audit_log",
            object_id=str(child.pk),
            grounds=Grounds.LOG_MANAGEMENT,
            role=Role.LOG_MANAGER,
        )
    )


@with_role(Role.LOG_MANAGER)
def entries(request):
    form = AuditFilterForm(request.GET or None)
    rows = entries_for_log_manager(request.user)
    child = None
    group = "day"
    if form.is_valid():
        data = form.cleaned_data
        child = _watched_child(request.user, pk=data["child"])
        if child is not None:
            rows = rows.filter(child_id=child.pk)
            _log_review(request.user, child, AuditAction.READ)
        if data["user"]:
            user = User.objects.filter(email__iexact=data["user"]).first()
            rows = rows.filter(user_id=user.pk if user else -1)
        rows = in_period(rows, data["date_from"], data["date_to"])
        group = data["group"] or "day"
    elif form.is_bound:
        rows = rows.none()
    page = next_previous_page(
        rows.order_by("-sequence"), ENTRIES_PER_PAGE, request.GET.get("pagina")
    )
    context = {
        "form": form,
        "page": page,
        "child": child,
        "summary": summary(rows, group),
        "group": group,
        "refusal_signals": recent_signals(request.user.networks_with_role(Role.LOG_MANAGER)),
        "refusals_per_hour": REFUSALS_PER_HOUR,
    }
    return render(request, "audit/entries.html", context)


@with_role(Role.LOG_MANAGER)
def child_export(request, code):
    child = _watched_child(request.user, code=code)
    rows = entries_for_log_manager(request.user).filter(child_id=child.pk).order_by("sequence")
    _log_review(request.user, child, AuditAction.EXPORT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="logging-kind-{child.pk}-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_FIELDS)
    for values in rows.values_list(*EXPORT_FIELDS).iterator():
        writer.writerow(values)
    return response


@with_role(Role.LOG_MANAGER)
def emergency_grants(request):
    grants = (
        EmergencyAccess.objects.filter(
            network_id__in=request.user.networks_with_role(Role.LOG_MANAGER)
        )
        .select_related("user", "network")
        .order_by("-granted_at")
    )
    page = Paginator(grants, 100).get_page(request.GET.get("pagina"))
    return render(request, "audit/emergency_grants.html", {"page": page})
