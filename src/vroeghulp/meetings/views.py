"""MDO pages: the meetings of a network, a meeting's agenda, and one child's agenda item.

Agendas show only the children the user may see; an item is opened through the case's access.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import event_for, listing_events
from vroeghulp.access.decorators import on_case_object, with_role
from vroeghulp.access.policy import CARE_ROLES, Action, Decision, decide, may_also
from vroeghulp.access.queries import visible_cases
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.concurrency import submit
from vroeghulp.kept.lists import Rendered, kept
from vroeghulp.networks.models import Network, TeamTier
from vroeghulp.paging import page_number, rows_of_page

from . import actions
from .forms import (
    AgendaForm,
    AttendanceForm,
    ConclusionForm,
    FindingForm,
    MeetingForm,
    ParticipantForm,
    PartNotesForm,
)
from .models import AgendaItem, Meeting
from .pack import meeting_pack, render_pack_pdf
from .parts import discussion_parts
from .queries import agenda_candidates, waiting_for_first_meeting

# The waiting list, longest waiting first, a page at a time
WAITING_PER_PAGE = 25
# What the list shows and its audit entries need: no more of the child's file than the name
WAITING_SHOWN = (
    *("code", "network", "phase", "opened_at", "child"),
    *("child__network", "child__given_name", "child__family_name"),
)
MEETING_SHOWN = ("code", "network", "starts_at", "tier", "location")


def _networks(user):
    return Network.objects.filter(pk__in=user.networks_with_role(*CARE_ROLES))


@with_role(*CARE_ROLES)
def meeting_list(request):
    return _list_page(request)


def _list_page(request, form=None, status=200):
    page = page_number(request.GET.get("wachtend"))
    overview_html = kept(request.user, f"meetings:{page}", lambda: _overview(request.user, page))
    network = _planning_network(request.user)
    context = {
        "overview_html": overview_html,
        "form": form or (MeetingForm(tiers=_tiers(network)) if network else None),
    }
    return render(request, "meetings/list.html", context, status=status)


def _overview(user, asked: int) -> Rendered:
    """The meetings before and after now, and who still waits for the team (a page of them)."""
    now = timezone.now()
    meetings = Meeting.objects.filter(network_id__in=user.networks_with_role(*CARE_ROLES)).only(
        *MEETING_SHOWN
    )
    waiting, page, in_all = rows_of_page(
        waiting_for_first_meeting(user)
        .select_related("child")
        .only(*WAITING_SHOWN)
        .order_by("opened_at"),
        WAITING_PER_PAGE,
        asked,
    )
    upcoming = list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:20])
    context = {
        "upcoming": upcoming,
        "past": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:20],
        "waiting": waiting,
        "waiting_page": {
            "first": (page - 1) * WAITING_PER_PAGE + 1,
            "last": (page - 1) * WAITING_PER_PAGE + len(waiting),
            "of": in_all,
            "previous": page - 1,
            "next": page + 1 if page * WAITING_PER_PAGE < in_all else 0,
        },
    }
    return Rendered(
        render_to_string("meetings/_overview.html", context),
        listing_events(user, waiting, AuditAction.READ, "meeting_waiting"),
        # the next meeting moves to the past, and its children are no longer "ingepland"
        changes_at=upcoming[0].starts_at if upcoming else None,
        keep=not any(case.via_emergency and not case.on_team for case in waiting),
    )


def _planning_network(user) -> Network | None:
    """The network a coordinator plans meetings for."""
    return Network.objects.filter(pk__in=user.networks_with_role(Role.COORDINATOR)).first()


def _tiers(network: Network):
    return TeamTier.objects.filter(network=network, active=True)


@require_POST
@with_role(Role.COORDINATOR)
def plan(request):
    network = _planning_network(request.user)
    form = MeetingForm(request.POST, tiers=_tiers(network))
    if form.is_valid():
        try:
            meeting = actions.plan_meeting(network, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het MDO is gepland."))
            return redirect("meetings:detail", code=meeting.code)
    return _list_page(request, form=form, status=400)


def _meeting_for(user, code) -> Meeting:
    meeting = Meeting.objects.filter(code=code, network__in=_networks(user)).first()
    if meeting is None:
        raise Http404
    return meeting


@with_role(*CARE_ROLES)
def detail(request, code):
    return _detail_page(request, code)


def _detail_page(request, code, form=None, status=200):
    meeting = _meeting_for(request.user, code)
    visible = {
        case.pk: case
        for case in visible_cases(request.user)
        .filter(agenda_items__meeting=meeting)
        .select_related("child")
    }
    items = [
        item
        for item in meeting.items.select_related("case", "case__child")
        if item.case_id in visible
    ]
    record_all(listing_events(request.user, visible.values(), AuditAction.READ, "agenda"))
    candidates = agenda_candidates(request.user, meeting)
    is_coordinator = meeting.network_id in request.user.networks_with_role(Role.COORDINATOR)
    context = {
        "meeting": meeting,
        "items": items,
        "hidden_count": meeting.items.count() - len(items),
        "form": form or (AgendaForm(cases=candidates) if is_coordinator else None),
    }
    return render(request, "meetings/detail.html", context, status=status)


@require_POST
@with_role(Role.COORDINATOR)
def add_item(request, code):
    meeting = _meeting_for(request.user, code)
    form = AgendaForm(request.POST, cases=agenda_candidates(request.user, meeting))
    if form.is_valid():
        try:
            actions.add_to_agenda(
                meeting,
                actor=request.user,
                case=form.cleaned_data["case"],
                parents_attend=form.attendance(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het kind staat op de agenda."))
            return redirect("meetings:detail", code=meeting.code)
    return _detail_page(request, code, form=form, status=400)


def _item_for(user, code, action: str) -> tuple[AgendaItem, Decision]:
    """An agenda item is opened through its case's access: looked for among the cases the user
    may open (one query, whether the code is someone else's or nobody's), then decided."""
    found = AgendaItem.objects.select_related(
        "meeting", "case", "case__child", "case__network"
    ).filter(code=code, case__in=visible_cases(user))[:1]
    item = next(iter(found), None)
    if item is None:
        raise Http404
    decision = decide(user, action, item.case.child)
    if not decision:
        raise Http404
    return item, decision


@on_case_object(_item_for, Action.VIEW)
def item_detail(request, item, decision):
    return _item_page(request, item, decision)


def _item_page(request, item, decision, forms=None, status=200):
    record_all(
        [
            event_for(
                request.user,
                decision,
                AuditAction.READ,
                item.case.child,
                item,
                {"view": "meeting_pack"},
            )
        ]
    )
    forms = forms or {}
    two_parts = item.discussed_without_parents_first
    participants = list(item.participants.all())
    findings = list(item.findings.select_related("author"))
    context = {
        "item": item,
        "pack": meeting_pack(item, decision),
        "case": item.case,
        "participants": participants,
        "findings": findings,
        "parts": _parts_with_forms(item, participants, findings, forms),
        "can_edit": may_also(decision, Action.EDIT),
        "participant_form": forms.get("participant") or ParticipantForm(two_parts=two_parts),
        "finding_form": forms.get("finding") or FindingForm(two_parts=two_parts),
        "attendance_form": AttendanceForm(
            initial={"parents_attend": {True: "yes", False: "no"}.get(item.parents_attend, "")}
        ),
        "conclusion_form": forms.get("conclusion")
        or ConclusionForm(
            initial={
                "conclusion": item.conclusion,
                "further_diagnostics": item.further_diagnostics,
                "specialised_centre": item.specialised_centre,
                "version": item.version,
            }
        ),
    }
    return render(request, "meetings/item.html", context, status=status)


def _item_post(request, item, decision, form_class, key, apply, success):
    """Shared flow for the item's small forms: validate, call one action, or show errors."""
    form = (
        form_class(request.POST) if isinstance(form_class, type) else form_class(request.POST, item)
    )
    return submit(
        request,
        form,
        lambda data: apply(item, data),
        success=success,
        done=reverse("meetings:item", args=[item.code]),
        rerender=lambda form, status: _item_page(
            request, item, decision, forms={key: form}, status=status
        ),
        current_version=lambda: AgendaItem.objects.get(pk=item.pk).version,
    )


