"""The dashboard shows every indicator with small numbers hidden; the CSV export is logged."""

import csv
import io
import re

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.monitoring.indicators import INDICATORS, Result
from vroeghulp.monitoring.presentation import TOO_FEW, display
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_dashboard_lists_every_indicator_and_a_chart(world):
    for _ in range(6):
        RegistrationFactory(network=world.network)
    response = verified_client(world.users[Role.ANALYST]).get(reverse("monitoring:overview"))
    names = [row.name for row in response.context["indicators"]]
    assert names == [indicator.name for indicator in INDICATORS]
    inflow = next(r for r in response.context["indicators"] if r.key == "inflow")
    assert inflow.value == "6"
    html = response.content.decode()
    assert "<svg" in html and "Instroom per maand" in html
    assert not re.search(r'(height|y)="\d+,\d', html)  # SVG numbers are never localised
    assert "Yılmaz" not in html and "Sofie" not in html  # no child ever appears


def test_small_numbers_are_hidden():
    assert display("aantal", Result(count=3)) == ("<5", "")
    assert display("deel", Result(numerator=1, denominator=3)) == (TOO_FEW, "")
    # A percentage would give a small numerator (or its complement) away: a bound only.
    assert display("deel", Result(numerator=2, denominator=10)) == ("<50%", "<5 van 10")
    assert display("deel", Result(numerator=48, denominator=50)) == (">90%", ">45 van 50")
    assert display("deel", Result(numerator=30, denominator=50)) == ("60%", "30 van 50")
    assert display("dagen", Result.of([1, 2, 3]))[0] == TOO_FEW
    value, detail = display("dagen", Result.of([10, 12, 14, 20, 30], norm=14))
    assert value == "mediaan 14 dagen"
    assert "60% binnen de norm van 14 dagen" in detail


def test_filters_and_bad_input(world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(
        reverse("monitoring:overview"), {"start": "2026-06-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "De begindatum ligt na de einddatum." in response.content.decode()
    response = client.get(
        reverse("monitoring:overview"),
        {"start": "2026-01-01", "end": "2026-12-31", "route": "phone"},
    )
    assert response.context["scope"].routes == ["phone"]


def test_csv_export_carries_definitions_and_is_logged(world):
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(
        reverse("monitoring:export_csv"), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["indicator", "waarde", "toelichting bij de waarde", "eenheid", "definitie"]
    assert {r[0] for r in rows[1:] if not r[0].startswith(" ")} == {i.name for i in INDICATORS}
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_type="indicators")
    assert entry.child_id is None and entry.user_id == world.users[Role.ANALYST].pk


@pytest.mark.parametrize("role", [Role.CASEMANAGER, Role.LOG_MANAGER, Role.NETWORK_ADMIN])
def test_other_roles_get_no_figures(world, role):
    client = verified_client(world.users[role])
    assert client.get(reverse("monitoring:export_csv")).status_code == 404


def test_xlsx_export_has_figures_and_definitions(world):
    from openpyxl import load_workbook

    client = verified_client(world.users[Role.ANALYST])
    response = client.get(
        reverse("monitoring:export_xlsx"), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Indicatoren", "Definities"]
    names = [row[0].value for row in book["Indicatoren"].iter_rows(min_row=3)]
    assert names == [indicator.name for indicator in INDICATORS]
    assert AuditEntry.objects.filter(details__format="xlsx").exists()


def test_each_indicator_is_compared_with_a_year_earlier(world):
    import datetime

    from django.utils import timezone

    last_year = timezone.now() - datetime.timedelta(days=365)
    for _ in range(7):
        RegistrationFactory(network=world.network, received_at=last_year)
    client = verified_client(world.users[Role.COORDINATOR])
    today = timezone.localdate()
    start = (today - datetime.timedelta(days=30)).isoformat()
    response = client.get(
        reverse("monitoring:overview"), {"start": start, "end": today.isoformat()}
    )
    inflow = next(r for r in response.context["indicators"] if r.key == "inflow")
    assert (inflow.value, inflow.previous) == ("0", "7")


def test_yearly_report_pdf_holds_the_figures_and_is_logged(world):
    from pypdf import PdfReader

    for _ in range(6):
        RegistrationFactory(network=world.network)
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(reverse("monitoring:yearly_report", args=[world.network.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Jaarverslag" in text and "Instroom" in text and "Dagen tot terugbellen" in text
    assert "Sofie" not in text
    assert AuditEntry.objects.filter(details__format="pdf").exists()


def test_yearly_report_of_another_network_is_not_found(world, other_world):
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(reverse("monitoring:yearly_report", args=[other_world.network.slug]))
    assert response.status_code == 404
