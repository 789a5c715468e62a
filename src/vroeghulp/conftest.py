"""Shared fixtures: two networks, so every test can check that one never sees the other."""

from dataclasses import dataclass

import pytest

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory, GuardianFactory
from vroeghulp.networks.models import Network, Organisation
from vroeghulp.networks.tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
)


@dataclass
class World:
    network: Network
    organisation: Organisation
    other_organisation: Organisation
    own_case: Case
    other_case: Case
    users: dict


def build_world(network: Network | None = None, prefix: str = "") -> World:
    network = network or NetworkFactory()
    organisation = OrganisationFactory(network=network, name=f"MEE {network.slug}")
    other_organisation = OrganisationFactory(network=network, name=f"Ziekenhuis {network.slug}")
    municipality = MunicipalityFactory(network=network)
    users = {role: professional(role, organisation) for role in Role}
    own_case = CaseFactory(
        child=ChildFactory(
            network=network, municipality=municipality, family_name=f"{prefix}Eigen"
        ),
        phase=Phase.INTAKE,
    )
    GuardianFactory(child=own_case.child)
    other_case = CaseFactory(
        child=ChildFactory(network=network, family_name=f"{prefix}Ander"), phase=Phase.INTAKE
    )
    TeamMemberFactory(
        case=other_case, user=professional(Role.CASEMANAGER, organisation), team_role="casemanager"
    )
    team_roles = {
        Role.COORDINATOR: TeamRole.COORDINATOR,
        Role.CASEMANAGER: TeamRole.CASEMANAGER,
        Role.TEAM_MEMBER: TeamRole.MEMBER,
    }
    for role, user in users.items():
        # Everyone is put on the team, even roles that must never read a file through it.
        TeamMemberFactory(case=own_case, user=user, team_role=team_roles.get(role, TeamRole.MEMBER))
    return World(network, organisation, other_organisation, own_case, other_case, users)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Production hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def other_world(db) -> World:
    return build_world(prefix="Vreemd")
