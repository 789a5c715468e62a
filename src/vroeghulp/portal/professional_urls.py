"""The professionals' side of the messages with parents, mounted under /trajecten/."""

from django.urls import path

from . import views

app_name = "messages"

urlpatterns = [
    path("<uuid:code>/berichten/", views.case_messages, name="case"),
    path("<uuid:code>/berichten/antwoord/", views.reply, name="reply"),
    path("<uuid:code>/berichten/verzoek/", views.answer_data_request, name="answer_request"),
]
