"""Public network pages: the logo, which is shown on plans and print pages."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from vroeghulp.access.decorators import public

from .models import Network


@public
def logo(request, slug):
    network = get_object_or_404(Network, slug=slug)
    if not network.logo:
        raise Http404
    response = FileResponse(network.logo.open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response
