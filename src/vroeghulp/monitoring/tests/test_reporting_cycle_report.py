"""The funder's report per period of the network's reporting cycle: a page of the periods, a
printable report and an XLSX per period, for the network's coordinator and analyst only, each
download audited as an export; figures as published elsewhere (bands)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_four_months(world):
    world.network.report_every_months = 4
    world.network.report_cycle_starts_month = 1
    world.network.save(update_fields=["report_every_months", "report_cycle_starts_month"])
    return world.network


def _last_complete_start(today: datetime.date) -> datetime.date:
    running = datetime.date(today.year, (today.month - 1) // 4 * 4 + 1, 1)
    before = running - datetime.timedelta(days=1)
    return datetime.date(before.year, (before.month - 1) // 4 * 4 + 1, 1)


def test_the_periods_page_lists_the_cycle(world, every_four_months):
    today = timezone.localdate()
    running = datetime.date(today.year, (today.month - 1) // 4 * 4 + 1, 1)
    page = verified_client(world.users[Role.COORDINATOR]).get(reverse("monitoring:cycle_reports"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Cyclus: elke 4 maanden, vanaf januari." in html
    assert f"periode={running.isoformat()}" in html
    assert "loopt nog" in html


def test_the_report_of_a_period_is_printable_and_audited(world, every_four_months):
    start = _last_complete_start(timezone.localdate())
    RegistrationFactory(
        network=world.network,
        received_at=timezone.make_aware(datetime.datetime.combine(start, datetime.time(10))),
    )
    response = verified_client(world.users[Role.ANALYST]).get(
        reverse("monitoring:cycle_report", args=[world.network.slug]),
        {"periode": start.isoformat()},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Instroom" in html and "&lt;5" in html
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_type="indicators")
    assert entry.details["from"] == start.isoformat()
    assert entry.details["format"] == "html"
    assert entry.details["filters"]["cycle_months"] == 4
    assert entry.role == "analyst"


def test_the_report_as_xlsx(world, every_four_months):
    start = _last_complete_start(timezone.localdate())
    response = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("monitoring:cycle_report_xlsx", args=[world.network.slug]),
        {"periode": start.isoformat()},
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Indicatoren"]
    assert sheet["A1"].value.startswith(f"Periode {start:%d-%m-%Y}")
    names = {row[0].value for row in sheet.iter_rows(min_row=3)}
    assert {"Instroom", "Advies zonder MDO", "Trajecten per team"} <= names
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_type="indicators")
    assert entry.details["format"] == "xlsx"


def test_a_day_that_starts_no_period_is_not_found(world, every_four_months):
    client = verified_client(world.users[Role.COORDINATOR])
    url = reverse("monitoring:cycle_report", args=[world.network.slug])
    assert client.get(url, {"periode": "2026-02-01"}).status_code == 404
    assert client.get(url, {"periode": "morgen"}).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize(
    "role", [Role.CASEMANAGER, Role.TEAM_MEMBER, Role.NETWORK_ADMIN, Role.REFERRER]
)
def test_only_coordinator_and_analyst(world, every_four_months, role):
    client = verified_client(world.users[role])
    assert client.get(reverse("monitoring:cycle_reports")).status_code == 404
    assert (
        client.get(reverse("monitoring:cycle_report_xlsx", args=[world.network.slug])).status_code
        == 404
    )


def test_not_the_report_of_another_network(world, other_world, every_four_months):
    client = verified_client(other_world.users[Role.COORDINATOR])
    for view in ("monitoring:cycle_report", "monitoring:cycle_report_xlsx"):
        assert client.get(reverse(view, args=[world.network.slug])).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()
