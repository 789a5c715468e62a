"""What parents decide and add: meeting attendance, the plan to read, contact details, and formal
requests to correct or delete data, which the coordinator answers within a month."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import Intake
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.plans.models import Plan, PlanVersion
from vroeghulp.plans.snapshot import snapshot
from vroeghulp.portal.models import DataRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(world):
    user = UserFactory(email="vader@example.test")
    GuardianFactory(
        child=world.own_case.child, user=user, full_name="Vader Eigen", phone="0612345678"
    )
    return user


@pytest.fixture
def client(parent):
    client = Client()
    client.post(reverse("portal:login"), {"email": "vader@example.test"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("portal:login_code"), {"code": code})
    mail.outbox.clear()
    return client


def _url(world, name, *args):
    return reverse(f"portal:{name}", args=[world.own_case.code, *args])


def _agenda_item(world, case, days=7):
    meeting = Meeting.objects.create(
        network=case.network,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        created_by=world.users[Role.COORDINATOR],
    )
    return AgendaItem.objects.create(meeting=meeting, case=case)


def test_parents_choose_whether_they_attend_the_meeting(world, client):
    item = _agenda_item(world, world.own_case)
    page = client.get(_url(world, "child")).content.decode()
    assert "Het overleg van de specialisten over uw kind" in page
    response = client.post(_url(world, "attend"), {"item": item.pk, "attend": "0"}, follow=True)
    item.refresh_from_db()
    assert item.parents_attend is False
    assert "U heeft laten weten dat u niet komt." in response.content.decode()
    assert world.own_case.events.filter(name="parents_stay_away").exists()
    assert AuditEntry.objects.filter(object_type="agendaitem", action="update").exists()


def test_attendance_for_another_childs_or_a_past_meeting_is_refused(world, client):
    other = _agenda_item(world, world.other_case)
    assert client.post(_url(world, "attend"), {"item": other.pk, "attend": "1"}).status_code == 404
    past = _agenda_item(world, world.own_case, days=-1)
    assert client.post(_url(world, "attend"), {"item": past.pk, "attend": "1"}).status_code == 404
    other.refresh_from_db()
    past.refresh_from_db()
    assert other.parents_attend is None and past.parents_attend is None


def test_parents_read_the_plan_as_a_web_page(world, client):
    Intake.objects.update_or_create(
        case=world.own_case, defaults={"question": "Hoe leert Sem praten?"}
    )
    plan = Plan.objects.create(case=world.own_case)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        content=snapshot(plan),
        pdf="x.pdf",
        pdf_sha256="0" * 64,
        issued_by=world.users[Role.COORDINATOR],
    )
    response = client.get(_url(world, "plan", version.code))
    assert response.status_code == 200
    assert "Hoe leert Sem praten?" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(object_type="planversion", action="read").exists()
    professional = verified_client(world.users[Role.CASEMANAGER])
    assert professional.get(_url(world, "plan", version.code)).status_code == 404


def test_parents_correct_their_contact_details(world, client, parent):
    form = client.get(_url(world, "contact_details"))
    assert 'value="0612345678"' in form.content.decode()
    response = client.post(
        _url(world, "contact_details"),
        {
            "email": "nieuw@example.test",
            "phone": "06 98765432",
            "preferred_language": "Engels",
            "version": 1,
        },
        follow=True,
    )
    assert "Uw gegevens zijn aangepast." in response.content.decode()
    guardian = parent.guardianships.get()
    assert (guardian.email, guardian.phone, guardian.preferred_language) == (
        "nieuw@example.test",
        "06 98765432",
        "Engels",
    )
    entry = AuditEntry.objects.get(object_type="guardian", action="update")
    assert entry.details["fields"] == ["email", "phone", "preferred_language"]
    assert "nieuw@example.test" not in str(entry.details)  # the values stay out of the log


def test_bad_phone_number_is_explained_and_a_stale_form_keeps_the_input(world, client, parent):
    bad = client.post(
        _url(world, "contact_details"),
        {"email": "", "phone": "bel mij", "preferred_language": "nl", "version": 1},
    )
    assert bad.status_code == 400
    assert "Vul een telefoonnummer in met alleen cijfers" in bad.content.decode()
    guardian = parent.guardianships.get()
    guardian.phone = "0611111111"
    guardian.version = 2
    guardian.save()
    stale = client.post(
        _url(world, "contact_details"),
        {"email": "", "phone": "0622222222", "preferred_language": "nl", "version": 1},
    )
    assert stale.status_code == 409
    assert "0622222222" in stale.content.decode()
    guardian.refresh_from_db()
    assert guardian.phone == "0611111111"


def test_a_deletion_request_reaches_the_coordinator_with_a_deadline(
    world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(world, "data_request"),
            {"kind": "deletion", "text": "Verwijder het verslag van de oude school."},
            follow=True,
        )
    assert "De coördinator antwoordt binnen een maand" in response.content.decode()
    data_request = DataRequest.objects.get()
    assert data_request.due_on == timezone.localdate() + datetime.timedelta(days=30)
    coordinator = world.users[Role.COORDINATOR]
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "oude school" not in mail.outbox[0].body  # the e-mail never carries the content

    work = verified_client(coordinator).get(reverse("home")).content.decode()
    assert "Verzoeken van ouders" in work and world.own_case.child.full_name in work

    mail.outbox.clear()
    coordinator_client = verified_client(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        answered = coordinator_client.post(
            reverse("messages:answer_request", args=[world.own_case.code]),
            {
                "request": data_request.pk,
                "outcome": "granted",
                "response": "Het verslag is verwijderd.",
            },
            follow=True,
        )
    assert "Het antwoord staat nu in het portaal van de ouders." in answered.content.decode()
    data_request.refresh_from_db()
    assert (data_request.outcome, data_request.handled_by) == ("granted", coordinator)
    assert mail.outbox and "verwijderd" not in mail.outbox[0].body
    assert "Het verslag is verwijderd." in client.get(_url(world, "child")).content.decode()


def test_only_a_coordinator_of_the_network_answers_requests(world, client, other_world):
    client.post(_url(world, "data_request"), {"kind": "correction", "text": "Naam is fout."})
    data_request = DataRequest.objects.get()
    url = reverse("messages:answer_request", args=[world.own_case.code])
    answer = {"request": data_request.pk, "outcome": "refused", "response": "Nee."}
    assert verified_client(world.users[Role.CASEMANAGER]).post(url, answer).status_code == 403
    assert verified_client(other_world.users[Role.COORDINATOR]).post(url, answer).status_code == 404
    assert client.post(url, answer).status_code == 404  # parents are not on the professional side
    data_request.refresh_from_db()
    assert data_request.outcome == "open"


def test_an_empty_request_is_explained_in_dutch(world, client):
    response = client.post(_url(world, "data_request"), {"kind": "correction", "text": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not DataRequest.objects.exists()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_parents_add_a_photo_for_the_team(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from vroeghulp.cases.models import Document

    photo = SimpleUploadedFile("spelen.png", PNG, content_type="image/png")
    response = client.post(
        _url(world, "upload"),
        {"file": photo, "title": "Sem aan het spelen"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het bestand staat nu bij het team." in html and "Sem aan het spelen" in html
    assert "<html" not in html  # htmx gets the section only
    document = Document.objects.get()
    assert document.source_organisation is None and document.content_type == "image/png"
    assert AuditEntry.objects.filter(object_type="document", action="create").exists()
    professional = verified_client(world.users[Role.TEAM_MEMBER])
    information = professional.get(reverse("cases:information", args=[world.own_case.code]))
    assert "Sem aan het spelen" in information.content.decode()
    assert "van de ouders" in information.content.decode()


def test_a_disguised_file_is_refused_in_dutch_without_javascript(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("filmpje.mp4", b"MZ\x90\x00 not a video", content_type="video/mp4")
    response = client.post(_url(world, "upload"), {"file": fake, "title": "x"})
    assert response.status_code == 400
    assert "De inhoud van dit bestand past niet bij de naam (.mp4)." in response.content.decode()
    assert not world.own_case.documents.exists()


def test_uploads_to_another_childs_case_are_not_found(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile("a.png", PNG, content_type="image/png")
    url = reverse("portal:upload", args=[world.other_case.code])
    assert client.post(url, {"file": photo}).status_code == 404
    assert not world.other_case.documents.exists()


def test_parents_give_a_consent_themselves(world, client, parent):
    from vroeghulp.consent.models import Consent

    # Sharing the plan needs one guardian with custody (the child has two here).
    response = client.post(
        _url(world, "give_consent"),
        {"organisation": world.other_organisation.pk, "purpose": "share_plan"},
        follow=True,
    )
    assert "Uw toestemming geldt vanaf vandaag." in response.content.decode()
    consent = Consent.objects.in_force().get()
    assert consent.organisation == world.other_organisation
    assert list(consent.given_by.values_list("user", flat=True)) == [parent.pk]
    assert consent.given_on == timezone.localdate()
    assert world.own_case.events.filter(name="consent_given_by").exists()
    assert AuditEntry.objects.filter(object_type="consent", action="create").exists()


def test_consent_for_an_organisation_of_another_network_is_refused(world, client, other_world):
    from vroeghulp.consent.models import Consent

    response = client.post(
        _url(world, "give_consent"),
        {"organisation": other_world.organisation.pk, "purpose": "exchange_information"},
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze." in response.content.decode()
    assert other_world.organisation.name not in response.content.decode()
    assert not Consent.objects.exists()


def test_an_end_date_before_today_is_explained(world, client):
    from vroeghulp.consent.models import Consent

    response = client.post(
        _url(world, "give_consent"),
        {
            "organisation": world.other_organisation.pk,
            "purpose": "share_plan",
            "ends_on": "2020-01-01",
        },
    )
    assert response.status_code == 400
    assert "De einddatum ligt voor de datum van toestemming." in response.content.decode()
    assert not Consent.objects.exists()
