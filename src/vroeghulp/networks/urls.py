from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("<slug:slug>/logo.png", views.logo, name="logo"),
]
