"""The demo network's social map: realistic providers and programmes of the Nijmegen region,
kept by the demo's network administrator, and used by some of the demo's plans and referrals."""

import datetime

from django.utils import timezone

from vroeghulp.cases import actions as case_actions
from vroeghulp.cases.constants import SupportResponse, TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.plans import actions as plan_actions

from . import actions
from .constants import EntryKind
from .models import SocialMapEntry

ADMIN = "beheer@vroeghulp.test"

# name, kind, organisation (of the demo), ages in months (from, until), municipalities (empty:
# the whole network), waiting weeks, phone, website, months since checked, description
ENTRIES = [
    (
        "Consultatiebureau GGD Gelderland-Zuid",
        EntryKind.REFERRER,
        "GGD Gelderland-Zuid JGZ",
        (0, 48),
        [],
        None,
        "088 144 71 11",
        "https://www.ggdgelderlandzuid.nl",
        2,
        "Jeugdartsen en jeugdverpleegkundigen zien elk kind van 0 tot 4 jaar; zij melden het "
        "vaakst aan.",
    ),
    (
        "Huisartsen Nijmegen-Oost",
        EntryKind.REFERRER,
        "",
        (None, None),
        ["Nijmegen"],
        None,
        "024 322 10 10",
        "",
        14,
        "Huisartsenpraktijken in Nijmegen-Oost; verwijzen naar de kinderarts en naar IVH.",
    ),
    (
        "Kinderfysiotherapie De Sprong",
        EntryKind.CARE_PROVIDER,
        "",
        (0, 216),
        ["Nijmegen", "Berg en Dal"],
        3,
        "024 355 20 20",
        "https://www.kinderfysio-desprong.example",
        4,
        "Motorische ontwikkeling, vroeg en laat lopen, voorkeurshouding bij baby's.",
    ),
    (
        "Logopedie Molenhoek",
        EntryKind.CARE_PROVIDER,
        "",
        (12, 216),
        [],
        6,
        "024 358 40 40",
        "https://www.logopedie-molenhoek.example",
        8,
        "Taal- en spraakontwikkeling, eet- en drinkproblemen; ook aan huis.",
    ),
    (
        "Behandelgroep De Kleine Stap",
        EntryKind.CARE_PROVIDER,
        "Zorgaanbieder De Kleine Stap",
        (18, 84),
        [],
        10,
        "024 366 00 66",
        "https://www.dekleinestap.example",
        3,
        "Medisch kinderdagverblijf: behandeling in een groep voor peuters en kleuters met een "
        "ontwikkelingsachterstand.",
    ),
    (
        "Revalidatie jonge kind, Sint Maartenskliniek",
        EntryKind.CARE_PROVIDER,
        "Sint Maartenskliniek revalidatie",
        (0, 84),
        [],
        12,
        "024 365 99 11",
        "https://www.maartenskliniek.nl",
        5,
        "Kinderrevalidatie met een team van revalidatiearts, fysio-, ergotherapeut en logopedist.",
    ),
    (
        "Kinderpsychologie Praktijk Ooij",
        EntryKind.CARE_PROVIDER,
        "",
        (24, 144),
        ["Berg en Dal"],
        16,
        "024 663 12 12",
        "",
        20,
        "Diagnostiek en behandeling bij gedrags- en regulatieproblemen.",
    ),
    (
        "Home-Start Nijmegen",
        EntryKind.PROGRAMME,
        "",
        (0, 72),
        ["Nijmegen", "Wijchen"],
        2,
        "024 323 50 50",
        "https://www.home-start.nl",
        6,
        "Getrainde vrijwilligers ondersteunen ouders thuis, een dagdeel per week.",
    ),
    (
        "VoorZorg",
        EntryKind.PROGRAMME,
        "GGD Gelderland-Zuid JGZ",
        (0, 24),
        [],
        0,
        "088 144 71 11",
        "https://www.voorzorg.info",
        3,
        "Intensieve begeleiding door een jeugdverpleegkundige van de zwangerschap tot het kind "
        "2 jaar is.",
    ),
    (
        "Stevig Ouderschap",
        EntryKind.PROGRAMME,
        "GGD Gelderland-Zuid JGZ",
        (0, 18),
        [],
        1,
        "088 144 71 11",
        "",
        9,
        "Huisbezoeken voor ouders die extra steun kunnen gebruiken in het eerste anderhalf jaar.",
    ),
    (
        "VVE-peutergroep De Boomhut",
        EntryKind.PROGRAMME,
        "Kinderopvang De Boomhut",
        (24, 48),
        ["Wijchen"],
        4,
        "024 641 30 30",
        "https://www.deboomhut.example",
        2,
        "Voor- en vroegschoolse educatie: 16 uur per week in een kleine groep met extra "
        "taalaanbod.",
    ),
    (
        "Opvoedcursus Samen Starten",
        EntryKind.PROGRAMME,
        "Sociaal wijkteam Nijmegen-Oost",
        (0, 48),
        ["Nijmegen"],
        5,
        "024 329 29 29",
        "",
        15,
        "Zes bijeenkomsten voor ouders van een jong kind met een ontwikkelingsvraag.",
    ),
    (
        "SBO De Windroos",
        EntryKind.SCHOOL,
        "",
        (48, 156),
        [],
        None,
        "024 377 70 70",
        "https://www.sbo-dewindroos.example",
        7,
        "Speciaal basisonderwijs met kleine groepen; ook onderwijs-zorgarrangementen.",
    ),
    (
        "MEE cliëntondersteuning",
        EntryKind.OTHER,
        "MEE Gelderse Poort",
        (None, None),
        [],
        0,
        "024 323 39 10",
        "https://www.meegeldersepoort.nl",
        1,
        "Onafhankelijke cliëntondersteuning bij aanvragen voor zorg en onderwijs.",
    ),
]


