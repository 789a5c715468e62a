from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("aanmeldingen/", views.registrations, name="registrations"),
    path("trajecten/", views.case_list, name="list"),
    path("trajecten/<uuid:code>/", views.detail, name="detail"),
    path("trajecten/<uuid:code>/notitie/", views.add_note, name="add_note"),
    path("trajecten/<uuid:code>/fase/", views.change_phase, name="change_phase"),
]
