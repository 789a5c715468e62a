"""Triage: the work list with deadlines, accepting, declining, and duplicates that are merged."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import REGISTERED, CaseFactory
from vroeghulp.children.models import Child
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.referrals.constants import DeclineKind, Route, Status
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(world):
    return verified_client(world.users[Role.COORDINATOR])


def _today(days: int = 0) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_work_list_counts_down_and_marks_overdue(world, coordinator):
    RegistrationFactory(network=world.network, callback_due_on=_today(5), child_given_name="Vijf")
    RegistrationFactory(network=world.network, callback_due_on=_today(-2), child_given_name="Laat")
    RegistrationFactory(network=world.network, status=Status.DECLINED, child_given_name="Klaar")
    html = coordinator.get(reverse("cases:registrations")).content.decode()
    assert "nog 5 dagen" in html
    assert "2 dagen te laat" in html and "deadline-overdue" in html
    # decided: not on the work list, only under "answered elsewhere" below it
    assert html.index("Klaar") > html.index('id="elders"') > html.index("Vijf")
    assert html.index("Laat") < html.index("Vijf")  # the most urgent first


def test_accepting_starts_a_trajectory_and_tells_the_referrer_only_that(
    world, coordinator, django_capture_on_commit_callbacks
):
    referrer = world.users[Role.REFERRER]
    registration = RegistrationFactory(
        network=world.network, route=Route.REFERRER, referrer_user=referrer
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            reverse("cases:accept", args=[registration.code]), {"version": registration.version}
        )
    case = Case.objects.get(child__registrations=registration)
    assert response["Location"] == reverse("cases:detail", args=[case.code])
    assert case.phase == Phase.REGISTERED
    assert case.opened_at == registration.received_at
    assert case.team.get().user == world.users[Role.COORDINATOR]
    assert case.team.get().team_role == TeamRole.COORDINATOR
    guardian = case.child.guardians.get()
    assert (guardian.full_name, guardian.preferred_language) == ("Ayşe Yılmaz", "tr")
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED
    assert registration.child == case.child

    message = mail.outbox[-1]
    assert message.to == [referrer.email]
    assert "traject is gestart" in message.body
    assert "Sofie" not in message.body and "Yılmaz" not in message.body


def test_declining_keeps_the_registration_counted(world, coordinator):
    registration = RegistrationFactory(network=world.network)
    response = coordinator.post(
        reverse("cases:decline", args=[registration.code]),
        {
            "kind": DeclineKind.LIGHT_SUPPORT,
            "reason": "Lichte opvoedvraag",
            "referred_to": "CJG",
            "version": registration.version,
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    assert (registration.decline_reason, registration.referred_to) == ("Lichte opvoedvraag", "CJG")
    assert registration.decline_kind == DeclineKind.LIGHT_SUPPORT
    assert not Child.objects.filter(registrations=registration).exists()


def test_declining_needs_a_reason(world, coordinator):
    registration = RegistrationFactory(network=world.network)
    response = coordinator.post(
        reverse("cases:decline", args=[registration.code]), {"version": registration.version}
    )
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()


def test_callback_is_recorded(world, coordinator):
    registration = RegistrationFactory(
        network=world.network, callback_due_on=_today(-1), received_at=REGISTERED
    )
    coordinator.post(
        reverse("cases:callback", args=[registration.code]),
        {"called_back_at": "2026-11-20T10:30", "note": "Moeder gesproken", "version": 1},
    )
    registration.refresh_from_db()
    assert registration.callback_note == "Moeder gesproken"
    html = coordinator.get(reverse("cases:registrations")).content.decode()
    assert "teruggebeld" in html and "deadline-overdue" not in html


def test_two_coordinators_deciding_at_once(world, coordinator):
    registration = RegistrationFactory(network=world.network, received_at=REGISTERED)
    coordinator.post(
        reverse("cases:callback", args=[registration.code]),
        {"called_back_at": "2026-11-20T10:30", "note": "eerste", "version": 1},
    )
    response = coordinator.post(
        reverse("cases:decline", args=[registration.code]),
        {"kind": "other", "reason": "Mijn reden blijft staan", "referred_to": "", "version": 1},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit intussen opgeslagen" in html
    assert "Mijn reden blijft staan" in html
    registration.refresh_from_db()
    assert registration.status == Status.NEW


def test_a_spelling_variant_of_a_known_child_is_flagged(world, coordinator):
    known = CaseFactory(
        child=ChildFactory(
            network=world.network,
            given_name="Sophie",
            family_name="Yilmaz",
            date_of_birth=datetime.date(2024, 5, 2),
        ),
        phase=Phase.INTAKE,
    )
    registration = RegistrationFactory(network=world.network)  # Sofie Yılmaz, 2024-05-02
    list_html = coordinator.get(reverse("cases:registrations")).content.decode()
    assert "mogelijk al bekend" in list_html
    detail = coordinator.get(reverse("cases:registration", args=[registration.code]))
    assert [c.case for c in detail.context["candidates"]] == [known]


def test_joining_an_open_trajectory_creates_no_second_child(world, coordinator):
    known = CaseFactory(
        child=ChildFactory(
            network=world.network,
            given_name="Sofie",
            family_name="Yilmaz",
            date_of_birth=datetime.date(2024, 5, 2),
        ),
        phase=Phase.INFORMATION,
    )
    registration = RegistrationFactory(network=world.network)
    children = Child.objects.count()
    response = coordinator.post(
        reverse("cases:accept", args=[registration.code]),
        {"version": 1, "case": known.code, "join": "1"},
    )
    assert response["Location"] == reverse("cases:detail", args=[known.code])
    assert Child.objects.count() == children
    registration.refresh_from_db()
    assert (registration.status, registration.child) == (Status.MERGED, known.child)
    assert known.events.filter(kind="registration").exists()


def test_a_known_child_with_a_closed_trajectory_gets_a_new_one(world, coordinator):
    known = CaseFactory(
        child=ChildFactory(
            network=world.network,
            given_name="Sofie",
            family_name="Yilmaz",
            date_of_birth=datetime.date(2024, 2, 5),  # day and month swapped
        ),
        phase=Phase.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=30),
    )
    registration = RegistrationFactory(network=world.network)
    coordinator.post(
        reverse("cases:accept", args=[registration.code]), {"version": 1, "case": known.code}
    )
    assert Case.objects.filter(child=known.child).count() == 2
    assert Child.objects.filter(given_name="Sofie").count() == 1


def test_a_case_that_was_not_offered_cannot_be_chosen(world, coordinator):
    registration = RegistrationFactory(network=world.network)
    response = coordinator.post(
        reverse("cases:accept", args=[registration.code]),
        {"version": 1, "case": world.other_case.code, "join": "1"},
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.NEW


def test_registrations_of_another_network_stay_invisible(world, other_world, coordinator):
    foreign = RegistrationFactory(network=other_world.network, child_given_name="Buitenland")
    assert "Buitenland" not in coordinator.get(reverse("cases:registrations")).content.decode()
    for name in ("cases:registration", "cases:accept", "cases:decline", "cases:callback"):
        method = coordinator.get if name == "cases:registration" else coordinator.post
        assert method(reverse(name, args=[foreign.code])).status_code == 404, name


@pytest.mark.parametrize(
    "role", [Role.CASEMANAGER, Role.TEAM_MEMBER, Role.REFERRER, Role.ANALYST, Role.LOG_MANAGER]
)
def test_only_coordinators_triage(world, role):
    registration = RegistrationFactory(network=world.network)
    client = verified_client(world.users[role])
    assert client.get(reverse("cases:registrations")).status_code == 404
    assert client.get(reverse("cases:registration", args=[registration.code])).status_code == 404
    assert (
        client.post(reverse("cases:accept", args=[registration.code]), {"version": 1}).status_code
        == 404
    )


def test_reading_a_registration_is_logged(world, coordinator):
    from vroeghulp.audit.models import AuditEntry

    registration = RegistrationFactory(network=world.network)
    coordinator.get(reverse("cases:registration", args=[registration.code]))
    entry = AuditEntry.objects.get(object_type="registration", details__view="registration")
    assert entry.object_id == str(registration.pk)
