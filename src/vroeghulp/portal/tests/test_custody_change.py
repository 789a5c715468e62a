"""A change of custody (gezag) is recorded with its date and source, kept as history, put on the
timeline and audited, and changes who may act: a guardian who lost custody loses the portal,
their open invitation and their say over consents; one who gains custody can be invited."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.states import Phase
from vroeghulp.children.models import CustodyChange, Guardian
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.portal.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def father(world):
    user = UserFactory(email="pieter@example.test")
    return GuardianFactory(
        child=world.own_case.child, user=user, full_name="Pieter Eigen", relation="father"
    )


def _post(client, world, guardian, **overrides):
    data = {
        "guardian": guardian.pk,
        "change": "lost",
        "effective_on": "2026-10-01",
        "source": "court",
        "note": "Beschikking rechtbank Gelderland",
        **overrides,
    }
    return client.post(reverse("invitations:custody_change", args=[world.own_case.code]), data)


def _parent_client(guardian) -> Client:
    client = Client()
    client.force_login(guardian.user)
    return client


def test_the_casemanager_records_a_loss_of_custody(world, father):
    response = _post(verified_client(world.users[Role.CASEMANAGER]), world, father)
    assert response.status_code == 302
    change = CustodyChange.objects.get()
    assert (change.guardian, change.change, change.source) == (father, "lost", "court")
    assert change.effective_on == datetime.date(2026, 10, 1)
    assert change.recorded_by == world.users[Role.CASEMANAGER]
    father.refresh_from_db()
    assert father.has_custody is False
    assert world.own_case.events.filter(kind="custody").count() == 1
    client = verified_client(world.users[Role.CASEMANAGER])
    overview = client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()
    assert (
        "Pieter Eigen heeft geen gezag meer per 1 oktober 2026 (uitspraak van de rechter)"
        in overview
    )
    assert AuditEntry.objects.filter(object_type="custodychange", action="create").exists()


def test_the_history_shows_on_the_consents_tab(world, father):
    client = verified_client(world.users[Role.COORDINATOR])
    _post(client, world, father)
    _post(client, world, father, change="gained", effective_on="2026-11-02", source="register")
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert "1 oktober 2026: gezag verloren – uitspraak van de rechter" in page
    assert "2 november 2026: gezag gekregen – ingeschreven in het gezagsregister" in page
    assert list(CustodyChange.objects.values_list("change", flat=True)) == ["lost", "gained"]


def test_who_lost_custody_loses_the_portal(world, father):
    parent = _parent_client(father)
    assert parent.get(reverse("portal:child", args=[world.own_case.code])).status_code == 200
    child_link = reverse("portal:child", args=[world.own_case.code])
    assert parent.get(reverse("portal:home")).url == child_link
    _post(verified_client(world.users[Role.CASEMANAGER]), world, father)
    assert parent.get(reverse("portal:child", args=[world.own_case.code])).status_code == 404
    home = parent.get(reverse("portal:home"))
    assert home.status_code == 200 and child_link not in home.content.decode()
    response = parent.post(
        reverse("portal:give_consent", args=[world.own_case.code]),
        {"organisation": world.other_organisation.pk, "purpose": Purpose.SHARE_PLAN},
    )
    assert response.status_code == 404
    assert not Consent.objects.exists()


def test_their_open_invitation_is_withdrawn(world):
    guardian = GuardianFactory(child=world.own_case.child, full_name="Pieter Eigen")
    invitation = Invitation.objects.create(
        guardian=guardian,
        email="pieter@example.test",
        token_hash="a" * 64,
        created_by=world.users[Role.CASEMANAGER],
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    _post(verified_client(world.users[Role.CASEMANAGER]), world, guardian)
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None


def test_their_consents_lapse_and_the_remaining_guardian_is_asked(world, father):
    mother = world.own_case.child.guardians.exclude(pk=father.pk).get()
    consent = ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.SHARE_PLAN,
        given_by=[father],
    )
    assert list(Consent.objects.in_force()) == [consent]
    client = verified_client(world.users[Role.CASEMANAGER])
    _post(client, world, father)
    assert not Consent.objects.in_force().exists()
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert "telt niet meer: geen gezag" in page
    assert f"nog nodig: toestemming van {mother.full_name}" in page


def test_who_gains_custody_can_be_invited_and_is_then_needed(world):
    stepfather = GuardianFactory(
        child=world.own_case.child, full_name="Karel Eigen", has_custody=False, relation="other"
    )
    ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.EXCHANGE_INFORMATION,
    )
    assert Consent.objects.in_force().exists()
    client = verified_client(world.users[Role.CASEMANAGER])
    _post(client, world, stepfather, change="gained", source="statement")
    stepfather.refresh_from_db()
    assert stepfather.has_custody is True
    assert not Consent.objects.in_force().exists()
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert "nog nodig: toestemming van Karel Eigen" in page
    prefix = f"g{stepfather.pk}"
    response = client.post(
        reverse("invitations:invite", args=[world.own_case.code]),
        {
            "guardian": stepfather.pk,
            f"{prefix}-email": "karel@example.test",
            f"{prefix}-email_again": "karel@example.test",
        },
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(guardian=stepfather).exists()


def test_a_team_member_may_not_record_it(world, father):
    response = _post(verified_client(world.users[Role.TEAM_MEMBER]), world, father)
    assert response.status_code == 302
    assert not CustodyChange.objects.exists()
    assert Guardian.objects.get(pk=father.pk).has_custody is True
    assert not world.own_case.events.filter(kind="custody").exists()


def test_the_form_is_offered_to_the_casemanager_only(world):
    url = reverse("cases:consents", args=[world.own_case.code])
    action = reverse("invitations:custody_change", args=[world.own_case.code])
    assert action in verified_client(world.users[Role.CASEMANAGER]).get(url).content.decode()
    assert action not in verified_client(world.users[Role.TEAM_MEMBER]).get(url).content.decode()


def test_another_network_gets_a_404(world, other_world, father):
    response = _post(verified_client(other_world.users[Role.CASEMANAGER]), world, father)
    assert response.status_code == 404
    assert not CustodyChange.objects.exists()
    assert Guardian.objects.get(pk=father.pk).has_custody is True


def test_a_guardian_of_another_child_is_refused(world, father):
    stranger = GuardianFactory(child=world.other_case.child)
    response = _post(verified_client(world.users[Role.CASEMANAGER]), world, stranger)
    assert response.status_code == 400
    assert not CustodyChange.objects.exists()
    assert Guardian.objects.get(pk=stranger.pk).has_custody is True


def test_losing_custody_twice_is_explained(world, father):
    client = verified_client(world.users[Role.CASEMANAGER])
    _post(client, world, father)
    response = _post(client, world, father, note="nog een keer")
    assert response.status_code == 400
    assert "Pieter Eigen heeft al geen gezag." in response.content.decode()
    assert "nog een keer" in response.content.decode()
    assert CustodyChange.objects.count() == 1


def test_bad_input_is_explained_and_kept(world, father):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _post(client, world, father, source="", effective_on="2999-01-01")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies de bron van de wijziging." in page
    assert "Beschikking rechtbank Gelderland" in page
    assert not CustodyChange.objects.exists()


def test_a_closed_file_is_read_only(world, father):
    world.own_case.phase = Phase.CLOSED
    world.own_case.save(update_fields=["phase"])
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _post(client, world, father)
    assert response.status_code == 400
    assert "Dit traject is afgesloten." in response.content.decode()
    assert not CustodyChange.objects.exists()
    url = reverse("cases:consents", args=[world.own_case.code])
    action = reverse("invitations:custody_change", args=[world.own_case.code])
    assert action not in client.get(url).content.decode()
