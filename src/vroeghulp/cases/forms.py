"""Forms for a trajectory: notes, delays and phase changes (with the version the user saw)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.constants import FamilyLinkKind

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


class AdviceWithoutMeetingForm(forms.Form):
    """Advice without a team meeting (a network setting): why, and the parents' agreement."""

    reason = forms.CharField(
        label=_("Waarom advies zonder MDO"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Schrijf op waarom er advies komt zonder MDO.")},
    )
    parents_agreed = forms.BooleanField(
        label=_("De ouders stemmen ermee in dat er advies komt zonder bespreking in het MDO"),
        error_messages={
            "required": _(
                "Advies zonder MDO kan alleen met instemming van de ouders. Bespreek het met "
                "hen en bevestig dat zij ermee instemmen."
            )
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class TierForm(forms.Form):
    """Which of the network's teams (tiers) discusses this child."""

    tier = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een team van dit netwerk.")},
    )
    reason = forms.CharField(
        label=_("Waarom dit team"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Schrijf op waarom dit team het kind bespreekt.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].queryset = network.tiers.filter(active=True)
        self.fields["tier"].label_from_instance = lambda tier: (
            f"{tier.name} ({tier.get_kind_display().lower()})"
        )
