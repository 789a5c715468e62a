"""The demo's second network works the Groningen way, and the first the Nijmegen way."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from vroeghulp.accounts.models import User
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Case
from vroeghulp.followup.models import FollowUpPlan, FollowUpRequest
from vroeghulp.networks.constants import FollowUpMode, TierKind
from vroeghulp.networks.models import Network
from vroeghulp.referrals.constants import DeclineKind, Status
from vroeghulp.referrals.models import Registration

pytestmark = pytest.mark.django_db


def test_the_groningen_network_and_its_settings():
    call_command("seed_demo", children=6, seed=2)
    network = Network.objects.get(slug="vroeg-erbij-groningen")
    assert network.referral_required and not network.accepts_public_registrations
    assert (network.min_age_years, network.max_age_years) == (0, 12)
    assert network.follow_up_mode == FollowUpMode.ON_REQUEST
    assert network.report_every_months == 4 and network.hours_budget == 60
    kinds = sorted(network.tiers.values_list("kind", flat=True))
    assert kinds == [TierKind.LOCAL, TierKind.LOCAL, TierKind.PROVINCIAL]
    assert network.municipalities.count() == 4
    declined = Registration.objects.get(network=network, status=Status.DECLINED)
    assert declined.decline_kind == DeclineKind.STEPS_SKIPPED
    provincial = Case.objects.get(network=network, team_tier__kind=TierKind.PROVINCIAL)
    assert provincial.agenda_items.get().meeting.team_tier == provincial.team_tier
    plan = FollowUpPlan.objects.get(case__network=network)
    assert plan.every_months is None
    assert FollowUpRequest.objects.filter(case__network=network).count() == 1

    nijmegen = Network.objects.get(slug="regio-voorbeeld")
    assert nijmegen.advice_without_meeting and nijmegen.pre_discussion_without_parents

    # the Groningen coordinator works in their own network only
    coordinator = User.objects.get(email="coordinator-groningen@vroeghulp.test")
    client = verified_client(coordinator)
    provincial = Case.objects.get(team_tier__kind=TierKind.PROVINCIAL)
    assert client.get(reverse("cases:team", args=[provincial.code])).status_code == 200
    meetings = client.get(reverse("meetings:list")).content.decode()
    assert "Provinciaal team Vroeg Erbij" in meetings
    assert client.get(reverse("monitoring:cycle_reports")).status_code == 200
    nijmegen_case = Case.objects.filter(network__slug="regio-voorbeeld").first()
    assert client.get(reverse("cases:detail", args=[nijmegen_case.code])).status_code == 404
