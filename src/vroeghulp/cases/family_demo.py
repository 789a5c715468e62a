"""Demo data for the school referral protocol and for families: an intern begeleider's
pre-registration waiting for the parents, and a family with two children, linked."""

import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.children.constants import FamilyLinkKind
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.constants import PartnerType as P
from vroeghulp.networks.models import Network, Organisation
from vroeghulp.referrals.actions import (
    RegistrationData,
    record_staff_registration,
    submit_referrer_registration,
)
from vroeghulp.referrals.constants import Route

from .actions import accept_registration, add_team_member
from .constants import TeamRole

IB_EMAIL = "ib@vroeghulp.test"


def seed(network: Network, users: dict[str, User], password: str, totp_key: str) -> None:
    school = Organisation.objects.create(
        network=network,
        name="Basisschool De Regenboog",
        kind=OrganisationKind.SCHOOL,
        partner_type=P.CHAIN,
        email="zorg@regenboog.example.invalid",
    )
    ib = User.objects.create_user(IB_EMAIL, password, full_name="Wendy Peters")
    Membership.objects.create(user=ib, network=network, organisation=school, role=Role.REFERRER)
    TOTPDevice.objects.create(user=ib, name="demo", key=totp_key, confirmed=True)
    _school_pre_registration(network, ib)
    _family_with_two_children(network, users)


def _school_pre_registration(network: Network, ib: User) -> None:
    """Waiting for the parents: the coordinator sees it pending, the school sees it waiting."""
    today = timezone.localdate()
    submit_referrer_registration(
        network,
        actor=ib,
        data=RegistrationData(
            child_given_name="Jesse",
            child_family_name="van Dam",
            child_date_of_birth=today.replace(year=today.year - 5) - datetime.timedelta(days=40),
            guardians=[
                {
                    "full_name": "Kim van Dam",
                    "relation": "mother",
                    "phone": "06-41234567",
                    "email": "kim.vandam@example.invalid",
                }
            ],
            concern_referrer=(
                "Jesse zit in groep 2. Hij praat weinig, begrijpt opdrachten vaak niet en raakt "
                "snel overprikkeld in de kring. De ouders herkennen dit van thuis."
            ),
            referrer_role="intern begeleider",
            examinations=[
                {"what": "Observatie in de klas", "by_whom": "Intern begeleider", "when": None}
            ],
        ),
        parents_agreed=True,
        parent_email="kim.vandam@example.invalid",
    )


def _family_with_two_children(network: Network, users: dict[str, User]) -> None:
    """Mila and her little brother Lucas: Lucas's registration is linked to Mila through the
    duplicate check's "zelfde gezin". Each has their own casemanager, so each casemanager sees
    only that a sibling is known; the coordinator, on both teams, sees both."""
    coordinator = users["coordinator@vroeghulp.test"]
    today = timezone.localdate()
    mother = {
        "full_name": "Sandra Hendriks",
        "relation": "mother",
        "phone": "06-23456789",
        "email": "sandra.hendriks@example.invalid",
    }
    children = [
        ("Mila", today.replace(year=today.year - 4) - datetime.timedelta(days=70), "casemanager"),
        ("Lucas", today.replace(year=today.year - 2) - datetime.timedelta(days=20), "casemanager2"),
    ]
    sister = None
    for given_name, born, casemanager in children:
        registration = record_staff_registration(
            network,
            actor=coordinator,
            route=Route.PHONE,
            data=RegistrationData(
                child_given_name=given_name,
                child_family_name="Hendriks",
                child_date_of_birth=born,
                guardians=[dict(mother)],
                concern_parents="Hij of zij praat nog weinig en is snel van slag.",
            ),
        )
        case = accept_registration(
            registration,
            actor=coordinator,
            version=registration.version,
            sibling=sister,
            family_kind=FamilyLinkKind.SIBLING,
        )
        add_team_member(
            case,
            actor=coordinator,
            user=users[f"{casemanager}@vroeghulp.test"],
            team_role=TeamRole.CASEMANAGER,
        )
        sister = sister or case.child
