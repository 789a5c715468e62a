"""The social map in the admin: each administrator their own network's entries; every save goes
through the audited actions, and nothing is deleted (an entry is made inactive)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from vroeghulp.concurrency import STALE_MESSAGE
from vroeghulp.networks.admin import MunicipalitiesOfOwnNetworks, NetworkScopedAdmin, admin_site

from . import actions
from .models import SocialMapEntry


class SocialMapEntryForm(forms.ModelForm):
    # The version the administrator opened: a save based on an older one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = SocialMapEntry
        fields = [
            "network",
            "name",
            "kind",
            "organisation",
            "description",
            "age_from_months",
            "age_to_months",
            "municipalities",
            "waiting_weeks",
            "phone",
            "email",
            "website",
            "address",
            "is_active",
            "checked_on",
            "version",
        ]

    def clean(self):
        data = super().clean()
        network = data.get("network") or getattr(self.instance, "network", None)
        if network is not None:
            organisation = data.get("organisation")
            if organisation is not None and organisation.network_id != network.pk:
                self.add_error("organisation", _("Deze organisatie hoort bij een ander netwerk."))
            if any(m.network_id != network.pk for m in data.get("municipalities") or []):
                self.add_error("municipalities", _("Kies gemeenten van het gekozen netwerk."))
        if self.instance.pk is not None:
            stored = SocialMapEntry.objects.filter(pk=self.instance.pk).values_list(
                "version", flat=True
            )
            if data.get("version") not in stored:
                self.add_error(None, STALE_MESSAGE)
        return data


@admin.register(SocialMapEntry, site=admin_site)
class SocialMapEntryAdmin(MunicipalitiesOfOwnNetworks, NetworkScopedAdmin):
    form = SocialMapEntryForm
    list_display = ["name", "kind", "network", "waiting_weeks", "checked_on", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "description"]

    def get_readonly_fields(self, request, obj=None):
        # an entry stays in its network: the plan items and referrals naming it are there
        return ["network"] if obj is not None else []

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        fields = {name: data[name] for name in actions.FIELDS if name in data}
        municipalities = list(data.get("municipalities") or [])
        if change:
            saved = actions.update_entry(
                SocialMapEntry.objects.get(pk=obj.pk),
                actor=request.user,
                version=data["version"],
                municipalities=municipalities,
                **fields,
            )
        else:
            saved = actions.create_entry(
                actor=request.user,
                network=data["network"],
                municipalities=municipalities,
                **fields,
            )
        obj.pk, obj.version = saved.pk, saved.version

    def save_related(self, request, form, formsets, change) -> None:
        # the municipalities were saved by the action, with its audit entry
        pass
