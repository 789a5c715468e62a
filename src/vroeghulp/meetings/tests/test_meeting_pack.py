"""The meeting pack on the agenda item: the question, what was known before, the intake, the
information received and the documents, read through the policy; printable, every read and
print logged."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import DocumentKind
from vroeghulp.cases.models import Document, Intake
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.referrals.models import EarlierExamination

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(world):
    case = world.own_case
    Intake.objects.create(case=case, question="Waarom schrikt Noor zo van geluid?")
    EarlierExamination.objects.create(child=case.child, what="Oorscreening", by_whom="JGZ Oost")
    for title, source in (("Verslag logopedie", world.organisation), ("Ziekenhuisbrief", None)):
        document = Document(
            case=case,
            title=title,
            kind=DocumentKind.REPORT,
            source_organisation=source or world.other_organisation,
            content_type="application/pdf",
            size=4,
            sha256="0" * 64,
            uploaded_by=world.users[Role.CASEMANAGER],
        )
        document.file.save("upload", ContentFile(b"%PDF"), save=False)
        document.save()
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        created_by=world.users[Role.COORDINATOR],
    )
    return AgendaItem.objects.create(meeting=meeting, case=case)


def test_the_pack_shows_what_the_team_needs_and_is_logged(world, item):
    client = verified_client(world.users[Role.TEAM_MEMBER])
    html = client.get(reverse("meetings:item", args=[item.code])).content.decode()
    assert "Waarom schrikt Noor zo van geluid?" in html
    assert "Oorscreening" in html and "JGZ Oost" in html
    assert "Verslag logopedie" in html
    # from another organisation, without the parents' consent for it: not in the pack
    assert "Ziekenhuisbrief" not in html
    entry = AuditEntry.objects.get(action=AuditAction.READ, object_type="agendaitem")
    assert entry.details == {"view": "meeting_pack"}


def test_the_pack_prints_as_a_pdf_and_the_print_is_logged(world, item):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(reverse("meetings:pack_pdf", args=[item.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Oorscreening" in text
    assert world.own_case.child.given_name in text
    entry = AuditEntry.objects.get(action=AuditAction.PRINT)
    assert (entry.child_id, entry.object_type) == (world.own_case.child.pk, "agendaitem")


def test_nobody_outside_the_case_reads_or_prints_the_pack(world, other_world, item):
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    parent_client = Client()
    parent_client.force_login(parent)
    outsiders = [
        verified_client(other_world.users[Role.COORDINATOR]),
        verified_client(world.users[Role.ANALYST]),
        parent_client,
    ]
    for client in outsiders:
        assert client.get(reverse("meetings:item", args=[item.code])).status_code == 404
        assert client.get(reverse("meetings:pack_pdf", args=[item.code])).status_code == 404
    assert not AuditEntry.objects.filter(action__in=[AuditAction.READ, AuditAction.PRINT]).exists()
