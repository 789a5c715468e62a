from django.urls import path

from . import file_views, triage_views, views

app_name = "cases"

urlpatterns = [
    path("aanmeldingen/", triage_views.registrations, name="registrations"),
    path("aanmeldingen/<uuid:code>/", triage_views.registration_detail, name="registration"),
    path("aanmeldingen/<uuid:code>/teruggebeld/", triage_views.record_callback, name="callback"),
    path("aanmeldingen/<uuid:code>/elders/", triage_views.decline, name="decline"),
    path("aanmeldingen/<uuid:code>/accepteren/", triage_views.accept, name="accept"),
    path("trajecten/", views.case_list, name="list"),
    path("trajecten/<uuid:code>/", views.detail, name="detail"),
    path("trajecten/<uuid:code>/notitie/", views.add_note, name="add_note"),
    path("trajecten/<uuid:code>/gezin/", views.link_family, name="link_family"),
    path("trajecten/<uuid:code>/fase/", views.change_phase, name="change_phase"),
    path("trajecten/<uuid:code>/vertraging/", views.add_delay, name="add_delay"),
    path(
        "trajecten/<uuid:code>/advies-zonder-mdo/",
        views.advise_without_meeting,
        name="advise_without_meeting",
    ),
    path("trajecten/<uuid:code>/team/niveau/", file_views.choose_tier, name="choose_tier"),
    path("trajecten/<uuid:code>/team/", file_views.team, name="team"),
    path("trajecten/<uuid:code>/team/toevoegen/", file_views.add_member, name="add_member"),
    path("trajecten/<uuid:code>/team/einde/", file_views.end_member, name="end_member"),
    path("trajecten/<uuid:code>/toestemming/", file_views.consents, name="consents"),
    path("trajecten/<uuid:code>/intake/", file_views.intake, name="intake"),
    path("trajecten/<uuid:code>/intake/opslaan/", file_views.save_intake, name="save_intake"),
    path(
        "trajecten/<uuid:code>/intake/eerder-onderzoek/",
        file_views.add_earlier_finding,
        name="add_earlier_finding",
    ),
    path("trajecten/<uuid:code>/informatie/", file_views.information, name="information"),
    path(
        "trajecten/<uuid:code>/informatie/verzoek/",
        file_views.request_information,
        name="request_information",
    ),
    path(
        "trajecten/<uuid:code>/informatie/antwoord/",
        file_views.answer_request,
        name="answer_request",
    ),
    path(
        "trajecten/<uuid:code>/informatie/document/",
        file_views.upload_document,
        name="upload_document",
    ),
    path("trajecten/<uuid:code>/uitvoering/", file_views.execution, name="execution"),
    path("trajecten/<uuid:code>/uitvoering/contact/", file_views.add_contact, name="add_contact"),
    path("trajecten/<uuid:code>/uitvoering/uren/", file_views.add_time, name="add_time"),
    path(
        "trajecten/<uuid:code>/uitvoering/verwijzing/", file_views.add_referral, name="add_referral"
    ),
    path(
        "trajecten/<uuid:code>/uitvoering/plaatsing/",
        file_views.record_placement,
        name="record_placement",
    ),
    path(
        "trajecten/<uuid:code>/uitvoering/ondersteuning/",
        file_views.add_support,
        name="add_support",
    ),
    path(
        "trajecten/<uuid:code>/uitvoering/ondersteuning/antwoord/",
        file_views.answer_support,
        name="answer_support",
    ),
    path("trajecten/<uuid:code>/afsluiten/", file_views.closing, name="closing"),
    path("trajecten/<uuid:code>/afsluiten/opslaan/", file_views.close, name="close"),
    path(
        "trajecten/<uuid:code>/documenten/<uuid:document_code>/",
        file_views.download_document,
        name="document",
    ),
    path("trajecten/<uuid:code>/toestemming/nieuw/", file_views.give_consent, name="give_consent"),
    path(
        "trajecten/<uuid:code>/toestemming/intrekken/",
        file_views.withdraw_consent,
        name="withdraw_consent",
    ),
    path(
        "trajecten/<uuid:code>/toestemming/ouder/",
        file_views.give_guardian_consent,
        name="give_guardian_consent",
    ),
    path(
        "trajecten/<uuid:code>/toestemming/kind/",
        file_views.child_answer,
        name="child_answer",
    ),
]
