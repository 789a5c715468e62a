from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("tweede-stap/", views.second_factor, name="second_factor"),
    path("tweede-stap/instellen/", views.second_factor_setup, name="second_factor_setup"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-instellen/klaar/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
]
