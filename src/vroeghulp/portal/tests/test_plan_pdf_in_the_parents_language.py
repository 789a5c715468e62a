"""The plan's PDF follows the parent's language: the issued document itself in Dutch, the same
content with its headings in the parent's language otherwise; each download is a print."""

import hashlib
import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.plans.actions import issue_version, save_item, start_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(world):
    casemanager = world.users[Role.CASEMANAGER]
    plan = start_plan(world.own_case, actor=casemanager)
    save_item(plan, actor=casemanager, version=plan.version, domain="parents", advice="Voorlezen")
    plan.refresh_from_db()
    return issue_version(plan, actor=casemanager, version=plan.version)


def _download(world, version, language: str) -> bytes:
    parent = UserFactory(language=language)
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.force_login(parent)
    url = reverse("portal:plan_pdf", args=[world.own_case.code, version.code])
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_in_dutch_the_parent_gets_the_issued_document_itself(world, version):
    pdf = _download(world, version, "nl")
    assert hashlib.sha256(pdf).hexdigest() == version.pdf_sha256
    assert "Adviesplan voor" in _text(pdf)


def test_in_english_the_headings_are_english_and_the_advice_as_written(world, version):
    text = _text(_download(world, version, "en"))
    assert "Advice plan for" in text and "Adviesplan voor" not in text
    assert "Voorlezen" in text
    assert AuditEntry.objects.filter(action="print", child_id=world.own_case.child_id).exists()
