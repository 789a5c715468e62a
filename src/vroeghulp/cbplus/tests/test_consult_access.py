"""Who opens a CB-plus consult: the clinic's CB-plus workers and the participants; the
coordinators only once it led to a registration; nobody of another clinic or network. Every
read is logged; anyone else gets a 404."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.tests.factories import (
    ConsultFactory,
    ParticipantFactory,
    cbplus_worker,
    clinic,
    young_child,
)
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consult(world):
    organisation = clinic(world.network)
    return ConsultFactory(
        organisation=organisation,
        child=young_child(world.network, given_name="Noor"),
        created_by=cbplus_worker(organisation),
    )


def _status(user, consult, name="cbplus:detail"):
    return verified_client(user).get(reverse(name, args=[consult.code])).status_code


def test_the_clinics_cbplus_worker_reads_and_the_read_is_logged(consult):
    worker = cbplus_worker(consult.organisation)
    response = verified_client(worker).get(reverse("cbplus:detail", args=[consult.code]))
    assert response.status_code == 200
    assert "Noor" in response.content.decode()
    entry = AuditEntry.objects.get(user_id=worker.pk, action=AuditAction.READ)
    assert (entry.child_id, entry.object_type, entry.grounds) == (
        consult.child_id,
        "consult",
        Grounds.CBPLUS,
    )


def test_a_participant_with_an_account_reads_the_consult(world, consult):
    physio = professional(Role.TEAM_MEMBER, world.other_organisation)
    assert _status(physio, consult) == 404
    ParticipantFactory(consult=consult, user=physio, name=physio.full_name)
    assert _status(physio, consult) == 200


def test_care_roles_of_the_network_do_not_read_a_consult_without_a_registration(world, consult):
    for role in (Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER):
        assert _status(world.users[role], consult) == 404


def test_roles_without_child_data_never_read_a_consult(world, consult):
    consult.registration = RegistrationFactory(network=world.network)
    consult.status = ConsultStatus.CONCLUDED
    consult.save()
    for role in (Role.REFERRER, Role.NETWORK_ADMIN, Role.ANALYST, Role.LOG_MANAGER):
        assert _status(world.users[role], consult) == 404


def test_a_cbplus_worker_of_another_clinic_does_not_read(world, consult):
    other_clinic = clinic(world.network, name="JGZ West")
    assert _status(cbplus_worker(other_clinic), consult) == 404


def test_the_coordinator_reads_once_the_consult_led_to_a_registration(world, consult):
    coordinator = world.users[Role.COORDINATOR]
    assert _status(coordinator, consult) == 404
    consult.registration = RegistrationFactory(network=world.network)
    consult.status = ConsultStatus.CONCLUDED
    consult.save()
    assert _status(coordinator, consult) == 200
    # reading only: no printing, no changes
    assert _status(coordinator, consult, "cbplus:report") == 404
    response = verified_client(coordinator).post(
        reverse("cbplus:add_finding", args=[consult.code]),
        {"discipline": "jeugdarts", "text": "Mijn bevinding"},
    )
    assert response.status_code == 404
    assert consult.findings.count() == 0


def test_nobody_of_another_network_reads(world, other_world, consult):
    consult.registration = RegistrationFactory(network=world.network)
    consult.save()
    other_clinic = clinic(other_world.network)
    for user in (
        cbplus_worker(other_clinic),
        other_world.users[Role.COORDINATOR],
        other_world.users[Role.CBPLUS],
    ):
        assert _status(user, consult) == 404
    assert not AuditEntry.objects.filter(action=AuditAction.READ, child_id=consult.child_id)


def test_a_visitor_is_sent_to_log_in(consult):
    from django.test import Client

    response = Client().get(reverse("cbplus:detail", args=[consult.code]))
    assert response.status_code == 302 and "inloggen" in response["Location"]
