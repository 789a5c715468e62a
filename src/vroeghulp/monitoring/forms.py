"""The dashboard's filter: fixed groupings only, so figures cannot be combined and subtracted.

An analyst chooses one calendar period (a year, a quarter or a month), one grouping (the whole
network, one region the network administrator defined, or one municipality), and at most one
route, one age group and one organisational model. Free combinations (any set of
municipalities, any dates) would let figures be subtracted from each other down to one
municipality or one day; see suppression.py for what rounding adds.
"""

import calendar
import datetime

from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.networks.constants import OrganisationalModel
from vroeghulp.networks.models import Municipality, Region
from vroeghulp.referrals.constants import Route

from .ages import AGE_GROUP_CHOICES
from .indicators import Scope

YEARS_BACK = 10
WHOLE_NETWORK = ""
PARTS = [
    ("", _("heel jaar")),
    *[(f"k{quarter}", _("%(n)se kwartaal") % {"n": quarter}) for quarter in range(1, 5)],
    *[(f"m{month:02d}", MONTHS[month]) for month in range(1, 13)],
]


def period_of(year: int, part: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a calendar year, quarter ("k1".."k4") or month ("m01".."m12")."""
    if not part:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if part.startswith("k"):
        first = (int(part[1:]) - 1) * 3 + 1
        last = first + 2
    else:
        first = last = int(part[1:])
    end = datetime.date(year, last, calendar.monthrange(year, last)[1])
    return datetime.date(year, first, 1), end


class DashboardFilter(forms.Form):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    part = forms.ChoiceField(label=_("Periode"), choices=PARTS, required=False)
    grouping = forms.ChoiceField(label=_("Gemeente of regio"), required=False)
    route = forms.ChoiceField(label=_("Route van aanmelding"), required=False)
    age_group = forms.ChoiceField(label=_("Leeftijd bij aanmelding"), required=False)
    model = forms.ChoiceField(label=_("Organisatiemodel"), required=False)

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, this_year - YEARS_BACK, -1)]
        self.fields["route"].choices = [("", _("alle routes")), *Route.choices]
        self.fields["age_group"].choices = [("", _("alle leeftijden")), *AGE_GROUP_CHOICES]
        self._groupings = _groupings(networks)
        several = len(networks) > 1
        whole = _("alle netwerken") if several else _("heel het netwerk")
        self.fields["grouping"].choices = [
            (WHOLE_NETWORK, whole),
            *[
                (
                    label,
                    [
                        (key, f"{name} ({network})" if several else name)
                        for key, (kind, name, network, _ids) in self._groupings.items()
                        if kind == wanted
                    ],
                )
                for wanted, label in (("regio", _("Regio's")), ("gemeente", _("Gemeenten")))
                if any(kind == wanted for kind, *_rest in self._groupings.values())
            ],
        ]
        models = models_of(networks)
        if len(models) > 1:
            self.fields["model"].choices = [("", _("alle modellen"))] + [
                choice for choice in OrganisationalModel.choices if choice[0] in models
            ]
        else:
            del self.fields["model"]

    def networks(self, networks: list) -> list:
        """The networks the chosen organisational model narrows the dashboard to."""
        chosen = self.cleaned_data.get("model")
        return [n for n in networks if n.organisational_model == chosen] if chosen else networks

    def scope(self, networks: list) -> Scope:
        data = self.cleaned_data
        start, end = period_of(data["year"], data["part"])
        grouping = self._groupings.get(data["grouping"])
        return Scope(
            networks=self.networks(networks),
            start=start,
            end=end,
            municipality_ids=list(grouping[3]) if grouping else [],
            routes=[data["route"]] if data["route"] else [],
            age_groups=[data["age_group"]] if data["age_group"] else [],
        )

    def filters(self) -> dict:
        """The chosen filters as an audit entry records them."""
        data = self.cleaned_data
        grouping = self._groupings.get(data["grouping"])
        return {
            "year": data["year"],
            "part": data["part"] or "jaar",
            "grouping": f"{grouping[0]}: {grouping[1]}" if grouping else "netwerk",
            "route": data["route"] or "alle",
            "age_group": data["age_group"] or "alle",
            "model": data.get("model") or "alle",
        }


def _groupings(networks) -> dict[str, tuple[str, str, str, tuple[int, ...]]]:
    """Choice key -> (kind, name, network, municipality ids) for the networks' regions (those
    with municipalities) and municipalities."""
    names = {network.pk: network.name for network in networks}
    found = {}
    regions = Region.objects.filter(network__in=networks).prefetch_related("municipalities")
    for region in regions.order_by("name"):
        ids = tuple(sorted(m.pk for m in region.municipalities.all()))
        if ids:
            found[f"regio-{region.pk}"] = ("regio", region.name, names[region.network_id], ids)
    for municipality in Municipality.objects.filter(network__in=networks).order_by("name"):
        network = names[municipality.network_id]
        found[f"gemeente-{municipality.pk}"] = (
            "gemeente",
            municipality.name,
            network,
            (municipality.pk,),
        )
    return found


def models_of(networks) -> set[str]:
    return {network.organisational_model for network in networks}


def default_period() -> dict:
    """The dashboard before any filter: this calendar year (so far)."""
    start, end = period_of(timezone.localdate().year, "")
    return {"start": start, "end": end}


def default_filter() -> dict:
    return {"year": timezone.localdate().year}


class SelfAssessmentForm(forms.Form):
    measured_on = forms.DateField(
        label=_("Datum meting"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )

    def __init__(self, *args, **kwargs):
        from .models import BuildingBlock

        super().__init__(*args, **kwargs)
        for block in BuildingBlock:
            self.fields[f"score_{block.value}"] = forms.TypedChoiceField(
                label=block.label, choices=[(n, n) for n in range(1, 6)], coerce=int
            )
            self.fields[f"notes_{block.value}"] = forms.CharField(
                label=_("Toelichting"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        from .models import BuildingBlock

        return {
            block.value: (
                self.cleaned_data[f"score_{block.value}"],
                self.cleaned_data[f"notes_{block.value}"],
            )
            for block in BuildingBlock
        }
