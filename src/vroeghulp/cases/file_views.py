"""The parts of a child's file beyond the overview: team and consent.

Every page is reached through `on_case`, writes a read entry for its section, and changes go
through one action each.
"""

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import event_for
from vroeghulp.access.decorators import on_case
from vroeghulp.access.policy import Action, decide, may_also, readable_items
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.children.corrected_age import age_of
from vroeghulp.children.forms import CustodyChangeForm
from vroeghulp.children.models import CustodyChange
from vroeghulp.concurrency import submit
from vroeghulp.consent.completeness import child_is_asked, completeness
from vroeghulp.consent.models import Consent, ConsentGiving
from vroeghulp.links import link

from . import actions, states
from .constants import SupportResponse, TeamRole
from .earlier_findings import known_before
from .file_forms import (
    AnswerForm,
    ChildAnswerForm,
    ClosingForm,
    ConsentForm,
    ContactRecordForm,
    DocumentForm,
    EarlierFindingForm,
    FamilySupportForm,
    GuardianConsentForm,
    InformationRequestForm,
    IntakeForm,
    PlacementForm,
    ReferralOutForm,
    TeamMemberForm,
    TimeSpentForm,
    WithdrawForm,
)
from .forms import TierForm
from .hours import against_budget
from .models import Document, InformationRequest, Intake, TeamMember

TABS = [
    ("cases:detail", gettext_lazy("Overzicht")),
    ("cases:team", gettext_lazy("Team")),
    ("invitations:guardians", gettext_lazy("Ouders")),
    ("cases:consents", gettext_lazy("Toestemming")),
    ("cases:intake", gettext_lazy("Intake")),
    ("cases:information", gettext_lazy("Informatie")),
    ("plans:plan", gettext_lazy("Adviesplan")),
    ("cases:execution", gettext_lazy("Uitvoering")),
    ("messages:case", gettext_lazy("Berichten")),
    ("cases:closing", gettext_lazy("Afsluiten")),
    ("followup:case", gettext_lazy("Follow-up")),
    ("prematurity:case", gettext_lazy("Prematuur")),
]


def render_file_page(request, case, decision, section, template, context, status=200):
    """Render one section of the file, with the tabs, after logging the read."""
    current = request.resolver_match.view_name
    tabs = [
        {"url": link(case.code, name), "label": label, "current": name == current}
        for name, label in TABS
    ]
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.READ, case.child, case, {"section": section}
            )
        ]
    )
    base = {
        "case": case,
        "child": case.child,
        # calendar age, and the corrected age beside it for a child born too early
        "age": age_of(case.child, network=case.network),
        "tabs": tabs,
        # a closed file is read-only; moving it on (reopen, follow-up) stays possible
        "can_edit": may_also(decision, Action.EDIT) and states.is_editable(case.phase),
        "can_move": may_also(decision, Action.EDIT),
        "closed": not states.is_editable(case.phase),
        "is_lead_coordinator": actions.lead_role(case, request.user) == "coordinator",
    }
    return render(request, template, {**base, **context}, status=status)


@on_case(Action.VIEW)
def team(request, case, decision):
    return _team_page(request, case, decision)


def _team_page(request, case, decision, form=None, status=200, tier_form=None):
    members = (
        TeamMember.objects.filter(case=case)
        .select_related("user")
        .order_by("ended_at", "started_at")
    )
    tiers = list(case.network.tiers.filter(active=True))
    context = {
        "members": members,
        "form": form or TeamMemberForm(case=case),
        # team tiers, in a network that has them: the chosen one, its history and the choice
        "tiers": tiers,
        "tier": case.team_tier,
        "tier_choices": case.tier_choices.select_related("tier", "chosen_by"),
        "may_choose_tier": bool(tiers)
        and actions.lead_role(case, request.user) in states.CASE_LEADS,
        "tier_form": tier_form or TierForm(network=case.network, initial={"version": case.version}),
    }
    return render_file_page(request, case, decision, "team", "cases/team.html", context, status)


