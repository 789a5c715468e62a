"""The parents' portal: log in with a code, see where things stand, decide and react."""

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import event_for, parent_events
from vroeghulp.access.decorators import as_parent, on_case, parent_signed_in, public
from vroeghulp.access.policy import Action
from vroeghulp.access.queries import cases_of_guardian
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import record_all
from vroeghulp.cases.file_views import posted_id, render_file_page
from vroeghulp.children.corrected_age import age_of
from vroeghulp.children.models import Guardian
from vroeghulp.concurrency import submit
from vroeghulp.consent.completeness import completeness
from vroeghulp.consent.models import Consent
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.meetings.parts import discussions_for_parents
from vroeghulp.plans import pdf as plan_pdf_module
from vroeghulp.plans.models import PlanItem, PlanVersion

from . import actions, data_export, login_codes, oidc
from .forms import (
    AnswerDataRequestForm,
    AttendanceForm,
    CodeForm,
    ContactDetailsForm,
    DataRequestForm,
    EmailForm,
    GiveConsentForm,
    MessageForm,
    ParentUploadForm,
    ReactionForm,
    SatisfactionForm,
    WhoLookedFilter,
)
from .models import DataRequest, DataRequestOutcome, SatisfactionQuestion
from .overview import PHASE_WORDS, appointments, contact_person
from .pending_confirmation import pending_confirmation
from .pending_invitation import accept_pending, pending_invitation


