"""With English chosen (the language cookie the switch sets), the professionals' main pages and
the public form speak English: a hand-written sample of each page's Dutch is gone and its
English is there. (The browser's Accept-Language is deliberately not followed: test_language.)"""

import pytest
from django.conf import settings
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client

pytestmark = pytest.mark.django_db

# On every professional page: the menu, the header and the footer.
EVERY_PAGE_DUTCH = ["Mijn werk", "Aanmeldingen", "Trajecten", "Adviesplannen", "Uitloggen"]
EVERY_PAGE_ENGLISH = ["My work", "Registrations", "Trajectories", "Advice plans", "Log out"]

PAGES = [
    # (name, path from the case's code, Dutch that must be gone, English that must be there)
    ("home", lambda code: reverse("home"), ["Mijn lopende trajecten"], ["My ongoing trajectories"]),
    (
        "registrations",
        lambda code: reverse("cases:registrations"),
        ["Aanmelding invoeren", "Nieuw: nog beoordelen"],
        ["Enter a registration", "New: still to be assessed"],
    ),
    (
        "case list",
        lambda code: reverse("cases:list"),
        ["Alle fasen", "Trajecten die je mag inzien"],
        ["All phases", "Trajectories you may view"],
    ),
    (
        "case overview",
        lambda code: reverse("cases:detail", args=[code]),
        ["Al bekend bij de aanmelding", "Fase wijzigen", "Ouders en verzorgers", "Geboortedatum"],
        ["Already known at registration", "Change phase", "Parents and carers", "Date of birth"],
    ),
    (
        "team",
        lambda code: reverse("cases:team", args=[code]),
        ["Team rond het kind", "Iemand toevoegen"],
        ["Team around the child", "Add someone"],
    ),
    (
        "consents",
        lambda code: reverse("cases:consents", args=[code]),
        ["Toestemming vastleggen", "Intrekken"],
        ["Record consent"],
    ),
    (
        "intake",
        lambda code: reverse("cases:intake", args=[code]),
        ["Intake opslaan", "Eerder onderzoek toevoegen"],
        ["Save intake", "Add earlier examination"],
    ),
    (
        "information",
        lambda code: reverse("cases:information", args=[code]),
        ["Informatie opvragen", "Document toevoegen"],
        ["Request information", "Add document"],
    ),
    (
        "carrying out the plan",
        lambda code: reverse("cases:execution", args=[code]),
        ["Contact vastleggen", "Uren schrijven", "Gezinsondersteuning"],
        ["Record contact", "Book hours", "Family support"],
    ),
    (
        "closing",
        lambda code: reverse("cases:closing", args=[code]),
        ["Traject afsluiten", "Reden van afsluiten"],
        ["Close the trajectory", "Reason for closing"],
    ),
    (
        "team meetings",
        lambda code: reverse("meetings:list"),
        ["MDO plannen", "Nog niet door het team besproken"],
        ["Plan a team meeting", "Not yet discussed by the team"],
    ),
    (
        "follow-up",
        lambda code: reverse("followup:list"),
        ["Geen gezinnen in langdurige begeleiding."],
        ["No families in long-term follow-up."],
    ),
    (
        "advice plan",
        lambda code: reverse("plans:plan", args=[code]),
        ["Adviesplan starten"],
        ["Start the advice plan"],
    ),
    (
        "monitoring",
        lambda code: reverse("monitoring:overview"),
        ["In één oogopslag", "Instroom per gemeente", "Lopende trajecten", "Uitsplitsing"],
        ["At a glance", "Inflow per municipality", "Ongoing trajectories", "Breakdown"],
    ),
    (
        "search",
        lambda code: reverse("children:search"),
        ["Naam (of een deel ervan)"],
        ["Name (or part of it)"],
    ),
    (
        "emergency access",
        lambda code: reverse("access:emergency_access"),
        ["Noodtoegang vragen"],
        ["Ask for emergency access"],
    ),
]


@pytest.mark.parametrize(("name", "path", "dutch", "english"), PAGES, ids=[p[0] for p in PAGES])
def test_a_professional_page_in_english(world, name, path, dutch, english):
    client = verified_client(world.users[Role.COORDINATOR])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(path(world.own_case.code))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert [phrase for phrase in EVERY_PAGE_DUTCH + dutch if phrase in html] == []
    assert [phrase for phrase in EVERY_PAGE_ENGLISH + english if phrase not in html] == []


def test_the_same_page_is_dutch_without_the_choice(world):
    client = verified_client(world.users[Role.COORDINATOR])
    html = client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()
    assert "Fase wijzigen" in html and "Mijn werk" in html
    assert "Change phase" not in html


def test_the_public_form_in_english(world):
    client = verified_client(world.users[Role.COORDINATOR])  # signed in or not: the same form
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("referrals:public", args=[world.network.slug])).content.decode()
    assert "Aanmelden" not in html and "Uw kind aanmelden" not in html
    assert "Register your child" in html and "Send registration" in html
