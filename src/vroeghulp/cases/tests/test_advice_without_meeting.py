"""Advice without a team meeting (Nijmegen): in a network that allows it, the trajectbegeleider
moves the trajectory to advice with the reason and the parents' agreement, both recorded;
without either, or in a network that does not allow it, the move is refused in Dutch."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import Case, PhaseTransition, TimelineEvent
from vroeghulp.cases.states import Phase

pytestmark = pytest.mark.django_db

REASON = "Vraag is helder na het huisbezoek; logopedie volstaat."


def _allow(world, allowed=True):
    world.network.advice_without_meeting = allowed
    world.network.save(update_fields=["advice_without_meeting"])


def _in_information(world) -> Case:
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.INFORMATION)
    return Case.objects.get(pk=world.own_case.pk)


def _post(world, role, case, **data):
    return verified_client(world.users[role]).post(
        reverse("cases:advise_without_meeting", args=[case.code]),
        {"version": case.version, **data},
    )


def test_the_casemanager_gives_advice_without_a_meeting_with_the_parents_agreement(world):
    _allow(world)
    case = _in_information(world)
    page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[case.code])
    )
    assert "Naar advies zonder MDO" in page.content.decode()

    response = _post(world, Role.CASEMANAGER, case, reason=REASON, parents_agreed="on")

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.ADVICE
    row = PhaseTransition.objects.get(case=case)
    assert (row.from_phase, row.to_phase) == (Phase.INFORMATION, Phase.ADVICE)
    assert row.without_meeting and row.parents_agreed and row.reason == REASON
    assert row.actor == world.users[Role.CASEMANAGER]
    event = TimelineEvent.objects.get(case=case, kind=EventKind.PHASE_CHANGED)
    assert event.text == "Fase: Advies (zonder MDO, met instemming van de ouders)"
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE, child_id=case.child_id).last()
    assert entry.details["without_meeting"] is True
    assert entry.details["parents_agreed"] is True


def test_without_the_parents_agreement_it_is_refused_and_the_reason_stays(world):
    _allow(world)
    case = _in_information(world)

    response = _post(world, Role.CASEMANAGER, case, reason=REASON)

    assert response.status_code == 400
    html = response.content.decode()
    assert "alleen met instemming van de ouders" in html
    assert REASON in html
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION
    assert not PhaseTransition.objects.filter(case=case).exists()


def test_without_a_reason_it_is_refused(world):
    _allow(world)
    case = _in_information(world)
    response = _post(world, Role.CASEMANAGER, case, parents_agreed="on")
    assert response.status_code == 400
    assert "Schrijf op waarom er advies komt zonder MDO" in response.content.decode()
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION


def test_a_network_that_does_not_allow_it_refuses_and_offers_nothing(world):
    _allow(world, False)
    case = _in_information(world)
    page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[case.code])
    )
    assert "Naar advies zonder MDO" not in page.content.decode()

    response = _post(world, Role.CASEMANAGER, case, reason=REASON, parents_agreed="on")

    assert response.status_code == 400
    assert "Advies komt na de bespreking in het MDO" in response.content.decode()
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION
    assert not PhaseTransition.objects.filter(case=case).exists()


def test_a_team_member_without_a_lead_role_may_not(world):
    _allow(world)
    case = _in_information(world)
    response = _post(world, Role.TEAM_MEMBER, case, reason=REASON, parents_agreed="on")
    assert response.status_code == 400
    assert "Deze overgang is niet toegestaan" in response.content.decode()
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION


def test_someone_outside_the_case_or_network_gets_404(world, other_world):
    _allow(world)
    case = _in_information(world)
    for user in (world.users[Role.ANALYST], other_world.users[Role.CASEMANAGER]):
        response = verified_client(user).post(
            reverse("cases:advise_without_meeting", args=[case.code]),
            {"version": case.version, "reason": REASON, "parents_agreed": "on"},
        )
        assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION


def test_after_the_teams_conclusion_advice_is_the_ordinary_move(world):
    _allow(world)
    case = _in_information(world)
    Case.objects.filter(pk=case.pk).update(
        phase=Phase.MEETING, meeting_concluded_at="2026-01-10T10:00Z"
    )
    case.refresh_from_db()
    page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[case.code])
    )
    assert "Naar advies zonder MDO" not in page.content.decode()
