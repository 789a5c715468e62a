from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.date_input import DATE, DATE_ERRORS

from .constants import AskedBy


class StartForm(forms.Form):
    every_months = forms.IntegerField(
        label=_("Check-in elke zoveel maanden"), min_value=1, max_value=24, initial=6
    )
    first_check_on = forms.DateField(
        label=_("Eerste check-in"), widget=DATE, error_messages=DATE_ERRORS
    )
    reason = forms.CharField(
        label=_("Waarom langdurige begeleiding"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(
            self.fields["first_check_on"], plausible.FIRST_CHECK_IN, plausible.today()
        )


class StartOnRequestForm(forms.Form):
    """Follow-up in a network where it runs on request: no rhythm, no planned check-in."""

    reason = forms.CharField(
        label=_("Waarom langdurige begeleiding"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RequestForm(forms.Form):
    on = forms.DateField(
        label=_("Gevraagd op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    asked_by = forms.ChoiceField(label=_("Wie vraagt om contact"), choices=AskedBy.choices)
    question = forms.CharField(
        label=_("Waar gaat de vraag over"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Schrijf kort op waar de vraag over gaat.")},
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], plausible.CHECK_IN, *plausible.of_trajectory(case))


class CheckInForm(forms.Form):
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    summary = forms.CharField(
        label=_("Hoe gaat het?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    new_question = forms.BooleanField(label=_("Er is een nieuwe hulpvraag"), required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], plausible.CHECK_IN, *plausible.of_trajectory(case))


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom weer een traject?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
