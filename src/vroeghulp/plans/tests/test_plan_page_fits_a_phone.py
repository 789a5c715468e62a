"""The plan as a page (for the team and for the parents) has a viewport, so a phone lays it out
at its own width, and a way back; the PDF has neither."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.plans import pdf
from vroeghulp.plans.models import PlanVersion

pytestmark = pytest.mark.django_db

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.fixture
def version(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    code = world.own_case.code
    client.post(reverse("plans:start", args=[code]))
    client.post(
        reverse("plans:add_item", args=[code]),
        {"domain": "parents", "advice": "Samen spelen.", "status": "to_do", "version": 1},
    )
    client.post(reverse("plans:issue", args=[code]), {"version": 2})
    return PlanVersion.objects.get()


def test_the_teams_print_page_has_a_viewport_and_leads_back_to_the_plan(world, version):
    client = verified_client(world.users[Role.CASEMANAGER])
    page = client.get(reverse("plans:print", args=[world.own_case.code, version.code]))
    html = page.content.decode()
    assert VIEWPORT in html
    assert f'<a href="{reverse("plans:plan", args=[world.own_case.code])}">← Terug</a>' in html
    assert "css/plan-page" in html


def test_the_parents_plan_page_has_a_viewport_and_leads_back_to_their_page(world, version):
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.force_login(parent)
    page = client.get(reverse("portal:plan", args=[world.own_case.code, version.code]))
    html = page.content.decode()
    assert VIEWPORT in html
    assert f'<a href="{reverse("portal:child", args=[world.own_case.code])}">← Terug</a>' in html


def test_the_pdfs_html_has_no_viewport_and_no_way_back(version):
    html = pdf.render_html(version.content, version.number)
    assert VIEWPORT not in html
    assert "← Terug" not in html
    assert "plan-page" not in html
