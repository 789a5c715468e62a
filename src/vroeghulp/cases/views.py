"""Work list, registrations, case list and the case page. Views parse, call actions, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import listing_events, parent_events
from vroeghulp.access.decorators import on_case, with_role
from vroeghulp.access.policy import CARE_ROLES, Action, may_also, readable_items
from vroeghulp.access.queries import cases_of_guardian, visible_cases
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record_all
from vroeghulp.concurrency import submit

from . import actions, family, states
from .constants import EventKind
from .earlier_findings import known_before
from .file_views import render_file_page
from .forms import AdviceWithoutMeetingForm, DelayForm, FamilyLinkForm, NoteForm, TransitionForm

PAGE_SIZE = 50


def _listed(request, cases, view: str, template: str, extra: dict | None = None):
    page = Paginator(
        cases.select_related("child", "child__municipality", "child__network").order_by(
            "-opened_at", "pk"
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("pagina"))
    record_all(listing_events(request.user, page.object_list, AuditAction.READ, view))
    return render(request, template, {"page": page, **(extra or {})})


def landing(request):
    """The start page of a parent (the portal), or of a role without case work (its menu)."""
    if request.user.guardianships.exists():
        return redirect("portal:home")
    own_cases = list(cases_of_guardian(request.user).select_related("child").order_by("-opened_at"))
    record_all(parent_events(request.user, own_cases, "parent_home"))
    return render(request, "cases/home_other.html", {"own_cases": own_cases})


@with_role(*CARE_ROLES)
def case_list(request):
    phase = request.GET.get("fase", "")
    cases = visible_cases(request.user)
    if phase in states.Phase.values:
        cases = cases.filter(phase=phase)
    return _listed(
        request,
        cases,
        "case_list",
        "cases/case_list.html",
        {"phases": states.Phase.choices, "phase": phase},
    )


@on_case(Action.VIEW)
def detail(request, case, decision):
    return _render_detail(request, case, decision)


def _timeline(case, kind: str):
    events = case.events.select_related("actor")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    return events[:200]


def _render_detail(
    request,
    case,
    decision,
    *,
    note_form=None,
    delay_form=None,
    transition_form=None,
    family_form=None,
    advice_form=None,
    status=200,
):
    notes = readable_items(
        decision, case.child, case.notes.select_related("author", "source_organisation")
    )
    phases = states.next_phases(case.phase, actions.lead_role(case, request.user))
    context = {
        "via_emergency": decision.grounds == Grounds.EMERGENCY,
        "guardians": case.child.guardians.all(),
        "team": actions.active_team(case),
        "known": known_before(case),
        "notes": notes,
        "events": _timeline(case, request.GET.get("soort", "")),
        "event_kinds": EventKind.choices,
        "event_kind": request.GET.get("soort", ""),
        "note_form": note_form or NoteForm(),
        "delays": case.delays.select_related("recorded_by"),
        "delay_form": delay_form or DelayForm(),
        "transition_form": transition_form
        or TransitionForm(phases=phases, initial={"version": case.version}),
        "siblings": family.siblings_for(case, request.user),
        "coordinators": family.network_coordinators(case),
        "family_form": family_form
        or FamilyLinkForm(
            children=family.linkable_children(case, request.user)
            if may_also(decision, Action.EDIT)
            else ()
        ),
        "offers_advice_without_meeting": _offers_advice_without_meeting(request.user, case),
        "advice_form": advice_form or AdviceWithoutMeetingForm(initial={"version": case.version}),
    }
    return render_file_page(
        request, case, decision, "overview", "cases/detail.html", context, status
    )


def _offers_advice_without_meeting(user, case) -> bool:
    """In a network that allows it, the case's trajectbegeleider or coordinator sees the form
    for advice without a team meeting while no conclusion is recorded."""
    return (
        case.network.advice_without_meeting
        and states.offers_advice_without_meeting(case.phase)
        and not case.meeting_concluded_at
        and states.may_advise_without_meeting(actions.lead_role(case, user))
    )


def _detail_post(request, case, decision, form, key: str, apply, success: str):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("cases:detail", args=[case.code]),
        rerender=lambda form, status: _render_detail(
            request, case, decision, **{key: form}, status=status
        ),
    )


@require_POST
@on_case(Action.EDIT)
def add_note(request, case, decision):
    return _detail_post(
        request,
        case,
        decision,
        NoteForm(request.POST),
        "note_form",
        lambda data: actions.add_note(case, actor=request.user, **data),
        _("Notitie opgeslagen."),
    )


@require_POST
@on_case(Action.EDIT)
def add_delay(request, case, decision):
    return _detail_post(
        request,
        case,
        decision,
        DelayForm(request.POST),
        "delay_form",
        lambda data: actions.record_delay(case, actor=request.user, **data),
        _("De reden van vertraging is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def change_phase(request, case, decision):
    form = TransitionForm(request.POST, phases=states.next_phases(case.phase))  # the action decides
    if form.is_valid():
        try:
            actions.transition(
                case,
                actor=request.user,
                to_phase=form.cleaned_data["to_phase"],
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
        except actions.StaleVersionError:
            form.add_error(
                None,
                _(
                    "Iemand anders heeft dit traject gewijzigd nadat je het opende. "
                    "Bekijk de nieuwe stand; je toelichting staat hieronder nog."
                ),
            )
            form.data = form.data.copy()
            form.data["version"] = case.version
            return _render_detail(request, case, decision, transition_form=form, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De fase is gewijzigd."))
            return redirect("cases:detail", code=case.code)
    return _render_detail(request, case, decision, transition_form=form, status=400)


@require_POST
@on_case(Action.EDIT)
def link_family(request, case, decision):
    form = FamilyLinkForm(request.POST, children=family.linkable_children(case, request.user))
    return _detail_post(
        request,
        case,
        decision,
        form,
        "family_form",
        lambda data: actions.link_sibling(
            case, data["sibling"], actor=request.user, kind=data["kind"]
        ),
        _("Het gezin is gekoppeld."),
    )


@require_POST
@on_case(Action.EDIT)
def advise_without_meeting(request, case, decision):
    return _detail_post(
        request,
        case,
        decision,
        AdviceWithoutMeetingForm(request.POST),
        "advice_form",
        lambda data: actions.advise_without_meeting(case, actor=request.user, **data),
        _("Het traject is in de fase advies, zonder MDO en met instemming van de ouders."),
    )