@public
def login_start(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        request.session[login_codes.SESSION_EMAIL] = email
        response = redirect("portal:login_code")
        # Looked up and sent once the answer is out, so a known address answers no slower.
        address, language = request.META.get("REMOTE_ADDR"), translation.get_language()
        response._resource_closers.append(
            lambda: login_codes.send_code(email, client_address=address, language=language)
        )
        return response
    provider = settings.OIDC_PROVIDER_NAME if oidc.enabled() else ""
    return render(request, "portal/login.html", {"form": form, "oidc_provider": provider})


@public
def login_code(request):
    email = request.session.get(login_codes.SESSION_EMAIL)
    if not email:
        return redirect("portal:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Arriving through an invitation or a pre-registration to confirm, the address may
        # not have an account yet: the code sent there made one that opens nothing by itself.
        confirming = pending_confirmation(request) is not None
        invited = pending_invitation(request) is not None or confirming
        user = login_codes.check_code(email, form.cleaned_data["code"], invited=invited)
        if user is not None:
            try:
                accept_pending(request, user)
            except (ValidationError, PermissionDenied):
                form.add_error(None, _("Deze uitnodiging is niet (meer) geldig."))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                if confirming:
                    return redirect("portal:confirm_registration")
                return redirect("portal:home")
        else:
            form.add_error(
                "code", _("Deze code klopt niet of is verlopen. Vraag een nieuwe code aan.")
            )
    return render(request, "portal/login_code.html", {"form": form})


@parent_signed_in
def home(request):
    cases = list(cases_of_guardian(request.user).select_related("child").order_by("-opened_at"))
    if len(cases) == 1:
        return redirect("portal:child", code=cases[0].code)
    record_all(parent_events(request.user, cases, "portal_home"))
    return render(request, "portal/home.html", {"cases": cases})


def _questionnaire(case):
    """The closing questionnaire, when the trajectory is closed and it was not answered yet."""
    if not actions.questionnaire_open(case):
        return None
    questions = SatisfactionQuestion.objects.filter(network=case.network, active=True)
    if not questions:
        return None
    return SatisfactionForm(questions=questions)


def _child_page(
    request,
    case,
    decision,
    reaction_form=None,
    status=200,
    message_form=None,
    satisfaction_form=None,
    request_form=None,
    upload_form=None,
    consent_form=None,
):
    record_all(
        [event_for(request.user, decision, AuditAction.READ, case.child, case, {"view": "portal"})]
    )
    now, next_step = PHASE_WORDS[case.phase]
    versions = list(
        PlanVersion.objects.filter(plan__case=case).prefetch_related("reactions__guardian")
    )
    context = {
        "case": case,
        "child": case.child,
        "age": age_of(case.child, network=case.network),
        "now": now,
        "next_step": next_step,
        "contact": contact_person(case),
        "appointments": appointments(case),
        "events": case.events.filter(professional_only=False).select_related("actor")[:50],
        "versions": versions,
        # what happens with each advice, once the parents have the plan
        "plan_items": _plan_items(case) if versions else [],
        "consents": _own_consents(case, decision.guardian),
        "reaction_form": reaction_form or ReactionForm(),
        "messages_list": case.messages.select_related("sender"),
        "message_form": message_form or MessageForm(),
        "questionnaire": satisfaction_form or _questionnaire(case),
        "meetings": _upcoming_meetings(case),
        "discussions": discussions_for_parents(case),
        "attendance_form": AttendanceForm(),
        "data_requests": case.data_requests.all(),
        "request_form": request_form or DataRequestForm(),
        "consent_form": consent_form or GiveConsentForm(network=case.network),
        **_uploads_context(case, request.user, upload_form),
    }
    return render(request, "portal/child.html", context, status=status)


def _own_consents(case, me) -> list[dict]:
    """Each consent as this guardian sees it: what they gave, what the other guardian gave, and
    from whom it is still missing."""
    child = case.child
    guardians = {g.pk: g for g in child.guardians.order_by("pk")}
    custodians = [g for g in guardians.values() if g.has_custody]
    today = timezone.localdate()
    rows = []
    consents = (
        Consent.objects.filter(child=child)
        .select_related("organisation", "withdrawn_by")
        .prefetch_related("givings")
        .order_by("withdrawn_at", "-given_on", "-pk")
    )
    for consent in consents:
        consent.child, consent.network = child, case.network
        givings = list(consent.givings.all())
        for giving in givings:
            giving.guardian = guardians[giving.guardian_id]
        state = completeness(consent, custodians, today)
        mine = next((g for g in givings if g.guardian_id == me.pk), None)
        open_ = consent.withdrawn_at is None and not (
            consent.ends_on is not None and consent.ends_on < today
        )
        rows.append(
            {
                "consent": consent,
                "me": me.pk,
                "mine": mine,
                "others": [g for g in givings if g.guardian_id != me.pk],
                "state": state,
                "open": open_,
                "in_force": open_ and state.complete,
                "i_am_missing": open_ and any(g.pk == me.pk for g in state.missing),
                "may_withdraw": open_ and mine is not None,
            }
        )
    return rows


def _plan_items(case) -> list[dict]:
    """The advice items as they stand now, in the plan's order: only what a parent reads (the
    responsible professional's name, nothing more of them)."""
    return [
        {
            "advice": item.advice,
            "status": item.get_status_display(),
            "since": item.status_changed_at,
            "due_on": item.due_on,
            "responsible": item.responsible.full_name if item.responsible else "",
        }
        for item in PlanItem.objects.filter(plan__case=case).select_related("responsible")
    ]


def _upcoming_meetings(case):
    return AgendaItem.objects.filter(
        case=case, discussed_at__isnull=True, meeting__starts_at__gt=timezone.now()
    ).select_related("meeting")


@as_parent(Action.VIEW)
def child(request, case, decision):
    return _child_page(request, case, decision)


@require_POST
@as_parent(Action.CONTRIBUTE)
def give_consent(request, case, decision):
    return submit(
        request,
        GiveConsentForm(request.POST, network=case.network),
        lambda data: actions.give_own_consent(case, user=request.user, **data),
        success=_("Dank u wel. Uw toestemming geldt vanaf vandaag."),
        done=reverse("portal:child", args=[case.code]) + "#toestemming",
        rerender=lambda form, status: _child_page(
            request, case, decision, status=status, consent_form=form
        ),
    )


@require_POST
@as_parent(Action.CONTRIBUTE)
def withdraw_consent(request, case, decision):
    """Asks once more ("Weet u het zeker?", saying what withdrawing means); only the confirmed
    request withdraws."""
    consent = get_object_or_404(
        Consent.objects.select_related("organisation"),
        pk=posted_id(request, "consent"),
        child=case.child,
    )
    if request.POST.get("confirmed") != "yes":
        record_all(
            [
                event_for(
                    request.user,
                    decision,
                    AuditAction.READ,
                    case.child,
                    consent,
                    {"view": "portal-withdraw-confirm"},
                )
            ]
        )
        context = {"case": case, "child": case.child, "consent": consent}
        return render(request, "portal/withdraw_consent.html", context)
    try:
        actions.withdraw_own_consent(consent, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Uw toestemming is ingetrokken. Vanaf nu wordt hier niets meer mee gedeeld."),
        )
    return redirect(reverse("portal:child", args=[case.code]) + "#toestemming")


@require_POST
@as_parent(Action.CONTRIBUTE)
def react(request, case, decision, version_code):
    version = get_object_or_404(PlanVersion, code=version_code, plan__case=case)
    return submit(
        request,
        ReactionForm(request.POST),
        lambda data: actions.react_to_plan(version, user=request.user, **data),
        success=_("Dank u wel. Uw reactie is doorgegeven aan uw contactpersoon."),
        done=reverse("portal:child", args=[case.code]),
        rerender=lambda form, status: _child_page(request, case, decision, form, status),
    )


@as_parent(Action.PRINT)
def plan_pdf(request, case, decision, version_code):
    version = get_object_or_404(PlanVersion, code=version_code, plan__case=case)
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.PRINT, case.child, version, {"format": "pdf"}
            )
        ]
    )
    filename = f"adviesplan-versie-{version.number}.pdf"
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:  # the issued document itself
        return FileResponse(
            version.pdf.open("rb"), content_type="application/pdf", filename=filename
        )
    pdf = plan_pdf_module.render_pdf(
        version.content, version.number, case.network, language=language
    )
    return FileResponse(io.BytesIO(pdf), content_type="application/pdf", filename=filename)


