from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.socialmap import picking

from .actions import evaluation_since
from .constants import Domain, ExplainedHow, ItemStatus, Reaction
from .due_dates import due_date_error


class IntroductionForm(forms.Form):
    introduction = forms.CharField(
        label=_("Inleiding voor de ouders"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


def current_team(case) -> list:
    """The professionals on the case's team now: the ones an item can be given to. Read once per
    page and handed to every item's form."""
    return list(
        get_user_model()
        .objects.filter(case_teams__case=case, case_teams__ended_at__isnull=True)
        .distinct()
        .order_by("full_name", "pk")
    )


class ItemForm(forms.Form):
    domain = forms.ChoiceField(label=_("Onderwerp"), choices=Domain.choices)
    advice = forms.CharField(
        label=_("Advies (in gewone woorden)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    who = forms.CharField(label=_("Wie doet het"), max_length=200, required=False)
    by_when = forms.CharField(
        label=_("Wanneer (in woorden)"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld „over een paar weken”. Voor de ouders."),
    )
    due_on = forms.DateField(
        label=_("Datum"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        required=False,
        help_text=_("Met een datum komt het advies op Mijn werk van de verantwoordelijke."),
    )
    responsible = forms.ChoiceField(
        label=_("Verantwoordelijke"),
        required=False,
        help_text=_("Iemand uit het team van dit kind."),
    )
    social_map_entry = picking.entry_field(_("Aanbieder (sociale kaart)"))
    status = forms.ChoiceField(label=_("Stand van zaken"), choices=ItemStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        case,
        team: list | None = None,
        entries: list | None = None,
        current_entry=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # the social map's fitting entries, read once per page like the team
        entries = picking.entries_for(case) if entries is None else entries
        if current_entry is not None and all(e.pk != current_entry.pk for e in entries):
            entries = [*entries, current_entry]
        picking.offer_entries(self, "social_map_entry", entries)
        self.case = case
        # only the current team: the action refuses anyone else as well
        self.team = {str(user.pk): user for user in (current_team(case) if team is None else team)}
        self.fields["responsible"].choices = [("", _("(niemand)"))] + [
            (pk, user.full_name or user.email) for pk, user in self.team.items()
        ]

    def clean_social_map_entry(self):
        return picking.chosen_entry(self, "social_map_entry")

    def clean_responsible(self):
        return self.team.get(self.cleaned_data.get("responsible") or "")

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        error = due_date_error(self.case, due_on)
        if error:
            raise forms.ValidationError(error)
        return due_on


class IssueForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DiscussionForm(forms.Form):
    on = forms.DateField(
        label=_("Besproken op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    how = forms.ChoiceField(label=_("Hoe"), choices=ExplainedHow.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # the action also holds the date to the day the version was made
        plausible.limit_field(
            self.fields["on"], plausible.DISCUSSION, *plausible.of_trajectory(case)
        )


class ReactionForm(forms.Form):
    guardian = forms.ModelChoiceField(label=_("Ouder of verzorger"), queryset=None)
    reaction = forms.ChoiceField(label=_("Reactie"), choices=Reaction.choices)
    comment = forms.CharField(
        label=_("Opmerkingen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].queryset = case.child.guardians.all()


class ShareForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Delen met"), queryset=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = case.network.organisations.all()


class ArrangementForm(forms.Form):
    setting = forms.CharField(label=_("School of opvang"), max_length=200)
    needs = forms.CharField(
        label=_("Wat het kind daar nodig heeft"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    agreed_with_parents = forms.BooleanField(label=_("Afgesproken met de ouders"), required=False)
    starts_on = forms.DateField(label=_("Start"), widget=DATE, error_messages=DATE_ERRORS)
    evaluate_on = forms.DateField(
        label=_("Evaluatie met school en ouders"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        help_text=_("Meestal een paar maanden na de start."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # a school or day care place may have started before the registration
        born = plausible.birth(case.child.date_of_birth)
        plausible.limit_field(self.fields["starts_on"], plausible.ARRANGEMENT_START, born)
        plausible.limit_field(self.fields["evaluate_on"], plausible.ARRANGEMENT_EVALUATION, born)


class EvaluationForm(forms.Form):
    evaluated_on = forms.DateField(
        label=_("Geëvalueerd op"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        initial=timezone.localdate,
    )
    evaluation = forms.CharField(
        label=_("Uitkomst"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, arrangement, **kwargs):
        super().__init__(*args, **kwargs)
        if arrangement is not None:
            plausible.limit_field(
                self.fields["evaluated_on"], plausible.EVALUATION, *evaluation_since(arrangement)
            )
