"""Login with password and second factor, logout, password reset, and TOTP set-up."""

import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from vroeghulp.access.decorators import password_only, public

from . import lockout, totp
from .forms import EmailAuthenticationForm, TokenForm

logger = logging.getLogger(__name__)

login = public(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=EmailAuthenticationForm,
        redirect_authenticated_user=True,
    )
)


class PasswordResetView(auth_views.PasswordResetView):
    """Looks up the address and sends the mail only after the response has gone out.

    Sending inside the request made the answer for a known address measurably slower than for
    an unknown one, which told an attacker which addresses have an account. Now the request does
    the same work for both; the WSGI server closes the response once it is delivered, and that
    runs the lookup and the sending.
    """

    def form_valid(self, form):
        # What FormView.form_valid does, without PasswordResetView's form.save() in between.
        response = HttpResponseRedirect(self.get_success_url())
        options = {
            "use_https": self.request.is_secure(),
            "token_generator": self.token_generator,
            "from_email": self.from_email,
            "email_template_name": self.email_template_name,
            "subject_template_name": self.subject_template_name,
            "request": self.request,
            "html_email_template_name": self.html_email_template_name,
            "extra_email_context": self.extra_email_context,
        }

        def send() -> None:
            try:
                form.save(**options)
            except Exception:
                # Django swallows errors of response closers (the form logs a failed send
                # itself, not a failed look-up); the operator should see them.
                logger.exception("Password reset mail could not be sent")

        response._resource_closers.append(send)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A completed reset proves control of the mailbox, so it also lifts the login lockout."""

    def form_valid(self, form):
        response = super().form_valid(form)
        lockout.clear_account(self.user.email)
        return response


password_reset = public(
    PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = public(
    PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


@public
@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("Je bent uitgelogd."))
    return redirect("accounts:login")


@password_only
def second_factor(request):
    if request.user.is_verified():
        return redirect("home")
    device = totp.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:second_factor_setup")
    form = TokenForm(request.POST or None)
    if form.is_valid() and _token_accepted(form, device):
        otp_login(request, device)
        return redirect("home")
    return render(request, "accounts/second_factor.html", {"form": form})


@password_only
def second_factor_setup(request):
    if totp.confirmed_device(request.user) is not None:
        return redirect("accounts:second_factor")
    device = totp.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid() and _token_accepted(form, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("De tweede stap is ingesteld."))
        return redirect("home")
    context = {
        "form": form,
        "secret": totp.secret_base32(device),
        "qr": totp.qr_data_uri(device),
    }
    return render(request, "accounts/second_factor_setup.html", context)


def _token_accepted(form: TokenForm, device) -> bool:
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            "token", _("Te veel pogingen. Wacht een paar seconden en probeer het opnieuw.")
        )
        return False
    if not device.verify_token(form.cleaned_data["token"]):
        form.add_error(
            "token",
            _("Deze code klopt niet of is verlopen. Controleer de tijd op je telefoon."),
        )
        return False
    return True
