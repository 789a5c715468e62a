"""Forms for a trajectory: notes, delays and phase changes (with the version the user saw)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.constants import FamilyLinkKind

from .constants import DelayReason, WaitingStage
from .states import Phase


class NoteForm(forms.Form):
    same_for_everyone = True  # see form_html

    text = forms.CharField(
        label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    professional_only = forms.BooleanField(
        label=_("Alleen voor professionals (niet zichtbaar voor ouders)"), required=False
    )


class TransitionForm(forms.Form):
    same_for_everyone = True  # see form_html

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
    same_for_everyone = True  # see form_html

    stage = forms.ChoiceField(label=_("Welke stap liep uit"), choices=WaitingStage.choices)
    reason = forms.ChoiceField(label=_("Reden"), choices=DelayReason.choices)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class FamilyLinkForm(forms.Form):
    """Link the child to a brother or sister the user may already see."""

    sibling = forms.ChoiceField(
        label=_("Broer of zus"),
        error_messages={
            "required": _("Kies het kind dat bij dit gezin hoort."),
            "invalid_choice": _("Kies het kind dat bij dit gezin hoort."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Hoe horen ze bij elkaar?"),
        choices=FamilyLinkKind.choices,
        initial=FamilyLinkKind.SIBLING,
    )

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {str(child.code): child for child in children}
        self.fields["sibling"].choices = [("", "—")] + [
            (code, f"{child.full_name} ({child.date_of_birth:%d-%m-%Y})")
            for code, child in self.children.items()
        ]

    def clean_sibling(self):
        return self.children[self.cleaned_data["sibling"]]
