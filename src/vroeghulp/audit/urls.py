from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.entries, name="entries"),
    path("kind/<uuid:code>/export/", views.child_export, name="child_export"),
    path("noodtoegang/", views.emergency_grants, name="emergency_grants"),
]
