"""The admin: for network administrators, limited to their own networks, never case content."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.admin import OTPAdminSite

from vroeghulp.accounts import actions as account_actions
from vroeghulp.accounts import lockout
from vroeghulp.accounts.administration import administered_networks
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User

from .constants import Discipline
from .models import Municipality, Network, Organisation, Region, TeamTier


class NetworkAdminSite(OTPAdminSite):
    site_header = _("Vroeghulp beheer")
    site_title = _("Vroeghulp beheer")
    index_title = _("Netwerkbeheer")

    def login(self, request, extra_context=None):
        # One login for everyone: password and second factor on the application's own pages.
        return redirect_to_login(request.GET.get("next", reverse("admin:index")))

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_authenticated and user.is_verified()):
            return False
        return user.is_superuser or bool(user.networks_with_role(Role.NETWORK_ADMIN))


admin_site = NetworkAdminSite(name="admin")
# Nothing in the admin deletes: rows end by being made inactive, so history and the audit log
# keep pointing at something.
admin_site.disable_action("delete_selected")


class NetworkScopedChoices:
    """Foreign-key choices limited to the administrator's own networks."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        networks = administered_networks(request.user)
        if db_field.related_model is Network:
            kwargs["queryset"] = Network.objects.filter(pk__in=networks)
        elif db_field.related_model is Organisation:
            kwargs["queryset"] = Organisation.objects.filter(network__in=networks)
        elif db_field.related_model is User:
            # Nobody hands out roles to themselves: a second administrator has to.
            users = User.objects.filter(memberships__network__in=networks)
            if not request.user.is_superuser:
                users = users.exclude(is_superuser=True)
            kwargs["queryset"] = users.exclude(pk=request.user.pk).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def save_role(request, membership: Membership) -> None:
    """Roles decide who reads which child: every save goes through the audited actions."""
    if membership.is_active:
        account_actions.grant_role(membership, actor=request.user)
    else:
        account_actions.revoke_role(membership, actor=request.user)


class HidesPlatformAccounts:
    """Platform (superuser) accounts are the platform's: network administrators never see them."""

    platform_user_field = "is_superuser"

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.exclude(**{self.platform_user_field: True})


class NetworkScopedAdmin(NetworkScopedChoices, admin.ModelAdmin):
    """Rights come from the network-administrator role, not from Django's model permissions."""

    network_field = "network"

    def get_queryset(self, request):
        scope = {f"{self.network_field}__in": administered_networks(request.user)}
        return super().get_queryset(request).filter(**scope).distinct()

    def has_module_permission(self, request) -> bool:
        return admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Network, site=admin_site)
class NetworkAdmin(NetworkScopedAdmin):
    network_field = "pk"
    list_display = ["name", "organisational_model", "callback_deadline_days"]

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser


@admin.register(Municipality, site=admin_site)
class MunicipalityAdmin(NetworkScopedAdmin):
    list_display = ["name", "cbs_code", "network", "children_0_7"]


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(NetworkScopedAdmin):
    list_display = ["name", "kind", "partner_type", "network"]
    list_filter = ["kind", "partner_type"]


@admin.register(Membership, site=admin_site)
class MembershipAdmin(HidesPlatformAccounts, NetworkScopedAdmin):
    list_display = ["user", "role", "organisation", "network", "is_active"]
    list_filter = ["role", "is_active"]
    platform_user_field = "user__is_superuser"

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(user=request.user)

    def save_model(self, request, obj, form, change) -> None:
        save_role(request, obj)


class MembershipInline(NetworkScopedChoices, admin.StackedInline):
    """Stacked, so that every select has its label (a table's column header is none) and the
    form fits a phone."""

    model = Membership
    min_num = 1
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        networks = administered_networks(request.user)
        return super().get_queryset(request).filter(network__in=networks)


@admin.register(User, site=admin_site)
class UserAdmin(HidesPlatformAccounts, NetworkScopedAdmin, BaseUserAdmin):
    inlines = [MembershipInline]
    network_field = "memberships__network"
    ordering = ["full_name"]
    list_display = ["full_name", "email", "discipline", "is_active"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_active"]
    fieldsets = [
        (
            None,
            {"fields": ["email", "full_name", "discipline", "phone", "is_active", "login_locked"]},
        ),
    ]
    readonly_fields = ["login_locked"]
    actions = ["unlock_login"]

    @admin.display(description=_("inloggen geblokkeerd"), boolean=True)
    def login_locked(self, obj: User) -> bool:
        return lockout.is_account_locked(obj.email)

    @admin.action(description=_("Blokkering van inloggen opheffen"))
    def unlock_login(self, request, queryset) -> None:
        # The queryset is already limited to the administrator's own network; the action checks
        # again, and writes the audit entry.
        users = list(queryset)
        for user in users:
            account_actions.unlock_login(user, actor=request.user)
        message = ngettext(
            "Blokkering opgeheven voor %(count)d gebruiker.",
            "Blokkering opgeheven voor %(count)d gebruikers.",
            len(users),
        )
        self.message_user(request, message % {"count": len(users)}, messages.SUCCESS)

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        for membership in formset.save(commit=False):
            save_role(request, membership)
        return None

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(pk=request.user.pk)

    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "discipline", "password1", "password2"]}),
    ]


# --- Regions: the groupings of municipalities the monitoring offers ---------------------------

from django import forms  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402


class RegionForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = ["network", "name", "municipalities"]

    def clean(self):
        data = super().clean()
        network, chosen = data.get("network"), data.get("municipalities")
        if network and chosen and any(m.network_id != network.pk for m in chosen):
            raise ValidationError(_("Een regio bestaat uit gemeenten van het eigen netwerk."))
        return data


class MunicipalitiesOfOwnNetworks:
    """The municipalities a record serves: only those of the administrator's networks, as
    checkboxes (labelled, usable without script and on a phone; the admin's two-list filter
    widget gives its icons an aria-label that their role does not allow)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality:
            networks = administered_networks(request.user)
            kwargs["queryset"] = Municipality.objects.filter(network__in=networks)
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Region, site=admin_site)
class RegionAdmin(MunicipalitiesOfOwnNetworks, NetworkScopedAdmin):
    form = RegionForm
    list_display = ["name", "network"]


# --- Team tiers: local core teams and a provincial team, maintained per network --------------


class TeamTierForm(forms.ModelForm):
    disciplines = forms.MultipleChoiceField(
        label=_("samenstelling (disciplines)"),
        choices=Discipline.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = TeamTier
        fields = ["network", "name", "kind", "disciplines", "municipalities", "active"]

    def clean(self):
        data = super().clean()
        network, chosen = data.get("network"), data.get("municipalities")
        if network and chosen and any(m.network_id != network.pk for m in chosen):
            raise ValidationError(_("Een team werkt voor gemeenten van het eigen netwerk."))
        return data


@admin.register(TeamTier, site=admin_site)
class TeamTierAdmin(MunicipalitiesOfOwnNetworks, NetworkScopedAdmin):
    form = TeamTierForm
    list_display = ["name", "kind", "network", "active"]
    list_filter = ["kind", "active"]
