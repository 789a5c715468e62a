from django.urls import path

from . import views

app_name = "children"

urlpatterns = [
    path("zoeken/", views.search, name="search"),
]
