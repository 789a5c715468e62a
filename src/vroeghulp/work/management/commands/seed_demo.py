"""Build the demo network "Regio Voorbeeld": organisations, users per role, children per phase.

Deterministic for a given --seed. Runs through the same actions as the application; safe to run
twice (an existing demo network is left as it is).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases import states
from vroeghulp.cases.actions import accept_registration, close_case
from vroeghulp.cases.constants import (
    ClosingReason,
    DelayReason,
    GoalRealisation,
    ProblemReduction,
    TeamRole,
    WaitingStage,
)
from vroeghulp.cases.family_demo import seed as seed_school_and_families
from vroeghulp.cases.models import Case
from vroeghulp.cbplus import demo as cbplus_demo
from vroeghulp.children.actions import link_guardian_account
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.consent.constants import Purpose
from vroeghulp.followup.actions import start_follow_up
from vroeghulp.meetings.actions import (
    add_finding,
    add_participant,
    add_to_agenda,
    conclude,
    plan_meeting,
)
from vroeghulp.meetings.models import Meeting
from vroeghulp.networks.constants import Discipline, OrganisationalModel, OrganisationKind
from vroeghulp.networks.constants import PartnerType as P
from vroeghulp.networks.models import Municipality, Network, Organisation
from vroeghulp.plans import actions as plan_actions
from vroeghulp.portal import demo_guardians
from vroeghulp.portal.models import SatisfactionQuestion
from vroeghulp.prematurity import demo as premature_demo
from vroeghulp.referrals.actions import (
    RegistrationData,
    decline_registration,
    record_callback,
    record_staff_registration,
    submit_public_registration,
    submit_referrer_registration,
)
from vroeghulp.referrals.constants import STAFF_ROUTES, DeclineKind
from vroeghulp.socialmap import demo as socialmap_demo
from vroeghulp.work import demo_regional

DEMO_SLUG = "regio-voorbeeld"
DEMO_PASSWORD = "Vroeghulp-demo-2026"  # noqa: S105 (documented demo password)
# Base32 JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP; documented in the README for authenticator apps.
DEMO_TOTP_KEY = "48656c6c6f21deadbeef48656c6c6f21deadbeef"

PLAN_ITEMS = [
    (
        "parents",
        "Lees elke dag samen een prentenboek. Wijs de plaatjes aan en noem ze.",
        "U",
        "elke dag",
    ),
    (
        "paramedical",
        "Uw kind gaat naar de logopedist voor hulp bij praten en eten.",
        "Logopedist",
        "binnen 6 weken",
    ),
    (
        "childcare_education",
        "Uw kind gaat twee ochtenden naar de peuteropvang, met extra begeleiding.",
        "Casemanager regelt het",
        "na de zomer",
    ),
]
SATISFACTION_QUESTIONS = [
    "Was uw contactpersoon goed bereikbaar?",
    "Was het adviesplan duidelijk?",
    "Voelde u zich gehoord?",
    "Ging het snel genoeg?",
]
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
    "Loopt nog niet en kruipt weinig voor de leeftijd.",
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
            hours_budget=40,
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
        self.fresh_registrations()
        socialmap_demo.seed(self.network, self.users)
        for position, text in enumerate(SATISFACTION_QUESTIONS):
            SatisfactionQuestion.objects.create(network=self.network, text=text, position=position)
        plan_meeting(
            self.network,
            actor=self.users["coordinator@vroeghulp.test"],
            starts_at=timezone.now().replace(hour=13, minute=30) + datetime.timedelta(days=9),
            location="MEE Gelderse Poort, Nijmegen",
            tier="Regionaal kernteam",
        )
        cbplus_demo.seed(self.network, self.users, password=DEMO_PASSWORD, totp_key=DEMO_TOTP_KEY)
        premature_demo.seed(self)
        seed_school_and_families(self.network, self.users, DEMO_PASSWORD, DEMO_TOTP_KEY)
        demo_guardians.seed(self.network, self.users)
        demo_regional.seed(self.network, DEMO_PASSWORD, DEMO_TOTP_KEY)

    def fresh_registrations(self) -> None:
        """Today's arrivals: one by the public form, one pre-registered by the jeugdarts."""
        submit_public_registration(
            self.network, data=self.registration_data(1000), fingerprint="demo"
        )
        submit_referrer_registration(
            self.network,
            actor=self.users["verwijzer@vroeghulp.test"],
            data=self.registration_data(1001),
            parents_agreed=True,
            parent_email="ouders@example.invalid",
        )

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
        data = self.registration_data(index)
        # Spread the children over the phases; every tenth still waits for triage.
        waiting = index % 10 == 9
        target_index = index % len(states.ORDER) if index else 5
        days_ago = rng.randint(1, 20) if waiting else rng.randint(20 * (target_index + 1), 400)
        # a registration comes in after the birth (a month at the least)
        days_ago = min(days_ago, (self.today - data.child_date_of_birth).days - 30)
        received = timezone.now() - datetime.timedelta(days=days_ago, hours=rng.randint(0, 8))
        registration = record_staff_registration(
            self.network,
            actor=coordinator,
            route=rng.choice(STAFF_ROUTES),
            data=data,
            received_at=received,
        )
        if not waiting or index % 2:
            record_callback(
                registration,
                actor=coordinator,
                called_back_at=min(
                    received + datetime.timedelta(days=rng.randint(1, 18), hours=2), timezone.now()
                ),
                note="Ouder gebeld; zorg besproken en huisbezoek afgesproken.",
                version=registration.version,
            )
            registration.refresh_from_db()
        if waiting:
            return
        if index % 13 == 5:
            decline_registration(
                registration,
                actor=coordinator,
                reason="Lichte opvoedvraag; advies gegeven en verwezen naar het CJG.",
                referred_to="CJG",
                kind=DeclineKind.LIGHT_SUPPORT,
                version=registration.version,
            )
            return
        case = accept_registration(registration, actor=coordinator, version=registration.version)
        if index == 0:
            link_guardian_account(case.child.guardians.first(), actor=coordinator, user=self.parent)
        opened = registration.received_at
        self.assign_team(case, index, opened + datetime.timedelta(days=2))
        case = Case.objects.get(pk=case.pk)
        target = states.ORDER[target_index]
        if target != states.Phase.REGISTERED:
            self.add_intake_notes_and_consent(case, opened)
        self.walk_to(case, target, opened)

    def registration_data(self, index: int) -> RegistrationData:
        rng = self.rng
        sex = rng.choice([Sex.FEMALE, Sex.MALE])
        family_name = "de Jong" if index == 0 else rng.choice(FAMILY_NAMES)
        premature = rng.random() < 0.15
        first, second = rng.sample([GuardianRelation.MOTHER, GuardianRelation.FATHER], 2)
        guardians = [
            {
                "full_name": f"{rng.choice(PARENT_NAMES[first])} {family_name}",
                "relation": first,
                "phone": f"06-{rng.randint(10000000, 99999999)}",
            }
        ]
        if rng.random() < 0.7:
            guardians.append(
                {
                    "full_name": f"{rng.choice(PARENT_NAMES[second])} {family_name}",
                    "relation": second,
                    "has_custody": rng.random() < 0.9,
                }
            )
        age_days = rng.randint(120, 6 * 365)
        born = self.today - datetime.timedelta(days=age_days)
        return RegistrationData(
            child_given_name=rng.choice(GIVEN_NAMES[sex]),
            child_family_name=family_name,
            child_date_of_birth=born,
            child_sex=sex,
            child_gestational_age_weeks=rng.randint(26, 31) if premature else None,
            municipality=rng.choices(self.municipalities, weights=[5, 2, 2])[0],
            concern_parents=rng.choice(CONCERNS),
            concern_referrer="Achterstand gezien bij het consult.",
            referrer_name="Jeugdarts GGD",
            first_concern_on=born
            + datetime.timedelta(days=rng.randint(30, max(31, age_days - 30))),
            guardians=guardians,
            examinations=[{"what": "Gehoortest", "by_whom": "Consultatiebureau", "when": None}],
        )

    def assign_team(self, case, index: int, at: datetime.datetime) -> None:
        coordinator = self.users["coordinator@vroeghulp.test"]
        casemanager = self.users[
            "casemanager@vroeghulp.test" if index % 3 else "casemanager2@vroeghulp.test"
        ]
        # accepting the registration already gave the coordinator a place on the team
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
            if phase == states.Phase.ADVICE:
                self.discuss_in_meeting(case, at)
            if phase == states.Phase.EXECUTION:
                self.write_plan(case)
            if phase == states.Phase.CLOSED:
                close_case(
                    case,
                    actor=coordinator,
                    version=case.version,
                    reason=self.rng.choice(list(ClosingReason)[:5]),
                    stopped_early_reason="Ouders vonden het te zwaar.",
                    problem_reduction=self.rng.choice(list(ProblemReduction)[:3]),
                    goal_realisations={
                        goal.pk: self.rng.choice(list(GoalRealisation)) for goal in case.goals.all()
                    },
                    at=at,
                )
                if self.rng.random() < 0.5:
                    self.start_follow_up(Case.objects.get(pk=case.pk))
                return
            case = case_actions.transition(
                case, actor=coordinator, to_phase=phase, version=case.version, at=at
            )

    def write_plan(self, case) -> None:
        casemanager = case.team.get(team_role=TeamRole.CASEMANAGER).user
        plan = plan_actions.start_plan(case, actor=casemanager)
        plan_actions.save_introduction(
            plan,
            actor=casemanager,
            version=plan.version,
            introduction="Wij hebben met u en de specialisten over uw kind gepraat. "
            "Hier staat wat wij u aanraden. U beslist zelf wat u doet.",
        )
        for domain, advice, who, when in PLAN_ITEMS:
            plan.refresh_from_db()
            plan_actions.save_item(
                plan,
                actor=casemanager,
                version=plan.version,
                domain=domain,
                advice=advice,
                who=who,
                by_when=when,
                status="to_do",
            )
        plan.refresh_from_db()
        version = plan_actions.issue_version(plan, actor=casemanager, version=plan.version)
        if self.rng.random() < 0.8:
            plan_actions.record_discussion(
                version,
                actor=casemanager,
                on=self.today,
                how=self.rng.choice(["in_person", "video"]),
            )
            plan_actions.record_reaction(
                version, actor=casemanager, guardian=case.child.guardians.first(), reaction="agree"
            )

    def start_follow_up(self, case) -> None:
        start_follow_up(
            case,
            actor=self.users["coordinator@vroeghulp.test"],
            version=case.version,
            every_months=self.rng.choice([3, 6, 12]),
            first_check_on=self.today + datetime.timedelta(days=self.rng.randint(-0, 60)),
            reason="Nieuwe vragen verwacht rond de overstap naar school.",
        )

    def discuss_in_meeting(self, case, at: datetime.datetime) -> None:
        coordinator = self.users["coordinator@vroeghulp.test"]
        meeting = self.meeting_before(at)
        item = add_to_agenda(
            meeting, actor=coordinator, case=case, parents_attend=self.rng.random() < 0.7
        )
        for email in ("coordinator@vroeghulp.test", "orthopedagoog@vroeghulp.test"):
            user = self.users[email]
            add_participant(item, actor=coordinator, user=user, discipline=user.discipline)
            case_actions.record_time(
                case, actor=user, on=timezone.localdate(at), activity="meeting", hours=Decimal(1)
            )
        add_finding(
            item,
            actor=self.users["orthopedagoog@vroeghulp.test"],
            discipline=Discipline.ORTHOPEDAGOOG,
            text="Ontwikkelingsachterstand op taal en motoriek; sociaal contact goed.",
        )
        conclude(
            item,
            actor=coordinator,
            version=item.version,
            conclusion="Logopedie, fysiotherapie en observatie op de peuteropvang.",
        )
        if self.rng.random() < 0.4:
            case_actions.record_delay(
                case,
                actor=coordinator,
                stage=WaitingStage.MEETING,
                reason=self.rng.choice(list(DelayReason)),
            )

    def meeting_before(self, at: datetime.datetime) -> Meeting:
        starts = at.replace(hour=13, minute=30, second=0, microsecond=0)
        starts -= datetime.timedelta(days=3)
        meeting = Meeting.objects.filter(
            network=self.network, starts_at__date=starts.date()
        ).first()
        return meeting or plan_meeting(
            self.network,
            actor=self.users["coordinator@vroeghulp.test"],
            starts_at=starts,
            location="MEE Gelderse Poort, Nijmegen",
            tier="Regionaal kernteam",
        )

    def add_intake_notes_and_consent(self, case, opened: datetime.datetime) -> None:
        child = case.child
        casemanager = case.team.get(team_role=TeamRole.CASEMANAGER).user
        case_actions.save_intake(
            case,
            actor=casemanager,
            version=0,
            home_visit_on=(opened + datetime.timedelta(days=5)).date(),
            question="Wij willen begrijpen wat ons kind nodig heeft en hoe we kunnen helpen.",
            observations=self.rng.choice(CONCERNS),
            trajectory_explained=True,
            goals=["Weten wat er met ons kind aan de hand is", "Passende hulp dichtbij huis"],
        )
        case_actions.record_time(
            case,
            actor=casemanager,
            on=min((opened + datetime.timedelta(days=5)).date(), timezone.localdate()),
            activity="intake",
            hours=Decimal("2.5"),
        )
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
            case_actions.record_consent(
                case,
                actor=self.users["coordinator@vroeghulp.test"],
                organisation=self.organisations["Radboudumc Amalia kinderziekenhuis"],
                purpose=Purpose.EXCHANGE_INFORMATION,
                given_by=[g for g in child.guardians.all() if g.has_custody],
                given_on=opened.date(),
            )
