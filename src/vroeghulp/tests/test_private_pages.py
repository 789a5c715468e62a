"""Pages with personal data are never kept by a browser or proxy and may use no device feature."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client

pytestmark = pytest.mark.django_db


def test_a_case_file_is_not_stored_by_browsers_or_proxies(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    for url in (
        reverse("cases:list"),
        reverse("cases:detail", args=[world.own_case.code]),
        reverse("home"),
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= cache_control, url


def test_refusals_and_the_login_page_are_not_stored_either(world, other_world):
    client = verified_client(world.users[Role.CASEMANAGER])
    refused = client.get(reverse("cases:detail", args=[other_world.own_case.code]))
    assert refused.status_code == 404
    assert "no-store" in refused["Cache-Control"]
    assert "no-store" in Client().get(reverse("accounts:login"))["Cache-Control"]


def test_every_page_forbids_camera_microphone_and_location(world):
    response = verified_client(world.users[Role.CASEMANAGER]).get(reverse("cases:list"))
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