def seed(network, users: dict) -> dict[str, SocialMapEntry]:
    """The social map of the demo network, and its use by the cases in execution."""
    admin = users[ADMIN]
    today = timezone.localdate()
    organisations = {o.name: o for o in network.organisations.all()}
    municipalities = {m.name: m for m in network.municipalities.all()}
    entries = {}
    for (
        name,
        kind,
        organisation,
        (age_from, age_to),
        served,
        waiting,
        phone,
        website,
        months_ago,
        description,
    ) in ENTRIES:
        entries[name] = actions.create_entry(
            actor=admin,
            network=network,
            name=name,
            kind=kind,
            organisation=organisations.get(organisation),
            description=description,
            age_from_months=age_from,
            age_to_months=age_to,
            waiting_weeks=waiting,
            phone=phone,
            website=website,
            checked_on=today - datetime.timedelta(days=30 * months_ago),
            municipalities=[municipalities[m] for m in served],
        )
    _use(network, entries, today)
    return entries


def _use(network, entries: dict, today: datetime.date) -> None:
    """Cases in execution name a provider in their plan, refer to one and are offered a
    programme; some referrals led to a placement."""
    cases = Case.objects.filter(network=network, phase=Phase.EXECUTION).select_related("child")
    for index, case in enumerate(cases.order_by("pk")):
        casemanager = case.team.get(team_role=TeamRole.CASEMANAGER, ended_at=None).user
        fitting = list(SocialMapEntry.objects.fitting(case.child, today=today))
        providers = [e for e in fitting if e.kind == EntryKind.CARE_PROVIDER]
        programmes = [e for e in fitting if e.kind == EntryKind.PROGRAMME]
        if providers:
            provider = providers[index % len(providers)]
            _name_in_plan(case, casemanager, provider)
            referral = case_actions.refer_out(
                case, actor=casemanager, referred_on=today, social_map_entry=provider
            )
            if index % 3 != 2:
                case_actions.record_placement(
                    referral, actor=casemanager, placed=index % 3 == 0, placed_on=today
                )
        if programmes:
            programme = programmes[index % len(programmes)]
            response = [SupportResponse.ACCEPTED, SupportResponse.DECLINED, SupportResponse.PENDING]
            case_actions.offer_family_support(
                case,
                actor=casemanager,
                offered_on=today,
                response=response[index % 3],
                social_map_entry=programme,
            )


def _name_in_plan(case, casemanager, provider) -> None:
    """The plan's paramedical advice names the provider (in the draft: issued versions stay)."""
    plan = getattr(case, "plan", None)
    if plan is None:
        return
    item = plan.items.filter(domain="paramedical").first()
    if item is None:
        return
    plan_actions.save_item(
        plan,
        actor=casemanager,
        version=plan.version,
        item=item,
        domain=item.domain,
        advice=item.advice,
        who=provider.name,
        by_when=item.by_when,
        status=item.status,
        social_map_entry=provider,
    )
