"""Recording a visit of the schedule and a warm handover on the Prematuur tab."""

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import EventKind
from vroeghulp.prematurity import actions
from vroeghulp.prematurity.models import PrematureVisit, WarmHandover

from .helpers import born_at_27_plus_1

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(world):
    born_at_27_plus_1(world.own_case)
    actions.plan_schedule(world.own_case, actor=world.users[Role.CASEMANAGER])
    return PrematureVisit.objects.get(corrected_months=0)


def _visit_post(client, case, visit, **changes):
    data = {
        "visit": visit.pk,
        "version": visit.version,
        "done_on": timezone.localdate().isoformat(),
        "notes": "Drinkt goed, slaapt onrustig.",
        **changes,
    }
    return client.post(reverse("prematurity:visit", args=[case.code]), data)


def test_the_casemanager_records_a_visit(world, visit):
    casemanager = world.users[Role.CASEMANAGER]
    response = _visit_post(verified_client(casemanager), world.own_case, visit)
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.done_on == timezone.localdate()
    assert visit.done_by == casemanager
    assert visit.notes == "Drinkt goed, slaapt onrustig."
    assert visit.version == 2
    texts = [event.text for event in world.own_case.events.filter(kind=EventKind.PREMATURE)]
    assert "Huisbezoek prematuur (gecorrigeerd 0 mnd) gedaan" in texts
    assert AuditEntry.objects.filter(object_type="prematurevisit", action="update").count() == 1


def test_a_stale_version_keeps_what_was_typed(world, visit):
    client = verified_client(world.users[Role.CASEMANAGER])
    _visit_post(client, world.own_case, visit)
    response = _visit_post(client, world.own_case, visit, notes="Tweede poging")
    assert response.status_code == 409
    assert "Tweede poging" in response.content.decode()
    visit.refresh_from_db()
    assert visit.notes == "Drinkt goed, slaapt onrustig."


def test_a_date_in_the_future_is_refused(world, visit):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _visit_post(client, world.own_case, visit, done_on="2999-01-01")
    assert response.status_code == 400
    assert "Vul voor het bezoek een datum in" in response.content.decode()
    visit.refresh_from_db()
    assert visit.done_on is None


def test_who_may_record_a_visit(world, other_world, visit):
    for user in (
        world.users[Role.REFERRER],
        world.users[Role.ANALYST],
        other_world.users[Role.CASEMANAGER],
    ):
        assert _visit_post(verified_client(user), world.own_case, visit).status_code == 404
    # a visit of another case, through a case one is on
    other_case = other_world.own_case
    response = _visit_post(verified_client(other_world.users[Role.CASEMANAGER]), other_case, visit)
    assert response.status_code == 404
    visit.refresh_from_db()
    assert visit.done_on is None


def _handover(client, case, **changes):
    data = {
        "on": timezone.localdate().isoformat(),
        "from_name": "Anja de Vries",
        "from_role": "verpleegkundige NICU",
        "to_name": "Petra Jansen",
        "to_role": "jeugdverpleegkundige",
        "mode": "in_person",
        "notes": "Voeding en slaap besproken.",
        **changes,
    }
    return client.post(reverse("prematurity:handover", args=[case.code]), data)


def test_a_warm_handover_is_recorded(world):
    casemanager = world.users[Role.CASEMANAGER]
    assert _handover(verified_client(casemanager), world.own_case).status_code == 302
    handover = WarmHandover.objects.get()
    assert (handover.from_name, handover.to_name, handover.mode) == (
        "Anja de Vries",
        "Petra Jansen",
        "in_person",
    )
    assert handover.recorded_by == casemanager
    event = world.own_case.events.get(kind=EventKind.PREMATURE)
    assert event.text == "Warme overdracht: Anja de Vries stelde Petra Jansen voor aan het gezin"
    assert AuditEntry.objects.filter(object_type="warmhandover", action="create").count() == 1


def test_a_handover_without_names_keeps_what_was_typed(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _handover(client, world.own_case, to_name="", notes="Alles over de voeding")
    assert response.status_code == 400
    assert "Alles over de voeding" in response.content.decode()
    assert WarmHandover.objects.count() == 0


def test_who_may_record_a_handover(world, other_world):
    for user in (
        world.users[Role.REFERRER],
        world.users[Role.NETWORK_ADMIN],
        other_world.users[Role.COORDINATOR],
    ):
        assert _handover(verified_client(user), world.own_case).status_code == 404
    assert WarmHandover.objects.count() == 0
