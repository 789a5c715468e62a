"""The case page: what a team member sees, the phase form with its conflict message, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases import actions
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, NoteFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def test_team_member_sees_child_team_notes_and_timeline(world):
    user = world.users[Role.CASEMANAGER]
    actions.add_note(world.own_case, actor=user, text="Huisbezoek gedaan, moeder ongerust.")
    page = verified_client(user).get(reverse("cases:detail", args=[world.own_case.code]))
    html = page.content.decode()
    assert world.own_case.child.full_name in html
    assert "Huisbezoek gedaan, moeder ongerust." in html
    assert "Notitie toegevoegd door" in html
    assert world.users[Role.TEAM_MEMBER].full_name in html


def test_an_empty_note_gets_a_dutch_error(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(reverse("cases:add_note", args=[world.own_case.code]), {"text": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not world.own_case.notes.exists()


def test_phase_change_through_the_page(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:change_phase", args=[world.own_case.code]),
        {"to_phase": Phase.INFORMATION, "version": world.own_case.version},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=world.own_case.pk).phase == Phase.INFORMATION


def test_concurrent_phase_change_keeps_the_input_and_explains(world):
    first = world.users[Role.COORDINATOR]
    second = world.users[Role.CASEMANAGER]
    seen_version = world.own_case.version
    actions.transition(
        world.own_case, actor=first, to_phase=Phase.INFORMATION, version=seen_version
    )
    response = verified_client(second).post(
        reverse("cases:change_phase", args=[world.own_case.code]),
        {"to_phase": Phase.CLOSED, "reason": "Ouders stoppen", "version": seen_version},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit traject gewijzigd" in html
    assert "Ouders stoppen" in html
    assert Case.objects.get(pk=world.own_case.pk).phase == Phase.INFORMATION


def test_team_member_without_lead_role_cannot_change_phase(world):
    client = verified_client(world.users[Role.TEAM_MEMBER])
    response = client.post(
        reverse("cases:change_phase", args=[world.own_case.code]),
        {"to_phase": Phase.INFORMATION, "version": world.own_case.version},
    )
    assert response.status_code == 400
    assert "Deze overgang is niet toegestaan." in response.content.decode()


def _queries(client, url) -> int:
    client.get(url)  # the first audit write of a fresh database creates the chain head
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_case_page_query_count_does_not_grow_with_the_file(world):
    user = world.users[Role.CASEMANAGER]
    client = verified_client(user)
    url = reverse("cases:detail", args=[world.own_case.code])
    # one note from another organisation from the start: the consent lookup is then part of it
    NoteFactory(case=world.own_case, author=user, source_organisation=world.other_organisation)
    before = _queries(client, url)
    for n in range(15):
        actions.add_note(world.own_case, actor=user, text=f"Contact {n}")
        NoteFactory(case=world.own_case, author=user, source_organisation=world.other_organisation)
    assert _queries(client, url) == before


def test_list_query_count_does_not_grow_with_the_caseload(world):
    user = world.users[Role.CASEMANAGER]
    client = verified_client(user)
    before = _queries(client, reverse("cases:list"))
    before_home = _queries(client, reverse("home"))
    for _ in range(10):
        case = CaseFactory(child=ChildFactory(network=world.network), phase=Phase.INTAKE)
        TeamMemberFactory(case=case, user=user, team_role=TeamRole.CASEMANAGER)
    assert _queries(client, reverse("cases:list")) == before
    assert _queries(client, reverse("home")) == before_home


def test_phase_form_offers_only_the_moves_of_the_users_role(world):
    case = world.own_case
    case.phase = Phase.MEETING
    case.save(update_fields=["phase"])
    url = reverse("cases:detail", args=[case.code])
    casemanager_form = verified_client(world.users[Role.CASEMANAGER]).get(url).context
    coordinator_form = verified_client(world.users[Role.COORDINATOR]).get(url).context
    casemanager_choices = {
        c for c, _ in casemanager_form["transition_form"].fields["to_phase"].choices
    }
    coordinator_choices = {
        c for c, _ in coordinator_form["transition_form"].fields["to_phase"].choices
    }
    assert casemanager_choices == {Phase.CLOSED}
    assert coordinator_choices == {Phase.ADVICE, Phase.INFORMATION, Phase.CLOSED}


def test_timeline_can_be_filtered_by_kind(world):
    user = world.users[Role.CASEMANAGER]
    actions.add_note(world.own_case, actor=user, text="Notitie voor het filter")
    actions.transition(world.own_case, actor=user, to_phase=Phase.INFORMATION, version=1)
    client = verified_client(user)
    url = reverse("cases:detail", args=[world.own_case.code])
    events = client.get(url, {"soort": "note_added"}).context["events"]
    assert {e.kind for e in events} == {"note_added"}
    assert len(client.get(url).context["events"]) == 2
