from django.urls import path

from . import views

app_name = "followup"

urlpatterns = [
    path("", views.follow_up_list, name="list"),
    path("traject/<uuid:code>/", views.case_follow_up, name="case"),
    path("traject/<uuid:code>/starten/", views.start, name="start"),
    path("traject/<uuid:code>/check-in/", views.check_in, name="check_in"),
    path("traject/<uuid:code>/verzoek/", views.record_request, name="record_request"),
    path("traject/<uuid:code>/heropenen/", views.reopen, name="reopen"),
]
