from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import DATE, DATE_ERRORS
from vroeghulp.networks.constants import OrganisationalModel
from vroeghulp.networks.models import Municipality
from vroeghulp.referrals.constants import Route

from .ages import AGE_GROUP_CHOICES


class DashboardFilter(forms.Form):
    start = forms.DateField(label=_("Van"), widget=DATE, error_messages=DATE_ERRORS)
    end = forms.DateField(label=_("Tot en met"), widget=DATE, error_messages=DATE_ERRORS)
    municipality = forms.ModelMultipleChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.none(), required=False
    )
    route = forms.MultipleChoiceField(
        label=_("Route van aanmelding"), choices=Route.choices, required=False
    )
    age_group = forms.MultipleChoiceField(
        label=_("Leeftijd bij aanmelding"), choices=AGE_GROUP_CHOICES, required=False
    )
    model = forms.MultipleChoiceField(
        label=_("Organisatiemodel"), choices=OrganisationalModel.choices, required=False
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(network__in=networks)
        models = models_of(networks)
        if len(models) > 1:
            self.fields["model"].choices = [
                choice for choice in OrganisationalModel.choices if choice[0] in models
            ]
        else:
            del self.fields["model"]

    def networks(self, networks: list) -> list:
        """The networks the chosen organisational models narrow the dashboard to."""
        chosen = self.cleaned_data.get("model")
        return [n for n in networks if n.organisational_model in chosen] if chosen else networks

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data


def models_of(networks) -> set[str]:
    return {network.organisational_model for network in networks}


def default_period() -> dict:
    today = timezone.localdate()
    return {"start": today.replace(month=1, day=1), "end": today}


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
