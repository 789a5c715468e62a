"""Every export's audit entry says what was exported (the filters) and by whom, in which role for
which organisation."""

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.networks.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("view", ["monitoring:export_csv", "monitoring:export_xlsx"])
def test_an_export_records_its_filters_role_and_organisation(world, view):
    region = Region.objects.create(network=world.network, name="Rijk van Nijmegen")
    region.municipalities.set([world.own_case.child.municipality])
    year = timezone.localdate().year
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(
        reverse(view),
        {"year": year, "part": "k3", "grouping": f"regio-{region.pk}", "route": "phone"},
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_type="indicators")
    assert entry.role == "analyst"
    assert entry.organisation_label == world.organisation.name
    assert entry.network_id == world.network.pk
    assert entry.details["from"] == f"{year}-07-01" and entry.details["to"] == f"{year}-09-30"
    assert entry.details["filters"] == {
        "year": year,
        "part": "k3",
        "grouping": "regio: Rijk van Nijmegen",
        "route": "phone",
        "age_group": "alle",
        "model": "alle",
    }


def test_the_yearly_report_records_role_and_organisation(world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(
        reverse("monitoring:yearly_report", args=[world.network.slug]), {"jaar": 2025}
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_type="indicators")
    assert (entry.role, entry.organisation_label) == ("coordinator", world.organisation.name)
    assert entry.details["filters"] == {"year": 2025, "grouping": "netwerk"}


def test_a_refused_filter_exports_nothing_and_logs_nothing(world, other_world):
    client = verified_client(world.users[Role.ANALYST])
    foreign = f"gemeente-{other_world.own_case.child.municipality_id}"
    response = client.get(
        reverse("monitoring:export_csv"), {"year": timezone.localdate().year, "grouping": foreign}
    )
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()
