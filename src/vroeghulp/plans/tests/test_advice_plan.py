"""The advice plan: editing the draft, immutable versions with a readable difference, the PDF,
the parents' reactions, consent-gated sharing, and who may do what.
"""

import hashlib
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import Goal, Intake
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.plans.models import Plan, PlanVersion, Share

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(world):
    return verified_client(world.users[Role.CASEMANAGER])


@pytest.fixture
def plan(world, client):
    Intake.objects.create(case=world.own_case, question="Waarom praat Noor nog niet?")
    Goal.objects.create(case=world.own_case, text="Weten hoe we haar helpen")
    client.post(reverse("plans:start", args=[world.own_case.code]))
    return Plan.objects.get(case=world.own_case)


def _url(world, name, *extra):
    return reverse(name, args=[world.own_case.code, *extra])


def _add(client, world, plan, advice, domain="parents", **extra):
    data = {"domain": domain, "advice": advice, "status": "to_do", "version": plan.version, **extra}
    response = client.post(_url(world, "plans:add_item"), data)
    plan.refresh_from_db()
    return response


def _issue(client, world, plan):
    response = client.post(_url(world, "plans:issue"), {"version": plan.version})
    plan.refresh_from_db()
    return response


def test_issuing_makes_a_pdf_with_the_plan_in_it(world, client, plan):
    _add(client, world, plan, "Lees elke dag samen een prentenboek.", who="U", by_when="elke dag")
    _add(client, world, plan, "Noor gaat naar de logopedist.", domain="paramedical")
    assert _issue(client, world, plan).status_code == 302
    version = PlanVersion.objects.get()
    pdf_bytes = version.pdf.open("rb").read()
    assert hashlib.sha256(pdf_bytes).hexdigest() == version.pdf_sha256
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Adviesplan voor " + world.own_case.child.full_name in text
    assert "Waarom praat Noor nog niet?" in text
    assert "Weten hoe we haar helpen" in text
    assert "Lees elke dag samen een prentenboek." in text
    assert "Paramedische zorg" in text
    assert "Pagina 1 van" in text
    assert str(world.own_case.code) not in text  # no internal identifiers


def test_downloading_the_pdf_is_logged_as_print(world, client, plan):
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    version = PlanVersion.objects.get()
    response = client.get(_url(world, "plans:pdf", version.code))
    assert response["Content-Type"] == "application/pdf"
    assert AuditEntry.objects.filter(action=AuditAction.PRINT, object_type="planversion").exists()
    page = client.get(_url(world, "plans:print", version.code)).content.decode()
    assert "Samen spelen." in page


def test_versions_never_change_and_show_what_changed(world, client, plan):
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    first = PlanVersion.objects.get()
    item = plan.items.get()
    client.post(
        _url(world, "plans:change_item"),
        {
            "item": item.pk,
            f"item{item.pk}-domain": "parents",
            f"item{item.pk}-advice": "Elke dag samen spelen.",
            f"item{item.pk}-status": "started",
            f"item{item.pk}-version": plan.version,
        },
    )
    plan.refresh_from_db()
    _add(client, world, plan, "Peuteropvang twee ochtenden.", domain="childcare_education")
    _issue(client, world, plan)
    second = PlanVersion.objects.get(number=2)
    first.refresh_from_db()
    assert first.content["domains"][0]["items"][0]["advice"] == "Samen spelen."
    kinds = {(c["kind"], c["text"].split(":")[0]) for c in second.changes}
    assert ("removed", "Wat u zelf kunt doen") in kinds
    assert ("added", "Opvang en onderwijs") in kinds
    assert any(
        "Elke dag samen spelen." in c["text"] for c in second.changes if c["kind"] == "added"
    )
    with pytest.raises(PermissionError):
        first.save()
    with pytest.raises(PermissionError):
        PlanVersion.objects.filter(pk=first.pk).update(number=9)
    with pytest.raises(PermissionError):
        first.delete()


