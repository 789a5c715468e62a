from django.urls import path

from . import views

app_name = "socialmap"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("nieuw/", views.entry_create, name="create"),
    path("<uuid:code>/", views.entry_detail, name="detail"),
    path("<uuid:code>/wijzigen/", views.entry_edit, name="edit"),
    path("<uuid:code>/actief/", views.entry_set_active, name="set_active"),
]
