"""The parents' side of a referrer's pre-registration (a school, a well-baby clinic): the link
in the e-mail, an e-mail code to the address it was sent to, then reading and answering."""

from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from vroeghulp.access.auditing import registration_event
from vroeghulp.access.decorators import parent_signed_in, public
from vroeghulp.access.policy import Decision
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.referrals import actions as referral_actions

from . import login_codes
from .forms import ConfirmationForm
from .invitation_views import masked
from .pending_confirmation import forget, pending_confirmation, remember


@public
@never_cache
def arrive(request, token):
    """The link in the e-mail: opening it confirms nothing; a code goes to the address the
    link was sent to, and only that address can answer."""
    registration, problem = referral_actions.registration_for_token(token)
    if problem:
        return render(request, "portal/confirmation_invalid.html", {"problem": problem}, status=404)
    if request.method == "POST":
        if request.user.is_authenticated and not _same_address(request.user, registration):
            logout(request)  # someone else's session on this device answers nothing here
        remember(request, registration)
        if request.user.is_authenticated:
            return redirect("portal:confirm_registration")
        request.session[login_codes.SESSION_EMAIL] = registration.confirmation_email
        login_codes.send_code(
            registration.confirmation_email,
            invited=True,
            full_name=_first_guardian_name(registration),
            client_address=request.META.get("REMOTE_ADDR"),
        )
        return redirect("portal:login_code")
    context = {
        "network": registration.network,
        "organisation": registration.referrer_organisation,
        "masked_email": masked(registration.confirmation_email),
    }
    return render(request, "portal/confirmation.html", context)


@parent_signed_in
@never_cache
def answer(request):
    """What the referrer wrote, in plain words, and the parents' answer."""
    registration = pending_confirmation(request)
    if registration is None:
        return redirect("portal:home")
    if not _same_address(request.user, registration):
        raise Http404
    form = ConfirmationForm(
        request.POST or None, initial={"concern_parents": registration.concern_parents}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if form.cleaned_data["answer"] == ConfirmationForm.CONFIRM:
                    done = referral_actions.confirm_registration(
                        registration,
                        user=request.user,
                        concern_parents=form.cleaned_data["concern_parents"],
                    )
                    template = "portal/confirmation_confirmed.html"
                else:
                    done = referral_actions.decline_pre_registration(
                        registration, user=request.user
                    )
                    template = "portal/confirmation_declined.html"
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                form.add_error(None, error)
            else:
                forget(request)
                return render(request, template, {"network": done.network})
        status = 400
    record(
        registration_event(
            request.user,
            Decision(True, Grounds.PARENT),
            AuditAction.READ,
            registration,
            {"view": "confirmation"},
        )
    )
    context = {
        "registration": registration,
        "examinations": registration.earlier_examinations.all(),
        "form": form,
        "days": registration.network.callback_deadline_days,
    }
    return render(request, "portal/confirmation_answer.html", context, status=status)


def _same_address(user, registration) -> bool:
    email = (user.email or "").strip().lower()
    return bool(email) and email == registration.confirmation_email.strip().lower()


def _first_guardian_name(registration) -> str:
    return next((g.get("full_name", "") for g in registration.guardians), "")
