"""The registration form, shared by the three routes; each route keeps the fields it needs."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.children.constants import FamilyLinkKind, GuardianRelation, Sex
from vroeghulp.date_input import BIRTH_DATE_ERRORS, DATE, DATE_ERRORS
from vroeghulp.networks.models import Municipality, Network, Organisation

from .abuse import challenge_passed
from .constants import STAFF_ROUTES, DeclineKind, Language, Route

# A registration entered afterwards counts from the morning of the day it came in.
OFFICE_OPENS = datetime.time(9, 0)


def date_field(label, required=False):
    return forms.DateField(
        label=label, required=required, widget=DATE, error_messages=BIRTH_DATE_ERRORS
    )


class RegistrationForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Hoe kwam de aanmelding binnen?"),
        choices=[(r.value, r.label) for r in STAFF_ROUTES],
    )
    referrer_name = forms.CharField(label=_("Naam verwijzer"), max_length=200, required=False)
    referrer_organisation = forms.ModelChoiceField(
        label=_("Organisatie verwijzer"), queryset=Organisation.objects.none(), required=False
    )
    referrer_role = forms.CharField(label=_("Functie verwijzer"), max_length=100, required=False)
    received_on = forms.DateField(
        label=_("Binnengekomen op"),
        help_text=_("Alleen invullen als de aanmelding eerder binnenkwam dan vandaag."),
        widget=DATE,
        error_messages=DATE_ERRORS,
        required=False,
    )

    child_given_name = forms.CharField(label=_("Voornaam van het kind"), max_length=100)
    child_family_name = forms.CharField(label=_("Achternaam van het kind"), max_length=100)
    child_date_of_birth = date_field(_("Geboortedatum van het kind"), required=True)
    child_sex = forms.ChoiceField(label=_("Geslacht"), choices=Sex.choices, initial=Sex.OTHER)
    child_gestational_age_weeks = forms.IntegerField(
        label=_("Zwangerschapsduur bij de geboorte (weken)"),
        help_text=_("Alleen als het kind te vroeg geboren is, bijvoorbeeld 30."),
        min_value=22,
        max_value=44,
        required=False,
    )
    child_gestational_age_days = forms.IntegerField(
        label=_("en dagen"),
        help_text=_("De dagen na de hele weken: bij 27 weken en 1 dag vult u 27 en 1 in."),
        min_value=0,
        max_value=6,
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("Woongemeente"), queryset=Municipality.objects.none(), required=False
    )
    concern_parents = forms.CharField(
        label=_("Waar maken de ouders zich zorgen over? (in hun eigen woorden)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    concern_referrer = forms.CharField(
        label=_("Zorg in de woorden van de verwijzer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    first_concern_on = date_field(_("Sinds wanneer is er zorg? (als u dat weet)"))

    guardian1_name = forms.CharField(label=_("Naam ouder/verzorger"), max_length=200)
    guardian1_relation = forms.ChoiceField(
        label=_("Relatie tot het kind"), choices=GuardianRelation.choices
    )
    guardian1_phone = forms.CharField(label=_("Telefoonnummer"), max_length=32, required=False)
    guardian1_email = forms.EmailField(label=_("E-mailadres"), required=False)
    guardian1_language = forms.ChoiceField(
        label=_("Voorkeurstaal"), choices=Language.choices, initial=Language.DUTCH
    )
    guardian2_name = forms.CharField(
        label=_("Naam tweede ouder/verzorger (als die er is)"), max_length=200, required=False
    )
    guardian2_relation = forms.ChoiceField(
        label=_("Relatie tot het kind"), choices=GuardianRelation.choices, required=False
    )
    guardian2_phone = forms.CharField(label=_("Telefoonnummer"), max_length=32, required=False)
    guardian2_email = forms.EmailField(label=_("E-mailadres"), required=False)

    parents_agreed = forms.BooleanField(
        label=_("De ouders weten van deze aanmelding en zijn akkoord"), required=True
    )
    parent_email = forms.EmailField(
        label=_("E-mailadres van de ouder voor de bevestiging"), required=True
    )
    privacy = forms.BooleanField(
        label=_(
            "Ik geef toestemming dat het netwerk deze gegevens gebruikt om contact met mij op "
            "te nemen over mijn kind."
        ),
        required=True,
    )
    answer = forms.CharField(label="", max_length=4)
    challenge = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    FIELDS_BY_ROUTE = {
        Route.PUBLIC_FORM: {
            "route",
            "referrer_name",
            "referrer_organisation",
            "referrer_role",
            "concern_referrer",
            "parents_agreed",
            "parent_email",
            "received_on",
        },
        Route.REFERRER: {
            "route",
            "referrer_name",
            "referrer_organisation",
            "privacy",
            "answer",
            "challenge",
            "website",
            "received_on",
        },
        "staff": {"parents_agreed", "parent_email", "privacy", "answer", "challenge", "website"},
    }

    GROUPS = [
        (
            _("De aanmelding"),
            ["route", "received_on", "referrer_name", "referrer_organisation", "referrer_role"],
        ),
        (
            _("Het kind"),
            [
                "child_given_name",
                "child_family_name",
                "child_date_of_birth",
                "child_sex",
                "child_gestational_age_weeks",
                "child_gestational_age_days",
                "municipality",
            ],
        ),
        (_("De zorg"), ["concern_parents", "concern_referrer", "first_concern_on"]),
        (
            _("Ouder of verzorger"),
            [
                "guardian1_name",
                "guardian1_relation",
                "guardian1_phone",
                "guardian1_email",
                "guardian1_language",
            ],
        ),
        (
            _("Tweede ouder of verzorger"),
            ["guardian2_name", "guardian2_relation", "guardian2_phone", "guardian2_email"],
        ),
        (_("Akkoord"), ["parents_agreed", "parent_email", "privacy"]),
        (_("Controle"), ["answer"]),
    ]

    def groups(self) -> list[tuple[str, list]]:
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.GROUPS
            if any(name in self.fields for name in names)
        ]

    def __init__(self, *args, network: Network, variant: str, question: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        for name in self.FIELDS_BY_ROUTE[variant]:
            del self.fields[name]
        self.fields["municipality"].queryset = network.municipalities.all()
        if "referrer_organisation" in self.fields:
            self.fields["referrer_organisation"].queryset = network.organisations.all()
        if "answer" in self.fields:
            self.fields["answer"].label = _("Controlevraag: hoeveel is %(q)s?") % {"q": question}
            self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if variant == Route.PUBLIC_FORM and get_language() in Language.values:
            # A parent who reads the form in English most likely prefers English letters too.
            self.fields["guardian1_language"].initial = get_language()

    def received_at(self) -> datetime.datetime | None:
        """When a registration entered by staff came in: the day they give (at the start of
        office hours), or now."""
        day = self.cleaned_data.get("received_on")
        if day is None or day == timezone.localdate():
            return None
        return timezone.make_aware(datetime.datetime.combine(day, OFFICE_OPENS))

    def clean_child_date_of_birth(self):
        born = self.cleaned_data["child_date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        limit = today.replace(year=today.year - self.network.max_age_years - 1)
        if born <= limit:
            raise forms.ValidationError(
                _("Dit netwerk helpt kinderen tot %(age)d jaar.")
                % {"age": self.network.max_age_years}
            )
        return born

    def clean(self):
        data = super().clean()
        born, concern = data.get("child_date_of_birth"), data.get("first_concern_on")
        if "first_concern_on" not in self.errors:
            try:
                plausible.check(
                    concern, plausible.FIRST_CONCERN, plausible.birth(born) if born else None
                )
            except forms.ValidationError as error:
                self.add_error("first_concern_on", error)
        if data.get("website"):
            raise forms.ValidationError(_("De aanmelding kon niet worden verstuurd."))
        challenged = "answer" in self.fields and not self.errors
        if challenged and not challenge_passed(data.get("challenge", ""), data.get("answer", "")):
            self.add_error("answer", _("Het antwoord op de controlevraag klopt niet."))
        if data.get("child_gestational_age_days") is not None and (
            data.get("child_gestational_age_weeks") is None
            and "child_gestational_age_weeks" not in self.errors
        ):
            self.add_error(
                "child_gestational_age_weeks",
                _("Vul ook het aantal hele weken in, bijvoorbeeld 27 (en 1 dag)."),
            )
        if data.get("guardian2_name") and not data.get("guardian2_relation"):
            self.add_error("guardian2_relation", _("Kies de relatie tot het kind."))
        if not (data.get("guardian1_phone") or data.get("guardian1_email")):
            self.add_error(
                "guardian1_phone",
                _("Vul een telefoonnummer of e-mailadres in, zodat we u kunnen bellen."),
            )
        return data

    def guardians(self) -> list[dict]:
        data = self.cleaned_data
        guardians = [
            {
                "full_name": data["guardian1_name"],
                "relation": data["guardian1_relation"],
                "phone": data.get("guardian1_phone", ""),
                "email": data.get("guardian1_email", ""),
                "preferred_language": data.get("guardian1_language", "nl"),
            }
        ]
        if data.get("guardian2_name"):
            guardians.append(
                {
                    "full_name": data["guardian2_name"],
                    "relation": data["guardian2_relation"],
                    "phone": data.get("guardian2_phone", ""),
                    "email": data.get("guardian2_email", ""),
                    "preferred_language": data.get("guardian1_language", "nl"),
                }
            )
        return guardians


class ExaminationForm(forms.Form):
    what = forms.CharField(
        label=_("Wat is er al onderzocht of geobserveerd?"), max_length=300, required=False
    )
    by_whom = forms.CharField(label=_("Door wie"), max_length=200, required=False)
    when = date_field(_("Wanneer"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the child's birth is in the main form; the action checks against it
        plausible.limit_field(self.fields["when"], plausible.EXAMINATION)

    def clean(self):
        data = super().clean()
        if (data.get("by_whom") or data.get("when")) and not data.get("what"):
            self.add_error("what", _("Beschrijf kort wat er is onderzocht."))
        return data


class BaseExaminationFormSet(forms.BaseFormSet):
    """Two rows in sight, more behind "Meer onderzoeken" (no script needed); any number more
    can be added in the child's file once the registration is accepted."""

    SHOWN = 2

    def first_rows(self) -> list:
        return self.forms[: self.SHOWN]

    def more_rows(self) -> list:
        return self.forms[self.SHOWN :]

    def more_open(self) -> bool:
        return any(form.has_changed() or form.errors for form in self.more_rows())


