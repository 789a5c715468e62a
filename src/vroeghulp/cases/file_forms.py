"""Forms for the parts of a child's file: team, consent, intake, execution, time and closing."""

import functools
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.accounts.models import User
from vroeghulp.consent.constants import ChildAnswer, Purpose
from vroeghulp.consent.models import Consent
from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.networks.models import Organisation
from vroeghulp.socialmap import picking
from vroeghulp.socialmap.constants import SUPPORT_KINDS

from .actions import already_on_team
from .constants import (
    ClosingReason,
    ContactForm,
    DocumentKind,
    GoalRealisation,
    ObservationSetting,
    ProblemReduction,
    SupportResponse,
    TeamRole,
    TimeActivity,
)
from .models import TeamMember


class TeamMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    team_role = forms.ChoiceField(label=_("Rol in het team"), choices=TeamRole.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        field = self.fields["user"]
        # Everyone with a care role may be chosen, so that posting someone who is already on
        # the team gets a message naming that place instead of "not a valid choice".
        field.queryset = (
            User.objects.filter(
                memberships__network=case.network,
                memberships__role__in=CARE_ROLES,
                memberships__is_active=True,
                is_active=True,
            )
            .distinct()
            .order_by("full_name")
        )
        field.label_from_instance = lambda u: (
            f"{u.full_name} ({u.get_discipline_display()})" if u.discipline else u.full_name
        )
        # read when the form is drawn: the list offers only who is not on the team yet
        field.choices = functools.partial(_not_on_team, field, case)

    def clean(self):
        data = super().clean()
        user = data.get("user")
        if user is not None:
            place = _active_place(self.case, user, data.get("team_role"))
            if place is not None:
                self.add_error("user", already_on_team(user, place.get_team_role_display()))
        return data


def _active_place(case, user, team_role: str | None):
    """The person's active place on the team, the one in the chosen role first."""
    places = list(TeamMember.objects.filter(case=case, user=user, ended_at__isnull=True))
    places.sort(key=lambda place: place.team_role != team_role)
    return places[0] if places else None


def _not_on_team(field, case) -> list:
    active = set(
        TeamMember.objects.filter(case=case, ended_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    return [
        (value, label)
        for value, label in field.iterator(field)
        if value == "" or value.value not in active
    ]


class ConsentForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None)
    purpose = forms.ChoiceField(label=_("Waarvoor"), choices=Purpose.choices)
    given_by = forms.ModelMultipleChoiceField(
        label=_("Gegeven door"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    given_on = forms.DateField(
        label=_("Gegeven op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    ends_on = forms.DateField(
        label=_("Geldig tot (optioneel)"), widget=DATE, error_messages=DATE_ERRORS, required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = case.network.organisations.all()
        self.fields["given_by"].queryset = case.child.guardians.filter(has_custody=True)
        plausible.limit_field(
            self.fields["given_on"], plausible.CONSENT, plausible.birth(case.child.date_of_birth)
        )


class WithdrawForm(forms.Form):
    withdrawn_by = forms.ModelChoiceField(label=_("Ingetrokken door"), queryset=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_by"].queryset = case.child.guardians.filter(has_custody=True)


class GuardianConsentForm(forms.Form):
    """One more guardian gives an existing consent (the one still missing)."""

    guardian = forms.ModelChoiceField(
        label=_("Welke ouder"),
        queryset=None,
        error_messages={"required": _("Kies wie de toestemming geeft.")},
    )
    given_on = forms.DateField(
        label=_("Datum van deze toestemming"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        initial=timezone.localdate,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].queryset = case.child.guardians.filter(has_custody=True)
        plausible.limit_field(
            self.fields["given_on"], plausible.CONSENT, plausible.birth(case.child.date_of_birth)
        )


class ChildAnswerForm(forms.Form):
    """The child's own say on a consent, where the network asks children of its age."""

    answer = forms.ChoiceField(
        label=_("Antwoord van het kind"),
        choices=ChildAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het antwoord van het kind.")},
    )
    asked_on = forms.DateField(
        label=_("Gevraagd op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(
            self.fields["asked_on"], plausible.CONSENT, plausible.birth(case.child.date_of_birth)
        )


class IntakeForm(forms.Form):
    home_visit_on = forms.DateField(
        label=_("Datum huisbezoek"), widget=DATE, error_messages=DATE_ERRORS, required=False
    )
    question = forms.CharField(
        label=_("Hulpvraag van de ouders (in hun woorden)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    goals = forms.CharField(
        label=_("Doelen van de ouders"),
        help_text=_("Eén doel per regel."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    observations = forms.CharField(
        label=_("Observaties"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        required=False,
    )
    trajectory_explained = forms.BooleanField(
        label=_("De werkwijze van het traject is aan de ouders uitgelegd"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(
            self.fields["home_visit_on"], plausible.HOME_VISIT, *plausible.of_trajectory(case)
        )

    def goal_lines(self) -> list[str]:
        return [line for line in self.cleaned_data["goals"].splitlines() if line.strip()]


class InformationRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None)
    professional = forms.CharField(
        label=_("Bij wie (naam, functie)"), max_length=200, required=False
    )
    question = forms.CharField(
        label=_("Wat wordt gevraagd"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    due_on = forms.DateField(label=_("Verwacht uiterlijk"), widget=DATE, error_messages=DATE_ERRORS)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = case.network.organisations.all()
        # read when the form is drawn, not for a form that is sent and valid
        field.choices = functools.partial(_by_consent, field, case)
        plausible.limit_field(self.fields["due_on"], plausible.INFORMATION_DUE, plausible.today())


def _by_consent(field, case) -> list:
    """The organisations the parents' consent covers first, so nobody has to try each one;
    the others stay choosable and get the action's message about recording consent first."""
    covered = set(
        Consent.objects.for_information(case.child_id).values_list("organisation_id", flat=True)
    )
    with_consent, without = [], []
    for value, label in field.iterator(field):
        if value != "":
            (with_consent if value.value in covered else without).append((value, label))
    groups = [
        (_("Met toestemming van de ouders"), with_consent),
        (_("Nog zonder toestemming"), without),
    ]
    return [("", field.empty_label), *((name, group) for name, group in groups if group)]


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Antwoord"),
        choices=[("received", _("Ontvangen")), ("refused", _("Geweigerd"))],
    )
    answered_on = forms.DateField(
        label=_("Op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # the action also holds the date to the request it answers
        plausible.limit_field(
            self.fields["answered_on"], plausible.ANSWER, *plausible.of_trajectory(case)
        )


class DocumentForm(forms.Form):
    upload = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, JPG, PNG, DOCX of MP4."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Dit bestand is leeg.")},
    )
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=DocumentKind.choices)
    setting = forms.ChoiceField(
        label=_("Waar geobserveerd (bij een observatie)"),
        choices=[("", "–"), *ObservationSetting.choices],
        required=False,
    )
    information_request = forms.ModelChoiceField(
        label=_("Antwoord op informatieverzoek"), queryset=None, required=False
    )
    professional_only = forms.BooleanField(
        label=_("Alleen voor professionals (niet zichtbaar voor ouders)"), required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["information_request"].queryset = case.information_requests.select_related(
            "organisation"
        )


class ContactRecordForm(forms.Form):
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    form = forms.ChoiceField(label=_("Vorm"), choices=ContactForm.choices)
    summary = forms.CharField(
        label=_("Samenvatting"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], plausible.CONTACT, *plausible.of_trajectory(case))


PER_QUARTER = _("Vul het aantal uren in per kwartier, bijvoorbeeld 1,25.")


class TimeSpentForm(forms.Form):
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    activity = forms.ChoiceField(label=_("Waaraan"), choices=TimeActivity.choices)
    hours = forms.DecimalField(
        label=_("Uren"),
        min_value=Decimal("0.25"),
        max_value=24,
        decimal_places=2,
        help_text=_("Per kwartier: 0,25 is een kwartier, 1,5 is anderhalf uur."),
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 1,5."),
            "min_value": _("Vul minstens een kwartier (0,25) in."),
            "max_value": _("Vul hoogstens 24 uur in."),
            "max_decimal_places": PER_QUARTER,
        },
        localize=True,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], plausible.HOURS, *plausible.of_trajectory(case))

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours % Decimal("0.25"):
            raise forms.ValidationError(PER_QUARTER)
        return hours


class ReferralOutForm(forms.Form):
    social_map_entry = picking.entry_field(_("Aanbieder van de sociale kaart"))
    service = forms.CharField(
        label=_("Dienst of voorziening (als die niet op de sociale kaart staat)"),
        max_length=200,
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie (als die in het netwerk zit)"), queryset=None, required=False
    )
    referred_on = forms.DateField(
        label=_("Verwezen op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = case.network.organisations.all()
        picking.offer_entries(self, "social_map_entry", picking.entries_for(case))
        plausible.limit_field(
            self.fields["referred_on"], plausible.REFERRAL_OUT, *plausible.of_trajectory(case)
        )

    def clean_social_map_entry(self):
        return picking.chosen_entry(self, "social_map_entry")

    def clean(self):
        data = super().clean()
        if not data.get("social_map_entry") and not (data.get("service") or "").strip():
            self.add_error(
                "service", _("Kies een aanbieder van de sociale kaart of schrijf de dienst op.")
            )
        return data


class PlacementForm(forms.Form):
    placed = forms.TypedChoiceField(
        label=_("Geplaatst?"), choices=[("1", _("Ja")), ("0", _("Nee"))], coerce=lambda v: v == "1"
    )
    placed_on = forms.DateField(
        label=_("Op"), widget=DATE, error_messages=DATE_ERRORS, required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # the action also holds the date to the referral it follows
        plausible.limit_field(
            self.fields["placed_on"], plausible.PLACEMENT, *plausible.of_trajectory(case)
        )


class FamilySupportForm(forms.Form):
    social_map_entry = picking.entry_field(_("Programma van de sociale kaart"))
    programme = forms.CharField(
        label=_("Programma (als het niet op de sociale kaart staat)"),
        max_length=200,
        required=False,
    )
    offered_on = forms.DateField(
        label=_("Aangeboden op"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        initial=timezone.localdate,
    )
    response = forms.ChoiceField(label=_("Antwoord van de ouders"), choices=SupportResponse.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = picking.entries_for(case, SUPPORT_KINDS)
        picking.offer_entries(self, "social_map_entry", programmes)
        plausible.limit_field(
            self.fields["offered_on"], plausible.FAMILY_SUPPORT, *plausible.of_trajectory(case)
        )

    def clean_social_map_entry(self):
        return picking.chosen_entry(self, "social_map_entry")

    def clean(self):
        data = super().clean()
        if not data.get("social_map_entry") and not (data.get("programme") or "").strip():
            self.add_error(
                "programme",
                _("Kies een programma van de sociale kaart of schrijf het programma op."),
            )
        return data


class ClosingForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reden van afsluiten"), choices=ClosingReason.choices)
    stopped_early_reason = forms.CharField(
        label=_("Waarom stopten de ouders? (bij vroegtijdig stoppen)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )
    problem_reduction = forms.ChoiceField(
        label=_("Het probleem is nu"),
        choices=[("", "–"), *ProblemReduction.choices],
        required=False,
    )
    school = forms.ModelChoiceField(
        label=_("School of opvang die bericht krijgt"),
        help_text=_(
            "Alleen scholen en opvang waarmee de ouders het delen van informatie hebben toegestaan."
        ),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Geen"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, goals, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        for goal in goals:
            self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
                label=_("Doel: %(text)s") % {"text": goal.text},
                choices=[("", "–"), *GoalRealisation.choices],
                required=False,
                initial=goal.realisation,
            )

    def goal_realisations(self) -> dict[int, str]:
        return {
            int(name.removeprefix("goal_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("goal_") and value
        }


class EarlierFindingForm(forms.Form):
    """Something already observed or examined before the trajectory, with who and when."""

    what = forms.CharField(label=_("Wat is er onderzocht of gezien"), max_length=300)
    by_whom = forms.CharField(label=_("Door wie"), max_length=200, required=False)
    when = forms.DateField(
        label=_("Wanneer (ongeveer)"), widget=DATE, error_messages=DATE_ERRORS, required=False
    )
    outcome = forms.CharField(
        label=_("Wat kwam eruit"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(
            self.fields["when"], plausible.EXAMINATION, plausible.birth(case.child.date_of_birth)
        )
