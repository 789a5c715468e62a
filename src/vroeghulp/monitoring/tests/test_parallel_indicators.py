"""Indicators computed side by side in worker threads give exactly the sequential results."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from vroeghulp.monitoring.indicators import Scope, compute_many, compute_with, side_by_side
from vroeghulp.networks.models import Network

pytestmark = pytest.mark.django_db(transaction=True)  # the workers' connections see the data


def _scopes() -> list[Scope]:
    networks = list(Network.objects.all())
    today = timezone.localdate()
    return [
        Scope(networks=networks, start=today.replace(year=today.year - years), end=today)
        for years in (1, 2)
    ]


def _plain(results) -> list[dict]:
    return [{key: result.as_dict() for key, result in scope.items()} for scope in results]


def test_parallel_equals_sequential():
    call_command("seed_scale", children=120, seed=3, audit_per_case=1, years=2)
    with override_settings(MONITORING_WORKERS=1):
        sequential = compute_many(_scopes())
    with override_settings(MONITORING_WORKERS=3):
        parallel = compute_many(_scopes())
    assert _plain(parallel) == _plain(sequential)
    assert sequential[0]["inflow"].count > 0


@override_settings(MONITORING_WORKERS=2)
def test_other_work_runs_alongside_in_order_and_in_the_language_of_the_page():
    call_command("seed_scale", children=30, seed=4, audit_per_case=1, years=1)
    work = [lambda: str(_("Zoeken")), Network.objects.count, lambda: str(_("Inzien"))]
    with translation.override("en"):
        assert side_by_side(work) == ["Search", Network.objects.count(), "Viewed"]
        per_scope, alongside = compute_with(_scopes(), work)
    assert alongside == ["Search", Network.objects.count(), "Viewed"]
    with override_settings(MONITORING_WORKERS=1):
        assert _plain(per_scope) == _plain(compute_many(_scopes()))
