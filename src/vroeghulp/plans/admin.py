"""Jargon terms are shared by every network: network administrators read them, the platform
(a superuser) maintains them."""

from django.contrib import admin

from vroeghulp.networks.admin import admin_site

from .models import JargonTerm


@admin.register(JargonTerm, site=admin_site)
class JargonTermAdmin(admin.ModelAdmin):
    list_display = ["term", "plain"]
    search_fields = ["term", "plain"]

    def has_module_permission(self, request) -> bool:
        return admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        # A term has no network: a change by one network's administrator would rewrite the
        # readability hints of every network's plans.
        return admin_site.has_permission(request) and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return self.has_change_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