def _parts_with_forms(item, participants, findings, forms) -> list[dict]:
    """The two parts, each with its notes form (the one posted, with its errors, if any)."""
    posted = forms.get("notes")
    parts = discussion_parts(item, participants, findings)
    for part in parts:
        part["form"] = (
            posted
            if posted is not None and posted.data.get("part") == part["part"]
            else PartNotesForm(
                initial={"part": part["part"], "notes": part["notes"], "version": item.version}
            )
        )
    return parts


@require_POST
@on_case_object(_item_for, Action.EDIT)
def save_part_notes(request, item, decision):
    return _item_post(
        request,
        item,
        decision,
        PartNotesForm,
        "notes",
        lambda item, data: actions.record_part_notes(item, actor=request.user, **data),
        _("De notities zijn opgeslagen."),
    )


def _two_part_form(form_class):
    """The item's form, with the part to choose when the discussion has two parts."""

    def build(data, item):
        return form_class(data, two_parts=item.discussed_without_parents_first)

    return build


@require_POST
@on_case_object(_item_for, Action.EDIT)
def add_participant(request, item, decision):
    return _item_post(
        request,
        item,
        decision,
        _two_part_form(ParticipantForm),
        "participant",
        lambda item, data: actions.add_participant(item, actor=request.user, **data),
        _("Deelnemer toegevoegd."),
    )


@require_POST
@on_case_object(_item_for, Action.EDIT)
def add_finding(request, item, decision):
    return _item_post(
        request,
        item,
        decision,
        _two_part_form(FindingForm),
        "finding",
        lambda item, data: actions.add_finding(item, actor=request.user, **data),
        _("Bevindingen opgeslagen."),
    )


@require_POST
@on_case_object(_item_for, Action.EDIT)
def set_attendance(request, item, decision):
    return _item_post(
        request,
        item,
        decision,
        AttendanceForm,
        "attendance",
        lambda item, data: actions.set_parents_attendance(
            item, actor=request.user, attend=data["parents_attend"] == "yes"
        ),
        _("De keuze van de ouders is vastgelegd."),
    )


@require_POST
@on_case_object(_item_for, Action.EDIT)
def conclude(request, item, decision):
    return _item_post(
        request,
        item,
        decision,
        ConclusionForm,
        "conclusion",
        lambda item, data: actions.conclude(item, actor=request.user, **data),
        _("De conclusie is opgeslagen."),
    )


@on_case_object(_item_for, Action.PRINT)
def pack_pdf(request, item, decision):
    """The meeting pack as a PDF, printed for the meeting: logged as a print."""
    record_all(
        [
            event_for(
                request.user,
                decision,
                AuditAction.PRINT,
                item.case.child,
                item,
                {"format": "pdf", "view": "meeting_pack"},
            )
        ]
    )
    response = HttpResponse(render_pack_pdf(meeting_pack(item, decision)), "application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mdo-dossier.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
