"""Search for a child by name and/or date of birth."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    name = forms.CharField(label=_("Naam (of een deel ervan)"), required=False, max_length=100)
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2024-03-15.")},
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("name", "").strip() and not data.get("date_of_birth"):
            raise forms.ValidationError(_("Vul een naam of een geboortedatum in."))
        return data
