"""Every URL pattern, read from the resolver (not a hand-kept list), is requested with GET and
POST by every role of one network, a parent and an anonymous visitor, with the objects of that
network and of another one; each answer is checked against the rule the view declares.

So a new view cannot ship open: its rule decides what this test expects of it.
"""

import datetime
import uuid
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from vroeghulp.access.decorators import RULE_ATTRIBUTE
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.cases.constants import DocumentKind
from vroeghulp.cases.models import Document
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.models import Consult
from vroeghulp.children.tests.factories import ChildFactory, GuardianFactory
from vroeghulp.conftest import World, build_world
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.plans.actions import issue_version, save_arrangement, save_item, start_plan
from vroeghulp.referrals.tests.factories import RegistrationFactory
from vroeghulp.socialmap.tests.factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db

EXEMPT_NAMESPACES = {"admin"}  # the admin's own gate: networks/tests/test_admin_scope.py
# Signed-in users skip these: logging out would end the walk.
NOT_FOR_SIGNED_IN = {"accounts:logout"}
PARENT = "parent"
ANONYMOUS = "anonymous"
VISITORS = [*Role, PARENT, ANONYMOUS]

# What each role may do on a case whose team it is on (every role is on the team in `world`):
# written out by hand, not read from the policy under test.
CASE_ACTIONS = {
    Role.COORDINATOR: {"view", "edit", "export", "print"},
    Role.CASEMANAGER: {"view", "edit", "export", "print"},
    Role.TEAM_MEMBER: {"view", "edit", "print"},
}
PARENT_ACTIONS = {"view", "export", "print", "contribute"}
# On a CB-plus consult of the CB-plus worker's clinic that led to a registration not yet
# triaged: the clinic's worker works on it, the coordinators only read it (through the
# registration); the team of the child's case file does not reach it.
CONSULT_ACTIONS = {
    Role.CBPLUS: {"view", "edit", "print"},
    Role.COORDINATOR: {"view"},
}


@dataclass
class Objects:
    """One network's objects, by the URL keyword they fill."""

    world: World
    case_code: uuid.UUID
    registration_code: uuid.UUID
    meeting_code: uuid.UUID
    item_code: uuid.UUID
    child_code: uuid.UUID
    document_code: uuid.UUID
    version_code: uuid.UUID
    entry_code: uuid.UUID
    consult_code: uuid.UUID

    def code_for(self, route: str) -> uuid.UUID:
        if route.startswith("cb-plus/"):
            return self.consult_code
        if route.startswith("aanmeldingen/"):
            return self.registration_code
        if route.startswith("mdo/bespreking/"):
            return self.item_code
        if route.startswith("mdo/"):
            return self.meeting_code
        if route.startswith("logging/kind/"):
            return self.child_code
        if route.startswith("sociale-kaart/"):
            return self.entry_code
        return self.case_code

    def kwargs_for(self, route: str, names) -> dict:
        values = {
            "code": self.code_for(route),
            "document_code": self.document_code,
            "version_code": self.version_code,
            "slug": self.world.network.slug,
            "network_slug": self.world.network.slug,
            "uidb64": "MQ",
            "token": "niet-geldig",
        }
        return {name: values[name] for name in names}


