"""Build the demo network "Regio Voorbeeld": organisations, users per role, children per phase.

Deterministic for a given --seed. Runs through the same actions as the application; safe to run
twice (an existing demo network is left as it is).
"""

import datetime
import random
from dataclasses import dataclass

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases import states
from vroeghulp.cases.constants import TeamRole
from vroeghulp.children.actions import GuardianData, register_child
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.consent.actions import give_consent
from vroeghulp.consent.constants import Purpose
from vroeghulp.networks.constants import Discipline, OrganisationalModel, OrganisationKind
from vroeghulp.networks.constants import PartnerType as P
from vroeghulp.networks.models import Municipality, Network, Organisation

DEMO_SLUG = "regio-voorbeeld"
DEMO_PASSWORD = "Vroeghulp-demo-2026"  # noqa: S105 (documented demo password)
# Base32 JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP; documented in the README for authenticator apps.
DEMO_TOTP_KEY = "48656c6c6f21deadbeef48656c6c6f21deadbeef"

MUNICIPALITIES = [
    ("GM0268", "Nijmegen", 12400),
    ("GM0296", "Wijchen", 2500),
    ("GM1945", "Berg en Dal", 2300),
]
ORGANISATIONS = [
    ("MEE Gelderse Poort", OrganisationKind.MEE, P.CORE),
    ("GGD Gelderland-Zuid JGZ", OrganisationKind.YOUTH_HEALTH_CARE, P.CORE),
    ("Radboudumc Amalia kinderziekenhuis", OrganisationKind.HOSPITAL, P.CORE),
    ("Sint Maartenskliniek revalidatie", OrganisationKind.REHABILITATION, P.CORE),
    ("Zorgaanbieder De Kleine Stap", OrganisationKind.CARE_PROVIDER, P.CORE),
    ("Sociaal wijkteam Nijmegen-Oost", OrganisationKind.NEIGHBOURHOOD_TEAM, P.CHAIN),
    ("Kinderopvang De Boomhut", OrganisationKind.CHILDCARE, P.CHAIN),
    ("Gemeente Nijmegen", OrganisationKind.MUNICIPALITY, P.CHAIN),
]


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    discipline: str
    organisation: str
    roles: tuple[str, ...]


USERS = [
    DemoUser(
        "coordinator@vroeghulp.test",
        "Marieke de Vries",
        Discipline.COORDINATOR,
        "MEE Gelderse Poort",
        (Role.COORDINATOR, Role.TEAM_MEMBER),
    ),
    DemoUser(
        "casemanager@vroeghulp.test",
        "Sanne Jansen",
        Discipline.CASEMANAGER,
        "MEE Gelderse Poort",
        (Role.CASEMANAGER,),
    ),
    DemoUser(
        "casemanager2@vroeghulp.test",
        "Youssef el Amrani",
        Discipline.SOCIAL_WORKER,
        "Sociaal wijkteam Nijmegen-Oost",
        (Role.CASEMANAGER,),
    ),
    DemoUser(
        "orthopedagoog@vroeghulp.test",
        "Pieter Bakker",
        Discipline.ORTHOPEDAGOOG,
        "Zorgaanbieder De Kleine Stap",
        (Role.TEAM_MEMBER,),
    ),
    DemoUser(
        "kinderarts@vroeghulp.test",
        "Ingrid Smit",
        Discipline.PAEDIATRICIAN,
        "Radboudumc Amalia kinderziekenhuis",
        (Role.TEAM_MEMBER,),
    ),
    DemoUser(
        "verwijzer@vroeghulp.test",
        "Fatma Yilmaz",
        Discipline.YOUTH_DOCTOR,
        "GGD Gelderland-Zuid JGZ",
        (Role.REFERRER,),
    ),
    DemoUser(
        "beheer@vroeghulp.test", "Ruud Hendriks", "", "MEE Gelderse Poort", (Role.NETWORK_ADMIN,)
    ),
    DemoUser("analist@vroeghulp.test", "Lotte Visser", "", "Gemeente Nijmegen", (Role.ANALYST,)),
    DemoUser(
        "logbeheer@vroeghulp.test", "Hans Mulder", "", "MEE Gelderse Poort", (Role.LOG_MANAGER,)
    ),
]
PARENT_EMAIL = "ouder@vroeghulp.test"

