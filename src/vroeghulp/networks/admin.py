"""The admin: for network administrators, limited to their own networks, never case content."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User

from .models import Municipality, Network, Organisation


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


def administered_networks(user) -> set[int]:
    if user.is_superuser:
        return set(Network.objects.values_list("pk", flat=True))
    return user.networks_with_role(Role.NETWORK_ADMIN)


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
            kwargs["queryset"] = (
                User.objects.filter(memberships__network__in=networks)
                .exclude(pk=request.user.pk)
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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
class MembershipAdmin(NetworkScopedAdmin):
    list_display = ["user", "role", "organisation", "network", "is_active"]
    list_filter = ["role", "is_active"]

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(user=request.user)


class MembershipInline(NetworkScopedChoices, admin.TabularInline):
    model = Membership
    min_num = 1
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    has_add_permission = has_change_permission = has_view_permission

    def get_queryset(self, request):
        networks = administered_networks(request.user)
        return super().get_queryset(request).filter(network__in=networks)


@admin.register(User, site=admin_site)
class UserAdmin(NetworkScopedAdmin, BaseUserAdmin):
    inlines = [MembershipInline]
    network_field = "memberships__network"
    ordering = ["full_name"]
    list_display = ["full_name", "email", "discipline", "is_active"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_active"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "discipline", "phone", "is_active"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(pk=request.user.pk)

    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "discipline", "password1", "password2"]}),
    ]


# --- Regions: the groupings of municipalities the monitoring offers ---------------------------

from django import forms  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402

from .models import Region  # noqa: E402


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


@admin.register(Region, site=admin_site)
class RegionAdmin(NetworkScopedAdmin):
    form = RegionForm
    list_display = ["name", "network"]
    filter_horizontal = ["municipalities"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality:
            networks = administered_networks(request.user)
            kwargs["queryset"] = Municipality.objects.filter(network__in=networks)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None) -> bool:
        # A region holds no case data: its administrator may remove it.
        return admin_site.has_permission(request) and (
            obj is None or obj.network_id in administered_networks(request.user)
        )