def _objects(world: World) -> Objects:
    case = world.own_case
    casemanager = world.users[Role.CASEMANAGER]
    document = Document(
        case=case,
        title="Verslag",
        kind=DocumentKind.REPORT,
        source_organisation=world.organisation,
        content_type="application/pdf",
        size=4,
        sha256="0" * 64,
        uploaded_by=casemanager,
    )
    document.file.save("upload", ContentFile(b"%PDF"), save=False)
    document.save()
    plan = start_plan(case, actor=casemanager)
    save_item(plan, actor=casemanager, version=plan.version, domain="parents", advice="Voorlezen")
    plan.refresh_from_db()
    version = issue_version(plan, actor=casemanager, version=plan.version)
    today = timezone.localdate()
    save_arrangement(
        plan,
        actor=casemanager,
        setting="Peuterspeelzaal",
        needs="Rust",
        agreed_with_parents=True,
        starts_on=today,
        evaluate_on=today + datetime.timedelta(days=90),
    )
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        created_by=world.users[Role.COORDINATOR],
    )
    item = AgendaItem.objects.create(meeting=meeting, case=case)
    registration = RegistrationFactory(network=world.network)
    entry = SocialMapEntryFactory(network=world.network)
    consult = Consult.objects.create(
        network=world.network,
        organisation=world.organisation,
        child=ChildFactory(network=world.network),
        held_on=today,
        duration_minutes=45,
        created_by=world.users[Role.CBPLUS],
        status=ConsultStatus.CONCLUDED,
        registration=RegistrationFactory(network=world.network),
    )
    return Objects(
        world,
        case.code,
        registration.code,
        meeting.code,
        item.code,
        case.child.code,
        document.code,
        version.code,
        entry.code,
        consult.code,
    )


def _patterns(resolver=None, prefix="", namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            child_namespace = pattern.namespace or namespace
            if child_namespace not in EXEMPT_NAMESPACES:
                yield from _patterns(pattern, prefix + str(pattern.pattern), child_namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".lstrip(":")
            yield name, prefix + str(pattern.pattern), pattern


def _url(route: str, kwargs: dict) -> str:
    path = route
    for name, value in kwargs.items():
        path = path.replace(f"<uuid:{name}>", str(value))
        path = path.replace(f"<slug:{name}>", str(value)).replace(f"<str:{name}>", str(value))
    return "/" + path


def _client(visitor, world: World, parent_user) -> Client:
    if visitor == ANONYMOUS:
        return Client()
    if visitor == PARENT:
        client = Client()
        client.force_login(parent_user)
        return client
    return verified_client(world.users[visitor])


def _allowed(rule: str, visitor, own_network: bool, has_object: bool) -> bool | None:
    """True: the visitor must get through; False: refused; None: the view decides per object
    (a role's list or a registration), so only 'no server error' is asserted."""
    kind, _sep, detail = rule.partition(":")
    if kind in ("public", "signed_in", "password_only"):
        return None if kind == "public" else visitor != ANONYMOUS
    if kind == "role":
        if visitor not in set(detail.split(",")) or (has_object and not own_network):
            return False
        return None
    if kind == "case":
        return own_network and detail in CASE_ACTIONS.get(visitor, set())
    if kind == "consult":
        return own_network and detail in CONSULT_ACTIONS.get(visitor, set())
    if kind == "parent":
        return own_network and visitor == PARENT and detail in PARENT_ACTIONS
    raise AssertionError(f"unknown rule {rule}")


def _refused(response, visitor) -> bool:
    if visitor == ANONYMOUS:
        return response.status_code in (302, 405) and (
            response.status_code == 405 or "inloggen" in response["Location"]
        )
    return response.status_code in (404, 405)


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_url_answers_as_its_rule_says(visitor):
    own = _objects(build_world())
    other = _objects(build_world(prefix="Vreemd"))
    parent_user = UserFactory()
    GuardianFactory(child=own.world.own_case.child, user=parent_user)
    client = _client(visitor, own.world, parent_user)
    wrong = []
    for name, route, pattern in _patterns():
        rule = getattr(pattern.callback, RULE_ATTRIBUTE)
        if visitor != ANONYMOUS and name in NOT_FOR_SIGNED_IN:
            continue
        names = pattern.pattern.converters.keys()
        for objects, own_network in ((own, True), (other, False)):
            url = _url(route, objects.kwargs_for(route, names))
            allowed = _allowed(rule, visitor, own_network, bool(names))
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                status = response.status_code
                if status >= 500:
                    wrong.append(f"{method.upper()} {name} ({rule}): {status}")
                elif allowed is False and not _refused(response, visitor):
                    wrong.append(f"{method.upper()} {name} ({rule}) not refused: {status}")
                elif allowed and status == 404:
                    wrong.append(f"{method.upper()} {name} ({rule}) refused: {status}")
    assert wrong == [], "\n".join(wrong)
