"""The process keeps its shape: advice only after a team meeting's conclusion (unless the
network allows advice without one, with the reason recorded); back for diagnostics needs a new
conclusion; a closed file is read-only until it is reopened, explicitly and audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases import actions
from vroeghulp.cases.models import Case, Contact, Note, PhaseTransition
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.meetings import actions as meeting_actions
from vroeghulp.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def _in_phase(world, phase) -> Case:
    Case.objects.filter(pk=world.own_case.pk).update(phase=phase)
    return registered_earlier(Case.objects.get(pk=world.own_case.pk))


def _conclude(world, case) -> None:
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        created_by=world.users[Role.COORDINATOR],
    )
    item = AgendaItem.objects.create(meeting=meeting, case=case)
    meeting_actions.conclude(
        item, actor=world.users[Role.COORDINATOR], version=item.version, conclusion="Logopedie"
    )


def test_no_advice_without_the_teams_conclusion(world):
    case = _in_phase(world, Phase.MEETING)
    coordinator = world.users[Role.COORDINATOR]
    with pytest.raises(ValidationError, match="Advies komt na de bespreking in het MDO"):
        actions.transition(case, actor=coordinator, to_phase=Phase.ADVICE, version=case.version)
    assert Case.objects.get(pk=case.pk).phase == Phase.MEETING
    _conclude(world, case)
    case.refresh_from_db()
    moved = actions.transition(case, actor=coordinator, to_phase=Phase.ADVICE, version=case.version)
    assert moved.phase == Phase.ADVICE
    assert PhaseTransition.objects.get(case=case).without_meeting is False


def test_the_refusal_is_shown_in_dutch_on_the_case_page(world):
    case = _in_phase(world, Phase.MEETING)
    response = verified_client(world.users[Role.COORDINATOR]).post(
        reverse("cases:change_phase", args=[case.code]),
        {"to_phase": Phase.ADVICE, "version": case.version},
    )
    assert response.status_code == 400
    assert "Advies komt na de bespreking in het MDO" in response.content.decode()
    assert Case.objects.get(pk=case.pk).phase == Phase.MEETING


def test_a_network_may_allow_advice_without_a_meeting_with_the_reason(world):
    world.network.advice_without_meeting = True
    world.network.save(update_fields=["advice_without_meeting"])
    case = _in_phase(world, Phase.MEETING)
    coordinator = world.users[Role.COORDINATOR]
    with pytest.raises(ValidationError, match="schrijf op waarom"):
        actions.transition(case, actor=coordinator, to_phase=Phase.ADVICE, version=case.version)
    reason = "Vraag is helder; ouders stemmen in met advies zonder teambespreking"
    with pytest.raises(ValidationError, match="alleen met instemming van de ouders"):
        actions.transition(
            case, actor=coordinator, to_phase=Phase.ADVICE, version=case.version, reason=reason
        )
    moved = actions.transition(
        case,
        actor=coordinator,
        to_phase=Phase.ADVICE,
        version=case.version,
        reason=reason,
        parents_agreed=True,
    )
    assert moved.phase == Phase.ADVICE
    row = PhaseTransition.objects.get(case=case)
    assert row.without_meeting is True and row.parents_agreed is True


def test_back_for_diagnostics_needs_a_new_conclusion(world):
    case = _in_phase(world, Phase.MEETING)
    coordinator = world.users[Role.COORDINATOR]
    _conclude(world, case)
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="waarom"):
        actions.transition(
            case, actor=coordinator, to_phase=Phase.INFORMATION, version=case.version
        )
    case = actions.transition(
        case,
        actor=coordinator,
        to_phase=Phase.INFORMATION,
        version=case.version,
        reason="Eerst onderzoek in het audiologisch centrum",
    )
    assert case.meeting_concluded_at is None
    case = actions.transition(case, actor=coordinator, to_phase=Phase.MEETING, version=case.version)
    with pytest.raises(ValidationError, match="Advies komt na de bespreking"):
        actions.transition(case, actor=coordinator, to_phase=Phase.ADVICE, version=case.version)


def test_a_closed_file_is_read_only_until_it_is_reopened(world):
    case = _in_phase(world, Phase.CLOSED)
    casemanager = world.users[Role.CASEMANAGER]
    client = verified_client(casemanager)
    response = client.post(
        reverse("cases:add_contact", args=[case.code]),
        {"on": "2026-03-02", "form": "phone", "summary": "Nagebeld"},
    )
    assert response.status_code == 400
    assert "Dit traject is afgesloten" in response.content.decode()
    with pytest.raises(ValidationError, match="afgesloten"):
        actions.add_note(case, actor=casemanager, text="Nog iets")
    assert Contact.objects.count() == 0 and Note.objects.count() == 0

    with pytest.raises(ValidationError, match="waarom"):
        actions.reopen(case, actor=casemanager, reason="", version=case.version)
    reopened = actions.reopen(
        case, actor=casemanager, reason="Nieuwe vraag van de ouders", version=case.version
    )
    assert reopened.phase == Phase.EXECUTION and reopened.closed_at is None
    assert AuditEntry.objects.filter(
        action=AuditAction.UPDATE, details__to_phase=Phase.EXECUTION, child_id=case.child_id
    ).exists()
    actions.add_note(reopened, actor=casemanager, text="Nog iets")
    assert Note.objects.count() == 1


def test_a_closed_files_plan_says_so_and_cannot_be_changed(world):
    from vroeghulp.plans import actions as plan_actions
    from vroeghulp.plans.models import Plan

    casemanager = world.users[Role.CASEMANAGER]
    plan = plan_actions.start_plan(world.own_case, actor=casemanager)
    case = _in_phase(world, Phase.CLOSED)
    plan = Plan.objects.get(pk=plan.pk)  # as a request reads it
    client = verified_client(casemanager)
    page = client.get(reverse("plans:plan", args=[case.code])).content.decode()
    assert "Afgesloten: het plan kan niet meer worden gewijzigd" in page
    assert "Dit traject is afgesloten en alleen nog te lezen" in page
    assert "Inleiding opslaan" not in page
    with pytest.raises(ValidationError, match="afgesloten"):
        plan_actions.save_introduction(
            plan, actor=casemanager, version=plan.version, introduction="Nog iets"
        )
    assert Plan.objects.get(pk=plan.pk).introduction == ""
    # the overview still offers to reopen (or start follow-up)
    overview = client.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert "Fase wijzigen" in overview
