"""Jargon terms are maintained by network administrators, not by developers."""

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

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission
