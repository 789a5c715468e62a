"""The Prematuur tab of a child's file: corrected age, the schedule of visits, warm handovers.

Reached through `on_case`; every page writes its read entry (render_file_page), every change is
one action.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.decorators import on_case
from vroeghulp.access.policy import Action
from vroeghulp.cases.file_views import posted_id, render_file_page
from vroeghulp.concurrency import submit

from . import actions
from .forms import GestationForm, HandoverForm, VisitForm
from .models import PrematureVisit
from .schedule import child_age, is_followed, planned_moments


@on_case(Action.VIEW)
def case_page(request, case, decision):
    return _page(request, case, decision)


def _page(request, case, decision, forms=None, status=200):
    forms = forms or {}
    child = case.child
    visits = list(case.premature_visits.select_related("done_by"))
    bound = forms.get("visit")
    rows = []
    for visit in visits:
        if bound is not None and bound.data.get("visit") == str(visit.pk):
            form = bound
        else:
            form = VisitForm(
                case=case,
                initial={"visit": visit.pk, "version": visit.version},
                auto_id=f"id_v{visit.pk}_%s",
            )
        rows.append({"visit": visit, "form": form, "age": child_age(case, visit.planned_on)})
    gestation_initial = {
        "weeks": child.gestational_age_weeks,
        "days": child.gestational_age_days,
    }
    context = {
        "followed": is_followed(case),
        "threshold_weeks": case.network.premature_threshold_weeks,
        "until_months": case.network.corrected_age_until_months,
        "rows": rows,
        "can_plan": bool(_unplanned(case, visits)),
        "handovers": case.warm_handovers.select_related("recorded_by"),
        "gestation_form": forms.get("gestation") or GestationForm(initial=gestation_initial),
        "handover_form": forms.get("handover") or HandoverForm(case=case),
        "today": timezone.localdate(),
    }
    return render_file_page(
        request, case, decision, "premature", "prematurity/case.html", context, status
    )


def _unplanned(case, visits) -> list:
    known = {(v.corrected_months, v.kind) for v in visits}
    return [m for m in planned_moments(case) if (m[0], m[1]) not in known]


def _post(request, case, decision, form, key, apply, success):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("prematurity:case", args=[case.code]),
        rerender=lambda form, status: _page(
            request, case, decision, forms={key: form}, status=status
        ),
    )


@require_POST
@on_case(Action.EDIT)
def gestation(request, case, decision):
    return _post(
        request,
        case,
        decision,
        GestationForm(request.POST),
        "gestation",
        lambda data: actions.record_gestation(case, actor=request.user, **data),
        _("De zwangerschapsduur is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def schedule(request, case, decision):
    try:
        visits = actions.plan_schedule(case, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(n)d bezoeken gepland.") % {"n": len(visits)})
    return redirect("prematurity:case", code=case.code)


@require_POST
@on_case(Action.EDIT)
def visit(request, case, decision):
    found = get_object_or_404(PrematureVisit, pk=posted_id(request, "visit"), case=case)
    found.case = case  # the case as the access check loaded it
    return _post(
        request,
        case,
        decision,
        VisitForm(request.POST, case=case, auto_id=f"id_v{found.pk}_%s"),
        "visit",
        lambda data: actions.record_visit(
            found,
            actor=request.user,
            version=data["version"],
            done_on=data["done_on"],
            notes=data["notes"],
        ),
        _("Het bezoek is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def handover(request, case, decision):
    return _post(
        request,
        case,
        decision,
        HandoverForm(request.POST, case=case),
        "handover",
        lambda data: actions.record_handover(case, actor=request.user, **data),
        _("De warme overdracht is vastgelegd."),
    )
