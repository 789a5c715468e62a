"""What was found before registration follows the child into the file: shown at intake and on
the case; more can be added later, with who and when; nobody outside the case adds any."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import Case
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.referrals.models import EarlierExamination
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _accepted_case(world) -> Case:
    registration = RegistrationFactory(
        network=world.network,
        concern_parents="Ze praat nog niet en schrikt van geluid.",
        concern_referrer="Geen reactie op de oorscreening.",
    )
    for what, who in [
        ("Oorscreening", "JGZ"),
        ("Logopedisch onderzoek", "Logopedie Centrum"),
        ("Fysiotherapie", "Fysio Oost"),
    ]:
        EarlierExamination.objects.create(
            registration=registration, what=what, by_whom=who, when=datetime.date(2025, 3, 1)
        )
    coordinator = verified_client(world.users[Role.COORDINATOR])
    coordinator.post(
        reverse("cases:accept", args=[registration.code]), {"version": registration.version}
    )
    registration.refresh_from_db()
    return Case.objects.get(child=registration.child)


def test_findings_of_the_registration_are_in_the_file(world):
    case = _accepted_case(world)
    assert set(case.child.earlier_findings.values_list("what", flat=True)) == {
        "Oorscreening",
        "Logopedisch onderzoek",
        "Fysiotherapie",
    }
    coordinator = verified_client(world.users[Role.COORDINATOR])
    for name in ("cases:intake", "cases:detail"):
        html = coordinator.get(reverse(name, args=[case.code])).content.decode()
        assert "Logopedisch onderzoek" in html and "Fysio Oost" in html
        assert "Ze praat nog niet en schrikt van geluid." in html
        assert "Geen reactie op de oorscreening." in html


def test_a_finding_is_added_later_with_who_and_when(world):
    case = world.own_case
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:add_earlier_finding", args=[case.code]),
        {
            "what": "Gehoortest audiologisch centrum",
            "by_whom": "AC Nijmegen",
            "when": "2026-02-10",
            "outcome": "Licht gehoorverlies links",
        },
    )
    assert response.status_code == 302
    finding = EarlierExamination.objects.get(child=case.child)
    assert (finding.by_whom, finding.when, finding.recorded_by) == (
        "AC Nijmegen",
        datetime.date(2026, 2, 10),
        world.users[Role.CASEMANAGER],
    )
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, object_type="earlierexamination", child_id=case.child.pk
    ).exists()
    assert (
        "Gehoortest audiologisch centrum" in case.events.get(name="earlier_finding").params["what"]
    )


def test_a_finding_before_birth_is_refused_in_dutch_and_kept_on_the_form(world):
    case = world.own_case
    before_birth = case.child.date_of_birth - datetime.timedelta(days=1)
    response = verified_client(world.users[Role.CASEMANAGER]).post(
        reverse("cases:add_earlier_finding", args=[case.code]),
        {"what": "Echo", "when": before_birth.isoformat()},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul voor het onderzoek een datum in van" in html
    assert 'value="Echo"' in html
    assert not EarlierExamination.objects.exists()


def test_nobody_outside_the_case_adds_or_reads_findings(world, other_world):
    url = reverse("cases:add_earlier_finding", args=[world.own_case.code])
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    parent_client = Client()
    parent_client.force_login(parent)
    for client in (
        verified_client(other_world.users[Role.COORDINATOR]),
        verified_client(world.users[Role.ANALYST]),
        parent_client,
    ):
        assert client.post(url, {"what": "Poging"}).status_code == 404
        intake = reverse("cases:intake", args=[world.own_case.code])
        assert client.get(intake).status_code == 404
    assert not EarlierExamination.objects.exists()
