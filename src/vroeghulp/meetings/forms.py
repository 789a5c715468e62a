"""Forms for planning a meeting and recording what the team found and concluded."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.networks.constants import Discipline

from .constants import MeetingPart

ATTENDANCE = [("", _("Nog niet bekend")), ("yes", _("Ja, de ouders zijn erbij")), ("no", _("Nee"))]


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Datum en tijd"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"invalid": _("Vul datum en tijd in.")},
    )
    location = forms.CharField(label=_("Plaats of videoverbinding"), max_length=200, required=False)
    tier = forms.CharField(label=_("Team"), max_length=100, required=False)
    team_tier = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        error_messages={
            "required": _("Kies het team van dit MDO."),
            "invalid_choice": _("Kies een team van dit netwerk."),
        },
    )

    def __init__(self, *args, tiers=None, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["starts_at"], plausible.MEETING)
        # A network with team tiers plans each meeting for one of them; others name it freely.
        if tiers is not None and tiers.exists():
            del self.fields["tier"]
            self.fields["team_tier"].queryset = tiers
            self.fields["team_tier"].required = True
            self.fields["team_tier"].empty_label = None
        else:
            del self.fields["team_tier"]


class AgendaForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Kind"), queryset=None)
    parents_attend = forms.ChoiceField(
        label=_("Zijn de ouders erbij? (hun keuze)"), choices=ATTENDANCE, required=False
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda case: (
            f"{case.child.full_name} ({case.child.date_of_birth:%d-%m-%Y})"
        )

    def attendance(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["parents_attend"])


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    part = forms.ChoiceField(
        label=_("Aanwezig bij"),
        choices=[("", _("Beide delen")), *MeetingPart.choices],
        required=False,
    )

    def __init__(self, *args, two_parts: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not two_parts:
            del self.fields["part"]


class FindingForm(forms.Form):
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    text = forms.CharField(
        label=_("Bevindingen"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )
    part = forms.ChoiceField(label=_("Deel van de bespreking"), choices=MeetingPart.choices)

    def __init__(self, *args, two_parts: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not two_parts:
            del self.fields["part"]


class PartNotesForm(forms.Form):
    """The notes of one part of a two-part discussion."""

    part = forms.ChoiceField(choices=MeetingPart.choices, widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("Notities"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusie"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    further_diagnostics = forms.CharField(
        label=_("Verder onderzoek nodig"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )
    specialised_centre = forms.CharField(
        label=_("Verwijzing naar een expertisecentrum (bijvoorbeeld een UMC)"),
        max_length=200,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AttendanceForm(forms.Form):
    parents_attend = forms.ChoiceField(label=_("Ouders erbij"), choices=ATTENDANCE[1:])
