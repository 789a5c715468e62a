"""Demo data for the regional ways of working (domain.md §4): the first demo network works the
Nijmegen way, and a second network, "Vroeg Erbij Groningen", works the Groningen way.

Groningen: a referral is required, ages 0–12, two tiers of team (local core teams of a youth
doctor and a behavioural scientist, and one provincial team of specialists), follow-up on
request, a report to the funder every 4 months and a budget of 60 hours per trajectory.
Everything runs through the same actions as the application.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases.constants import ClosingReason, ProblemReduction, TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.followup.actions import record_request, start_follow_up
from vroeghulp.followup.constants import AskedBy
from vroeghulp.meetings import actions as meeting_actions
from vroeghulp.networks.constants import (
    Discipline,
    FollowUpMode,
    OrganisationalModel,
    OrganisationKind,
    PartnerType,
    TierKind,
)
from vroeghulp.networks.models import Municipality, Network, Organisation, TeamTier
from vroeghulp.referrals.actions import (
    RegistrationData,
    decline_registration,
    record_callback,
    record_staff_registration,
    submit_referrer_registration,
)
from vroeghulp.referrals.constants import DeclineKind, Route

GRONINGEN_SLUG = "vroeg-erbij-groningen"

MUNICIPALITIES = [
    ("GM0014", "Groningen", 16800),
    ("GM1966", "Het Hogeland", 3300),
    ("GM1969", "Westerkwartier", 5200),
    ("GM1952", "Midden-Groningen", 4300),
]
ORGANISATIONS = [
    ("GGD Groningen JGZ", OrganisationKind.YOUTH_HEALTH_CARE, PartnerType.CORE),
    ("MEE Groningen", OrganisationKind.MEE, PartnerType.CORE),
    ("UMCG Beatrix Kinderziekenhuis", OrganisationKind.HOSPITAL, PartnerType.CORE),
    ("Accare kinder- en jeugdpsychiatrie", OrganisationKind.GGZ, PartnerType.CORE),
    ("Wij-team Groningen Oosterparkwijk", OrganisationKind.NEIGHBOURHOOD_TEAM, PartnerType.CHAIN),
    ("Gemeente Groningen", OrganisationKind.MUNICIPALITY, PartnerType.CHAIN),
]
PROVINCIAL_DISCIPLINES = [
    Discipline.COORDINATOR,
    Discipline.YOUTH_DOCTOR,
    Discipline.PAEDIATRICIAN,
    Discipline.REHABILITATION_PHYSICIAN,
    Discipline.ORTHOPEDAGOOG,
    Discipline.GZ_PSYCHOLOGIST,
    Discipline.CHILD_PSYCHIATRIST,
    Discipline.SPEECH_THERAPIST,
    Discipline.PHYSIOTHERAPIST,
]


@dataclass(frozen=True)
class GroningenUser:
    email: str
    name: str
    discipline: str
    organisation: str
    roles: tuple[str, ...]


USERS = [
    GroningenUser(
        "coordinator-groningen@vroeghulp.test",
        "Janneke Hoekstra",
        Discipline.COORDINATOR,
        "MEE Groningen",
        (Role.COORDINATOR, Role.TEAM_MEMBER),
    ),
    GroningenUser(
        "trajectbegeleider-groningen@vroeghulp.test",
        "Sjoerd Dijkstra",
        Discipline.CASEMANAGER,
        "MEE Groningen",
        (Role.CASEMANAGER,),
    ),
    GroningenUser(
        "jeugdarts-groningen@vroeghulp.test",
        "Femke Postma",
        Discipline.YOUTH_DOCTOR,
        "GGD Groningen JGZ",
        (Role.REFERRER, Role.TEAM_MEMBER),
    ),
    GroningenUser(
        "orthopedagoog-groningen@vroeghulp.test",
        "Hidde Veenstra",
        Discipline.ORTHOPEDAGOOG,
        "Accare kinder- en jeugdpsychiatrie",
        (Role.TEAM_MEMBER,),
    ),
    GroningenUser(
        "beheer-groningen@vroeghulp.test",
        "Anke Smit",
        "",
        "MEE Groningen",
        (Role.NETWORK_ADMIN,),
    ),
    GroningenUser(
        "analist-groningen@vroeghulp.test",
        "Rik Bosma",
        "",
        "Gemeente Groningen",
        (Role.ANALYST,),
    ),
]


def seed(network: Network, password: str, totp_key: str) -> Network:
    """The first demo network works the Nijmegen way; then the Groningen network is built."""
    network.advice_without_meeting = True
    network.pre_discussion_without_parents = True
    network.save(update_fields=["advice_without_meeting", "pre_discussion_without_parents"])
    return GroningenBuilder(password, totp_key).build()


class GroningenBuilder:
    def __init__(self, password: str, totp_key: str):
        self.password = password
        self.totp_key = totp_key
        self.today = timezone.localdate()

    def build(self) -> Network:
        self.network = Network.objects.create(
            slug=GRONINGEN_SLUG,
            name="Vroeg Erbij Groningen",
            organisational_model=OrganisationalModel.YOUTH_HEALTH_CARE,
            min_age_years=0,
            max_age_years=12,
            public_registration_enabled=False,
            referral_required=True,
            advice_without_meeting=False,
            pre_discussion_without_parents=False,
            follow_up_mode=FollowUpMode.ON_REQUEST,
            report_every_months=4,
            report_cycle_starts_month=1,
            hours_budget=60,
            parents_attend_meeting_by_default=False,
        )
        self.municipalities = {
            name: Municipality.objects.create(
                network=self.network, cbs_code=code, name=name, children_0_7=children
            )
            for code, name, children in MUNICIPALITIES
        }
        self.organisations = {
            name: Organisation.objects.create(
                network=self.network, name=name, kind=kind, partner_type=partner
            )
            for name, kind, partner in ORGANISATIONS
        }
        self.users = {demo.email: self.create_user(demo) for demo in USERS}
        self.tiers = self.create_tiers()
        self.coordinator = self.users["coordinator-groningen@vroeghulp.test"]
        self.casemanager = self.users["trajectbegeleider-groningen@vroeghulp.test"]
        self.children()
        return self.network

    def create_user(self, demo: GroningenUser) -> User:
        user = User.objects.create_user(
            demo.email, self.password, full_name=demo.name, discipline=demo.discipline
        )
        for role in demo.roles:
            Membership.objects.create(
                user=user,
                network=self.network,
                organisation=self.organisations[demo.organisation],
                role=role,
            )
        TOTPDevice.objects.create(user=user, name="demo", key=self.totp_key, confirmed=True)
        return user

    def create_tiers(self) -> dict[str, TeamTier]:
        local_pair = [Discipline.YOUTH_DOCTOR, Discipline.ORTHOPEDAGOOG]
        city = TeamTier.objects.create(
            network=self.network,
            name="Kernteam Groningen-Stad",
            kind=TierKind.LOCAL,
            disciplines=local_pair,
        )
        city.municipalities.set([self.municipalities["Groningen"]])
        north_west = TeamTier.objects.create(
            network=self.network,
            name="Kernteam Hogeland-Westerkwartier",
            kind=TierKind.LOCAL,
            disciplines=local_pair,
        )
        north_west.municipalities.set(
            [self.municipalities["Het Hogeland"], self.municipalities["Westerkwartier"]]
        )
        provincial = TeamTier.objects.create(
            network=self.network,
            name="Provinciaal team Vroeg Erbij",
            kind=TierKind.PROVINCIAL,
            disciplines=PROVINCIAL_DISCIPLINES,
        )
        return {"city": city, "north_west": north_west, "provincial": provincial}

    # --- children -------------------------------------------------------------------------

    def data(self, given, family, born, municipality, concern, referrer="Jeugdarts GGD"):
        return RegistrationData(
            child_given_name=given,
            child_family_name=family,
            child_date_of_birth=born,
            child_sex=Sex.FEMALE if given in ("Anna", "Lieke", "Femke") else Sex.MALE,
            municipality=self.municipalities[municipality],
            concern_parents=concern,
            concern_referrer="Gezien op het consultatiebureau; meerdere domeinen achter.",
            referrer_organisation=self.organisations["GGD Groningen JGZ"],
            referrer_name=referrer,
            referrer_role="jeugdarts",
            guardians=[
                {
                    "full_name": f"Marieke {family}",
                    "relation": GuardianRelation.MOTHER,
                    "phone": "06-12345678",
                }
            ],
        )

    def registered(self, data, days_ago: int):
        received = timezone.now() - datetime.timedelta(days=days_ago)
        registration = record_staff_registration(
            self.network, actor=self.coordinator, route=Route.PHONE, data=data, received_at=received
        )
        record_callback(
            registration,
            actor=self.coordinator,
            called_back_at=received + datetime.timedelta(days=3),
            note="Ouder gebeld; verwijzing van de jeugdarts besproken.",
            version=registration.version,
        )
        registration.refresh_from_db()
        return registration

    def accepted(self, data, days_ago: int) -> Case:
        registration = self.registered(data, days_ago)
        case = case_actions.accept_registration(
            registration, actor=self.coordinator, version=registration.version
        )
        at = registration.received_at + datetime.timedelta(days=4)
        case_actions.add_team_member(
            case,
            actor=self.coordinator,
            user=self.casemanager,
            team_role=TeamRole.CASEMANAGER,
            at=at,
        )
        case_actions.add_team_member(
            case,
            actor=self.coordinator,
            user=self.users["orthopedagoog-groningen@vroeghulp.test"],
            team_role=TeamRole.MEMBER,
            at=at,
        )
        return Case.objects.get(pk=case.pk)

    def move(self, case: Case, phases: list[str], start: datetime.datetime) -> Case:
        at = start
        for phase in phases:
            at = min(at + datetime.timedelta(days=7), timezone.now())
            case = case_actions.transition(
                case, actor=self.coordinator, to_phase=phase, version=case.version, at=at
            )
        return case

    def choose(self, case: Case, tier: str, reason: str) -> Case:
        return case_actions.choose_tier(
            case, actor=self.casemanager, tier=self.tiers[tier], reason=reason, version=case.version
        )

    def children(self) -> None:
        # A declined registration: the youth doctor has not seen the child yet.
        skipped = self.registered(
            self.data(
                "Lieke",
                "Mulder",
                self.today - datetime.timedelta(days=2 * 365),
                "Midden-Groningen",
                "Ze praat nog weinig.",
                referrer="Huisarts",
            ),
            days_ago=20,
        )
        decline_registration(
            skipped,
            actor=self.coordinator,
            reason="Eerst het consultatiebureau: de jeugdarts heeft het kind nog niet gezien.",
            referred_to="JGZ Midden-Groningen",
            kind=DeclineKind.STEPS_SKIPPED,
            version=skipped.version,
        )

        # A complex case on the provincial tier, discussed by the provincial team.
        complex_case = self.accepted(
            self.data(
                "Bram",
                "de Wit",
                self.today - datetime.timedelta(days=3 * 365 + 40),
                "Het Hogeland",
                "Epilepsie en een achterstand in taal en motoriek; veel specialisten betrokken.",
            ),
            days_ago=90,
        )
        complex_case = self.move(
            complex_case,
            [Phase.INTAKE, Phase.INFORMATION, Phase.MEETING],
            complex_case.opened_at,
        )
        complex_case = self.choose(
            complex_case,
            "provincial",
            "Meerdere medische vragen tegelijk: het provinciale team met kinderneuroloog.",
        )
        meeting = meeting_actions.plan_meeting(
            self.network,
            actor=self.coordinator,
            starts_at=(timezone.now() - datetime.timedelta(days=10)).replace(hour=14, minute=0),
            location="UMCG, Groningen",
            team_tier=self.tiers["provincial"],
        )
        item = meeting_actions.add_to_agenda(
            meeting, actor=self.coordinator, case=complex_case, parents_attend=True
        )
        for email in (
            "coordinator-groningen@vroeghulp.test",
            "orthopedagoog-groningen@vroeghulp.test",
        ):
            user = self.users[email]
            meeting_actions.add_participant(
                item, actor=self.coordinator, user=user, discipline=user.discipline
            )
        meeting_actions.add_finding(
            item,
            actor=self.users["orthopedagoog-groningen@vroeghulp.test"],
            discipline=Discipline.ORTHOPEDAGOOG,
            text="Ontwikkeling op alle domeinen vertraagd; goed contact met de ouders.",
        )
        meeting_actions.conclude(
            item,
            actor=self.coordinator,
            version=item.version,
            conclusion="Revalidatie via het UMCG; logopedie dichtbij huis.",
        )
        complex_case.refresh_from_db()
        case_actions.transition(
            complex_case,
            actor=self.coordinator,
            to_phase=Phase.ADVICE,
            version=complex_case.version,
        )

        # A child of nine on a local core team, waiting for its meeting.
        older = self.accepted(
            self.data(
                "Daan",
                "Bakker",
                self.today - datetime.timedelta(days=9 * 365),
                "Groningen",
                "Vastgelopen op school; vragen over autisme.",
            ),
            days_ago=45,
        )
        older = self.move(older, [Phase.INTAKE, Phase.INFORMATION], older.opened_at)
        older = self.choose(older, "city", "Vraag past bij het lokale kernteam.")
        upcoming = meeting_actions.plan_meeting(
            self.network,
            actor=self.coordinator,
            starts_at=(timezone.now() + datetime.timedelta(days=6)).replace(hour=10, minute=0),
            location="GGD Groningen",
            team_tier=self.tiers["city"],
        )
        meeting_actions.add_to_agenda(
            upcoming, actor=self.coordinator, case=older, parents_attend=False
        )

        # A family in follow-up on request, who asked for contact again.
        followed = self.accepted(
            self.data(
                "Anna",
                "Kramer",
                self.today - datetime.timedelta(days=5 * 365),
                "Westerkwartier",
                "Syndroom van Down; vragen over de overstap naar school.",
            ),
            days_ago=300,
        )
        followed = self.move(followed, [Phase.INTAKE], followed.opened_at)
        case_actions.close_case(
            followed,
            actor=self.coordinator,
            version=followed.version,
            reason=ClosingReason.PLAN_REALISED,
            problem_reduction=ProblemReduction.SOME,
            goal_realisations={},
        )
        followed = Case.objects.get(pk=followed.pk)
        start_follow_up(
            followed,
            actor=self.casemanager,
            version=followed.version,
            reason="Nieuwe vragen verwacht bij de overstap naar groep 3.",
        )
        record_request(
            Case.objects.get(pk=followed.pk),
            actor=self.casemanager,
            on=self.today,
            asked_by=AskedBy.PARENTS,
            question="De school vraagt om een nieuw onderzoek.",
        )

        # Today's pre-registration by the youth doctor, waiting for the parents' confirmation.
        submit_referrer_registration(
            self.network,
            actor=self.users["jeugdarts-groningen@vroeghulp.test"],
            data=self.data(
                "Femke",
                "Jansma",
                self.today - datetime.timedelta(days=400),
                "Groningen",
                "Kruipt nog niet; spierspanning laag.",
            ),
            parents_agreed=True,
            parent_email="ouders-groningen@example.invalid",
        )
