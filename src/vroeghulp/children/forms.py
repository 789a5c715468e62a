"""Search for a child by name and/or date of birth."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import BIRTH_DATE_ERRORS, DATE


class SearchForm(forms.Form):
    name = forms.CharField(label=_("Naam (of een deel ervan)"), required=False, max_length=100)
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"),
        required=False,
        widget=DATE,
        error_messages=BIRTH_DATE_ERRORS,
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("name", "").strip() and not data.get("date_of_birth"):
            raise forms.ValidationError(_("Vul een naam of een geboortedatum in."))
        return data
