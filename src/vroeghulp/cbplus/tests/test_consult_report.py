"""The report to the parents and the clinic: a page to print and a PDF, each logged as a print."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.tests.factories import (
    ConsultFactory,
    FindingFactory,
    cbplus_worker,
    clinic,
    young_child,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def consult(world):
    organisation = clinic(world.network)
    consult = ConsultFactory(
        organisation=organisation,
        child=young_child(world.network, given_name="Noor", family_name="Visser"),
        created_by=cbplus_worker(organisation),
        status=ConsultStatus.CONCLUDED,
        advice="Logopedie, over drie maanden terug",
    )
    FindingFactory(consult=consult, discipline="logopedist", text="Zegt nog geen woordjes")
    return consult


def test_the_report_page_shows_findings_and_advice_and_is_logged(consult):
    worker = cbplus_worker(consult.organisation)
    response = verified_client(worker).get(reverse("cbplus:report", args=[consult.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Verslag CB-plus-consult: Noor Visser" in html
    assert "Zegt nog geen woordjes" in html and "Logopedie, over drie maanden terug" in html
    entry = AuditEntry.objects.get(user_id=worker.pk, action=AuditAction.PRINT)
    assert entry.details == {"format": "html", "view": "cbplus_report"}


def test_the_report_as_pdf_is_logged(consult):
    worker = cbplus_worker(consult.organisation)
    response = verified_client(worker).get(reverse("cbplus:report_pdf", args=[consult.code]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Zegt nog geen woordjes" in text
    assert AuditEntry.objects.filter(
        user_id=worker.pk, action=AuditAction.PRINT, details__format="pdf"
    ).exists()
