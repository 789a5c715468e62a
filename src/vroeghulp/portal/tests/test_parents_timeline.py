"""The parents' timeline shows what happened with their child, not the professionals'
bookkeeping: no hours written, no notes, no reasons of delay, nothing professionals-only."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.cases import actions
from vroeghulp.cases.constants import DelayReason, WaitingStage
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.children.tests.factories import GuardianFactory

pytestmark = pytest.mark.django_db


def test_the_parents_timeline_leaves_out_the_bookkeeping(world):
    case = world.own_case
    registered_earlier(case)
    casemanager = world.users[Role.CASEMANAGER]
    actions.add_note(case, actor=casemanager, text="Moeder lijkt overbelast.")
    actions.add_note(case, actor=casemanager, text="Intern overleg", professional_only=True)
    actions.record_delay(
        case, actor=casemanager, stage=WaitingStage.values[0], reason=DelayReason.values[0]
    )
    actions.record_contact(
        case, actor=casemanager, on=datetime.date(2026, 3, 2), form="phone", summary="Gebeld"
    )
    parent = UserFactory()
    GuardianFactory(child=case.child, user=parent)
    client = Client()
    client.force_login(parent)
    html = client.get(reverse("portal:child", args=[case.code])).content.decode()
    assert "Notitie toegevoegd" not in html
    assert "Reden van vertraging" not in html
    assert "Contact (telefoon)" in html  # what happened with the family stays
