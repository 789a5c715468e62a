"""Forms for a CB-plus consult: the consult and its child, participants, findings, advice and
the registration with IVH."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.date_input import BIRTH_DATE_ERRORS, DATE, DATE_ERRORS
from vroeghulp.networks.constants import Discipline
from vroeghulp.networks.models import Municipality, Organisation

from .actions import NewChild
from .constants import LONGEST_MINUTES, SHORTEST_MINUTES
from .eligibility import check_duration

NEW_CHILD_FIELDS = ("given_name", "family_name", "date_of_birth", "guardian_name")
CONSULT_FIELDS = ("organisation", "held_on", "duration_minutes", "parents_present", "question")
CHILD_FIELDS = (
    *("given_name", "family_name", "date_of_birth", "sex", "municipality"),
    *("guardian_name", "guardian_relation", "guardian_phone", "guardian_email"),
)


class ConsultForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Consultatiebureau"), queryset=Organisation.objects.none()
    )
    held_on = forms.DateField(label=_("Datum consult"), widget=DATE, error_messages=DATE_ERRORS)
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"),
        help_text=_("%(shortest)s tot %(longest)s minuten.")
        % {"shortest": SHORTEST_MINUTES, "longest": LONGEST_MINUTES},
        error_messages={"invalid": _("Vul het aantal minuten in, bijvoorbeeld 45.")},
    )
    parents_present = forms.BooleanField(
        label=_("De ouders waren erbij"), required=False, initial=True
    )
    question = forms.CharField(
        label=_("Vraag of zorg"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    child = forms.ModelChoiceField(
        label=_("Bekend kind"),
        help_text=_("Een kind dat u al kent uit een eerder consult. Anders: vul hieronder in."),
        queryset=None,
        required=False,
    )
    given_name = forms.CharField(label=_("Voornaam van het kind"), max_length=100, required=False)
    family_name = forms.CharField(
        label=_("Achternaam van het kind"), max_length=100, required=False
    )
    date_of_birth = forms.DateField(
        label=_("Geboortedatum van het kind"),
        widget=DATE,
        error_messages=BIRTH_DATE_ERRORS,
        required=False,
    )
    sex = forms.ChoiceField(label=_("Geslacht"), choices=Sex.choices, initial=Sex.OTHER)
    municipality = forms.ModelChoiceField(
        label=_("Woongemeente"), queryset=Municipality.objects.none(), required=False
    )
    guardian_name = forms.CharField(label=_("Naam ouder"), max_length=200, required=False)
    guardian_relation = forms.ChoiceField(
        label=_("Relatie tot het kind"), choices=GuardianRelation.choices
    )
    guardian_phone = forms.CharField(label=_("Telefoon ouder"), max_length=32, required=False)
    guardian_email = forms.EmailField(
        label=_("E-mailadres ouder"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )

    def __init__(self, *args, organisations, children, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        only = list(organisations[:2])
        if len(only) == 1:
            self.fields["organisation"].initial = only[0].pk
        self.fields["child"].queryset = children
        self.fields["child"].label_from_instance = lambda child: (
            f"{child.full_name} ({child.date_of_birth:%d-%m-%Y})"
        )
        self.fields["municipality"].queryset = municipalities
        plausible.limit_field(self.fields["held_on"], plausible.CBPLUS_CONSULT)

    def consult_fields(self) -> list:
        return [self[name] for name in CONSULT_FIELDS]

    def new_child_fields(self) -> list:
        return [self[name] for name in CHILD_FIELDS]

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        check_duration(minutes)
        return minutes

    def clean(self):
        data = super().clean()
        new_child_typed = any(data.get(name) for name in NEW_CHILD_FIELDS)
        if data.get("child") is not None and new_child_typed:
            raise ValidationError(_("Kies een bekend kind óf vul een nieuw kind in, niet allebei."))
        if data.get("child") is None and "child" not in self.errors:
            missing = [name for name in NEW_CHILD_FIELDS if not data.get(name)]
            for name in missing:
                if name not in self.errors:
                    self.add_error(
                        name,
                        _("Vul dit in voor een nieuw kind (of kies een bekend kind)."),
                    )
        return data

    def action_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "held_on": data["held_on"],
            "duration_minutes": data["duration_minutes"],
            "parents_present": data["parents_present"],
            "question": data["question"],
        }
        if data["child"] is not None:
            return {**arguments, "child": data["child"]}
        new_child = NewChild(
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
            sex=data["sex"],
            municipality=data["municipality"],
            guardian_name=data["guardian_name"],
            guardian_relation=data["guardian_relation"],
            guardian_phone=data["guardian_phone"],
            guardian_email=data["guardian_email"],
        )
        return {**arguments, "new_child": new_child}


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    user = forms.ModelChoiceField(
        label=_("Of een collega met een account"),
        help_text=_("Een collega met een account kan het consult daarna zelf inzien."),
        queryset=None,
        required=False,
    )
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = colleagues
        self.fields["user"].label_from_instance = lambda user: user.full_name

    def clean(self):
        data = super().clean()
        if not data.get("name", "").strip() and data.get("user") is None:
            self.add_error("name", _("Vul de naam van de deelnemer in of kies een collega."))
        return data


class FindingForm(forms.Form):
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    text = forms.CharField(
        label=_("Bevindingen"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )


class AdviceForm(forms.Form):
    advice = forms.CharField(
        label=_("Advies (besproken met de ouders)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RegisterForm(forms.Form):
    concern = forms.CharField(
        label=_("Waarom aanmelden bij Integrale Vroeghulp?"),
        help_text=_("Leeg laten: het advies van het consult gaat mee."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    parents_agreed = forms.BooleanField(
        label=_("De ouders zijn akkoord met de aanmelding"),
        required=True,
        error_messages={"required": _("Meld alleen aan als de ouders akkoord zijn.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
