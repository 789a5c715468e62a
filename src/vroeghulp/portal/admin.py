"""Network administrators maintain their network's closing questionnaire."""

from django.contrib import admin

from vroeghulp.networks.admin import NetworkScopedAdmin, admin_site

from .models import SatisfactionQuestion


@admin.register(SatisfactionQuestion, site=admin_site)
class SatisfactionQuestionAdmin(NetworkScopedAdmin):
    list_display = ["text", "network", "position", "active"]
    list_editable = ["position", "active"]
