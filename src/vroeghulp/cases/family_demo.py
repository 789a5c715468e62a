"""Demo data for the school referral protocol and for families: an intern begeleider's
pre-registration waiting for the parents, and (see `seed`) a family with two children."""

import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.constants import PartnerType as P
from vroeghulp.networks.models import Network, Organisation
from vroeghulp.referrals.actions import RegistrationData, submit_referrer_registration

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
