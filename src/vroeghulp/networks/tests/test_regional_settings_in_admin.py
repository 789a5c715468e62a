"""A network administrator sets the regional way of working in the admin, without a developer:
the settings on the network and the team tiers, limited to their own network, never deleted."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.constants import FollowUpMode, TierKind
from vroeghulp.networks.models import Network, TeamTier
from vroeghulp.networks.tests.factories import MunicipalityFactory, TeamTierFactory

pytestmark = pytest.mark.django_db


def _posted(form, **changes) -> dict:
    """What the browser would send back for the form as shown, with `changes`."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if getattr(field.widget, "input_type", None) == "file":
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = value
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        elif value is True:
            data[name] = "on"
        else:
            data[name] = value
    return data


def test_the_administrator_sets_the_groningen_way(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    url = reverse("admin:networks_network_change", args=[world.network.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for label in (
        "advies zonder mdo toegestaan",
        "team bespreekt eerst zonder de ouders",
        "langdurige trajectbegeleiding",
        "verantwoording aan de financier",
        "eerste maand van de cyclus",
        "aanmelding alleen via een verwijzer",
    ):
        assert label in html.lower(), label

    response = client.post(
        url,
        _posted(
            page.context["adminform"].form,
            referral_required=True,
            max_age_years=12,
            advice_without_meeting=False,
            pre_discussion_without_parents=False,
            follow_up_mode=FollowUpMode.ON_REQUEST,
            report_every_months=4,
            report_cycle_starts_month=1,
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    network = Network.objects.get(pk=world.network.pk)
    assert network.referral_required and network.max_age_years == 12
    assert network.follow_up_mode == FollowUpMode.ON_REQUEST
    assert (network.report_every_months, network.report_cycle_starts_month) == (4, 1)


def test_a_cycle_that_does_not_divide_the_year_is_refused(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    url = reverse("admin:networks_network_change", args=[world.network.pk])
    page = client.get(url)
    response = client.post(url, _posted(page.context["adminform"].form, report_every_months=5))
    assert response.status_code == 200
    assert Network.objects.get(pk=world.network.pk).report_every_months == 12


def test_the_administrator_adds_a_tier_with_its_composition(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    own = MunicipalityFactory(network=world.network, name="Stad")
    response = client.post(
        reverse("admin:networks_teamtier_add"),
        {
            "network": world.network.pk,
            "name": "Kernteam Stad",
            "kind": TierKind.LOCAL,
            "disciplines": ["jeugdarts", "orthopedagoog"],
            "municipalities": [own.pk],
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    tier = TeamTier.objects.get(name="Kernteam Stad")
    assert tier.disciplines == ["jeugdarts", "orthopedagoog"]
    assert list(tier.municipalities.all()) == [own]


def test_a_tier_serves_only_municipalities_of_its_own_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    foreign = MunicipalityFactory(network=other_world.network)
    response = client.post(
        reverse("admin:networks_teamtier_add"),
        {
            "network": world.network.pk,
            "name": "Kernteam",
            "kind": TierKind.LOCAL,
            "municipalities": [foreign.pk],
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert not TeamTier.objects.exists()


def test_tiers_are_scoped_to_the_own_network_and_never_deleted(world, other_world):
    own = TeamTierFactory(network=world.network, name="Eigen kernteam")
    foreign = TeamTierFactory(network=other_world.network, name="Vreemd kernteam")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    listing = client.get(reverse("admin:networks_teamtier_changelist")).content.decode()
    assert "Eigen kernteam" in listing and "Vreemd kernteam" not in listing
    assert (
        client.get(reverse("admin:networks_teamtier_change", args=[foreign.pk])).status_code == 302
    )
    delete = client.post(reverse("admin:networks_teamtier_delete", args=[own.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert TeamTier.objects.filter(pk=own.pk).exists()
    for role in (Role.COORDINATOR, Role.CASEMANAGER, Role.ANALYST):
        response = verified_client(world.users[role]).get(
            reverse("admin:networks_teamtier_changelist")
        )
        assert response.status_code == 302
