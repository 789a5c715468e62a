"""'Aanmelden bij IVH' from a concluded consult: a registration that carries the findings as
earlier examinations and links back; accepted, the findings belong to the consult's child."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.actions import accept_registration
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import TimelineEvent
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.tests.factories import (
    ConsultFactory,
    FindingFactory,
    ParticipantFactory,
    cbplus_worker,
    clinic,
    young_child,
)
from vroeghulp.children.models import Child
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import EarlierExamination, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(world):
    return cbplus_worker(clinic(world.network, name="JGZ Zuid"), full_name="Anouk Jansen")


@pytest.fixture
def consult(world, worker):
    organisation = worker.active_memberships()[0].organisation
    consult = ConsultFactory(
        organisation=organisation,
        child=young_child(world.network, given_name="Noor", family_name="Visser"),
        created_by=worker,
        status=ConsultStatus.CONCLUDED,
        advice="Aanmelden bij IVH",
    )
    ParticipantFactory(consult=consult, name="Dr. Aydin", discipline="jeugdarts")
    ParticipantFactory(consult=consult, name="Sanne Logo", discipline="logopedist")
    FindingFactory(consult=consult, discipline="jeugdarts", text="Groeit goed", author=worker)
    FindingFactory(consult=consult, discipline="logopedist", text="Zegt nog geen woordjes")
    return consult


def _register(worker, consult, **changes):
    data = {"concern": "Spraak en motoriek", "parents_agreed": "on", "version": consult.version}
    return verified_client(worker).post(
        reverse("cbplus:register", args=[consult.code]), {**data, **changes}
    )


def test_the_registration_carries_the_findings_and_links_back(world, worker, consult):
    response = _register(worker, consult)
    assert response.status_code == 302
    registration = Registration.objects.get()
    consult.refresh_from_db()
    assert consult.registration == registration
    assert (registration.route, registration.status) == (Route.CBPLUS, Status.NEW)
    assert (registration.child_given_name, registration.referrer_organisation) == (
        "Noor",
        consult.organisation,
    )
    assert registration.guardians[0]["full_name"] == "Mira de Vries"
    exams = list(registration.earlier_examinations.order_by("pk"))
    assert [(e.what, e.outcome, e.when) for e in exams] == [
        ("CB-plus-consult: Jeugdarts", "Groeit goed", consult.held_on),
        ("CB-plus-consult: Logopedist", "Zegt nog geen woordjes", consult.held_on),
    ]
    assert exams[0].by_whom == "Dr. Aydin, JGZ Zuid " + world.network.slug
    assert exams[0].recorded_by == worker
    # the coordinator sees the findings and the way back to the consult at triage
    page = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:registration", args=[registration.code])
    )
    html = page.content.decode()
    assert "Zegt nog geen woordjes" in html
    assert reverse("cbplus:detail", args=[consult.code]) in html


def test_accepted_the_findings_belong_to_the_consults_child(world, worker, consult):
    _register(worker, consult)
    registration = Registration.objects.get()
    children_before = Child.objects.count()
    case = accept_registration(
        registration, actor=world.users[Role.COORDINATOR], version=registration.version
    )
    assert case.child == consult.child
    assert Child.objects.count() == children_before
    assert set(
        EarlierExamination.objects.filter(child=consult.child).values_list("outcome", flat=True)
    ) == {"Groeit goed", "Zegt nog geen woordjes"}
    page = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:intake", args=[case.code])
    )
    assert "Zegt nog geen woordjes" in page.content.decode()


def test_without_the_parents_agreement_nothing_is_registered(worker, consult):
    response = _register(worker, consult, parents_agreed="")
    assert response.status_code == 400
    assert "Meld alleen aan als de ouders akkoord zijn." in response.content.decode()
    assert Registration.objects.count() == 0
    consult.refresh_from_db()
    assert consult.registration is None


def test_a_draft_consult_is_not_registered(worker, consult):
    consult.status = ConsultStatus.DRAFT
    consult.save()
    response = _register(worker, consult)
    assert response.status_code == 400
    assert "Rond het consult eerst af." in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_consult_is_registered_once(worker, consult):
    _register(worker, consult)
    consult.refresh_from_db()
    response = _register(worker, consult)
    assert response.status_code == 400
    assert Registration.objects.count() == 1


def test_a_child_with_an_open_case_gets_a_timeline_event(world, worker, consult):
    case = CaseFactory(child=consult.child)
    _register(worker, consult)
    event = TimelineEvent.objects.get(case=case, kind=EventKind.REGISTRATION)
    assert "JGZ Zuid" in event.text


def test_the_coordinator_cannot_register_a_consult(world, consult):
    response = _register(world.users[Role.COORDINATOR], consult)
    assert response.status_code == 404
    assert Registration.objects.count() == 0
