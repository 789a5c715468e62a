"""apply_retention destroys a file once its retention period is over, and nothing sooner."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.verification import find_first_break
from vroeghulp.cases.actions import add_document
from vroeghulp.cases.models import Case, Document, TimelineEvent
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.models import Child, Guardian
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.consent.models import Consent
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.networks.models import Network
from vroeghulp.networks.tests.factories import NetworkFactory
from vroeghulp.plans.models import PlanVersion
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def years_ago(years: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=round(years * 365.25))


def _age(child: Child, closed_years_ago: float) -> None:
    """Move a child's whole history back in time, as if it all happened that long ago."""
    Case.objects.filter(child=child).update(closed_at=years_ago(closed_years_ago))
    Registration.objects.filter(child=child).update(received_at=years_ago(closed_years_ago + 1))


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    call_command("seed_demo", children=16, seed=3)
    return Network.objects.get(slug="regio-voorbeeld")


def _rich_file(demo) -> tuple[Child, PlanVersion, Document]:
    """A demo child with an issued plan, given a document too, whose trajectories all ended."""
    version = PlanVersion.objects.filter(plan__case__network=demo).first()
    case = version.plan.case
    member = case.team.filter(ended_at__isnull=True, team_role="casemanager").first()
    document = add_document(
        case,
        actor=member.user,
        upload=SimpleUploadedFile("verslag.pdf", PDF),
        title="Verslag logopedie",
        kind="report",
    )
    Case.objects.filter(child=case.child).update(phase=Phase.CLOSED)
    return case.child, version, document


def test_a_full_file_is_destroyed_after_twenty_years_with_its_files(
    demo, django_capture_on_commit_callbacks
):
    child, version, document = _rich_file(demo)
    others = Child.objects.exclude(pk=child.pk).count()
    stored = [version.pdf, document.file]
    assert all(f.storage.exists(f.name) for f in stored)
    _age(child, 21)

    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows are gone
        output = _run()

    assert "regio-voorbeeld: 1 files and 0 registrations destroyed (retention 20 years)" in output
    assert not Child.objects.filter(pk=child.pk).exists()
    assert not Case.objects.filter(child_id=child.pk).exists()
    assert not Registration.objects.filter(child_id=child.pk).exists()
    assert not Guardian.objects.filter(child_id=child.pk).exists()
    assert not Consent.objects.filter(child_id=child.pk).exists()
    assert not PlanVersion.objects.filter(pk=version.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not AgendaItem.objects.filter(case__child_id=child.pk).exists()
    assert not any(f.storage.exists(f.name) for f in stored)
    assert Child.objects.count() == others
    # The access history stays, by number only, with the destruction as its last entry.
    entry = AuditEntry.objects.filter(child_id=child.pk).latest("sequence")
    assert (entry.action, entry.grounds) == (AuditAction.DELETE, Grounds.RETENTION)
    assert find_first_break() is None
    assert child.given_name not in output and child.family_name not in output


def test_a_file_closed_less_long_ago_is_kept_whole(demo):
    child, version, document = _rich_file(demo)
    _age(child, 19)
    assert "0 files and 0 registrations destroyed" in _run()
    assert PlanVersion.objects.filter(pk=version.pk).exists()
    assert document.file.storage.exists(document.file.name)


def test_nothing_is_destroyed_before_its_time_or_while_a_trajectory_runs(db):
    network = NetworkFactory()
    recent = CaseFactory(child=ChildFactory(network=network), phase=Phase.CLOSED)
    Case.objects.filter(pk=recent.pk).update(closed_at=years_ago(19))
    still_open = ChildFactory(network=network)
    old = CaseFactory(child=still_open, phase=Phase.CLOSED)
    Case.objects.filter(pk=old.pk).update(closed_at=years_ago(25))
    CaseFactory(child=still_open, phase=Phase.EXECUTION)  # reopened later
    follow_up = CaseFactory(child=ChildFactory(network=network), phase=Phase.FOLLOW_UP)
    Case.objects.filter(pk=follow_up.pk).update(closed_at=years_ago(25))
    came_back = CaseFactory(child=ChildFactory(network=network), phase=Phase.CLOSED)
    Case.objects.filter(pk=came_back.pk).update(closed_at=years_ago(25))
    RegistrationFactory(network=network, child=came_back.child, status=Status.NEW)  # new, today

    assert "0 files and 0 registrations destroyed" in _run()
    assert Child.objects.filter(network=network).count() == 4


def test_a_network_with_a_shorter_period_destroys_sooner(db):
    network = NetworkFactory(retention_years=5)
    case = CaseFactory(child=ChildFactory(network=network), phase=Phase.CLOSED)
    Case.objects.filter(pk=case.pk).update(closed_at=years_ago(6))
    TimelineEvent.objects.create(case=case, kind="execution", summary="Afgesloten")

    assert "1 files and 0 registrations destroyed (retention 5 years)" in _run()
    assert not Child.objects.filter(network=network).exists()


def test_registrations_that_never_became_a_file_are_destroyed_too(db):
    network = NetworkFactory()
    declined = RegistrationFactory(network=network, status=Status.DECLINED)
    never_confirmed = RegistrationFactory(network=network, status=Status.AWAITING_CONFIRMATION)
    recent = RegistrationFactory(network=network, status=Status.DECLINED)
    Registration.objects.filter(pk__in=[declined.pk, never_confirmed.pk]).update(
        received_at=years_ago(21)
    )
    Registration.objects.filter(pk=recent.pk).update(received_at=years_ago(2))

    assert "0 files and 2 registrations destroyed" in _run()
    assert list(Registration.objects.filter(network=network)) == [recent]
    assert AuditEntry.objects.filter(
        object_type="registration", object_id=str(declined.pk), grounds=Grounds.RETENTION
    ).exists()


def test_a_dry_run_counts_and_a_second_run_finds_nothing(db):
    network = NetworkFactory()
    case = CaseFactory(child=ChildFactory(network=network), phase=Phase.CLOSED)
    Case.objects.filter(pk=case.pk).update(closed_at=years_ago(21))

    assert "1 files and 0 registrations due" in _run("--dry-run")
    assert Child.objects.filter(network=network).exists()
    assert "1 files and 0 registrations destroyed" in _run()
    assert "0 files and 0 registrations destroyed" in _run()
