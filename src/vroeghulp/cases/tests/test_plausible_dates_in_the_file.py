"""Every date typed in a child's file falls in its window: 1900, a day before the birth and a day
far ahead are refused with a Dutch message naming the window (and nothing is written); a
plausible date is accepted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import RequestStatus
from vroeghulp.cases.models import (
    Contact,
    FamilySupport,
    InformationRequest,
    Intake,
    ReferralOut,
    TimeSpent,
)
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db

# The child of the world was born on 15 March 2024; its trajectory is registered on 5 January 2026.
IN_1900 = "1900-01-01"
BEFORE_BIRTH = "2024-03-14"
FAR_AHEAD = "2999-01-01"
PLAUSIBLE = "2026-11-20"


def _today() -> datetime.date:
    return timezone.localdate()


def _dmy(day: datetime.date) -> str:
    return day.strftime("%d-%m-%Y")


def _since_registration(what: str) -> str:
    return (
        f"Vul voor {what} een datum in van 05-01-2026 (aanmelding) "
        f"tot en met {_dmy(_today())} (vandaag)."
    )


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    registered_earlier(world.own_case)


@pytest.fixture
def casemanager(world):
    return verified_client(world.users[Role.CASEMANAGER])


# view name, the posted fields without the date, the date's field, the rows, what the message says
DONE_IN_THE_FILE = [
    (
        "cases:add_contact",
        {"form": "phone", "summary": "Moeder gebeld."},
        "on",
        Contact,
        "het contact",
    ),
    ("cases:add_time", {"activity": "meeting", "hours": "1,5"}, "on", TimeSpent, "de uren"),
    (
        "cases:add_referral",
        {"service": "Logopedie"},
        "referred_on",
        ReferralOut,
        "de verwijzing",
    ),
    (
        "cases:add_support",
        {"programme": "VoorZorg", "response": "declined"},
        "offered_on",
        FamilySupport,
        "het aanbod van gezinsondersteuning",
    ),
    (
        "cases:save_intake",
        {"question": "Hoe helpen we hem?", "goals": "", "observations": "", "version": 0},
        "home_visit_on",
        Intake,
        "het huisbezoek",
    ),
]


@pytest.mark.parametrize(("view", "fields", "date_field", "model", "what"), DONE_IN_THE_FILE)
@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_implausible_date_is_refused_with_its_window(
    world, casemanager, view, fields, date_field, model, what, day
):
    response = casemanager.post(
        reverse(view, args=[world.own_case.code]), {**fields, date_field: day}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert _since_registration(what) in html
    assert f'value="{day}"' in html  # what was typed comes back
    assert model.objects.count() == 0


@pytest.mark.parametrize(("view", "fields", "date_field", "model", "what"), DONE_IN_THE_FILE)
def test_a_plausible_date_is_accepted(world, casemanager, view, fields, date_field, model, what):
    response = casemanager.post(
        reverse(view, args=[world.own_case.code]), {**fields, date_field: PLAUSIBLE}
    )
    assert response.status_code == 302
    assert model.objects.count() == 1


def _consent(client, world, given_on):
    return client.post(
        reverse("cases:give_consent", args=[world.own_case.code]),
        {
            "organisation": world.other_organisation.pk,
            "purpose": Purpose.EXCHANGE_INFORMATION,
            "given_by": [world.own_case.child.guardians.first().pk],
            "given_on": given_on,
        },
    )


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_a_consent_lies_between_the_birth_and_today(world, casemanager, day):
    response = _consent(casemanager, world, day)
    assert response.status_code == 400
    assert (
        "Vul voor de toestemming een datum in van 15-03-2024 (geboortedatum) "
        f"tot en met {_dmy(_today())} (vandaag)."
    ) in response.content.decode()
    assert not Consent.objects.exists()
    assert _consent(casemanager, world, "2025-06-01").status_code == 302
    assert Consent.objects.count() == 1


def _ask(client, world, due_on):
    return client.post(
        reverse("cases:request_information", args=[world.own_case.code]),
        {"organisation": world.other_organisation.pk, "question": "Verslag?", "due_on": due_on},
    )


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_information_deadline_lies_within_a_year(world, casemanager, day):
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    response = _ask(casemanager, world, day)
    assert response.status_code == 400
    in_a_year = _today() + datetime.timedelta(days=365)
    assert (
        f"Vul voor de termijn een datum in van {_dmy(_today())} (vandaag) "
        f"tot en met {_dmy(in_a_year)} (1 jaar vooruit)."
    ) in response.content.decode()
    assert not InformationRequest.objects.exists()
    plausible = (_today() + datetime.timedelta(days=30)).isoformat()
    assert _ask(casemanager, world, plausible).status_code == 302
    assert InformationRequest.objects.count() == 1


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_answer_follows_its_request(world, casemanager, day):
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    _ask(casemanager, world, (_today() + datetime.timedelta(days=30)).isoformat())
    info = InformationRequest.objects.get()
    url = reverse("cases:answer_request", args=[world.own_case.code])
    response = casemanager.post(url, {"request": info.pk, "status": "refused", "answered_on": day})
    assert response.status_code == 400
    html = response.content.decode()
    assert _since_registration("het antwoord") in html
    assert f'value="{day}"' in html and 'value="refused" selected' in html
    info.refresh_from_db()
    assert (info.status, info.answered_on) == (RequestStatus.REQUESTED, None)
    casemanager.post(
        url, {"request": info.pk, "status": "received", "answered_on": _today().isoformat()}
    )
    info.refresh_from_db()
    assert (info.status, info.answered_on) == (RequestStatus.RECEIVED, _today())


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_a_placement_follows_its_referral(world, casemanager, day):
    casemanager.post(
        reverse("cases:add_referral", args=[world.own_case.code]),
        {"service": "Logopedie", "referred_on": PLAUSIBLE},
    )
    referral = ReferralOut.objects.get()
    url = reverse("cases:record_placement", args=[world.own_case.code])
    response = casemanager.post(url, {"referral": referral.pk, "placed": "1", "placed_on": day})
    assert response.status_code == 400
    html = response.content.decode()
    assert _since_registration("de plaatsing") in html
    assert f'value="{day}"' in html
    referral.refresh_from_db()
    assert (referral.placed, referral.placed_on) == (None, None)
    casemanager.post(url, {"referral": referral.pk, "placed": "1", "placed_on": "2026-11-21"})
    referral.refresh_from_db()
    assert (referral.placed, referral.placed_on) == (True, datetime.date(2026, 11, 21))