GIVEN_NAMES = {
    Sex.FEMALE: [
        "Emma",
        "Julia",
        "Tess",
        "Sophie",
        "Noor",
        "Mila",
        "Saar",
        "Yara",
        "Fenna",
        "Liv",
        "Nora",
        "Isa",
        "Aya",
        "Lina",
        "Roos",
        "Fleur",
        "Maud",
        "Zoë",
    ],
    Sex.MALE: [
        "Noah",
        "Liam",
        "Luuk",
        "Sem",
        "Daan",
        "Finn",
        "Mees",
        "Levi",
        "Bram",
        "Adam",
        "Mohammed",
        "Jesse",
        "Siem",
        "Ties",
        "Jens",
        "Milan",
        "Thijs",
        "Gijs",
    ],
}
FAMILY_NAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "Öztürk",
    "Yılmaz",
    "El Idrissi",
    "Nguyen",
    "Wouters",
    "Kuipers",
    "Verhoeven",
    "Willems",
]
PARENT_NAMES = {
    GuardianRelation.MOTHER: ["Anouk", "Lisa", "Sarah", "Fatima", "Kim", "Eva", "Laura", "Hanna"],
    GuardianRelation.FATHER: ["Mark", "Thomas", "Ahmed", "Jeroen", "Bas", "Mehmet", "Tim", "Ruben"],
}
CONCERNS = [
    "Loopt nog niet en kruipt weinig voor zijn leeftijd.",
    "Praat nauwelijks; ouders maken zich zorgen over het contact.",
    "Veel huilen en slecht slapen; ontwikkeling lijkt achter te lopen.",
    "Na vroeggeboorte: motoriek en eten verlopen moeizaam.",
    "Op de peuterspeelzaal speelt zij weinig met andere kinderen.",
]


class Command(BaseCommand):
    help = "Load the demo network with users for every role and children in every phase."

    def add_arguments(self, parser):
        parser.add_argument("--children", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, children: int, seed: int, **options):
        if Network.objects.filter(slug=DEMO_SLUG).exists():
            self.stdout.write("Demo network already present; nothing loaded.")
        else:
            with transaction.atomic():
                DemoBuilder(random.Random(seed)).build(children)
            self.stdout.write(self.style.SUCCESS(f"Demo network loaded with {children} children."))
        self.print_logins()

    def print_logins(self):
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        for user in USERS:
            self.stdout.write(f"  {', '.join(user.roles):28} {user.email}")
        self.stdout.write(f"  {'parent':28} {PARENT_EMAIL}")
        self.stdout.write(
            "Second factor: add the key JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP to an authenticator app,\n"
            "or print the current code with: .venv/bin/python manage.py demo_totp_code"
        )