@require_POST
@on_case(Action.EDIT)
def choose_tier(request, case, decision):
    return submit(
        request,
        TierForm(request.POST, network=case.network),
        lambda data: actions.choose_tier(case, actor=request.user, **data),
        success=_("Het team is gekozen."),
        done=reverse("cases:team", args=[case.code]),
        rerender=lambda form, status: _team_page(
            request, case, decision, status=status, tier_form=form
        ),
        current_version=lambda: type(case).objects.get(pk=case.pk).version,
    )


@require_POST
@on_case(Action.EDIT)
def add_member(request, case, decision):
    form = TeamMemberForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.add_team_member(case, actor=request.user, **form.cleaned_data)
        except PermissionDenied:
            form.add_error(None, _("Alleen de coördinator van dit traject stelt het team samen."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het team is bijgewerkt."))
            return redirect("cases:team", code=case.code)
    return _team_page(request, case, decision, form=form, status=400)


@require_POST
@on_case(Action.EDIT)
def end_member(request, case, decision):
    member = get_object_or_404(TeamMember, pk=posted_id(request, "member"), case=case)
    try:
        actions.end_team_membership(member, actor=request.user)
    except PermissionDenied:
        messages.error(request, _("Alleen de coördinator van dit traject stelt het team samen."))
    else:
        messages.success(request, _("Het team is bijgewerkt."))
    return redirect("cases:team", code=case.code)


@on_case(Action.VIEW)
def consents(request, case, decision):
    return consents_page(request, case, decision)


def consents_page(request, case, decision, form=None, status=200, bound=None, custody_form=None):
    """The consents with who gave each and what is still missing, and each guardian's custody
    history. `bound` is a (kind, consent id, form) that came back with an error."""
    child = case.child
    guardians = list(
        child.guardians.order_by("pk").prefetch_related(
            Prefetch(
                "custody_changes",
                queryset=CustodyChange.objects.select_related("recorded_by"),
            )
        )
    )
    context = {
        "rows": consent_rows(case, guardians, bound, request.user),
        "form": form or ConsentForm(case=case),
        "withdraw_form": WithdrawForm(case=case),
        "guardians": guardians,
        "custody_form": custody_form or CustodyChangeForm(child=child),
        # the casemanager or coordinator on the case records custody changes
        "may_record_custody": actions.lead_role(case, request.user)
        in (TeamRole.COORDINATOR, TeamRole.CASEMANAGER),
    }
    return render_file_page(
        request, case, decision, "consent", "cases/consents.html", context, status
    )


def consent_rows(case, guardians, bound=None, viewer=None) -> list[dict]:
    """Each consent of the child with its givings and what is still missing: three queries
    whatever the number of consents (the consents, their givings, nothing per row)."""
    child = case.child
    custodians = [g for g in guardians if g.has_custody]
    by_pk = {g.pk: g for g in guardians}
    today = timezone.localdate()
    consents = (
        Consent.objects.filter(child=child)
        .select_related("organisation", "withdrawn_by", "child_asked_by")
        .prefetch_related(
            Prefetch("givings", queryset=ConsentGiving.objects.select_related("recorded_by"))
        )
        .order_by("withdrawn_at", "-given_on", "-pk")
    )
    child_asked = child_is_asked(child, today)
    rows = []
    for consent in consents:
        consent.child, consent.network = child, case.network
        for giving in consent.givings.all():
            giving.guardian = by_pk[giving.guardian_id]
        state = completeness(consent, custodians, today)
        ended = consent.ends_on is not None and consent.ends_on < today
        open_ = consent.withdrawn_at is None and not ended
        kind, pk, bound_form = bound or (None, None, None)
        rows.append(
            {
                "consent": consent,
                "givings": [
                    {"giving": g, "lapsed": not g.guardian.has_custody}
                    for g in consent.givings.all()
                ],
                "state": state,
                "ended": ended,
                "open": open_,
                "in_force": open_ and consent.given_on <= today and state.complete,
                "child_asked": child_asked and open_,
                "giving_form": bound_form
                if kind == "giving" and pk == consent.pk
                else GuardianConsentForm(
                    case=case,
                    prefix=f"c{consent.pk}",
                    initial={"guardian": state.missing[0].pk if state.missing else None},
                ),
                "answer_form": bound_form
                if kind == "answer" and pk == consent.pk
                else ChildAnswerForm(case=case, prefix=f"a{consent.pk}"),
            }
        )
    return rows


@require_POST
@on_case(Action.EDIT)
def give_consent(request, case, decision):
    form = ConsentForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.record_consent(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("cases:consents", code=case.code)
    return consents_page(request, case, decision, form=form, status=400)


@require_POST
@on_case(Action.EDIT)
def withdraw_consent(request, case, decision):
    consent = get_object_or_404(Consent, pk=posted_id(request, "consent"), child=case.child)
    form = WithdrawForm(request.POST, case=case)
    if form.is_valid():
        actions.withdraw_consent(
            case, consent, actor=request.user, withdrawn_by=form.cleaned_data["withdrawn_by"]
        )
        messages.success(request, _("De toestemming is ingetrokken. Er wordt niets meer gedeeld."))
    else:
        messages.error(request, _("Kies wie de toestemming intrekt."))
    return redirect("cases:consents", code=case.code)


@require_POST
@on_case(Action.EDIT)
def give_guardian_consent(request, case, decision):
    """A guardian whose giving was missing gave it: recorded on the existing consent."""
    consent = get_object_or_404(Consent, pk=posted_id(request, "consent"), child=case.child)
    form = GuardianConsentForm(request.POST, case=case, prefix=f"c{consent.pk}")
    if form.is_valid():
        try:
            actions.record_guardian_consent(
                case,
                consent,
                actor=request.user,
                guardian=form.cleaned_data["guardian"],
                given_on=form.cleaned_data["given_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("cases:consents", code=case.code)
    return consents_page(request, case, decision, status=400, bound=("giving", consent.pk, form))


@require_POST
@on_case(Action.EDIT)
def child_answer(request, case, decision):
    """The child's own say on a consent."""
    consent = get_object_or_404(Consent, pk=posted_id(request, "consent"), child=case.child)
    form = ChildAnswerForm(request.POST, case=case, prefix=f"a{consent.pk}")
    if form.is_valid():
        try:
            actions.record_child_answer(
                case,
                consent,
                actor=request.user,
                answer=form.cleaned_data["answer"],
                asked_on=form.cleaned_data["asked_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het antwoord van het kind is vastgelegd."))
            return redirect("cases:consents", code=case.code)
    return consents_page(request, case, decision, status=400, bound=("answer", consent.pk, form))


def posted_id(request, name: str) -> int:
    """Rows inside a file are named in the form body, never in the URL. A body without a
    well-formed id is a malformed request (400); a well-formed id of no row of this case, 404."""
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        raise BadRequest from None


@on_case(Action.VIEW)
def intake(request, case, decision):
    return _intake_page(request, case, decision)


def _intake_page(request, case, decision, form=None, status=200, finding_form=None):
    record = Intake.objects.filter(case=case).first() or Intake(case=case)
    goals = list(case.goals.all())
    form = form or IntakeForm(
        case=case,
        initial={
            "home_visit_on": record.home_visit_on,
            "question": record.question,
            "observations": record.observations,
            "trajectory_explained": record.trajectory_explained,
            "goals": "\n".join(goal.text for goal in goals),
            "version": record.version,
        },
    )
    context = {
        "intake": record,
        "goals": goals,
        "form": form,
        "known": known_before(case),
        "finding_form": finding_form or EarlierFindingForm(case=case),
    }
    return render_file_page(request, case, decision, "intake", "cases/intake.html", context, status)


@require_POST
@on_case(Action.EDIT)
def add_earlier_finding(request, case, decision):
    return submit(
        request,
        EarlierFindingForm(request.POST, case=case),
        lambda data: actions.record_earlier_finding(case, actor=request.user, **data),
        success=_("Het eerdere onderzoek staat in het dossier."),
        done=reverse("cases:intake", args=[case.code]) + "#eerder-onderzoek",
        rerender=lambda form, status: _intake_page(
            request, case, decision, status=status, finding_form=form
        ),
    )


@require_POST
@on_case(Action.EDIT)
def save_intake(request, case, decision):
    form = IntakeForm(request.POST, case=case)
    return submit(
        request,
        form,
        lambda data: actions.save_intake(
            case,
            actor=request.user,
            version=data["version"],
            home_visit_on=data["home_visit_on"],
            question=data["question"],
            observations=data["observations"],
            trajectory_explained=data["trajectory_explained"],
            goals=form.goal_lines(),
        ),
        success=_("De intake is opgeslagen."),
        done=reverse("cases:intake", args=[case.code]),
        rerender=lambda form, status: _intake_page(request, case, decision, form, status),
        current_version=lambda: Intake.objects.get(case=case).version,
    )


@on_case(Action.VIEW)
def information(request, case, decision):
    return _information_page(request, case, decision)


def _information_page(
    request, case, decision, request_form=None, document_form=None, status=200, typed=None
):
    documents = readable_items(
        decision,
        case.child,
        case.documents.select_related("source_organisation", "uploaded_by"),
    )
    today = timezone.localdate()
    requests = list(case.information_requests.select_related("organisation"))
    for info in requests:
        info.overdue = info.is_overdue(today)
    context = {
        "requests": requests,
        "documents": documents,
        "request_form": request_form or InformationRequestForm(case=case),
        "answer_form": AnswerForm(case=case),
        "document_form": document_form or DocumentForm(case=case),
        "today": today,
        "typed": typed or {},
    }
    return render_file_page(
        request, case, decision, "information", "cases/information.html", context, status
    )


@require_POST
@on_case(Action.EDIT)
def request_information(request, case, decision):
    form = InformationRequestForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.request_information(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het informatieverzoek is vastgelegd."))
            return redirect("cases:information", code=case.code)
    return _information_page(request, case, decision, request_form=form, status=400)


@require_POST
@on_case(Action.EDIT)
def answer_request(request, case, decision):
    info = get_object_or_404(InformationRequest, pk=posted_id(request, "request"), case=case)
    form = AnswerForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.answer_information_request(info, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het antwoord is vastgelegd."))
            return redirect("cases:information", code=case.code)
    typed = _typed_in_row(form, info.pk, _("Kies het antwoord en de datum."))
    return _information_page(request, case, decision, status=400, typed=typed)


@require_POST
@on_case(Action.EDIT)
def upload_document(request, case, decision):
    form = DocumentForm(request.POST, request.FILES, case=case)
    if form.is_valid():
        try:
            actions.add_document(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("upload", error)
        else:
            messages.success(request, _("Het document is toegevoegd."))
            return redirect("cases:information", code=case.code)
    return _information_page(request, case, decision, document_form=form, status=400)


@on_case(Action.VIEW)
def download_document(request, case, decision, document_code):
    document = get_object_or_404(Document, code=document_code, case=case)
    item_decision = decide(request.user, Action.VIEW, case.child, document)
    if not item_decision:
        raise Http404
    record_all([event_for(request.user, item_decision, AuditAction.READ, case.child, document)])
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{slugify(document.title) or 'document'}{_extension(document)}",
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "video/mp4": ".mp4",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def _extension(document) -> str:
    return EXTENSIONS.get(document.content_type, "")


@on_case(Action.VIEW)
def execution(request, case, decision):
    return _execution_page(request, case, decision)


def _execution_page(
    request, case, decision, forms=None, status=200, typed=None, support_typed=None
):
    forms = forms or {}
    time_spent = list(case.time_spent.select_related("by", "organisation"))
    context = {
        "contacts": case.contacts.select_related("by"),
        "referrals": case.referrals_out.select_related("organisation", "social_map_entry"),
        "supports": case.family_support.select_related("social_map_entry"),
        "contact_form": forms.get("contact") or ContactRecordForm(case=case),
        "referral_form": forms.get("referral") or ReferralOutForm(case=case),
        "support_form": forms.get("support") or FamilySupportForm(case=case),
        "placement_form": PlacementForm(case=case),
        "time_spent": time_spent,
        "hours": against_budget(time_spent, case.network.hours_budget),
        "time_form": forms.get("time") or TimeSpentForm(case=case),
        "typed": typed or {},
        "support_typed": support_typed or {},
        "support_responses": SupportResponse.choices,
    }
    return render_file_page(
        request, case, decision, "execution", "cases/execution.html", context, status
    )


def _execution_post(request, case, decision, form, key, apply, success):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("cases:execution", args=[case.code]),
        rerender=lambda form, status: _execution_page(
            request, case, decision, forms={key: form}, status=status
        ),
    )


@require_POST
@on_case(Action.EDIT)
def add_contact(request, case, decision):
    return _execution_post(
        request,
        case,
        decision,
        ContactRecordForm(request.POST, case=case),
        "contact",
        lambda data: actions.record_contact(case, actor=request.user, **data),
        _("Het contact is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def add_time(request, case, decision):
    return _execution_post(
        request,
        case,
        decision,
        TimeSpentForm(request.POST, case=case),
        "time",
        lambda data: actions.record_time(case, actor=request.user, **data),
        _("De uren zijn vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def add_referral(request, case, decision):
    return _execution_post(
        request,
        case,
        decision,
        ReferralOutForm(request.POST, case=case),
        "referral",
        lambda data: actions.refer_out(case, actor=request.user, **data),
        _("De verwijzing is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def record_placement(request, case, decision):
    referral = get_object_or_404(case.referrals_out, pk=posted_id(request, "referral"))
    form = PlacementForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.record_placement(referral, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De terugkoppeling is vastgelegd."))
            return redirect("cases:execution", code=case.code)
    typed = _typed_in_row(form, referral.pk, _("Kies of er een plaatsing is."))
    return _execution_page(request, case, decision, status=400, typed=typed)


def _typed_in_row(form, row: int, fallback: str) -> dict:
    """A refused small form in a table row: the page comes back with what was typed in that row
    and the reasons (a date's window, the action's message), or `fallback` for a missing field."""
    reasons = [
        message
        for errors in form.errors.as_data().values()
        for error in errors
        if error.code in ("implausible_date", None)
        for message in error.messages
    ]
    return {"row": row, "values": form.data, "errors": reasons or [fallback]}


@require_POST
@on_case(Action.EDIT)
def answer_support(request, case, decision):
    support = get_object_or_404(case.family_support, pk=posted_id(request, "support"))
    try:
        actions.record_support_answer(
            support, actor=request.user, response=request.POST.get("response", "")
        )
    except ValidationError as error:
        typed = {"row": support.pk, "values": request.POST, "errors": error.messages}
        return _execution_page(request, case, decision, status=400, support_typed=typed)
    messages.success(request, _("Het antwoord van de ouders is vastgelegd."))
    return redirect(reverse("cases:execution", args=[case.code]) + "#ondersteuning")


@require_POST
@on_case(Action.EDIT)
def add_support(request, case, decision):
    return _execution_post(
        request,
        case,
        decision,
        FamilySupportForm(request.POST, case=case),
        "support",
        lambda data: actions.offer_family_support(case, actor=request.user, **data),
        _("Het aanbod is vastgelegd."),
    )


@on_case(Action.VIEW)
def closing(request, case, decision):
    return _closing_page(request, case, decision)


def _closing_page(request, case, decision, form=None, status=200):
    goals = list(case.goals.all())
    context = {
        "closures": case.closures.select_related("closed_by"),
        "goals": goals,
        "can_close": states.is_open(case.phase)
        and states.can_move(case.phase, states.Phase.CLOSED, actions.lead_role(case, request.user)),
        "form": form
        or ClosingForm(
            goals=goals,
            schools=actions.schools_to_inform(case),
            initial={"version": case.version},
        ),
        "referrer_to_inform": actions.referrer_to_inform(case),
        "referrer_without_consent": actions.referrer_without_consent(case),
    }
    return render_file_page(
        request, case, decision, "closing", "cases/closing.html", context, status
    )


@require_POST
@on_case(Action.EDIT)
def close(request, case, decision):
    form = ClosingForm(
        request.POST, goals=case.goals.all(), schools=actions.schools_to_inform(case)
    )
    return submit(
        request,
        form,
        lambda data: actions.close_case(
            case,
            actor=request.user,
            version=data["version"],
            reason=data["reason"],
            stopped_early_reason=data["stopped_early_reason"],
            problem_reduction=data["problem_reduction"],
            goal_realisations=form.goal_realisations(),
            school=data["school"],
        ),
        success=_("Het traject is afgesloten."),
        done=reverse("cases:closing", args=[case.code]),
        rerender=lambda form, status: _closing_page(request, case, decision, form, status),
        current_version=lambda: type(case).objects.get(pk=case.pk).version,
    )
