"""Uploads are checked by size and content, stored outside the web root, served via the policy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import Document
from vroeghulp.cases.tests.factories import TeamMemberFactory
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, world, name="verslag.pdf", content=PDF, **extra):
    return client.post(
        reverse("cases:upload_document", args=[world.own_case.code]),
        {
            "upload": SimpleUploadedFile(name, content),
            "title": "Verslag",
            "kind": "report",
            **extra,
        },
    )


def test_a_pdf_is_stored_privately_and_downloaded_through_the_policy(world, settings):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _upload(client, world).status_code == 302
    document = Document.objects.get()
    assert document.content_type == "application/pdf"
    assert str(settings.PRIVATE_MEDIA_ROOT) in document.file.path
    assert "verslag" not in document.file.name  # random stored name
    response = client.get(reverse("cases:document", args=[world.own_case.code, document.code]))
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action=AuditAction.READ, object_type="document").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "Dit soort bestand kan niet worden toegevoegd."),
        ("nep.pdf", b"<html><script>alert(1)</script>", "De inhoud van dit bestand past niet"),
        ("foto.png", PDF, "De inhoud van dit bestand past niet"),
    ],
)
def test_wrong_types_are_refused(world, name, content, message):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _upload(client, world, name=name, content=content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_too_large_is_refused(world, settings):
    settings.UPLOAD_MAX_MB = 1
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _upload(client, world, content=PDF + b"0" * (1024 * 1024))
    assert "Dit bestand is te groot" in response.content.decode()


def test_a_report_from_another_organisation_needs_consent_to_be_read(world):
    hospital = professional(Role.TEAM_MEMBER, world.other_organisation)
    TeamMemberFactory(case=world.own_case, user=hospital, team_role="member")
    _upload(verified_client(hospital), world)
    document = Document.objects.get()
    assert document.source_organisation == world.other_organisation
    url = reverse("cases:document", args=[world.own_case.code, document.code])
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    assert casemanager.get(url).status_code == 404
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    assert casemanager.get(url).status_code == 200


def test_outsiders_get_404_for_documents(world, other_world):
    client = verified_client(world.users[Role.CASEMANAGER])
    _upload(client, world)
    document = Document.objects.get()
    outsider = verified_client(other_world.users[Role.COORDINATOR])
    url = reverse("cases:document", args=[world.own_case.code, document.code])
    assert outsider.get(url).status_code == 404
    wrong_case = reverse("cases:document", args=[world.other_case.code, document.code])
    assert client.get(wrong_case).status_code == 404
