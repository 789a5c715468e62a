"""Forms of the Prematuur tab: gestation, a visit done, a warm handover."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.date_input import DATE, DATE_ERRORS

from .constants import HANDOVER, VISIT_DONE, HandoverMode


class GestationForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Zwangerschapsduur bij de geboorte (weken)"), min_value=22, max_value=44
    )
    days = forms.IntegerField(
        label=_("en dagen"),
        help_text=_("Bij 27 weken en 1 dag: 27 en 1."),
        min_value=0,
        max_value=6,
        required=False,
    )


class VisitForm(forms.Form):
    visit = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(
        label=_("Gedaan op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    notes = forms.CharField(
        label=_("Aantekeningen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["done_on"], VISIT_DONE, *plausible.of_trajectory(case))


class HandoverForm(forms.Form):
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    from_name = forms.CharField(label=_("Wie droeg over (naam)"), max_length=200)
    from_role = forms.CharField(
        label=_("Functie en organisatie"),
        help_text=_("Bijvoorbeeld: verpleegkundige NICU, ziekenhuis."),
        max_length=200,
        required=False,
    )
    to_name = forms.CharField(label=_("Aan wie (naam)"), max_length=200)
    to_role = forms.CharField(
        label=_("Functie en organisatie"),
        help_text=_("Bijvoorbeeld: jeugdverpleegkundige, consultatiebureau."),
        max_length=200,
        required=False,
    )
    mode = forms.ChoiceField(
        label=_("Hoe stelde de een de ander voor aan het gezin?"), choices=HandoverMode.choices
    )
    notes = forms.CharField(
        label=_("Wat is overgedragen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], HANDOVER, *plausible.of_trajectory(case))
