"""Plan items, referrals out and family-support offers pick from the social map of the case's
own network: active entries that serve the child's age and municipality. Free text stays for
help that is not on the map; another network's entry can never be chosen."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases.file_forms import FamilySupportForm, ReferralOutForm
from vroeghulp.cases.models import FamilySupport, ReferralOut
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.plans.actions import save_item, start_plan
from vroeghulp.plans.forms import ItemForm
from vroeghulp.plans.models import PlanItem
from vroeghulp.socialmap.constants import EntryKind

from .factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db

# the world's case was registered today: the file's dates lie from then on
TODAY = timezone.localdate().isoformat()


@pytest.fixture
def child(world):
    """A child of about three years (37 months) living in the world's municipality."""
    child = world.own_case.child
    child.date_of_birth = timezone.localdate() - datetime.timedelta(days=3 * 365 + 30)
    child.save(update_fields=["date_of_birth"])
    return child


def _offered(form) -> set[str]:
    return {label for value, label in form.fields["social_map_entry"].choices if value}


def test_only_fitting_active_entries_of_the_own_network_are_offered(world, other_world, child):
    elsewhere = MunicipalityFactory(network=world.network, name="Elders")
    SocialMapEntryFactory(network=world.network, name="Kinderfysio", age_to_months=72)
    SocialMapEntryFactory(network=world.network, name="Babygroep", age_to_months=12)
    SocialMapEntryFactory(network=world.network, name="Gestopt", is_active=False)
    SocialMapEntryFactory(network=world.network, name="Alleen Elders", municipalities=[elsewhere])
    SocialMapEntryFactory(
        network=world.network, name="Hier", municipalities=[child.municipality, elsewhere]
    )
    SocialMapEntryFactory(network=world.network, name="Huisarts", kind=EntryKind.REFERRER)
    SocialMapEntryFactory(network=world.network, name="VVE Peuterplein", kind=EntryKind.PROGRAMME)
    SocialMapEntryFactory(network=other_world.network, name="Andere regio")
    case = world.own_case
    assert _offered(ReferralOutForm(case=case)) == {"Kinderfysio", "Hier", "VVE Peuterplein"}
    assert _offered(ItemForm(case=case, team=[])) == {"Kinderfysio", "Hier", "VVE Peuterplein"}
    assert _offered(FamilySupportForm(case=case)) == {"VVE Peuterplein"}


def test_a_referral_picks_a_provider_and_counts_it(world, child):
    provider = SocialMapEntryFactory(
        network=world.network, name="Logopedie De Klank", organisation=world.other_organisation
    )
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:add_referral", args=[world.own_case.code]),
        {"social_map_entry": provider.pk, "service": "", "referred_on": TODAY},
    )
    assert response.status_code == 302, response.context["referral_form"].errors
    referral = ReferralOut.objects.get()
    assert referral.social_map_entry == provider
    assert referral.service == "Logopedie De Klank"
    assert referral.organisation == world.other_organisation


def test_free_text_stays_for_help_not_on_the_map(world, child):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.post(
        reverse("cases:add_referral", args=[world.own_case.code]),
        {"service": "Particuliere praktijk", "referred_on": TODAY},
    )
    client.post(
        reverse("cases:add_support", args=[world.own_case.code]),
        {"programme": "Eigen cursus", "offered_on": TODAY, "response": "pending"},
    )
    assert ReferralOut.objects.get().social_map_entry is None
    assert FamilySupport.objects.get().programme == "Eigen cursus"


def test_neither_a_pick_nor_a_name_comes_back_with_a_message(world, child):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:add_referral", args=[world.own_case.code]),
        {"service": "", "referred_on": TODAY},
    )
    assert response.status_code == 400
    assert "Kies een aanbieder van de sociale kaart of schrijf de dienst op." in (
        response.content.decode()
    )
    assert ReferralOut.objects.count() == 0


def test_family_support_picks_a_programme(world, child):
    programme = SocialMapEntryFactory(
        network=world.network, name="Stevig Ouderschap", kind=EntryKind.PROGRAMME
    )
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:add_support", args=[world.own_case.code]),
        {"social_map_entry": programme.pk, "offered_on": TODAY, "response": "accepted"},
    )
    assert response.status_code == 302
    offer = FamilySupport.objects.get()
    assert (offer.social_map_entry, offer.programme) == (programme, "Stevig Ouderschap")


def test_a_plan_item_names_its_provider(world, child):
    provider = SocialMapEntryFactory(network=world.network, name="Kinderfysio De Sprong")
    casemanager = world.users[Role.CASEMANAGER]
    plan = start_plan(world.own_case, actor=casemanager)
    response = verified_client(casemanager).post(
        reverse("plans:add_item", args=[world.own_case.code]),
        {
            "domain": "paramedical",
            "advice": "Kinderfysiotherapie voor het lopen.",
            "status": "to_do",
            "social_map_entry": provider.pk,
            "version": plan.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PlanItem.objects.get().social_map_entry == provider
    page = verified_client(casemanager).get(reverse("plans:plan", args=[world.own_case.code]))
    assert "Kinderfysio De Sprong" in page.content.decode()


def test_another_networks_entry_is_refused_by_form_and_action(world, other_world, child):
    foreign = SocialMapEntryFactory(network=other_world.network, name="Andere regio")
    foreign_programme = SocialMapEntryFactory(
        network=other_world.network, name="Ander programma", kind=EntryKind.PROGRAMME
    )
    casemanager = world.users[Role.CASEMANAGER]
    client = verified_client(casemanager)
    case = world.own_case
    referral = client.post(
        reverse("cases:add_referral", args=[case.code]),
        {"social_map_entry": foreign.pk, "service": "x", "referred_on": TODAY},
    )
    support = client.post(
        reverse("cases:add_support", args=[case.code]),
        {
            "social_map_entry": foreign_programme.pk,
            "offered_on": TODAY,
            "response": "pending",
        },
    )
    plan = start_plan(case, actor=casemanager)
    item = client.post(
        reverse("plans:add_item", args=[case.code]),
        {
            "domain": "paramedical",
            "advice": "Fysiotherapie.",
            "status": "to_do",
            "social_map_entry": foreign.pk,
            "version": plan.version,
        },
    )
    assert (referral.status_code, support.status_code, item.status_code) == (400, 400, 400)
    assert "Kies een aanbieder van de sociale kaart van dit netwerk." in referral.content.decode()
    day = timezone.localdate()
    with pytest.raises(PermissionDenied):
        case_actions.refer_out(case, actor=casemanager, referred_on=day, social_map_entry=foreign)
    with pytest.raises(PermissionDenied):
        case_actions.offer_family_support(
            case,
            actor=casemanager,
            offered_on=day,
            response="pending",
            social_map_entry=foreign_programme,
        )
    with pytest.raises(PermissionDenied):
        save_item(
            plan,
            actor=casemanager,
            version=plan.version,
            domain="paramedical",
            advice="Fysiotherapie.",
            social_map_entry=foreign,
        )
    assert ReferralOut.objects.count() == 0
    assert FamilySupport.objects.count() == 0
    assert PlanItem.objects.count() == 0


def test_an_inactive_entry_cannot_be_chosen_anew(world, child):
    gone = SocialMapEntryFactory(network=world.network, name="Gestopt", is_active=False)
    with pytest.raises(ValidationError):
        case_actions.refer_out(
            world.own_case,
            actor=world.users[Role.CASEMANAGER],
            referred_on=timezone.localdate(),
            social_map_entry=gone,
        )
    assert ReferralOut.objects.count() == 0