ExaminationFormSet = forms.formset_factory(
    ExaminationForm, formset=BaseExaminationFormSet, extra=8, max_num=8
)


def both_valid(form: RegistrationForm, exams) -> bool:
    """The registration and its earlier examinations, which cannot lie before the birth."""
    if not (form.is_valid() and exams.is_valid()):
        return False
    born = plausible.birth(form.cleaned_data["child_date_of_birth"])
    for exam in exams.forms:
        try:
            plausible.check(exam.cleaned_data.get("when"), plausible.EXAMINATION, born)
        except forms.ValidationError as error:
            exam.add_error("when", error)
    return exams.is_valid()


def examinations(formset) -> list[dict]:
    return [
        {
            "what": f.cleaned_data["what"],
            "by_whom": f.cleaned_data.get("by_whom", ""),
            "when": f.cleaned_data.get("when"),
        }
        for f in formset.forms
        if f.cleaned_data.get("what")
    ]


class CallbackForm(forms.Form):
    called_back_at = forms.DateTimeField(
        label=_("Teruggebeld op"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"invalid": _("Vul datum en tijd in.")},
    )
    note = forms.CharField(
        label=_("Wat is besproken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(
            self.fields["called_back_at"], plausible.CALLBACK, *of_registration(registration)
        )


def of_registration(registration) -> tuple[plausible.Limit, plausible.Limit]:
    """What a date about a registration follows: the child's birth and the registration."""
    return (
        plausible.birth(registration.child_date_of_birth),
        plausible.registration(registration.received_at),
    )


class DeclineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort reden"), choices=[("", "–"), *DeclineKind.choices])
    reason = forms.CharField(
        label=_("Reden (advies of verwijzing elders)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    referred_to = forms.CharField(label=_("Verwezen naar"), max_length=200, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    """Accepting or merging: the version guards against two coordinators deciding at once."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    case = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # Accepting as a new child of a known family: the sibling's case, and how they are related.
    sibling_case = forms.UUIDField(required=False, widget=forms.HiddenInput)
    family_kind = forms.ChoiceField(choices=FamilyLinkKind.choices, required=False)


def default_callback_time() -> datetime.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)
