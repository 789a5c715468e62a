from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.plans.constants import Reaction


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("De code uit de e-mail"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(
        label=_("Wat vindt u van het plan?"), choices=Reaction.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Opmerkingen (verplicht als u het niet helemaal eens bent)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


SCORES = [
    (n, label)
    for n, label in ((1, "1 – slecht"), (2, "2"), (3, "3"), (4, "4"), (5, "5 – heel goed"))
]


class SatisfactionForm(forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text, choices=SCORES, coerce=int, widget=forms.RadioSelect
            )

    def scores(self) -> dict[int, int]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}
