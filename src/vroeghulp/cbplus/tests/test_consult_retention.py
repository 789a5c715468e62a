"""A CB-plus consult is destroyed with the child's file at the end of the retention period; a
child known only from consults is destroyed that long after the last consult, and not sooner."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.cbplus.models import Consult, Finding
from vroeghulp.cbplus.tests.factories import ConsultFactory, FindingFactory, clinic, young_child
from vroeghulp.children.models import Child
from vroeghulp.networks.tests.factories import NetworkFactory
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _years_ago(years: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=round(years * 365.25))


def _run() -> None:
    call_command("apply_retention", stdout=StringIO())


@pytest.fixture
def network():
    return NetworkFactory(retention_years=20)


def _consult(network, held_on, **fields):
    child = young_child(network)
    Child.objects.filter(pk=child.pk).update(date_of_birth=held_on - datetime.timedelta(days=400))
    child.refresh_from_db()
    consult = ConsultFactory(
        organisation=clinic(network, name=f"JGZ {held_on}"),
        child=child,
        held_on=held_on,
        **fields,
    )
    FindingFactory(consult=consult)
    return consult


def test_a_child_known_only_from_old_consults_is_destroyed(network):
    old = _consult(network, _years_ago(21))
    recent = _consult(network, _years_ago(19))
    _run()
    assert not Child.objects.filter(pk=old.child_id).exists()
    assert not Consult.objects.filter(pk=old.pk).exists()
    assert Finding.objects.filter(consult=recent).count() == 1
    assert Child.objects.filter(pk=recent.child_id).exists()


def test_the_consult_goes_with_the_childs_file(network):
    consult = _consult(network, _years_ago(25))
    case = CaseFactory(child=consult.child, phase=Phase.CLOSED)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=21 * 366),
        opened_at=timezone.now() - datetime.timedelta(days=22 * 366),
    )
    registration = RegistrationFactory(network=network, child=consult.child, status=Status.ACCEPTED)
    Registration.objects.filter(pk=registration.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=22 * 366)
    )
    Consult.objects.filter(pk=consult.pk).update(registration=registration)
    _run()
    assert not Child.objects.filter(pk=consult.child_id).exists()
    assert not Consult.objects.filter(pk=consult.pk).exists()


def test_a_recent_consult_keeps_the_childs_file(network):
    consult = _consult(network, _years_ago(1))
    case = CaseFactory(child=consult.child, phase=Phase.CLOSED)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=21 * 366)
    )
    _run()
    assert Child.objects.filter(pk=consult.child_id).exists()
    assert Consult.objects.filter(pk=consult.pk).exists()


def test_a_registration_past_its_period_leaves_the_consult(network):
    consult = _consult(network, _years_ago(2))
    registration = RegistrationFactory(network=network, status=Status.DECLINED)
    Registration.objects.filter(pk=registration.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=21 * 366)
    )
    Consult.objects.filter(pk=consult.pk).update(registration=registration)
    _run()
    assert not Registration.objects.filter(pk=registration.pk).exists()
    consult.refresh_from_db()
    assert consult.registration is None
