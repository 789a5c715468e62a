"""A CB-plus worker records a consult about a new child or one they know; a consult is 30 to 60
minutes for a child of 0 to 4, and bad input comes back in Dutch with nothing typed lost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cbplus.models import Consult
from vroeghulp.cbplus.tests.factories import ConsultFactory, cbplus_worker, clinic, young_child
from vroeghulp.children.models import Child, Guardian

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(world):
    return clinic(world.network)


@pytest.fixture
def worker(organisation):
    return cbplus_worker(organisation)


def _new_child_post(organisation, **changes):
    today = timezone.localdate()
    data = {
        "organisation": organisation.pk,
        "held_on": today.isoformat(),
        "duration_minutes": "45",
        "parents_present": "on",
        "question": "Loopt nog niet los",
        "given_name": "Sem",
        "family_name": "Bakker",
        "date_of_birth": (today - datetime.timedelta(days=500)).isoformat(),
        "sex": "m",
        "guardian_name": "Lotte Bakker",
        "guardian_relation": "mother",
        "guardian_phone": "06-11112222",
    }
    return {**data, **changes}


def test_a_consult_about_a_new_child_records_the_child_and_the_parent(worker, organisation):
    response = verified_client(worker).post(reverse("cbplus:new"), _new_child_post(organisation))
    consult = Consult.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cbplus:detail", args=[consult.code])
    assert (consult.child.full_name, consult.duration_minutes, consult.organisation) == (
        "Sem Bakker",
        45,
        organisation,
    )
    assert consult.parents_present is True
    assert Guardian.objects.get(child=consult.child).full_name == "Lotte Bakker"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, object_type="consult", user_id=worker.pk
    ).exists()


@pytest.mark.parametrize("minutes", ["29", "61", "0"])
def test_a_consult_lasts_half_an_hour_to_an_hour(worker, organisation, minutes):
    response = verified_client(worker).post(
        reverse("cbplus:new"), _new_child_post(organisation, duration_minutes=minutes)
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Een CB-plus-consult duurt 30 tot 60 minuten." in html
    assert 'value="Loopt nog niet los"' in html or "Loopt nog niet los" in html
    assert 'value="Bakker"' in html
    assert Consult.objects.count() == 0 and not Child.objects.filter(family_name="Bakker")


def test_a_child_of_four_or_older_is_refused(worker, organisation):
    born = timezone.localdate() - datetime.timedelta(days=4 * 365 + 2)
    response = verified_client(worker).post(
        reverse("cbplus:new"), _new_child_post(organisation, date_of_birth=born.isoformat())
    )
    assert response.status_code == 400
    assert "voor kinderen van 0 tot 4 jaar" in response.content.decode()
    assert Consult.objects.count() == 0


def test_a_new_child_needs_a_name_and_a_parent(worker, organisation):
    response = verified_client(worker).post(
        reverse("cbplus:new"), _new_child_post(organisation, given_name="", guardian_name="")
    )
    assert response.status_code == 400
    assert "Vul dit in voor een nieuw kind" in response.content.decode()
    assert Consult.objects.count() == 0


def test_a_known_child_is_one_from_an_earlier_consult_the_worker_may_read(
    world, worker, organisation
):
    known = young_child(world.network, given_name="Fenna")
    ConsultFactory(organisation=organisation, child=known, created_by=worker)
    stranger = young_child(world.network, given_name="Onbekend")
    client = verified_client(worker)
    page = client.get(reverse("cbplus:new")).content.decode()
    assert "Fenna" in page and "Onbekend" not in page
    post = {
        "organisation": organisation.pk,
        "held_on": timezone.localdate().isoformat(),
        "duration_minutes": "30",
        "guardian_relation": "mother",
        "sex": "x",
    }
    response = client.post(reverse("cbplus:new"), {**post, "child": stranger.pk})
    assert response.status_code == 400
    assert Consult.objects.filter(child=stranger).count() == 0
    response = client.post(reverse("cbplus:new"), {**post, "child": known.pk})
    assert response.status_code == 302
    assert Consult.objects.filter(child=known).count() == 2


def test_only_cbplus_workers_of_a_well_baby_clinic_start_a_consult(world):
    not_a_clinic = cbplus_worker(world.organisation)  # a care provider, not JGZ
    for user in (not_a_clinic, world.users[Role.COORDINATOR], world.users[Role.CASEMANAGER]):
        response = verified_client(user).post(
            reverse("cbplus:new"), _new_child_post(world.organisation)
        )
        assert response.status_code == 404
    assert Consult.objects.count() == 0
