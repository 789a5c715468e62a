"""Forms for a trajectory: notes, delays and phase changes (with the version the user saw)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import DelayReason, WaitingStage
from .states import Phase


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    professional_only = forms.BooleanField(
        label=_("Alleen voor professionals (niet zichtbaar voor ouders)"), required=False
    )


class TransitionForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Nieuwe fase"), choices=())
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, phases: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [(p, Phase(p).label) for p in phases]


class DelayForm(forms.Form):
    stage = forms.ChoiceField(label=_("Welke stap liep uit"), choices=WaitingStage.choices)
    reason = forms.ChoiceField(label=_("Reden"), choices=DelayReason.choices)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=500)
