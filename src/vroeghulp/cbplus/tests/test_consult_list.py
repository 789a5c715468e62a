"""The CB-plus list: the consults the user may read, a page at a time, each read logged, in a
number of queries that does not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.tests.factories import ConsultFactory, cbplus_worker, clinic, young_child
from vroeghulp.cbplus.views import PER_PAGE
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _consults(network, organisation, n, **fields):
    return [
        ConsultFactory(
            organisation=organisation,
            child=young_child(network, given_name=f"Kind{i}x"),
            created_by=cbplus_worker(organisation),
            **fields,
        )
        for i in range(n)
    ]


def test_the_list_shows_only_the_consults_the_user_may_read(world, other_world):
    organisation = clinic(world.network)
    worker = cbplus_worker(organisation)
    own = _consults(world.network, organisation, 2)
    registered = _consults(
        world.network,
        organisation,
        1,
        status=ConsultStatus.CONCLUDED,
        registration=RegistrationFactory(network=world.network),
    )[0]
    elsewhere = _consults(world.network, clinic(world.network, name="JGZ West"), 1)
    elsewhere += _consults(other_world.network, clinic(other_world.network), 1)

    html = verified_client(worker).get(reverse("cbplus:list")).content.decode()
    assert all(str(consult.code) in html for consult in [*own, registered])
    assert not any(str(consult.code) in html for consult in elsewhere)
    assert AuditEntry.objects.filter(user_id=worker.pk, action=AuditAction.READ).count() == 3

    coordinator = world.users[Role.COORDINATOR]
    html = verified_client(coordinator).get(reverse("cbplus:list")).content.decode()
    assert str(registered.code) in html
    assert not any(str(consult.code) in html for consult in [*own, *elsewhere])
    assert AuditEntry.objects.filter(user_id=coordinator.pk, action=AuditAction.READ).count() == 1


def test_the_list_is_paged_and_its_queries_do_not_grow_with_the_rows(world):
    organisation = clinic(world.network)
    worker = cbplus_worker(organisation)
    client = verified_client(worker)
    _consults(world.network, organisation, 2)
    client.get(reverse("cbplus:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cbplus:list"))
    _consults(world.network, organisation, PER_PAGE)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("cbplus:list"))
    assert len(many) == len(few)
    html = response.content.decode()
    assert f"Consult 1–{PER_PAGE} van {PER_PAGE + 2}" in html
    second = client.get(reverse("cbplus:list") + "?pagina=2").content.decode()
    assert f"Consult {PER_PAGE + 1}–{PER_PAGE + 2} van {PER_PAGE + 2}" in second
