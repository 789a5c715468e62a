"""The network's logo is on the plan (PDF and print page); only PNG is accepted."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.logos import validate_png
from vroeghulp.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (11, 93, 107)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_logo_is_in_the_pdf_and_served_publicly(world):
    world.network.logo.save("logo.png", ContentFile(_png()))
    client = verified_client(world.users[Role.CASEMANAGER])
    code = world.own_case.code
    client.post(reverse("plans:start", args=[code]))
    client.post(
        reverse("plans:add_item", args=[code]),
        {"domain": "parents", "advice": "Samen spelen.", "status": "to_do", "version": 1},
    )
    client.post(reverse("plans:issue", args=[code]), {"version": 2})
    version = PlanVersion.objects.get()
    reader = PdfReader(io.BytesIO(version.pdf.open("rb").read()))
    assert len(reader.pages[0].images) == 1
    logo = Client().get(reverse("networks:logo", args=[world.network.slug]))
    assert logo["Content-Type"] == "image/png"
    page = client.get(reverse("plans:print", args=[code, version.code])).content.decode()
    assert reverse("networks:logo", args=[world.network.slug]) in page


def test_only_png_logos(world):
    with pytest.raises(ValidationError, match="PNG"):
        validate_png(SimpleUploadedFile("logo.svg", b"<svg><script>alert(1)</script></svg>"))
    validate_png(SimpleUploadedFile("logo.png", _png()))
    response = Client().get(reverse("networks:logo", args=[world.network.slug]))
    assert response.status_code == 404
