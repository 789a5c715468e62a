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
# Production settings, as far as an in-process client allows.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("AUDIT_HMAC_KEY", "bench:benchmark-only-audit-key-0123456789abcdef")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

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


HEAVY = {
    "dashboard_network",
    "dashboard_national",
    "dashboard_network_cold",
    "dashboard_national_cold",
    "plan_pdf_generation",
}


def getter(client, url: str):
    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)
            response.close()

    return get


def measure_interleaved(functions: dict, repeat: int) -> dict:
    """Median and p95 per function, timed in turns (one call of each per round).

    Turns, not one page after the other, so that a slower minute on a shared machine weighs on
    every page alike and the ratios to the bare view stay fair.
    """
    for function in functions.values():
        function()  # warm up: compiled templates, connection, caches
    timings = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            timings[name].append((time.perf_counter() - start) * 1000)
    return {name: summary(values) for name, values in timings.items()}


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


def national_analyst() -> User:
    """An analyst of every network, for the national dashboard."""
    from vroeghulp.networks.models import Network

    user, _created = User.objects.get_or_create(
        email="bench-national@schaal.invalid", defaults={"full_name": "Landelijk analist"}
    )
    have = set(user.memberships.values_list("network_id", flat=True))
    Membership.objects.bulk_create(
        Membership(user=user, network=n, organisation=n.organisations.first(), role=Role.ANALYST)
        for n in Network.objects.exclude(pk__in=have).prefetch_related("organisations")
    )
    return user


def plan_version(case, coordinator):
    """A real issued plan version with its PDF for the case (made here, outside the timing)."""
    from django.core.files.base import ContentFile

    from vroeghulp.plans.models import Plan, PlanVersion
    from vroeghulp.plans.pdf import render_pdf
    from vroeghulp.plans.snapshot import snapshot

    plan, _created = Plan.objects.get_or_create(case=case)
    version = plan.versions.filter(pdf__startswith="cases/").first()
    if version is None:
        content = snapshot(plan)
        version = PlanVersion(
            plan=plan,
            number=plan.versions.count() + 1,
            content=content,
            pdf_sha256="0" * 64,
            issued_by=coordinator,
        )
        version.pdf.save("plan.pdf", ContentFile(render_pdf(content, 1, case.network)), save=False)
        version.save()
    return version


def summary(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
    }


def audit_writer(case, coordinator):
    """Writes one audit entry as a page does: its own transaction, the chain head locked."""
    from vroeghulp.access.auditing import event_for
    from vroeghulp.access.policy import Action, decide
    from vroeghulp.audit.constants import AuditAction
    from vroeghulp.audit.writer import record_all

    event = event_for(
        coordinator,
        decide(coordinator, Action.VIEW, case.child),
        AuditAction.READ,
        case.child,
        case,
    )
    return lambda: record_all([event])


def unaudited(get_case_page):
    """The case page with its audit write left out: the difference is what the write adds."""
    from vroeghulp.cases import file_views

    def get():
        record_all = file_views.record_all
        file_views.record_all = lambda events: []
        try:
            get_case_page()
        finally:
            file_views.record_all = record_all

    return get


def fresh(get_page, user, page: str):
    """A page whose lists are kept (work list, MDO), its lists rendered anew: as after a change
    to one of the user's trajectories. It keeps them again, for the next turn's kept page."""
    from django.core.cache import caches

    from vroeghulp.kept.lists import key_for

    def get():
        caches["lists"].delete(key_for(user, page))
        get_page()

    return get


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    with override_settings(ROOT_URLCONF="benchmarks.urls", ALLOWED_HOSTS=["testserver"]):
        coordinator, analyst, log_manager, case = targets()
        as_coordinator, as_analyst = verified(coordinator), verified(analyst)
        as_log_manager = verified(log_manager)
        as_national = verified(national_analyst())
        version = plan_version(case, coordinator)
        pages = {
            "bare": (as_coordinator, "/_bare/"),
            "work_list": (as_coordinator, "/"),
            "case_page": (as_coordinator, f"/trajecten/{case.code}/"),
            "search": (as_coordinator, f"/zoeken/?name={case.child.family_name}"),
            "meetings": (as_coordinator, "/mdo/"),
            "registrations": (as_coordinator, "/aanmeldingen/"),
            "plan_pdf": (
                as_coordinator,
                f"/adviesplan/{case.code}/versie/{version.code}/pdf/",
            ),
            "dashboard_network": (as_analyst, "/monitoring/"),
            "dashboard_national": (as_national, "/monitoring/"),
            # computed again on every request (the figures are otherwise kept five minutes)
            "dashboard_network_cold": (as_analyst, "/monitoring/?vers=1"),
            "dashboard_national_cold": (as_national, "/monitoring/?vers=1"),
            "audit_log_one_child": (as_log_manager, f"/logging/?child={case.child_id}"),
        }
        from vroeghulp.plans.pdf import render_pdf

        functions = {name: getter(client, url) for name, (client, url) in pages.items()}
        functions["audit_entry_write"] = audit_writer(case, coordinator)
        functions["case_page_unaudited"] = unaudited(functions["case_page"])
        functions["work_list_fresh"] = fresh(functions["work_list"], coordinator, "work")
        functions["meetings_fresh"] = fresh(functions["meetings"], coordinator, "meetings:1")
        functions["plan_pdf_generation"] = lambda: render_pdf(
            version.content, version.number, case.network
        )
        # The heavy work (dashboards, PDF rendering) in turns of its own: seconds of allocation
        # would otherwise land as garbage collection and cold caches on the small pages.
        heavy = {name: functions.pop(name) for name in list(functions) if name in HEAVY}
        results = measure_interleaved(functions, args.repeat)
        results |= measure_interleaved(heavy, args.repeat)
    bare = results["bare"]["median_ms"]
    for result in results.values():
        result["ratio_to_bare"] = round(result["median_ms"] / bare, 2)
    case_page = results["case_page"]["median_ms"]
    audit_share = results["audit_entry_write"]["median_ms"] / case_page
    in_page = (case_page - results["case_page_unaudited"]["median_ms"]) / case_page
    report = {
        "database": connection.vendor,
        "audit_write_share_of_case_page": round(audit_share, 3),
        "case_page_share_lost_without_audit": round(in_page, 3),
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
