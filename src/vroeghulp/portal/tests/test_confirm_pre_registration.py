"""Parents confirm (or decline) a school's pre-registration in the portal: the link in the mail,
an e-mail code to that same address, what the school wrote, their answer in their own words."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.models import User
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.portal.pending_confirmation import SESSION_CONFIRMATION
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import EarlierExamination, Registration
from vroeghulp.referrals.tests.school import (
    PARENT_EMAIL,
    SCHOOL_WORDS,
    confirmation_path,
    last_code,
    pre_register,
    school_with_ib,
)

pytestmark = pytest.mark.django_db


def _expire():
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Registration.objects.update(confirmation_expires_at=an_hour_ago)


@pytest.fixture
def sent(world, django_capture_on_commit_callbacks):
    """A school's pre-registration, its mail to the parents sent."""
    _school, ib = school_with_ib(world.network)
    with django_capture_on_commit_callbacks(execute=True):
        pre_register(ib)
    return ib


def _signed_in_parent(django_capture_on_commit_callbacks) -> Client:
    parent = Client()
    path = confirmation_path()
    page = parent.get(path)
    assert "We sturen een inlogcode naar a…@example.test" in page.content.decode()
    parent.post(path)
    response = parent.post(reverse("portal:login_code"), {"code": last_code(PARENT_EMAIL)})
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:confirm_registration")
    return parent


def test_parents_read_what_the_school_wrote_and_confirm(
    world, sent, django_capture_on_commit_callbacks
):
    assert not User.objects.filter(email=PARENT_EMAIL).exists()
    parent = _signed_in_parent(django_capture_on_commit_callbacks)
    # The address had no account: one was made for this confirmation only.
    account = User.objects.get(email=PARENT_EMAIL)
    assert not account.guardianships.exists()

    page = parent.get(reverse("portal:confirm_registration")).content.decode()
    assert SCHOOL_WORDS in page
    assert "Basisschool De Regenboog" in page
    assert "Gehoortest" in page
    assert Registration.objects.get().status == Status.AWAITING_CONFIRMATION

    done = parent.post(
        reverse("portal:confirm_registration"),
        {"answer": "confirm", "concern_parents": "Thuis is ze heel stil bij visite."},
    )
    assert "Dank u wel" in done.content.decode()
    registration = Registration.objects.get()
    assert registration.status == Status.NEW
    assert registration.confirmed_at is not None
    assert registration.concern_parents == "Thuis is ze heel stil bij visite."
    confirmed = AuditEntry.objects.get(
        object_type="registration", action=AuditAction.UPDATE, user_id=account.pk
    )
    assert confirmed.grounds == Grounds.PARENT and confirmed.details == {"confirmed": True}
    assert AuditEntry.objects.filter(
        object_type="registration", action=AuditAction.READ, user_id=account.pk
    ).exists()


def test_the_used_link_says_so(world, sent, django_capture_on_commit_callbacks):
    parent = _signed_in_parent(django_capture_on_commit_callbacks)
    parent.post(reverse("portal:confirm_registration"), {"answer": "confirm"})
    again = Client().get(confirmation_path())
    assert again.status_code == 404
    assert "Deze link is al gebruikt" in again.content.decode()


def test_the_expired_link_says_so_and_answers_nothing(world, sent):
    _expire()
    path = confirmation_path()
    page = Client().get(path)
    assert page.status_code == 404
    assert "Deze link is verlopen" in page.content.decode()
    mails = len(mail.outbox)
    Client().post(path)
    assert len(mail.outbox) == mails  # no code sent
    assert Registration.objects.get().status == Status.AWAITING_CONFIRMATION


def test_a_link_expiring_while_answering_confirms_nothing(
    world, sent, django_capture_on_commit_callbacks
):
    parent = _signed_in_parent(django_capture_on_commit_callbacks)
    _expire()
    response = parent.post(reverse("portal:confirm_registration"), {"answer": "confirm"})
    assert response.status_code == 302  # nothing pending any more: to the portal's start
    registration = Registration.objects.get()
    assert registration.status == Status.AWAITING_CONFIRMATION
    assert registration.confirmed_at is None


def test_the_code_goes_only_to_the_address_the_link_was_sent_to(world, sent):
    someone = UserFactory(email="iemand.anders@example.test")
    client = Client()
    client.force_login(someone)
    mails = len(mail.outbox)
    client.post(confirmation_path())
    assert [m.to for m in mail.outbox[mails:]] == [[PARENT_EMAIL]]
    # Whoever was signed in on this device was signed out, and cannot answer.
    response = client.post(reverse("portal:confirm_registration"), {"answer": "confirm"})
    assert response.status_code == 302 and "inloggen" in response["Location"]
    assert Registration.objects.get().status == Status.AWAITING_CONFIRMATION


def test_another_account_cannot_answer(world, sent):
    registration = Registration.objects.get()
    someone = UserFactory(email="iemand.anders@example.test")
    client = Client()
    client.force_login(someone)
    session = client.session
    session[SESSION_CONFIRMATION] = registration.pk
    session.save()
    assert client.get(reverse("portal:confirm_registration")).status_code == 404
    response = client.post(reverse("portal:confirm_registration"), {"answer": "confirm"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.AWAITING_CONFIRMATION
    assert registration.confirmed_at is None


def test_without_an_answer_the_page_asks_and_keeps_the_words(
    world, sent, django_capture_on_commit_callbacks
):
    parent = _signed_in_parent(django_capture_on_commit_callbacks)
    response = parent.post(
        reverse("portal:confirm_registration"), {"concern_parents": "Ze slaapt slecht."}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies of u de aanmelding bevestigt of niet." in page
    assert "Ze slaapt slecht." in page
    assert Registration.objects.get().status == Status.AWAITING_CONFIRMATION


def test_declining_ends_it_and_the_school_hears_only_that(
    world, sent, django_capture_on_commit_callbacks
):
    parent = _signed_in_parent(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        done = parent.post(reverse("portal:confirm_registration"), {"answer": "decline"})
    assert "Aanmelding gestopt" in done.content.decode()
    registration = Registration.objects.get()
    assert registration.status == Status.NOT_CONFIRMED
    assert (registration.concern_referrer, registration.guardians) == ("", [])
    assert not EarlierExamination.objects.exists()
    to_school = mail.outbox[-1]
    assert to_school.to == [sent.email]
    assert "niet bevestigd" in to_school.body
    assert "Sofie" not in to_school.body and "praat" not in to_school.body
    # Not a registration for the coordinator to decide on.
    assert not Registration.objects.filter(status=Status.NEW).exists()
