"""Parents log in with an e-mail code, see what happens next, withdraw a consent, react to the
plan and see who looked at the file; nobody else reaches these pages."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import TeamMember
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.portal.login_codes import MAX_ATTEMPTS
from vroeghulp.portal.models import LoginCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(world):
    user = UserFactory(email="moeder@example.test")
    GuardianFactory(child=world.own_case.child, user=user, full_name="Moeder Eigen")
    return user


def _log_in(client=None) -> Client:
    client = client or Client()
    client.post(reverse("portal:login"), {"email": "moeder@example.test"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("portal:login_code"), {"code": code})
    return client


def test_login_with_a_code_and_see_what_happens_next(world, parent):
    client = _log_in()
    response = client.get(reverse("portal:home"), follow=True)
    html = response.content.decode()
    assert world.own_case.child.full_name in html
    assert "We maken kennis met u en uw kind." in html  # phase intake, in plain words
    assert "Wat gebeurt er hierna?" in html
    casemanager = TeamMember.objects.get(case=world.own_case, team_role=TeamRole.CASEMANAGER).user
    assert casemanager.full_name in html
    assert world.other_case.child.full_name not in html


def test_unknown_addresses_get_no_code_and_no_hint(db):
    response = Client().post(
        reverse("portal:login"), {"email": "onbekend@example.test"}, follow=True
    )
    assert "Als uw e-mailadres bij ons bekend is" in response.content.decode()
    assert mail.outbox == []


def test_wrong_codes_run_out(world, parent):
    client = Client()
    client.post(reverse("portal:login"), {"email": "moeder@example.test"})
    for _ in range(MAX_ATTEMPTS):
        response = client.post(reverse("portal:login_code"), {"code": "000000"})
        assert "Deze code klopt niet" in response.content.decode()
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("portal:login_code"), {"code": code})
    assert "_auth_user_id" not in client.session
    assert LoginCode.objects.get().code_hash != code  # only a hash is stored


def test_withdrawing_a_consent_works_at_once_when_confirmed(world, parent):
    consent = ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    client = _log_in()
    client.post(
        reverse("portal:withdraw_consent", args=[world.own_case.code]),
        {"consent": consent.pk, "confirmed": "yes"},
    )
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_by.user == parent
    assert not Consent.objects.in_force().exists()
    assert world.own_case.events.filter(name="consent_withdrawn").exists()


def test_parents_see_who_looked(world, parent):
    verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[world.own_case.code])
    )
    client = _log_in()
    url = reverse("portal:who_looked", args=[world.own_case.code])
    html = client.get(url).content.decode()
    assert "Casemanager" in html and world.organisation.name in html  # role and organisation
    assert "Lid van het team rond het kind" in html
    assert world.users[Role.CASEMANAGER].full_name not in html  # the network did not allow names
    world.network.access_log_shows_names = True
    world.network.save()
    assert world.users[Role.CASEMANAGER].full_name in client.get(url).content.decode()


def test_who_looked_period_filter_reports_bad_dates_in_dutch(world, parent):
    client = _log_in()
    url = reverse("portal:who_looked", args=[world.own_case.code])
    response = client.get(url, {"van": "gisteren"})
    assert response.status_code == 200
    assert "Vul een geldige datum in" in response.content.decode()


def test_a_parent_without_custody_or_of_another_child_gets_404(world, parent):
    other = UserFactory(email="ander@example.test")
    GuardianFactory(child=world.other_case.child, user=other)
    client = _log_in()
    assert client.get(reverse("portal:child", args=[world.other_case.code])).status_code == 404
    professional = verified_client(world.users[Role.CASEMANAGER])
    assert professional.get(reverse("portal:child", args=[world.own_case.code])).status_code == 404
    assert Client().get(reverse("portal:child", args=[world.own_case.code])).status_code == 302


def test_parents_react_to_the_plan_themselves(world, parent):
    from vroeghulp.plans.models import Plan, PlanVersion

    version = PlanVersion.objects.create(
        plan=Plan.objects.create(case=world.own_case),
        number=1,
        content={},
        pdf="x.pdf",
        pdf_sha256="0" * 64,
        issued_by=world.users[Role.CASEMANAGER],
    )
    client = _log_in()
    url = reverse("portal:react", args=[world.own_case.code, version.code])
    response = client.post(url, {"reaction": "disagree"})
    assert "Schrijf erbij wat u anders wilt" in response.content.decode()
    client.post(url, {"reaction": "agree_comments", "comment": "Liever op woensdag."})
    reaction = version.reactions.get()
    assert (reaction.guardian.user, reaction.comment) == (parent, "Liever op woensdag.")


def test_messages_between_parent_and_casemanager(world, parent, django_capture_on_commit_callbacks):
    client = _log_in()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("portal:send_message", args=[world.own_case.code]),
            {"body": "Mag het huisbezoek op dinsdag?"},
        )
    notice = mail.outbox[-1]
    casemanager = TeamMember.objects.get(case=world.own_case, team_role=TeamRole.CASEMANAGER).user
    assert notice.to == [casemanager.email]
    assert "dinsdag" not in notice.body  # the e-mail never carries the content
    professional = verified_client(casemanager)
    page = professional.get(reverse("messages:case", args=[world.own_case.code])).content.decode()
    assert "Mag het huisbezoek op dinsdag?" in page
    with django_capture_on_commit_callbacks(execute=True):
        professional.post(
            reverse("messages:reply", args=[world.own_case.code]), {"body": "Dinsdag is goed."}
        )
    assert mail.outbox[-1].to == [parent.email]
    assert (
        "Dinsdag is goed."
        in client.get(reverse("portal:child", args=[world.own_case.code])).content.decode()
    )
    outsider = verified_client(world.other_case.team.first().user)
    assert outsider.get(reverse("messages:case", args=[world.own_case.code])).status_code == 404


def test_parents_download_all_data_without_professional_only_notes(world, parent):
    import io
    import json
    import zipfile

    from vroeghulp.audit.constants import AuditAction
    from vroeghulp.audit.models import AuditEntry
    from vroeghulp.cases.tests.factories import NoteFactory

    author = world.users[Role.CASEMANAGER]
    NoteFactory(
        case=world.own_case, author=author, source_organisation=world.organisation, text="Gedeeld"
    )
    NoteFactory(
        case=world.own_case,
        author=author,
        source_organisation=world.organisation,
        text="Intern overleg",
        professional_only=True,
    )
    client = _log_in()
    response = client.get(reverse("portal:download_data", args=[world.own_case.code]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("gegevens.json"))
    assert data["kind"]["naam"] == world.own_case.child.full_name
    notes = [n["tekst"] for n in data["trajecten"][0]["notities"]]
    assert notes == ["Gedeeld"]
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, user_id=parent.pk).exists()


def test_closing_questionnaire_counts_anonymously(world, parent):
    import datetime

    from django.utils import timezone

    from vroeghulp.cases.states import Phase
    from vroeghulp.monitoring.indicators import Scope, parent_satisfaction
    from vroeghulp.portal.models import SatisfactionAnswer, SatisfactionQuestion

    questions = [
        SatisfactionQuestion.objects.create(network=world.network, text=text, position=n)
        for n, text in enumerate(["Was uw contactpersoon bereikbaar?", "Was het plan duidelijk?"])
    ]
    client = _log_in()
    url = reverse("portal:questionnaire", args=[world.own_case.code])
    response = client.post(url, {f"q{q.pk}": "5" for q in questions})
    assert "De vragenlijst komt als het traject is afgesloten." in response.content.decode()
    world.own_case.phase = Phase.CLOSED
    world.own_case.save(update_fields=["phase"])
    page = client.get(reverse("portal:child", args=[world.own_case.code])).content.decode()
    assert "Was het plan duidelijk?" in page
    client.post(url, {f"q{questions[0].pk}": "5", f"q{questions[1].pk}": "2"})
    assert SatisfactionAnswer.objects.count() == 2
    today = timezone.localdate()
    result = parent_satisfaction(
        Scope(networks=[world.network], start=today - datetime.timedelta(days=1), end=today)
    )
    assert (result.numerator, result.denominator) == (1, 2)
