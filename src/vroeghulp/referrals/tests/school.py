"""A school with an intern begeleider who pre-registers, shared by the school-protocol tests."""

import re

from django.core import mail
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.tests.factories import OrganisationFactory

from .helpers import CHILD

PARENT_EMAIL = "anouk@example.test"
SCHOOL_WORDS = "Sofie praat in de klas nauwelijks en speelt vooral alleen."


def school_with_ib(network, name="Basisschool De Regenboog"):
    school = OrganisationFactory(
        network=network, name=name, kind=OrganisationKind.SCHOOL, email="info@regenboog.test"
    )
    ib = professional(Role.REFERRER, school, email=f"ib@{school.pk}.school.test")
    return school, ib


def pre_register(ib, **overrides):
    data = {
        **CHILD,
        "concern_referrer": SCHOOL_WORDS,
        "referrer_role": "intern begeleider",
        "parents_agreed": "on",
        "parent_email": PARENT_EMAIL,
        **overrides,
    }
    return verified_client(ib).post(reverse("referrals:referrer_registration"), data)


def confirmation_path() -> str:
    mails = [m for m in mail.outbox if "/ouders/aanmelding/bevestigen/" in m.body]
    return re.search(r"https?://[^/]+(/ouders/aanmelding/bevestigen/\S+/)", mails[-1].body).group(1)


def last_code(to: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    return re.search(r"\b(\d{6})\b", message.body).group(1)
