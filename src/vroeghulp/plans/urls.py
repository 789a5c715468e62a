from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("<uuid:code>/", views.plan_page, name="plan"),
    path("<uuid:code>/starten/", views.start, name="start"),
    path("<uuid:code>/inleiding/", views.save_introduction, name="save_introduction"),
    path("<uuid:code>/advies/", views.add_item, name="add_item"),
    path("<uuid:code>/advies/wijzigen/", views.change_item, name="change_item"),
    path("<uuid:code>/uitgeven/", views.issue, name="issue"),
    path("<uuid:code>/arrangement/", views.save_arrangement, name="save_arrangement"),
    path(
        "<uuid:code>/arrangement/evaluatie/",
        views.evaluate_arrangement,
        name="evaluate_arrangement",
    ),
    path("<uuid:code>/versie/<uuid:version_code>/besproken/", views.discussed, name="discussed"),
    path("<uuid:code>/versie/<uuid:version_code>/reactie/", views.react, name="react"),
    path("<uuid:code>/versie/<uuid:version_code>/delen/", views.share, name="share"),
    path("<uuid:code>/versie/<uuid:version_code>/pdf/", views.version_pdf, name="pdf"),
    path("<uuid:code>/versie/<uuid:version_code>/afdrukken/", views.version_print, name="print"),
]
