from django.urls import path

from . import views

app_name = "cbplus"

urlpatterns = [
    path("", views.consult_list, name="list"),
    path("nieuw/", views.new_consult, name="new"),
    path("<uuid:code>/", views.detail, name="detail"),
    path("<uuid:code>/deelnemer/", views.add_participant, name="add_participant"),
    path("<uuid:code>/bevinding/", views.add_finding, name="add_finding"),
    path("<uuid:code>/advies/", views.save_advice, name="save_advice"),
    path("<uuid:code>/aanmelden/", views.register, name="register"),
    path("<uuid:code>/verslag/", views.report, name="report"),
    path("<uuid:code>/verslag.pdf", views.report_pdf, name="report_pdf"),
]
