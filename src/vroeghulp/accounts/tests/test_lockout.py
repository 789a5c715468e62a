"""Failed logins lock the account (from any address) and the address (over all accounts)."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    # Written out here, so the tests do not depend on the defaults they check.
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8


def _login(address: str, email: str, password: str) -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    return client, response


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_repeated_failures_lock_the_account(world):
    user = world.users[Role.CASEMANAGER]
    client = Client()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert not _logged_in(client)


def test_failures_from_five_addresses_lock_the_account_for_a_sixth(world):
    user = world.users[Role.COORDINATOR]
    for n in range(1, 6):
        _login(f"198.51.100.{n}", user.email, "fout")
    client, response = _login("203.0.113.77", user.email, PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)


def test_the_account_is_one_account_whatever_its_spelling(world):
    user = world.users[Role.COORDINATOR]
    for n, spelling in enumerate([user.email.upper(), f" {user.email}", user.email] * 2):
        _login(f"198.51.100.{n}", spelling, "fout")
    client, response = _login("203.0.113.77", user.email, PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)


def test_one_address_trying_many_accounts_is_blocked(world):
    tried = [world.users[role] for role in (Role.COORDINATOR, Role.CASEMANAGER, Role.ANALYST)]
    tried.append(world.users[Role.REFERRER])
    for user in tried:  # 4 accounts x 2 failures: no account reaches 5, the address reaches 8
        for _ in range(2):
            _login("198.51.100.9", user.email, "fout")

    other = world.users[Role.LOG_MANAGER]
    client, response = _login("198.51.100.9", other.email, PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    # The accounts themselves are not locked: from elsewhere their owners log in.
    client, response = _login("203.0.113.5", tried[0].email, PASSWORD)
    assert _logged_in(client)


def test_below_both_limits_the_right_password_logs_in(world):
    user = world.users[Role.ANALYST]
    for n in range(4):
        _login(f"198.51.100.{n}", user.email, "fout")
    client, _response = _login("198.51.100.50", user.email, PASSWORD)
    assert _logged_in(client)


def test_a_success_forgives_only_the_failures_from_its_own_address(world):
    user = world.users[Role.ANALYST]
    for _ in range(2):
        _login("198.51.100.1", user.email, "fout")
    for _ in range(2):
        _login("203.0.113.66", user.email, "fout")  # someone else, elsewhere
    client, _response = _login("198.51.100.1", user.email, PASSWORD)
    assert _logged_in(client)
    # The two failures from elsewhere still count: three more lock the account.
    for _ in range(3):
        _login("203.0.113.66", user.email, "fout")
    client, response = _login("198.51.100.1", user.email, PASSWORD)
    assert response.status_code == 429


def test_logging_in_to_ones_own_account_does_not_clear_failures_on_another(world):
    """An attacker logging in to their own account does not clear the address's failures."""
    victim, own = world.users[Role.COORDINATOR], world.users[Role.ANALYST]
    for _ in range(4):
        _login("198.51.100.9", victim.email, "fout")
    client, _response = _login("198.51.100.9", own.email, PASSWORD)
    assert _logged_in(client)
    _login("198.51.100.9", victim.email, "fout")
    client, response = _login("203.0.113.1", victim.email, PASSWORD)
    assert response.status_code == 429


def test_the_lockout_page_says_what_to_do(world):
    user = world.users[Role.CASEMANAGER]
    for _ in range(5):
        _login("198.51.100.1", user.email, "fout")
    _client, response = _login("198.51.100.1", user.email, PASSWORD)
    html = response.content.decode()
    assert "ook met het juiste wachtwoord" in html
    assert reverse("accounts:password_reset") in html
    assert "vraag de netwerkbeheerder van je netwerk om de blokkering op te heffen" in html
    assert "wacht 30 minuten" in html
    assert user.email not in html
