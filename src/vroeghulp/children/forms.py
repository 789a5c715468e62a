"""Search for a child by name and/or date of birth; a change of a guardian's custody."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.date_input import BIRTH_DATE_ERRORS, DATE, DATE_ERRORS

from .constants import CustodyChangeKind, CustodySource


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


class CustodyChangeForm(forms.Form):
    """A guardian gained or lost custody: when it took effect and on what grounds."""

    guardian = forms.ModelChoiceField(
        label=_("Ouder of verzorger"),
        queryset=None,
        empty_label=_("Kies om wie het gaat"),
        error_messages={"required": _("Kies om wie het gaat.")},
    )
    change = forms.ChoiceField(
        label=_("Wijziging"),
        choices=CustodyChangeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het gezag is gekregen of verloren.")},
    )
    effective_on = forms.DateField(
        label=_("Gaat in op"),
        widget=DATE,
        error_messages={**DATE_ERRORS, "required": _("Vul in per wanneer het geldt.")},
    )
    source = forms.ChoiceField(
        label=_("Bron"),
        choices=[("", _("Kies de bron")), *CustodySource.choices],
        error_messages={"required": _("Kies de bron van de wijziging.")},
    )
    note = forms.CharField(label=_("Toelichting (optioneel)"), max_length=300, required=False)

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].queryset = child.guardians.order_by("pk")
        plausible.limit_field(
            self.fields["effective_on"], plausible.CUSTODY, plausible.birth(child.date_of_birth)
        )
