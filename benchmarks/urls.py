"""The application's URLs plus a bare view that renders the base layout with no data."""

from django.shortcuts import render
from django.urls import include, path

from vroeghulp.access.decorators import public


@public
def bare(request):
    return render(request, "base.html", {})


urlpatterns = [path("_bare/", bare), path("", include("vroeghulp.urls"))]