class DemoBuilder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.today = timezone.localdate()

    def build(self, n_children: int) -> None:
        self.network = Network.objects.create(
            slug=DEMO_SLUG,
            name="Regio Voorbeeld",
            organisational_model=OrganisationalModel.FIELD_PARTNERS,
        )
        self.municipalities = [
            Municipality.objects.create(network=self.network, cbs_code=c, name=n, children_0_7=k)
            for c, n, k in MUNICIPALITIES
        ]
        self.organisations = {
            name: Organisation.objects.create(
                network=self.network, name=name, kind=kind, partner_type=partner
            )
            for name, kind, partner in ORGANISATIONS
        }
        self.users = {demo.email: self.create_user(demo) for demo in USERS}
        self.parent = User.objects.create_user(
            PARENT_EMAIL, DEMO_PASSWORD, full_name="Anouk de Jong"
        )
        for index in range(n_children):
            self.create_child(index, n_children)

    def create_user(self, demo: DemoUser) -> User:
        user = User.objects.create_user(
            demo.email, DEMO_PASSWORD, full_name=demo.name, discipline=demo.discipline
        )
        for role in demo.roles:
            Membership.objects.create(
                user=user,
                network=self.network,
                organisation=self.organisations[demo.organisation],
                role=role,
            )
        TOTPDevice.objects.create(user=user, name="demo", key=DEMO_TOTP_KEY, confirmed=True)
        return user

    def create_child(self, index: int, total: int) -> None:
        rng = self.rng
        coordinator = self.users["coordinator@vroeghulp.test"]
        sex = rng.choice([Sex.FEMALE, Sex.MALE])
        family_name = "de Jong" if index == 0 else rng.choice(FAMILY_NAMES)
        age_days = rng.randint(120, 6 * 365)
        premature = rng.random() < 0.15
        first, second = rng.sample([GuardianRelation.MOTHER, GuardianRelation.FATHER], 2)
        guardians = [
            GuardianData(
                full_name=f"{rng.choice(PARENT_NAMES[first])} {family_name}",
                relation=first,
                phone=f"06-{rng.randint(10000000, 99999999)}",
                user=self.parent if index == 0 else None,
            )
        ]
        if rng.random() < 0.7:
            guardians.append(
                GuardianData(
                    full_name=f"{rng.choice(PARENT_NAMES[second])} {family_name}",
                    relation=second,
                    has_custody=rng.random() < 0.9,
                )
            )
        child = register_child(
            self.network,
            actor=coordinator,
            guardians=guardians,
            given_name=rng.choice(GIVEN_NAMES[sex]),
            family_name=family_name,
            date_of_birth=self.today - datetime.timedelta(days=age_days),
            sex=sex,
            gestational_age_weeks=rng.randint(26, 31) if premature else rng.randint(37, 41),
            municipality=rng.choices(self.municipalities, weights=[5, 2, 2])[0],
        )
        # Spread the children over the phases, most of them in the middle of the process.
        target_index = index % len(states.ORDER) if index else 5
        opened = timezone.now() - datetime.timedelta(days=rng.randint(20 * (target_index + 1), 400))
        case = case_actions.open_case(
            network=self.network, child=child, actor=coordinator, opened_at=opened
        )
        if target_index == 0:
            return
        self.assign_team(case, index, opened + datetime.timedelta(days=2))
        self.walk_to(case, states.ORDER[target_index], opened)
        self.add_notes_and_consent(case, child, opened)

    def assign_team(self, case, index: int, at: datetime.datetime) -> None:
        coordinator = self.users["coordinator@vroeghulp.test"]
        casemanager = self.users[
            "casemanager@vroeghulp.test" if index % 3 else "casemanager2@vroeghulp.test"
        ]
        case_actions.add_team_member(
            case, actor=coordinator, user=coordinator, team_role=TeamRole.COORDINATOR, at=at
        )
        case_actions.add_team_member(
            case, actor=coordinator, user=casemanager, team_role=TeamRole.CASEMANAGER, at=at
        )
        for email in ("orthopedagoog@vroeghulp.test", "kinderarts@vroeghulp.test"):
            case_actions.add_team_member(
                case, actor=coordinator, user=self.users[email], team_role=TeamRole.MEMBER, at=at
            )

    def walk_to(self, case, target: str, opened: datetime.datetime) -> None:
        coordinator = self.users["coordinator@vroeghulp.test"]
        at = opened
        for phase in states.ORDER[1 : states.ORDER.index(target) + 1]:
            at = min(at + datetime.timedelta(days=self.rng.randint(5, 30)), timezone.now())
            case = case_actions.transition(
                case, actor=coordinator, to_phase=phase, version=case.version, at=at
            )

    def add_notes_and_consent(self, case, child, opened: datetime.datetime) -> None:
        casemanager = case.team.get(team_role=TeamRole.CASEMANAGER).user
        case_actions.add_note(
            case,
            actor=casemanager,
            text=f"Huisbezoek gedaan. {self.rng.choice(CONCERNS)}",
            at=opened + datetime.timedelta(days=3),
        )
        paediatrician = self.users["kinderarts@vroeghulp.test"]
        case_actions.add_note(
            case,
            actor=paediatrician,
            text="Verslag kinderarts: groei en gehoor normaal; motoriek vertraagd.",
            professional_only=True,
            at=opened + datetime.timedelta(days=10),
        )
        if self.rng.random() < 0.6:
            give_consent(
                child,
                actor=self.users["coordinator@vroeghulp.test"],
                organisation=self.organisations["Radboudumc Amalia kinderziekenhuis"],
                purpose=Purpose.EXCHANGE_INFORMATION,
                given_by=[g for g in child.guardians.all() if g.has_custody][:1],
                given_on=opened.date(),
            )