@as_parent(Action.VIEW)
def plan_page(request, case, decision, version_code):
    """The plan as a web page, for reading on a phone; the same content as the PDF."""
    version = get_object_or_404(PlanVersion, code=version_code, plan__case=case)
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.READ, case.child, version, {"view": "portal"}
            )
        ]
    )
    network = case.network
    logo = reverse("networks:logo", args=[network.slug]) if network.logo else ""
    html = plan_pdf_module.render_html(
        version.content,
        version.number,
        for_print_page=True,
        logo_src=logo,
        back_url=reverse("portal:child", args=[case.code]),
    )
    response = HttpResponse(html)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@as_parent(Action.CONTRIBUTE)
def attend(request, case, decision):
    item = get_object_or_404(_upcoming_meetings(case), pk=posted_id(request, "item"))
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of u wel of niet komt."))
        return redirect("portal:child", code=case.code)
    try:
        actions.choose_meeting_attendance(item, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Dank u wel. Uw keuze is doorgegeven aan het team."))
    return redirect("portal:child", code=case.code)


def _uploads_context(case, user, form=None) -> dict:
    return {
        "uploads": case.documents.filter(uploaded_by=user, source_organisation__isnull=True),
        "upload_form": form or ParentUploadForm(),
        "upload_limit_mb": settings.UPLOAD_MAX_MB,
    }


@require_POST
@as_parent(Action.CONTRIBUTE)
def upload(request, case, decision):
    """Sent with htmx (progress bar, the section swapped in place) or as a plain form post."""
    form = ParentUploadForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        try:
            actions.upload_as_parent(
                case,
                user=request.user,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            status = 200
            if not request.headers.get("HX-Request"):
                messages.success(request, _("Dank u wel. Het bestand staat nu bij het team."))
                return redirect(reverse("portal:child", args=[case.code]) + "#bestanden")
    if not request.headers.get("HX-Request"):
        return _child_page(request, case, decision, status=status, upload_form=form)
    context = {"case": case, "saved": status == 200}
    context |= _uploads_context(case, request.user, None if status == 200 else form)
    return render(request, "portal/_uploads.html", context, status=status)


def _own_guardian(request, case):
    return get_object_or_404(Guardian, child=case.child, user=request.user)


@as_parent(Action.CONTRIBUTE)
def contact_details(request, case, decision):
    guardian = _own_guardian(request, case)
    if request.method != "POST":
        initial = {f: getattr(guardian, f) for f in (*actions.CONTACT_FIELDS, "version")}
        return _contact_page(request, case, decision, ContactDetailsForm(initial=initial))
    return submit(
        request,
        ContactDetailsForm(request.POST),
        lambda data: actions.correct_contact_details(guardian, user=request.user, **data),
        success=_("Uw gegevens zijn aangepast."),
        done=reverse("portal:child", args=[case.code]),
        rerender=lambda form, status: _contact_page(request, case, decision, form, status),
        current_version=lambda: _own_guardian(request, case).version,
    )


def _contact_page(request, case, decision, form, status=200):
    record_all(
        [event_for(request.user, decision, AuditAction.READ, case.child, case, {"view": "contact"})]
    )
    context = {"case": case, "child": case.child, "form": form}
    return render(request, "portal/contact_details.html", context, status=status)


@require_POST
@as_parent(Action.CONTRIBUTE)
def request_data_change(request, case, decision):
    return submit(
        request,
        DataRequestForm(request.POST),
        lambda data: actions.request_data_change(case, user=request.user, **data),
        success=_(
            "Uw verzoek is ontvangen. De coördinator antwoordt binnen een maand, "
            "hier in het portaal."
        ),
        done=reverse("portal:child", args=[case.code]) + "#rechten",
        rerender=lambda form, status: _child_page(
            request, case, decision, status=status, request_form=form
        ),
    )


@as_parent(Action.VIEW)
def who_looked(request, case, decision):
    """NEN 7513 for parents: who looked at the file, when, what, on what grounds; per day."""
    entries = AuditEntry.objects.filter(child_id=case.child_id).exclude(user_id=request.user.pk)
    period = WhoLookedFilter(request.GET or None)
    if period.is_valid():
        if period.cleaned_data["van"]:
            entries = entries.filter(timestamp__date__gte=period.cleaned_data["van"])
        if period.cleaned_data["tot"]:
            entries = entries.filter(timestamp__date__lte=period.cleaned_data["tot"])
    merged: dict = {}
    roles = {**dict(Role.choices), "parent": _("ouder")}
    for entry in entries.order_by("-timestamp")[:2000]:
        key = (
            entry.timestamp.date(),
            entry.organisation_label,
            entry.role,
            entry.user_label,
            entry.action,
            entry.grounds,
        )
        if key not in merged:
            merged[key] = {"entry": entry, "times": 0, "role": roles.get(entry.role, entry.role)}
        merged[key]["times"] += 1
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.READ, case.child, case, {"view": "who_looked"}
            )
        ]
    )
    context = {
        "case": case,
        "child": case.child,
        "rows": list(merged.values()),
        "form": period,
        "show_names": case.network.access_log_shows_names,
    }
    return render(request, "portal/who_looked.html", context)


@require_POST
@as_parent(Action.CONTRIBUTE)
def send_message(request, case, decision):
    return submit(
        request,
        MessageForm(request.POST),
        lambda data: actions.send_message_as_parent(case, user=request.user, **data),
        success=_("Uw bericht is verstuurd naar uw contactpersoon."),
        done=reverse("portal:child", args=[case.code]) + "#berichten",
        rerender=lambda form, status: _child_page(
            request, case, decision, message_form=form, status=status
        ),
    )


@on_case(Action.VIEW)
def case_messages(request, case, decision):
    return _messages_page(request, case, decision)


def _messages_page(request, case, decision, form=None, status=200, answer_form=None):
    context = {
        "messages_list": case.messages.select_related("sender"),
        "form": form or MessageForm(),
        "data_requests": case.data_requests.select_related("requested_by", "handled_by"),
        "answer_form": answer_form or AnswerDataRequestForm(),
        "may_answer": case.network_id in request.user.networks_with_role(Role.COORDINATOR),
    }
    return render_file_page(
        request, case, decision, "messages", "portal/case_messages.html", context, status
    )


@require_POST
@on_case(Action.EDIT)
def reply(request, case, decision):
    return submit(
        request,
        MessageForm(request.POST),
        lambda data: actions.reply_as_professional(case, actor=request.user, **data),
        success=_("Je bericht is verstuurd."),
        done=reverse("messages:case", args=[case.code]),
        rerender=lambda form, status: _messages_page(request, case, decision, form, status),
    )


@require_POST
@on_case(Action.EDIT)
def answer_data_request(request, case, decision):
    data_request = get_object_or_404(
        DataRequest, case=case, pk=posted_id(request, "request"), outcome=DataRequestOutcome.OPEN
    )
    return submit(
        request,
        AnswerDataRequestForm(request.POST),
        lambda data: actions.answer_data_request(data_request, actor=request.user, **data),
        success=_("Het antwoord staat nu in het portaal van de ouders."),
        done=reverse("messages:case", args=[case.code]),
        rerender=lambda form, status: _messages_page(
            request, case, decision, status=status, answer_form=form
        ),
    )


@as_parent(Action.EXPORT)
def download_data(request, case, decision):
    """All data about the child, machine-readable, with the plan PDFs (logged as an export)."""
    record_all(
        [
            event_for(
                request.user,
                decision,
                AuditAction.EXPORT,
                case.child,
                case,
                {"view": "data_export"},
            )
        ]
    )
    response = HttpResponse(data_export.archive(case.child), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="gegevens-van-mijn-kind.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@as_parent(Action.CONTRIBUTE)
def answer_questionnaire(request, case, decision):
    questions = SatisfactionQuestion.objects.filter(network=case.network, active=True)
    form = SatisfactionForm(request.POST, questions=questions)
    return submit(
        request,
        form,
        lambda data: actions.answer_satisfaction(case, user=request.user, scores=form.scores()),
        success=_("Dank u wel voor uw antwoorden."),
        done=reverse("portal:child", args=[case.code]),
        rerender=lambda form, status: _child_page(
            request, case, decision, status=status, satisfaction_form=form
        ),
    )
