from django.urls import path

from . import confirmation_views, invitation_views, oidc, views

app_name = "portal"

urlpatterns = [
    path("inloggen/", views.login_start, name="login"),
    path("inloggen/code/", views.login_code, name="login_code"),
    path("inloggen/oidc/", oidc.start, name="oidc_start"),
    path("inloggen/oidc/terug/", oidc.callback, name="oidc_callback"),
    path("uitnodiging/<str:token>/", invitation_views.arrive, name="invitation"),
    path("aanmelding/bevestigen/<str:token>/", confirmation_views.arrive, name="confirmation"),
    path("aanmelding/bevestigen/", confirmation_views.answer, name="confirm_registration"),
    path("", views.home, name="home"),
    path("kind/<uuid:code>/", views.child, name="child"),
    path("kind/<uuid:code>/toestemming/", views.give_consent, name="give_consent"),
    path(
        "kind/<uuid:code>/toestemming/intrekken/", views.withdraw_consent, name="withdraw_consent"
    ),
    path("kind/<uuid:code>/plan/<uuid:version_code>/reactie/", views.react, name="react"),
    path("kind/<uuid:code>/plan/<uuid:version_code>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("kind/<uuid:code>/plan/<uuid:version_code>/", views.plan_page, name="plan"),
    path("kind/<uuid:code>/mdo/", views.attend, name="attend"),
    path("kind/<uuid:code>/contactgegevens/", views.contact_details, name="contact_details"),
    path("kind/<uuid:code>/bestand/", views.upload, name="upload"),
    path("kind/<uuid:code>/verzoek/", views.request_data_change, name="data_request"),
    path("kind/<uuid:code>/wie-keek/", views.who_looked, name="who_looked"),
    path("kind/<uuid:code>/bericht/", views.send_message, name="send_message"),
    path("kind/<uuid:code>/gegevens/", views.download_data, name="download_data"),
    path("kind/<uuid:code>/vragenlijst/", views.answer_questionnaire, name="questionnaire"),
]
