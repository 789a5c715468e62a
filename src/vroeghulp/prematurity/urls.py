from django.urls import path

from . import views

app_name = "prematurity"

urlpatterns = [
    path("<uuid:code>/prematuur/", views.case_page, name="case"),
    path("<uuid:code>/prematuur/zwangerschapsduur/", views.gestation, name="gestation"),
    path("<uuid:code>/prematuur/schema/", views.schedule, name="schedule"),
    path("<uuid:code>/prematuur/bezoek/", views.visit, name="visit"),
    path("<uuid:code>/prematuur/overdracht/", views.handover, name="handover"),
]
