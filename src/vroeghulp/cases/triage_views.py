"""The coordinator's registrations: the work list with callback deadlines, and triage."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import registration_listing_events
from vroeghulp.access.decorators import with_role
from vroeghulp.access.policy import Action, decide_registration
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.writer import record_all
from vroeghulp.children.constants import FamilyLinkKind
from vroeghulp.children.corrected_age import age_of_registration
from vroeghulp.children.models import gestation_text
from vroeghulp.concurrency import STALE_MESSAGE, StaleVersionError, submit
from vroeghulp.referrals import actions as referral_actions
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.deadlines import callback_state
from vroeghulp.referrals.forms import CallbackForm, DecisionForm, DeclineForm, default_callback_time
from vroeghulp.referrals.models import Registration

from . import actions
from .duplicates import candidates_for, family_candidates_for
from .models import Case

# The most recent registrations answered elsewhere, on the registrations page.
DECLINED_SHOWN = 50


def _row(registration, candidates) -> dict:
    return {
        "registration": registration,
        "age": age_of_registration(registration),
        "gestation": gestation_text(
            registration.child_gestational_age_weeks, registration.child_gestational_age_days
        ),
        "deadline": callback_state(registration.callback_due_on, registration.called_back_at),
        "candidates": candidates.get(registration.pk, []),
    }


@with_role(Role.COORDINATOR)
def registrations(request):
    networks = request.user.networks_with_role(Role.COORDINATOR)
    waiting = list(
        Registration.objects.filter(network_id__in=networks, status=Status.NEW)
        .select_related("municipality", "network")
        .order_by("callback_due_on", "received_at")[:200]
    )
    unconfirmed = list(
        Registration.objects.filter(network_id__in=networks, status=Status.AWAITING_CONFIRMATION)
        .select_related("referrer_organisation")
        .order_by("received_at")[:200]
    )
    declined = list(
        Registration.objects.filter(network_id__in=networks, status=Status.DECLINED)
        .only("code", "child_given_name", "child_family_name", "triaged_at", "decline_reason")
        .order_by("-triaged_at")[:DECLINED_SHOWN]
    )
    candidates = candidates_for(waiting)
    _log_reads(request.user, waiting + unconfirmed + declined, "registrations")
    context = {
        "rows": [_row(r, candidates) for r in waiting],
        "unconfirmed": unconfirmed,
        "declined": declined,
    }
    return render(request, "cases/registrations.html", context)


def _log_reads(user, registrations, view: str) -> None:
    record_all(registration_listing_events(user, registrations, view))


def _registration_for(user, code, action: str) -> Registration:
    registration = (
        Registration.objects.select_related(
            "network", "municipality", "referrer_organisation", "cbplus_consult"
        )
        .filter(code=code)
        .first()
    )
    if registration is None or not decide_registration(user, action, registration):
        raise Http404
    return registration


@with_role(Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER)
def registration_detail(request, code):
    registration = _registration_for(request.user, code, Action.VIEW)
    return _render_detail(request, registration)


def _render_detail(request, registration, *, callback_form=None, decline_form=None, status=200):
    version = {"version": registration.version}
    candidates = candidates_for([registration]).get(registration.pk, [])
    context = {
        "registration": registration,
        "deadline": callback_state(registration.callback_due_on, registration.called_back_at),
        "examinations": registration.earlier_examinations.all(),
        "candidates": candidates,
        "family_candidates": family_candidates_for(registration)
        if registration.status == Status.NEW
        else [],
        "family_kinds": FamilyLinkKind.choices,
        "can_decide": registration.status == Status.NEW
        and decide_registration(request.user, Action.EDIT, registration).allowed,
        "callback_form": callback_form
        or CallbackForm(
            initial={**version, "called_back_at": default_callback_time()},
            registration=registration,
        ),
        "decline_form": decline_form or DeclineForm(initial=version),
        "case": Case.objects.filter(child_id=registration.child_id).order_by("-opened_at").first()
        if registration.child_id
        else None,
    }
    _log_reads(request.user, [registration], "registration")
    return render(request, "cases/registration_detail.html", context, status=status)


def _submit(request, registration, form, form_name, apply, success, done):
    """One registration form: the action, or the page again with errors (409 on a conflict)."""
    return submit(
        request,
        form,
        apply,
        success=success,
        done=done,
        rerender=lambda form, status: _render_detail(
            request,
            Registration.objects.get(pk=registration.pk),
            status=status,
            **{form_name: form},
        ),
        current_version=lambda: Registration.objects.get(pk=registration.pk).version,
    )


@require_POST
@with_role(Role.COORDINATOR)
def record_callback(request, code):
    registration = _registration_for(request.user, code, Action.EDIT)
    return _submit(
        request,
        registration,
        CallbackForm(request.POST, registration=registration),
        "callback_form",
        lambda data: referral_actions.record_callback(registration, actor=request.user, **data),
        _("Het terugbelgesprek is vastgelegd."),
        reverse("cases:registration", args=[registration.code]),
    )


@require_POST
@with_role(Role.COORDINATOR)
def decline(request, code):
    registration = _registration_for(request.user, code, Action.EDIT)
    return _submit(
        request,
        registration,
        DeclineForm(request.POST),
        "decline_form",
        lambda data: referral_actions.decline_registration(
            registration, actor=request.user, **data
        ),
        _("De aanmelding is afgehandeld met een advies elders."),
        reverse("cases:registrations"),
    )


@require_POST
@with_role(Role.COORDINATOR)
def accept(request, code):
    """Accept as a new child, as a known child (new trajectory), or join an open trajectory."""
    registration = _registration_for(request.user, code, Action.EDIT)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise Http404
    version = form.cleaned_data["version"]
    known_case = _candidate_case(registration, form.cleaned_data["case"])
    sibling = _family_candidate(registration, form.cleaned_data["sibling_case"])
    try:
        if known_case is not None and request.POST.get("join") == "1":
            case = actions.merge_registration(
                registration, actor=request.user, case=known_case, version=version
            )
            messages.success(request, _("De aanmelding is toegevoegd aan het lopende traject."))
        else:
            case = actions.accept_registration(
                registration,
                actor=request.user,
                version=version,
                existing_child=known_case.child if known_case else None,
                sibling=sibling,
                family_kind=form.cleaned_data["family_kind"] or FamilyLinkKind.SIBLING,
            )
            messages.success(request, _("Geaccepteerd: het traject is gestart."))
    except StaleVersionError:
        messages.error(request, STALE_MESSAGE)
        return redirect("cases:registration", code=registration.code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cases:registration", code=registration.code)
    return redirect("cases:detail", code=case.code)


def _family_candidate(registration, code):
    """Only a child the family check offered for this registration may be linked."""
    if code is None:
        return None
    for case in family_candidates_for(registration):
        if case.code == code:
            return case.child
    raise Http404


def _candidate_case(registration, code) -> Case | None:
    """Only a case the duplicate check offered for this registration may be chosen."""
    if code is None:
        return None
    for candidate in candidates_for([registration]).get(registration.pk, []):
        if candidate.case is not None and candidate.case.code == code:
            return candidate.case
    raise Http404
