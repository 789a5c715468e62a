"""Follow-up: the list of families with their next check-in, and one family's follow-up page."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import listing_events
from vroeghulp.access.decorators import on_case, with_role
from vroeghulp.access.policy import CARE_ROLES, Action
from vroeghulp.access.queries import visible_cases
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.cases import states
from vroeghulp.cases.file_views import render_file_page
from vroeghulp.concurrency import submit

from . import actions
from .forms import CheckInForm, ReopenForm, RequestForm, StartForm, StartOnRequestForm
from .models import FollowUpPlan


@with_role(*CARE_ROLES)
def follow_up_list(request):
    cases = list(
        visible_cases(request.user)
        .filter(phase__in=states.FOLLOW_UP_PHASES)
        .select_related("child", "follow_up")
        .order_by("follow_up__next_check_on")[:200]
    )
    record_all(listing_events(request.user, cases, AuditAction.READ, "follow_up"))
    return render(request, "followup/list.html", {"cases": cases, "today": timezone.localdate()})


@on_case(Action.VIEW)
def case_follow_up(request, case, decision):
    return _page(request, case, decision)


def _page(request, case, decision, forms=None, status=200):
    forms = forms or {}
    plan = FollowUpPlan.objects.filter(case=case).first()
    version = {"version": case.version}
    on_request = case.network.follow_up_on_request
    context = {
        "plan": plan,
        "on_request": on_request,
        "check_ins": case.check_ins.select_related("by"),
        "requests": case.follow_up_requests.select_related("recorded_by"),
        "can_start": states.may_start_follow_up(case.phase),
        "in_follow_up": states.in_follow_up(case.phase),
        "start_form": forms.get("start") or _start_form(case)(initial=version),
        "request_form": forms.get("request") or RequestForm(case=case),
        "check_in_form": forms.get("check_in") or CheckInForm(case=case),
        "reopen_form": forms.get("reopen") or ReopenForm(initial=version),
        "today": timezone.localdate(),
    }
    return render_file_page(
        request, case, decision, "follow_up", "followup/case.html", context, status
    )


def _post(request, case, decision, form, key, apply, success):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("followup:case", args=[case.code]),
        rerender=lambda form, status: _page(
            request, case, decision, forms={key: form}, status=status
        ),
        current_version=lambda: type(case).objects.get(pk=case.pk).version,
    )


def _start_form(case):
    """A rhythm and a first check-in, or (follow-up on request) only the reason."""
    return StartOnRequestForm if case.network.follow_up_on_request else StartForm


@require_POST
@on_case(Action.EDIT)
def start(request, case, decision):
    return _post(
        request,
        case,
        decision,
        _start_form(case)(request.POST),
        "start",
        lambda data: actions.start_follow_up(case, actor=request.user, **data),
        _("Langdurige begeleiding is gestart."),
    )


@require_POST
@on_case(Action.EDIT)
def check_in(request, case, decision):
    return _post(
        request,
        case,
        decision,
        CheckInForm(request.POST, case=case),
        "check_in",
        lambda data: actions.record_check_in(case, actor=request.user, **data),
        _("De check-in is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def record_request(request, case, decision):
    return _post(
        request,
        case,
        decision,
        RequestForm(request.POST, case=case),
        "request",
        lambda data: actions.record_request(case, actor=request.user, **data),
        _("Het verzoek om contact is vastgelegd; het contact staat op Mijn werk."),
    )


@require_POST
@on_case(Action.EDIT)
def reopen(request, case, decision):
    return _post(
        request,
        case,
        decision,
        ReopenForm(request.POST),
        "reopen",
        lambda data: actions.reopen(case, actor=request.user, **data),
        _("Het traject is weer geopend."),
    )
