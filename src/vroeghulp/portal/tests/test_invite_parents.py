"""A new family gets into the portal: the casemanager invites each guardian with custody, the
parent's first login through the link links their own account; links are one-time, expire,
can be sent again or withdrawn, and every step is logged."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.portal.models import Invitation

pytestmark = pytest.mark.django_db

EMAIL = "sanne.ouder@example.nl"


@pytest.fixture
def guardian(world):
    guardian = world.own_case.child.guardians.get()
    guardian.email = ""
    guardian.save(update_fields=["email"])
    return guardian


def _invite(client, world, guardian, email=EMAIL, again=None):
    prefix = f"g{guardian.pk}"
    return client.post(
        reverse("invitations:invite", args=[world.own_case.code]),
        {
            "guardian": guardian.pk,
            f"{prefix}-email": email,
            f"{prefix}-email_again": again or email,
        },
    )


def _link(message) -> str:
    return re.search(r"https?://\S+/ouders/uitnodiging/\S+/", message.body).group(0)


def _path(link: str) -> str:
    return link[link.index("/ouders/") :]


def _first_login(link: str) -> Client:
    parent = Client()
    parent.get(_path(link))
    parent.post(_path(link))
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    assert mail.outbox[-1].to == [EMAIL]
    parent.post(reverse("portal:login_code"), {"code": code})
    return parent


def test_a_new_parent_gets_in_through_the_invitation(
    world, guardian, django_capture_on_commit_callbacks
):
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(casemanager, world, guardian)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.guardian, invitation.email) == (guardian, EMAIL)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    link = _link(mail.outbox[0])
    assert invitation.token_hash not in link  # only the hash is kept
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, object_type="invitation", child_id=world.own_case.child.pk
    ).exists()

    parent = _first_login(link)
    guardian.refresh_from_db()
    user = User.objects.get(email=EMAIL)
    assert guardian.user == user
    assert not user.has_usable_password()
    page = parent.get(reverse("portal:home"), follow=True)
    assert page.status_code == 200
    assert world.own_case.child.given_name in page.content.decode()
    accepted = AuditEntry.objects.get(object_type="invitation", action=AuditAction.UPDATE)
    assert (accepted.user_id, accepted.grounds) == (user.pk, Grounds.PARENT)

    # the link works once
    again = Client().get(_path(link))
    assert again.status_code == 404
    assert "niet (meer) geldig" in again.content.decode()


def test_the_addresses_must_match_and_nothing_is_lost(world, guardian):
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    response = _invite(casemanager, world, guardian, again="sanne.ouder@exampel.nl")
    assert response.status_code == 400
    html = response.content.decode()
    assert "De twee e-mailadressen zijn niet gelijk" in html
    assert EMAIL in html  # what was typed comes back
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_only_a_guardian_with_custody_is_invited(world):
    without = GuardianFactory(child=world.own_case.child, has_custody=False)
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    response = _invite(casemanager, world, without)
    assert "Alleen een ouder of verzorger met gezag" in response.content.decode()
    assert Invitation.objects.count() == 0


def test_a_resent_link_replaces_the_old_one_and_a_withdrawn_link_stops(
    world, guardian, django_capture_on_commit_callbacks
):
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(casemanager, world, guardian)
    first = _link(mail.outbox[-1])
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        casemanager.post(
            reverse("invitations:resend", args=[world.own_case.code]),
            {"invitation": invitation.pk},
        )
    second = _link(mail.outbox[-1])
    assert first != second
    assert Client().get(_path(first)).status_code == 404
    assert Client().get(_path(second)).status_code == 200
    casemanager.post(
        reverse("invitations:withdraw", args=[world.own_case.code]), {"invitation": invitation.pk}
    )
    assert Client().get(_path(second)).status_code == 404
    invitation.refresh_from_db()
    assert (invitation.sent_count, invitation.withdrawn_at is not None) == (2, True)
    assert (
        AuditEntry.objects.filter(object_type="invitation", action=AuditAction.UPDATE).count() == 2
    )


def test_an_expired_link_does_not_work(world, guardian, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(verified_client(world.users[Role.CASEMANAGER]), world, guardian)
    link = _link(mail.outbox[-1])
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert Client().get(_path(link)).status_code == 404


def test_who_may_invite(world, other_world, guardian):
    url = reverse("invitations:invite", args=[world.own_case.code])
    data = {
        "guardian": guardian.pk,
        f"g{guardian.pk}-email": EMAIL,
        f"g{guardian.pk}-email_again": EMAIL,
    }
    member = verified_client(world.users[Role.TEAM_MEMBER])
    assert member.post(url, data).status_code == 403  # on the team, but not the family's contact
    for outsider in (
        verified_client(other_world.users[Role.COORDINATOR]),
        verified_client(world.users[Role.ANALYST]),
        verified_client(world.users[Role.NETWORK_ADMIN]),
    ):
        assert outsider.post(url, data).status_code == 404
        assert (
            outsider.get(reverse("invitations:guardians", args=[world.own_case.code])).status_code
            == 404
        )
    assert Client().post(url, data).status_code == 302  # to the login
    assert Invitation.objects.count() == 0
    coordinator = verified_client(world.users[Role.COORDINATOR])
    assert coordinator.post(url, data).status_code == 302
    assert Invitation.objects.count() == 1


def test_a_parent_cannot_invite_or_see_the_professionals_list(world, guardian):
    from vroeghulp.accounts.tests.factories import UserFactory

    parent = UserFactory()
    other_guardian = GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.force_login(parent)
    assert (
        client.get(reverse("invitations:guardians", args=[world.own_case.code])).status_code == 404
    )
    data = {
        "guardian": guardian.pk,
        f"g{guardian.pk}-email": EMAIL,
        f"g{guardian.pk}-email_again": EMAIL,
    }
    assert (
        client.post(reverse("invitations:invite", args=[world.own_case.code]), data).status_code
        == 404
    )
    assert Invitation.objects.count() == 0
    assert other_guardian.user == parent


def test_access_ends_when_custody_ends(world, guardian, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(verified_client(world.users[Role.CASEMANAGER]), world, guardian)
    parent = _first_login(_link(mail.outbox[-1]))
    url = reverse("portal:child", args=[world.own_case.code])
    assert parent.get(url).status_code == 200
    guardian.refresh_from_db()
    guardian.has_custody = False
    guardian.save(update_fields=["has_custody"])
    assert parent.get(url).status_code == 404


def test_a_signed_out_visit_to_the_portal_goes_to_the_parents_login():
    response = Client().get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_the_case_file_shows_each_guardians_portal_status(world, guardian):
    page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("invitations:guardians", args=[world.own_case.code])
    )
    html = page.content.decode()
    assert guardian.full_name in html
    assert "Uitnodigen voor het ouderportaal" in html
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, child_id=world.own_case.child.pk, details__section="guardians"
    ).exists()