def test_two_people_editing_the_draft(world, client, plan):
    coordinator = verified_client(world.users[Role.COORDINATOR])
    seen = plan.version
    _add(client, world, plan, "Eerste advies")
    response = coordinator.post(
        _url(world, "plans:add_item"),
        {"domain": "parents", "advice": "Mijn eigen advies", "status": "to_do", "version": seen},
    )
    assert response.status_code == 409
    assert "Mijn eigen advies" in response.content.decode()
    assert list(plan.items.values_list("advice", flat=True)) == ["Eerste advies"]


def test_readability_and_jargon_hints(world, client, plan):
    _add(client, world, plan, "Wij adviseren logopedie en fysiotherapie voor de motoriek.")
    html = client.get(_url(world, "plans:plan")).content.decode()
    assert "schrijf liever „hulp bij bewegen”" in html
    assert "Kan eenvoudiger" in html


def test_parents_reaction_and_the_conversation(world, client, plan):
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    version = PlanVersion.objects.get()
    guardian = world.own_case.child.guardians.first()
    response = client.post(
        _url(world, "plans:react", version.code), {"guardian": guardian.pk, "reaction": "disagree"}
    )
    assert "Schrijf de opmerkingen van de ouders op." in response.content.decode()
    client.post(
        _url(world, "plans:react", version.code),
        {"guardian": guardian.pk, "reaction": "agree_comments", "comment": "Liever 's middags."},
    )
    client.post(
        _url(world, "plans:discussed", version.code),
        {"on": timezone.localdate().isoformat(), "how": "in_person"},
    )
    assert version.reactions.get().comment == "Liever 's middags."
    assert version.discussions.get().how == "in_person"
    world.own_case.refresh_from_db()
    assert world.own_case.plan_discussed_on == timezone.localdate()


def test_sharing_needs_consent_for_sharing_the_plan(world, client, plan):
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    version = PlanVersion.objects.get()
    url = _url(world, "plans:share", version.code)
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    response = client.post(url, {"organisation": world.other_organisation.pk})
    assert "geen toestemming gegeven om het plan te delen" in response.content.decode()
    assert not Share.objects.exists()
    consent = ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.SHARE_PLAN,
    )
    client.post(url, {"organisation": world.other_organisation.pk})
    assert Share.objects.get().consent == consent
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.consent_id == consent.pk


def test_an_empty_plan_cannot_be_issued(world, client, plan):
    response = _issue(client, world, plan)
    assert "Een plan zonder adviezen kan niet worden uitgegeven." in response.content.decode()


def test_who_may_see_and_do_what(world, other_world, client, plan):
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    version = PlanVersion.objects.get()
    outsider = verified_client(other_world.users[Role.CASEMANAGER])
    analyst = verified_client(world.users[Role.ANALYST])
    draft_version = plan.version
    for c in (outsider, analyst):
        assert c.get(_url(world, "plans:plan")).status_code == 404
        assert c.get(_url(world, "plans:pdf", version.code)).status_code == 404
        assert c.post(_url(world, "plans:issue"), {"version": plan.version}).status_code == 404
    assert PlanVersion.objects.count() == 1
    plan.refresh_from_db()
    assert plan.version == draft_version
    member = verified_client(world.users[Role.TEAM_MEMBER])
    assert member.get(_url(world, "plans:pdf", version.code)).status_code == 200
    response = member.post(
        _url(world, "plans:share", version.code), {"organisation": world.other_organisation.pk}
    )
    assert response.status_code == 404  # team members may not export


def test_a_parent_cannot_share_the_plan_with_an_organisation(world, client, plan):
    """Downloading one's own data is the parents' right; sending the plan to a third party is
    the coordinator's or casemanager's, under the parents' consent."""
    _add(client, world, plan, "Samen spelen.")
    _issue(client, world, plan)
    version = PlanVersion.objects.get()
    ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.SHARE_PLAN,
    )
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    parent_client = Client()
    parent_client.force_login(parent)
    exports_before = AuditEntry.objects.filter(action=AuditAction.EXPORT).count()
    response = parent_client.post(
        _url(world, "plans:share", version.code), {"organisation": world.other_organisation.pk}
    )
    assert response.status_code == 404
    assert Share.objects.count() == 0
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT).count() == exports_before
