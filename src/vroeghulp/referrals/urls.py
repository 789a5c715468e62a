from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("aanmelden/<slug:network_slug>/", views.public_registration, name="public"),
    path("aanmelden/<slug:network_slug>/verstuurd/", views.thanks, name="thanks"),
    path("vooraanmelding/", views.referrer_registration, name="referrer_registration"),
    path("aanmeldingen/nieuw/", views.staff_registration, name="staff_registration"),
]
