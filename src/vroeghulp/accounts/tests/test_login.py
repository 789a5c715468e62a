"""E-mail and password first; professionals then need their second factor."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_wrong_password_gets_a_dutch_message(world):
    response = _login(Client(), world.users[Role.CASEMANAGER].email, "fout-wachtwoord")
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar." in response.content.decode()


def test_pages_need_a_login(world):
    response = Client().get(reverse("cases:detail", args=[world.own_case.code]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "role",
    [
        *(Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER, Role.LOG_MANAGER),
        *(Role.NETWORK_ADMIN, Role.CBPLUS),
    ],
)
def test_roles_with_child_data_need_the_second_factor(world, role):
    client = Client()
    _login(client, world.users[role].email)
    for url in [reverse("home"), reverse("cases:detail", args=[world.own_case.code])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:second_factor")


def test_second_factor_page_sends_a_user_without_device_to_setup(world):
    client = Client()
    _login(client, world.users[Role.CASEMANAGER].email)
    response = client.get(reverse("accounts:second_factor"))
    assert response["Location"] == reverse("accounts:second_factor_setup")


@pytest.mark.parametrize("role", [Role.ANALYST, Role.REFERRER])
def test_roles_without_child_data_log_in_with_a_password(world, role):
    client = Client()
    _login(client, world.users[role].email)
    assert client.get(reverse("home")).status_code == 200


def test_a_parent_logs_in_and_sees_no_professional_pages(world):
    parent = UserFactory()
    client = Client()
    _login(client, parent.email)
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("cases:list")).status_code == 404
    assert client.get(reverse("cases:detail", args=[world.own_case.code])).status_code == 404


def test_logout_ends_the_session(world):
    client = Client()
    _login(client, world.users[Role.ANALYST].email)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302
