from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("plannen/", views.plan, name="plan"),
    path("<uuid:code>/", views.detail, name="detail"),
    path("<uuid:code>/agenda/", views.add_item, name="add_item"),
    path("bespreking/<uuid:code>/", views.item_detail, name="item"),
    path("bespreking/<uuid:code>/deelnemer/", views.add_participant, name="add_participant"),
    path("bespreking/<uuid:code>/bevinding/", views.add_finding, name="add_finding"),
    path("bespreking/<uuid:code>/ouders/", views.set_attendance, name="set_attendance"),
    path("bespreking/<uuid:code>/conclusie/", views.conclude, name="conclude"),
    path("bespreking/<uuid:code>/notities/", views.save_part_notes, name="save_part_notes"),
    path("bespreking/<uuid:code>/dossier.pdf", views.pack_pdf, name="pack_pdf"),
]
