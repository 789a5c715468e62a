"""The dashboard shows every indicator with small numbers hidden; the CSV export is logged."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

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
    assert inflow.value == "5–8"
    html = response.content.decode()
    assert "<svg" in html and "Instroom per maand" in html
    assert not re.search(r'(height|y)="\d+,\d', html)  # SVG numbers are never localised
    assert "Yılmaz" not in html and "Sofie" not in html  # no child ever appears


def test_small_numbers_are_hidden():
    assert display("aantal", Result(count=3)) == ("<5", "")
    assert display("aantal", Result(count=0)) == ("<5", "")
    assert display("aantal", Result(count=11)) == ("9–12", "")
    assert display("deel", Result(numerator=1, denominator=3)) == (TOO_FEW, "")
    # A share is the range its bands allow: an exact percentage of a known total would give
    # the count away.
    # 0–4 of 9–12: from 0/12 to 4/9
    assert display("deel", Result(numerator=2, denominator=10)) == ("0–45%", "<5 van 9–12")
    assert display("deel", Result(numerator=48, denominator=50)) == ("86–98%", "45–48 van 49–52")
    assert display("deel", Result(numerator=30, denominator=50)) == ("55–66%", "29–32 van 49–52")
    assert display("dagen", Result.of([1, 2, 3]))[0] == TOO_FEW
    value, detail = display("dagen", Result.of([10, 12, 14, 20, 30], norm=14))
    assert value == "mediaan 14 dagen"
    # 3 of 5 within the norm: 0–4 of 5–8, so 0% to 80%
    assert detail == "80% binnen 20 · n = 5–8 · 0–80% binnen de norm van 14 dagen"


def test_filters_and_bad_input(world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(reverse("monitoring:overview"), {"year": "1990"})
    assert response.status_code == 400
    assert "scope" not in response.context
    year = timezone.localdate().year
    response = client.get(
        reverse("monitoring:overview"), {"year": year, "part": "k2", "route": "phone"}
    )
    scope = response.context["scope"]
    assert (scope.start.isoformat(), scope.end.isoformat()) == (f"{year}-04-01", f"{year}-06-30")
    assert scope.routes == ["phone"]
    # One route at a time: a list of routes is not a choice the form offers.
    response = client.get(reverse("monitoring:overview"), {"year": year, "route": ["phone", "cjg"]})
    assert response.context["scope"].routes == ["cjg"]  # the last value of the field counts


def test_csv_export_carries_definitions_and_is_logged(world):
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(reverse("monitoring:export_csv"), {"year": timezone.localdate().year})
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
    response = client.get(reverse("monitoring:export_xlsx"), {"year": timezone.localdate().year})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Indicatoren", "Definities"]
    names = [row[0].value for row in book["Indicatoren"].iter_rows(min_row=3)]
    assert names == [indicator.name for indicator in INDICATORS]
    assert AuditEntry.objects.filter(details__format="xlsx").exists()


def test_each_indicator_is_compared_with_a_year_earlier(world):
    import datetime

    this_year = timezone.localdate().year
    last_year = timezone.make_aware(datetime.datetime(this_year - 1, 2, 10, 12))  # noqa: DTZ001
    for _ in range(7):
        RegistrationFactory(network=world.network, received_at=last_year)
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(reverse("monitoring:overview"), {"year": this_year, "part": "k1"})
    inflow = next(r for r in response.context["indicators"] if r.key == "inflow")
    assert (inflow.value, inflow.previous) == ("<5", "5–8")


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
