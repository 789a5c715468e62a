"""Searching the social map, and the administrator's form for one entry."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.networks.models import Municipality, Network, Organisation

from . import ages
from .actions import FIELDS
from .constants import AgeUnit, EntryKind

MAX_AGE_YEARS = 25


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of omschrijving"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("(alle soorten)")), *EntryKind.choices], required=False
    )
    age = forms.IntegerField(
        label=_("Leeftijd van het kind"),
        min_value=0,
        max_value=300,
        required=False,
        error_messages={"invalid": _("Vul een leeftijd in als getal, bijvoorbeeld 3.")},
    )
    age_unit = forms.ChoiceField(
        label=_("in"), choices=AgeUnit.choices, initial=AgeUnit.YEARS, required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("(alle gemeenten)"),
    )
    inactive_too = forms.BooleanField(label=_("Ook niet-actieve tonen"), required=False)

    def __init__(self, *args, network_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            network_id__in=network_ids
        ).order_by("name")

    def age_in_months(self) -> int | None:
        data = self.cleaned_data
        return ages.in_months(data.get("age"), data.get("age_unit") or AgeUnit.YEARS)


class EntryForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Netwerk"), queryset=Network.objects.none())
    name = forms.CharField(label=_("Naam"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort"), choices=EntryKind.choices)
    organisation = forms.ModelChoiceField(
        label=_("Hoort bij organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("(geen organisatie uit het netwerk)"),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    age_from = forms.IntegerField(
        label=_("Voor kinderen vanaf"), min_value=0, max_value=300, required=False
    )
    age_from_unit = forms.ChoiceField(label=_("in"), choices=AgeUnit.choices, required=False)
    age_to = forms.IntegerField(
        label=_("tot (niet meer vanaf)"),
        min_value=1,
        max_value=300,
        required=False,
        help_text=_("Bijvoorbeeld 4 jaar: tot de vierde verjaardag. Leeg: geen grens."),
    )
    age_to_unit = forms.ChoiceField(label=_("in"), choices=AgeUnit.choices, required=False)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Geen gemeente gekozen: voor het hele netwerk."),
    )
    waiting_weeks = forms.IntegerField(
        label=_("Wachttijd nu (weken)"), min_value=0, max_value=520, required=False
    )
    phone = forms.CharField(label=_("Telefoon"), max_length=32, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl.")
        },
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een geldig webadres in, bijvoorbeeld www.voorbeeld.nl.")},
    )
    address = forms.CharField(label=_("Adres"), max_length=300, required=False)
    checked_on = forms.DateField(
        label=_("Gecontroleerd op"),
        widget=DATE,
        error_messages=DATE_ERRORS,
        required=False,
        help_text=_("De dag dat iemand de gegevens voor het laatst naging."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, networks, entry=None, **kwargs):
        if entry is not None:
            kwargs.setdefault("initial", initial_for(entry))
        super().__init__(*args, **kwargs)
        network_ids = [n.pk for n in networks]
        if entry is not None:
            network_ids = [entry.network_id]
            del self.fields["network"]
            self.fields["version"].required = True
        else:
            self.fields["network"].queryset = Network.objects.filter(pk__in=network_ids)
            if len(network_ids) == 1:
                self.fields["network"].initial = network_ids[0]
                self.fields["network"].widget = forms.HiddenInput()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            network_id__in=network_ids
        ).order_by("name")
        self.fields["municipalities"].queryset = Municipality.objects.filter(
            network_id__in=network_ids
        ).order_by("name")

    def clean(self):
        data = super().clean()
        age_from = ages.in_months(data.get("age_from"), data.get("age_from_unit") or AgeUnit.YEARS)
        age_to = ages.in_months(data.get("age_to"), data.get("age_to_unit") or AgeUnit.YEARS)
        if age_from is not None and age_to is not None and age_from >= age_to:
            self.add_error(
                "age_to", _("De leeftijd 'tot' moet hoger zijn dan de leeftijd 'vanaf'.")
            )
        network = data.get("network")
        if network is not None:
            # a choice of another network's organisation or municipality is refused here; the
            # action refuses it again
            organisation = data.get("organisation")
            if organisation is not None and organisation.network_id != network.pk:
                self.add_error("organisation", _("Deze organisatie hoort bij een ander netwerk."))
            if any(m.network_id != network.pk for m in data.get("municipalities") or []):
                self.add_error("municipalities", _("Kies gemeenten van het gekozen netwerk."))
        data["age_from_months"], data["age_to_months"] = age_from, age_to
        return data

    def entry_fields(self) -> dict:
        """The cleaned values as the actions take them."""
        data = self.cleaned_data
        # whether the entry is active is its own form (ActiveForm)
        fields = {name: data.get(name) for name in FIELDS if name != "is_active"}
        fields["municipalities"] = list(data.get("municipalities") or [])
        return fields


def initial_for(entry) -> dict:
    age_from, from_unit = ages.split(entry.age_from_months)
    age_to, to_unit = ages.split(entry.age_to_months)
    return {
        "name": entry.name,
        "kind": entry.kind,
        "organisation": entry.organisation_id,
        "description": entry.description,
        "age_from": age_from,
        "age_from_unit": from_unit,
        "age_to": age_to,
        "age_to_unit": to_unit,
        "municipalities": [m.pk for m in entry.municipalities.all()],
        "waiting_weeks": entry.waiting_weeks,
        "phone": entry.phone,
        "email": entry.email,
        "website": entry.website,
        "address": entry.address,
        "checked_on": entry.checked_on,
        "version": entry.version,
    }


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(
        choices=[("1", _("Actief")), ("0", _("Niet actief"))], coerce=lambda v: v == "1"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
