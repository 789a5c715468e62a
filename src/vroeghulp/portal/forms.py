from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.consent.constants import Purpose
from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.plans.constants import Reaction

from .models import DataRequestKind, DataRequestOutcome


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


class AttendanceForm(forms.Form):
    attend = forms.TypedChoiceField(
        label=_("Komt u naar het overleg?"),
        choices=[("1", _("Ja, ik kom")), ("0", _("Nee, ik kom niet"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class ContactDetailsForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        },
    )
    phone = forms.RegexField(
        label=_("Telefoonnummer"),
        regex=r"^\+?[0-9 ()-]{6,20}$",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "invalid": _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.")
        },
    )
    preferred_language = forms.CharField(label=_("Taal waarin u het liefst praat"), max_length=32)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat wilt u?"), choices=DataRequestKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Om welke gegevens gaat het, en wat moet er anders?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class AnswerDataRequestForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[c for c in DataRequestOutcome.choices if c[0] != DataRequestOutcome.OPEN],
    )
    response = forms.CharField(
        label=_("Antwoord aan de ouders (wat is er gedaan, en waarom)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class WhoLookedFilter(forms.Form):
    van = forms.DateField(label=_("Vanaf"), widget=DATE, error_messages=DATE_ERRORS, required=False)
    tot = forms.DateField(
        label=_("Tot en met"), widget=DATE, error_messages=DATE_ERRORS, required=False
    )


class ParentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (PDF, foto of video)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.mp4,.mov"}),
        error_messages={
            "required": _("Kies eerst een bestand."),
            "empty": _("Dit bestand is leeg."),
        },
    )
    title = forms.CharField(
        label=_("Wat is het? (bijvoorbeeld: filmpje van het spelen)"),
        max_length=200,
        required=False,
    )


class GiveConsentForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=None, empty_label=_("Kies een organisatie")
    )
    purpose = forms.ChoiceField(label=_("Waarvoor"), choices=Purpose.choices)
    ends_on = forms.DateField(
        label=_("Geldig tot (mag leeg blijven)"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        required=False,
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = network.organisations.order_by("name")


class InvitationForm(forms.Form):
    """The address is typed twice: the link goes only there, and a typo sends a child's portal
    to a stranger."""

    email = forms.EmailField(label=_("E-mailadres van de ouder"))
    email_again = forms.EmailField(label=_("Nog een keer het e-mailadres"))

    def clean(self):
        data = super().clean()
        first, second = data.get("email"), data.get("email_again")
        if first and second and first.strip().lower() != second.strip().lower():
            raise forms.ValidationError(
                _("De twee e-mailadressen zijn niet gelijk. Controleer het adres met de ouder.")
            )
        return data


class ConfirmationForm(forms.Form):
    """The parents' answer to a referrer's pre-registration, in their own words if they like."""

    CONFIRM = "confirm"
    DECLINE = "decline"

    concern_parents = forms.CharField(
        label=_("Wilt u zelf iets zeggen over uw zorgen? (mag leeg blijven)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    answer = forms.ChoiceField(
        label=_("Uw antwoord"),
        choices=[
            (CONFIRM, _("Ja, ik bevestig de aanmelding")),
            (DECLINE, _("Nee, ik wil deze aanmelding niet")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u de aanmelding bevestigt of niet.")},
    )
