"""Login forms: e-mail and password, then the second factor."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "username"})
    )
    error_messages = {
        "invalid_login": _("Dit e-mailadres en wachtwoord horen niet bij elkaar."),
        "inactive": _("Dit account is niet actief."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )
