from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("noodtoegang/", views.emergency_access, name="emergency_access"),
]
