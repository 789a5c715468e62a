"""seed_scale fills a consistent dataset quickly, with an intact audit chain."""

import pytest
from django.core.management import call_command

from vroeghulp.accounts.models import Membership
from vroeghulp.audit.verification import find_first_break
from vroeghulp.cases.constants import RequestStatus
from vroeghulp.cases.models import (
    Case,
    Closure,
    InformationRequest,
    Intake,
    PhaseTransition,
    TimeSpent,
)
from vroeghulp.cases.states import Phase
from vroeghulp.consent.models import Consent
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.plans.models import Arrangement, Discussion
from vroeghulp.referrals.models import Registration

pytestmark = pytest.mark.django_db


def test_small_scale_dataset(capsys):
    call_command("seed_scale", children=300, seed=5, audit_per_case=4)
    assert Registration.objects.count() == 300
    cases = Case.objects.count()
    assert 200 < cases < 300  # about a tenth is advised elsewhere
    assert PhaseTransition.objects.exists()
    # every step leaves its rows: intake, consent, team meeting, plan explained, closing
    assert Intake.objects.exists() and Consent.objects.in_force().exists()
    assert AgendaItem.objects.filter(discussed_at__isnull=False).exists()
    assert Discussion.objects.exists() and Closure.objects.exists()
    # information asked under a consent: answered once the case moved on, else still open
    asked = InformationRequest.objects.select_related("case")
    assert {r.status for r in asked} == {RequestStatus.RECEIVED, RequestStatus.REQUESTED}
    assert all(r.consent_id for r in asked)
    assert all(r.case.phase == Phase.INFORMATION for r in asked if r.answered_on is None)
    # long-term follow-up after a closing: open again, with a check-in to come or overdue
    followed = FollowUpPlan.objects.select_related("case")
    assert followed and all(
        plan.case.phase == Phase.FOLLOW_UP and plan.case.closed_at is None for plan in followed
    )
    assert Arrangement.objects.filter(evaluated_on__isnull=False).exists()
    # hours, each booked to the organisation the professional works for in the network
    spent = TimeSpent.objects.select_related("case").first()
    assert Membership.objects.filter(
        user=spent.by_id, network=spent.case.network_id, organisation=spent.organisation_id
    ).exists()
    assert find_first_break() is None
    assert "done: 300 children" in capsys.readouterr().out


def test_load_test_accounts_only_from_synthetic_data(tmp_path, world):
    import json

    from django.core.management.base import CommandError

    output = tmp_path / "users.json"
    with pytest.raises(CommandError):  # the demo or real accounts are never touched
        call_command("prepare_load_test", password="x-Load-2026", output=str(output))
    call_command("seed_scale", children=60, seed=2, audit_per_case=2)
    call_command("prepare_load_test", users=3, password="x-Load-2026", output=str(output))
    accounts = json.loads(output.read_text())["accounts"]
    assert len(accounts) == 3 and all(a["email"].endswith("@schaal.invalid") for a in accounts)
