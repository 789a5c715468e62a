"""Benchmark harness: median and 95th percentile per page, and the ratio to a bare view.

Run against a database filled by `manage.py seed_scale` (see docs/performance.md):

    DATABASE_URL=... .venv/bin/python benchmarks/run.py --repeat 30

Results are printed and written as JSON to benchmarks/results/.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from vroeghulp.accounts.constants import Role  # noqa: E402
from vroeghulp.accounts.models import Membership, User  # noqa: E402
from vroeghulp.cases.constants import TeamRole  # noqa: E402
from vroeghulp.cases.models import TeamMember  # noqa: E402


def verified(user) -> Client:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def measure(client, url: str, repeat: int) -> dict:
    client.get(url)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
    }


def targets():
    member = (
        TeamMember.objects.filter(team_role=TeamRole.COORDINATOR)
        .select_related("case", "user")
        .order_by("-pk")
        .first()
    )
    if member is None:
        sys.exit("No data: run manage.py seed_scale first.")
    coordinator = member.user
    network = member.case.network
    analyst = User.objects.filter(memberships__role=Role.ANALYST).first()
    if analyst is None:
        analyst = User.objects.create(
            email=f"bench-analyst-{network.pk}@schaal.invalid", full_name="Analist"
        )
        Membership.objects.create(
            user=analyst,
            network=network,
            organisation=network.organisations.first(),
            role=Role.ANALYST,
        )
    log_manager = User.objects.filter(
        memberships__role=Role.LOG_MANAGER, memberships__network=network
    ).first()
    if log_manager is None:
        log_manager = User.objects.create(
            email=f"bench-log-{network.pk}@schaal.invalid", full_name="Log"
        )
        Membership.objects.create(
            user=log_manager,
            network=network,
            organisation=network.organisations.first(),
            role=Role.LOG_MANAGER,
        )
    return coordinator, analyst, log_manager, member.case


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    with override_settings(ROOT_URLCONF="benchmarks.urls", ALLOWED_HOSTS=["testserver"]):
        coordinator, analyst, log_manager, case = targets()
        as_coordinator, as_analyst = verified(coordinator), verified(analyst)
        as_log_manager = verified(log_manager)
        pages = {
            "bare": (as_coordinator, "/_bare/"),
            "work_list": (as_coordinator, "/"),
            "case_page": (as_coordinator, f"/trajecten/{case.code}/"),
            "search": (as_coordinator, f"/zoeken/?name={case.child.family_name}"),
            "meetings": (as_coordinator, "/mdo/"),
            "registrations": (as_coordinator, "/aanmeldingen/"),
            "dashboard_network": (as_analyst, "/monitoring/"),
            "audit_log_one_child": (as_log_manager, f"/logging/?child={case.child_id}"),
        }
        results = {name: measure(client, url, args.repeat) for name, (client, url) in pages.items()}
    bare = results["bare"]["median_ms"]
    for result in results.values():
        result["ratio_to_bare"] = round(result["median_ms"] / bare, 2)
    report = {
        "database": connection.vendor,
        "repeat": args.repeat,
        "counts": counts(),
        "pages": results,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{connection.vendor}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print(f"written to {path}")


def counts() -> dict:
    from vroeghulp.audit.models import AuditEntry
    from vroeghulp.cases.models import Case

    return {"cases": Case.objects.count(), "audit_entries": AuditEntry.objects.count()}


if __name__ == "__main__":
    main()
    sys.exit(0 if settings else 1)
