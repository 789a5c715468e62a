"""E-mails to parents are written in the language they prefer, whoever sends them and whatever
language the sender's screen is in; e-mails to professionals in Dutch, the network's language."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.letter_language import for_parent
from vroeghulp.portal import actions
from vroeghulp.referrals.tests.helpers import CHILD

pytestmark = pytest.mark.django_db


def test_the_letter_language_is_the_preferred_one_when_the_application_speaks_it():
    assert for_parent("en") == "en"
    assert for_parent("nl") == "nl"
    assert for_parent("ar") == "ar"  # the parents' side speaks Arabic
    assert for_parent("ti") == "nl"  # Tigrinya: not spoken here, so Dutch
    assert for_parent("other") == "nl"
    assert for_parent(None) == "nl"


def test_a_parents_own_choice_of_language_comes_before_the_one_they_said_they_speak():
    parent = UserFactory(language="tr")
    assert for_parent("en", parent) == "tr"
    assert for_parent("en", UserFactory()) == "en"


def test_an_invitation_from_a_dutch_screen_reaches_an_english_parent_in_english(
    world, django_capture_on_commit_callbacks
):
    guardian = world.own_case.child.guardians.get()
    guardian.preferred_language = "en"
    guardian.save(update_fields=["preferred_language"])
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        actions.invite_guardian(
            world.own_case,
            guardian,
            actor=world.users[Role.CASEMANAGER],
            email="parent@example.test",
        )
    message = mail.outbox[-1]
    assert message.subject == "Invitation to the Vroeghulp parents' portal"
    assert "You have been invited to the parents' portal of" in message.body
    assert "uitgenodigd" not in message.body


def test_an_invitation_from_an_english_screen_reaches_a_dutch_parent_in_dutch(
    world, django_capture_on_commit_callbacks
):
    guardian = world.own_case.child.guardians.get()
    assert guardian.preferred_language == "nl"
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        actions.invite_guardian(
            world.own_case,
            guardian,
            actor=world.users[Role.CASEMANAGER],
            email="ouder@example.test",
        )
    assert mail.outbox[-1].subject == "Uitnodiging voor het ouderportaal van Vroeghulp"


def test_a_reply_reaches_each_parent_in_their_own_language(
    world, django_capture_on_commit_callbacks
):
    child = world.own_case.child
    english = UserFactory(email="mother@example.test")
    dutch = UserFactory(email="vader@example.test")
    GuardianFactory(child=child, user=english, preferred_language="en")
    GuardianFactory(child=child, user=dutch, preferred_language="nl")
    with django_capture_on_commit_callbacks(execute=True):
        actions.reply_as_professional(
            world.own_case, actor=world.users[Role.CASEMANAGER], body="Tot donderdag."
        )
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "mother@example.test": "New message in Vroeghulp",
        "vader@example.test": "Nieuw bericht in Vroeghulp",
    }
    assert all("Tot donderdag" not in message.body for message in mail.outbox)


def test_a_parent_writing_in_english_sends_the_casemanager_a_dutch_notice(
    world, django_capture_on_commit_callbacks
):
    parent = UserFactory(email="mother@example.test")
    GuardianFactory(child=world.own_case.child, user=parent, preferred_language="en")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        actions.send_message_as_parent(world.own_case, user=parent, body="See you Thursday.")
    assert mail.outbox[-1].to == [world.users[Role.CASEMANAGER].email]
    assert mail.outbox[-1].subject == "Nieuw bericht in Vroeghulp"


def test_a_pre_registration_asks_english_parents_in_english(
    world, django_capture_on_commit_callbacks
):
    referrer = verified_client(world.users[Role.REFERRER])  # a Dutch screen
    data = {
        **CHILD,
        "guardian1_language": "en",
        "concern_referrer": "Achterstand in spraak bij het consult.",
        "referrer_role": "jeugdarts",
        "parents_agreed": "on",
        "parent_email": "anouk@example.test",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = referrer.post(reverse("referrals:referrer_registration"), data)
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["anouk@example.test"]
    assert message.subject.startswith("Confirm the registration with ")
    assert message.body.startswith("Dear parent or carer,")
    assert "Beste" not in message.body


def test_the_login_code_follows_the_language_the_parent_chose_on_the_page(world):
    parent = UserFactory(email="mother@example.test")
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": reverse("portal:login")})
    client.post(reverse("portal:login"), {"email": "mother@example.test"})
    assert [message.subject for message in mail.outbox] == ["Your login code for Vroeghulp"]
    assert mail.outbox[0].body.startswith("Your login code is ")
