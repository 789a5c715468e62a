"""The three ways in: the public form for parents, a referrer's pre-registration, and intake staff.

None of these pages shows submitted data back: after sending, only a thank-you remains.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from vroeghulp.access.decorators import public, with_role
from vroeghulp.accounts.constants import Role
from vroeghulp.networks.models import Network

from . import abuse, actions
from .constants import Route, Status
from .forms import ExaminationFormSet, RegistrationForm, both_valid, examinations


def _data(form: RegistrationForm, exam_formset) -> actions.RegistrationData:
    fields = actions.RegistrationData.__dataclass_fields__
    values = {k: v for k, v in form.cleaned_data.items() if k in fields}
    for key in ("concern_referrer", "concern_parents", "referrer_name", "referrer_role"):
        values.setdefault(key, "")
        values[key] = values[key] or ""
    return actions.RegistrationData(
        **values, guardians=form.guardians(), examinations=examinations(exam_formset)
    )


def _forms(request, network, variant, **kwargs):
    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, network=network, variant=variant, **kwargs)
    exams = ExaminationFormSet(data, prefix="onderzoek")
    return form, exams


@public
@never_cache
def public_registration(request, network_slug):
    network = get_object_or_404(Network, slug=network_slug)
    if not network.accepts_public_registrations:
        return render(request, "referrals/public_closed.html", {"network": network}, status=404)
    question, token = abuse.new_challenge()
    form, exams = _forms(request, network, Route.PUBLIC_FORM, question=question)
    error = None
    if request.method == "POST" and both_valid(form, exams):
        fingerprint = abuse.fingerprint(request.META.get("REMOTE_ADDR"))
        if abuse.over_limit(fingerprint):
            error = _("Er zijn vanaf dit adres te veel aanmeldingen verstuurd. Bel ons liever.")
        else:
            actions.submit_public_registration(
                network, data=_data(form, exams), fingerprint=fingerprint
            )
            return redirect("referrals:thanks", network_slug=network.slug)
    if form.is_bound:
        # A new sum for the next attempt; the rest of the input stays.
        form.data = form.data.copy()
        form.data.update({"challenge": token, "answer": ""})
    else:
        form.initial["challenge"] = token
    context = {"network": network, "form": form, "exams": exams, "error": error}
    return render(request, "referrals/public_form.html", context, status=429 if error else 200)


@public
def thanks(request, network_slug):
    network = get_object_or_404(Network, slug=network_slug)
    return render(request, "referrals/thanks.html", {"network": network})


@with_role(Role.REFERRER)
def referrer_registration(request):
    networks = Network.objects.filter(pk__in=request.user.networks_with_role(Role.REFERRER))
    network = networks.filter(slug=request.GET.get("netwerk")).first() or networks.first()
    form, exams = _forms(request, network, Route.REFERRER)
    if request.method == "POST" and both_valid(form, exams):
        try:
            actions.submit_referrer_registration(
                network,
                actor=request.user,
                data=_data(form, exams),
                parents_agreed=form.cleaned_data["parents_agreed"],
                parent_email=form.cleaned_data["parent_email"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De vooraanmelding is verstuurd. De ouders krijgen een e-mail om te bevestigen."),
            )
            return redirect("referrals:referrer_registration")
    context = {
        "network": network,
        "form": form,
        "exams": exams,
        "networks": networks,
        "sent": [
            {"registration": r, "state": _sent_state(r)}
            for r in actions.pre_registrations_of(request.user, network)
        ],
    }
    return render(request, "referrals/referrer_form.html", context)


def _sent_state(registration) -> str:
    """What the referrer may know of a pre-registration: whether the parents answered."""
    if registration.status == Status.AWAITING_CONFIRMATION:
        if actions.confirmation_expired(registration):
            return _("Niet bevestigd, link verlopen")
        return _("Wacht op bevestiging ouders")
    if registration.status == Status.NOT_CONFIRMED:
        return _("Gaat niet door: niet bevestigd door de ouders")
    return _("Bevestigd door de ouders")


@with_role(Role.COORDINATOR)
def staff_registration(request):
    networks = Network.objects.filter(pk__in=request.user.networks_with_role(Role.COORDINATOR))
    network = networks.filter(slug=request.GET.get("netwerk")).first() or networks.first()
    if network is None:
        raise Http404
    form, exams = _forms(request, network, "staff")
    status = 200
    if request.method == "POST" and both_valid(form, exams):
        try:
            registration = actions.record_staff_registration(
                network,
                actor=request.user,
                route=form.cleaned_data["route"],
                data=_data(form, exams),
                received_at=form.received_at(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De aanmelding is opgeslagen."))
            return redirect("cases:registration", code=registration.code)
    if request.method == "POST":
        status = 400
    context = {"network": network, "form": form, "exams": exams, "networks": networks}
    return render(request, "referrals/staff_form.html", context, status=status)
