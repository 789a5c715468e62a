"""The self-assessment per building block: a baseline, then repeat measurements, as a chart."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.monitoring.models import SelfAssessment

pytestmark = pytest.mark.django_db


def _post(client, world, score, on):
    data = {"measured_on": on}
    for block in range(1, 8):
        data[f"score_{block}"] = str(score)
        data[f"notes_{block}"] = "Goed op weg" if block == 1 else ""
    return client.post(reverse("monitoring:add_self_assessment", args=[world.network.slug]), data)


def test_baseline_then_repeat_shown_as_chart(world):
    client = verified_client(world.users[Role.COORDINATOR])
    assert _post(client, world, 2, "2025-01-15").status_code == 302
    assert _post(client, world, 4, "2026-01-15").status_code == 302
    first, second = SelfAssessment.objects.order_by("measured_on")
    assert first.is_baseline and not second.is_baseline
    assert first.scores.get(block=1).notes == "Goed op weg"
    response = verified_client(world.users[Role.ANALYST]).get(reverse("monitoring:self_assessment"))
    html = response.content.decode()
    assert "<svg" in html and "4 (15-01-2026)" in html
    assert response.context["sections"][0]["form"] is None  # analysts only read


def test_every_block_needs_a_score_and_no_future_dates(world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = _post(client, world, 3, "2999-01-01")
    assert "De meting kan niet in de toekomst liggen." in response.content.decode()
    response = client.post(
        reverse("monitoring:add_self_assessment", args=[world.network.slug]),
        {"measured_on": "2026-01-01", "score_1": "3"},
    )
    assert response.status_code == 400
    assert not SelfAssessment.objects.exists()


def test_only_coordinators_of_the_network_record(world, other_world):
    analyst = verified_client(world.users[Role.ANALYST])
    assert _post(analyst, world, 3, "2026-01-01").status_code == 404
    outsider = verified_client(other_world.users[Role.COORDINATOR])
    assert _post(outsider, world, 3, "2026-01-01").status_code == 404
    assert not SelfAssessment.objects.exists()
