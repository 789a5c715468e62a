"""Every professional of the network searches the social map: by text, kind, a child's age and
municipality, active entries only unless asked; another network's entries never show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.socialmap.constants import EntryKind

from .factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db


def _names(response) -> set[str]:
    return {entry.name for entry in response.context["entries"]}


def test_every_role_of_the_network_finds_its_entries_and_not_another_networks(world, other_world):
    SocialMapEntryFactory(network=world.network, name="Kinderfysiotherapie De Sprong")
    SocialMapEntryFactory(network=other_world.network, name="Logopedie Elders")
    for role in Role:
        response = verified_client(world.users[role]).get(reverse("socialmap:list"))
        assert response.status_code == 200, role
        assert _names(response) == {"Kinderfysiotherapie De Sprong"}, role


def test_text_searches_name_and_description(world):
    SocialMapEntryFactory(network=world.network, name="VVE De Boomhut", description="Peutergroep")
    SocialMapEntryFactory(
        network=world.network, name="Home-Start", description="Vrijwilligers helpen gezinnen"
    )
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _names(client.get(reverse("socialmap:list"), {"q": "boomhut"})) == {"VVE De Boomhut"}
    assert _names(client.get(reverse("socialmap:list"), {"q": "vrijwilligers"})) == {"Home-Start"}


def test_filters_by_kind_age_and_municipality(world):
    here = MunicipalityFactory(network=world.network, name="Wijchen")
    there = MunicipalityFactory(network=world.network, name="Druten")
    SocialMapEntryFactory(
        network=world.network, name="Babymassage", kind=EntryKind.PROGRAMME, age_to_months=12
    )
    SocialMapEntryFactory(
        network=world.network,
        name="Peuterspeelgroep Wijchen",
        kind=EntryKind.PROGRAMME,
        age_from_months=24,
        age_to_months=48,
        municipalities=[here],
    )
    SocialMapEntryFactory(network=world.network, name="Revalidatie Oost", age_from_months=0)
    client = verified_client(world.users[Role.TEAM_MEMBER])
    url = reverse("socialmap:list")
    assert _names(client.get(url, {"kind": "programme"})) == {
        "Babymassage",
        "Peuterspeelgroep Wijchen",
    }
    # 3 years: not the baby programme (until 12 months), the playgroup (2 until 4 years) yes
    assert _names(client.get(url, {"age": "3", "age_unit": "years"})) == {
        "Peuterspeelgroep Wijchen",
        "Revalidatie Oost",
    }
    assert _names(client.get(url, {"age": "6", "age_unit": "months"})) == {
        "Babymassage",
        "Revalidatie Oost",
    }
    # the whole network's entries serve every municipality
    assert _names(client.get(url, {"municipality": there.pk})) == {
        "Babymassage",
        "Revalidatie Oost",
    }
    assert _names(client.get(url, {"municipality": here.pk})) == {
        "Babymassage",
        "Peuterspeelgroep Wijchen",
        "Revalidatie Oost",
    }


def test_inactive_entries_only_when_asked(world):
    SocialMapEntryFactory(network=world.network, name="Gestopt", is_active=False)
    SocialMapEntryFactory(network=world.network, name="Bestaat")
    client = verified_client(world.users[Role.COORDINATOR])
    assert _names(client.get(reverse("socialmap:list"))) == {"Bestaat"}
    shown = client.get(reverse("socialmap:list"), {"inactive_too": "on"})
    assert _names(shown) == {"Gestopt", "Bestaat"}
    assert "niet actief" in shown.content.decode()


def test_an_entry_not_checked_for_a_year_shows_as_outdated(world):
    today = timezone.localdate()
    SocialMapEntryFactory(
        network=world.network, name="Oud", checked_on=today - datetime.timedelta(days=400)
    )
    client = verified_client(world.users[Role.CASEMANAGER])
    html = client.get(reverse("socialmap:list")).content.decode()
    assert "verouderd" in html
    SocialMapEntryFactory(network=world.network, name="Net gecontroleerd", checked_on=today)
    fresh = client.get(reverse("socialmap:list"), {"q": "gecontroleerd"}).content.decode()
    assert "verouderd" not in fresh


def test_a_wrong_age_comes_back_with_a_dutch_message(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.get(reverse("socialmap:list"), {"age": "drie", "q": "logo"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een leeftijd in als getal" in html
    assert 'value="logo"' in html


def test_the_list_is_paged_and_its_queries_do_not_grow_with_its_rows(world):
    municipality = MunicipalityFactory(network=world.network)
    client = verified_client(world.users[Role.CASEMANAGER])
    SocialMapEntryFactory.create_batch(2, network=world.network, municipalities=[municipality])
    client.get(reverse("socialmap:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("socialmap:list"))
    SocialMapEntryFactory.create_batch(28, network=world.network, municipalities=[municipality])
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("socialmap:list"))
    assert len(many) == len(few)
    assert len(response.context["entries"]) == 25
    assert response.context["in_all"] == 30
    second = client.get(reverse("socialmap:list"), {"pagina": "2"})
    assert len(second.context["entries"]) == 5
