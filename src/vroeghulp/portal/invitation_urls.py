"""The professionals' side of the portal invitations, mounted under /trajecten/."""

from django.urls import path

from . import invitation_views as views

app_name = "invitations"

urlpatterns = [
    path("<uuid:code>/ouders/", views.guardians, name="guardians"),
    path("<uuid:code>/ouders/uitnodigen/", views.invite, name="invite"),
    path("<uuid:code>/ouders/opnieuw/", views.resend, name="resend"),
    path("<uuid:code>/ouders/intrekken/", views.withdraw, name="withdraw"),
    path("<uuid:code>/ouders/gezag/", views.custody_change, name="custody_change"),
]
