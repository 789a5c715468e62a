"""Asking for emergency access: the exact child and a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import BIRTH_DATE_ERRORS, DATE

from .actions import MIN_REASON_LENGTH


class EmergencyAccessForm(forms.Form):
    family_name = forms.CharField(label=_("Achternaam van het kind"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"),
        widget=DATE,
        error_messages=BIRTH_DATE_ERRORS,
    )
    reason = forms.CharField(
        label=_("Waarom heb je nu toegang nodig?"),
        min_length=MIN_REASON_LENGTH,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "min_length": _("Geef een reden van minstens %(limit_value)d tekens."),
        },
    )
