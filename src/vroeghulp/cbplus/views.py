"""CB-plus pages: the consults a user may read, a new consult, one consult, and its report.

Who may do what is decided in `access.policy.decide_consult`; every read of a consult is logged.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import consult_listing_events, event_for
from vroeghulp.access.decorators import on_consult, signed_in, with_role
from vroeghulp.access.policy import (
    CONSULT_PARTICIPANT_ROLES,
    Action,
    may_also,
    may_start_consults,
)
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.concurrency import STALE_MESSAGE, StaleVersionError, submit
from vroeghulp.networks.models import Municipality, Organisation
from vroeghulp.paging import rows_of_page
from vroeghulp.pdf_pages import html_to_pdf

from . import actions
from .forms import AdviceForm, ConsultForm, FindingForm, ParticipantForm, RegisterForm
from .models import Consult, Participant
from .queries import children_for_consult, consult_rows

PER_PAGE = 25
# The consult page holds four forms: each its own element ids, so every label finds its field.
PARTICIPANT_IDS, FINDING_IDS, ADVICE_IDS, REGISTER_IDS = (
    "deelnemer_%s",
    "bevinding_%s",
    "advies_%s",
    "aanmelden_%s",
)


@signed_in
def consult_list(request):
    """The consults the user may read (their clinic's, those they took part in, and those that
    led to a registration they may see), a page at a time."""
    consults, page, in_all = rows_of_page(
        consult_rows(request.user), PER_PAGE, request.GET.get("pagina")
    )
    record_all(consult_listing_events(request.user, consults, "cbplus_list"))
    context = {
        "consults": consults,
        "page": {
            "first": (page - 1) * PER_PAGE + 1,
            "last": (page - 1) * PER_PAGE + len(consults),
            "of": in_all,
            "previous": page - 1,
            "next": page + 1 if page * PER_PAGE < in_all else 0,
        },
        "may_start": bool(may_start_consults(request.user)),
    }
    return render(request, "cbplus/list.html", context)


def _consult_form(request, data=None) -> ConsultForm:
    # One network at a time: its clinics, its children, its municipalities.
    memberships = may_start_consults(request.user)
    network_id = min(m.network_id for m in memberships) if memberships else None
    memberships = [m for m in memberships if m.network_id == network_id]
    return ConsultForm(
        data,
        organisations=Organisation.objects.filter(
            pk__in=[m.organisation_id for m in memberships]
        ).order_by("name"),
        children=children_for_consult(request.user, network_id),
        municipalities=Municipality.objects.filter(network_id=network_id),
    )


@with_role(Role.CBPLUS)
def new_consult(request):
    if not may_start_consults(request.user):
        raise Http404
    form = _consult_form(request, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                consult = actions.start_consult(
                    form.cleaned_data["organisation"],
                    actor=request.user,
                    **form.action_arguments(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied as error:
                raise Http404 from error
            else:
                messages.success(request, _("Het consult is vastgelegd."))
                return redirect("cbplus:detail", code=consult.code)
    return render(request, "cbplus/new.html", {"form": form}, status=status)


def _colleagues(consult: Consult):
    return (
        User.objects.filter(
            memberships__network_id=consult.network_id,
            memberships__is_active=True,
            memberships__role__in=CONSULT_PARTICIPANT_ROLES,
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )


def _loaded(consult: Consult) -> Consult:
    return (
        Consult.objects.select_related(
            "child", "organisation", "network", "registration", "concluded_by"
        )
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.all()),
            "findings__author",
        )
        .get(pk=consult.pk)
    )


def _render_detail(request, consult, decision, *, status=200, **forms):
    consult = _loaded(consult)
    editable = may_also(decision, Action.EDIT) and not consult.is_concluded
    can_register = (
        may_also(decision, Action.EDIT) and consult.is_concluded and consult.registration_id is None
    )
    shown = {
        "participant_form": editable,
        "finding_form": editable,
        "advice_form": editable,
        "register_form": can_register,
    }
    version = {"version": consult.version}
    context = {
        "consult": consult,
        "participants": list(consult.participants.all()),
        "findings": list(consult.findings.all()),
        "can_edit": editable,
        "can_print": may_also(decision, Action.PRINT),
        "can_register": can_register,
        "participant_form": forms.get("participant_form")
        or ParticipantForm(colleagues=_colleagues(consult), auto_id=PARTICIPANT_IDS),
        "finding_form": forms.get("finding_form") or FindingForm(auto_id=FINDING_IDS),
        "advice_form": forms.get("advice_form")
        or AdviceForm(initial={**version, "advice": consult.advice}, auto_id=ADVICE_IDS),
        "register_form": forms.get("register_form")
        or RegisterForm(initial=version, auto_id=REGISTER_IDS),
        # a form the page no longer shows (the consult changed meanwhile): its message
        "refusals": [
            error
            for name, form in forms.items()
            if not shown[name]
            for error in form.non_field_errors()
        ],
    }
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.READ, consult.child, consult, {"view": "cbplus"}
            )
        ]
    )
    return render(request, "cbplus/detail.html", context, status=status)


@on_consult(Action.VIEW)
def detail(request, consult, decision):
    return _render_detail(request, consult, decision)


def _post(request, consult, decision, form, form_name, apply, success):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("cbplus:detail", args=[consult.code]),
        rerender=lambda form, status: _render_detail(
            request, consult, decision, status=status, **{form_name: form}
        ),
        current_version=lambda: Consult.objects.get(pk=consult.pk).version,
    )


@require_POST
@on_consult(Action.EDIT)
def add_participant(request, consult, decision):
    return _post(
        request,
        consult,
        decision,
        ParticipantForm(request.POST, colleagues=_colleagues(consult), auto_id=PARTICIPANT_IDS),
        "participant_form",
        lambda data: actions.add_participant(consult, actor=request.user, **data),
        _("De deelnemer is toegevoegd."),
    )


@require_POST
@on_consult(Action.EDIT)
def add_finding(request, consult, decision):
    return _post(
        request,
        consult,
        decision,
        FindingForm(request.POST, auto_id=FINDING_IDS),
        "finding_form",
        lambda data: actions.add_finding(consult, actor=request.user, **data),
        _("De bevindingen zijn opgeslagen."),
    )


@require_POST
@on_consult(Action.EDIT)
def save_advice(request, consult, decision):
    conclude = request.POST.get("conclude") == "1"
    return _post(
        request,
        consult,
        decision,
        AdviceForm(request.POST, auto_id=ADVICE_IDS),
        "advice_form",
        lambda data: actions.save_advice(consult, actor=request.user, conclude=conclude, **data),
        _("Het consult is afgerond.") if conclude else _("Het advies is opgeslagen."),
    )


@require_POST
@on_consult(Action.EDIT)
def register(request, consult, decision):
    """'Aanmelden bij IVH': the registration carries the findings; the coordinator triages it."""
    form = RegisterForm(request.POST, auto_id=REGISTER_IDS)
    if form.is_valid():
        try:
            actions.register_with_ivh(consult, actor=request.user, **form.cleaned_data)
        except StaleVersionError:
            form.add_error(None, STALE_MESSAGE)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Aangemeld bij Integrale Vroeghulp: de coördinator neemt contact op met de "
                    "ouders."
                ),
            )
            return redirect("cbplus:detail", code=consult.code)
    return _render_detail(request, consult, decision, status=400, register_form=form)


def _report_html(consult) -> str:
    consult = _loaded(consult)
    return render_to_string(
        "cbplus/report_document.html",
        {
            "consult": consult,
            "participants": list(consult.participants.all()),
            "findings": list(consult.findings.all()),
        },
    )


@on_consult(Action.PRINT)
def report(request, consult, decision):
    """The report to the parents and the clinic, as a page to print: logged as a print."""
    record_all(
        [
            event_for(
                request.user,
                decision,
                AuditAction.PRINT,
                consult.child,
                consult,
                {"format": "html", "view": "cbplus_report"},
            )
        ]
    )
    response = HttpResponse(_report_html(consult))
    response["Cache-Control"] = "private, no-store"
    return response


@on_consult(Action.PRINT)
def report_pdf(request, consult, decision):
    record_all(
        [
            event_for(
                request.user,
                decision,
                AuditAction.PRINT,
                consult.child,
                consult,
                {"format": "pdf", "view": "cbplus_report"},
            )
        ]
    )
    response = HttpResponse(html_to_pdf(_report_html(consult)), "application/pdf")
    response["Content-Disposition"] = 'attachment; filename="cb-plus-verslag.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
