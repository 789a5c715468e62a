"""Synthetic data at national scale for benchmarks: networks, children, trajectories, audit log.

Bulk inserts per batch of children, each batch in its own transaction, with progress lines;
deterministic per --seed. Not for production databases. Distributions follow domain.md: most
children found between 0 and 3, referral sources weighted towards youth health care, phase
durations of weeks, about a tenth advised elsewhere, a quarter closed. Every trajectory that got
far enough has an intake, a consent with the information asked under it, a team-meeting
discussion, a plan version that was explained to the parents (some with a school arrangement to
evaluate) and a closing; a fifth of the closed ones stay in long-term follow-up with check-ins
due from a month ago to half a year ahead. The audit log is hash-chained exactly as the writer
chains it. On PostgreSQL it is written with COPY, which is what makes 10 million entries feasible.
"""

import bisect
import datetime
import random
import time
import uuid
from decimal import Decimal

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.audit.keys import current_key
from vroeghulp.audit.models import (
    GENESIS_HASH,
    AuditChainHead,
    AuditEntry,
    chain_hash,
    whole_milliseconds,
)
from vroeghulp.audit.writer import COLUMNS, copy_rows
from vroeghulp.cases import states
from vroeghulp.cases.constants import (
    ClosingReason,
    EventKind,
    RequestStatus,
    TeamRole,
    TimeActivity,
)
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import (
    Case,
    Closure,
    InformationRequest,
    Intake,
    PhaseTransition,
    TeamMember,
    TimelineEvent,
    TimeSpent,
)
from vroeghulp.children.models import Child, Guardian
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent, ConsentGiving
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.models import Municipality, Network, Organisation
from vroeghulp.plans.models import Arrangement, Discussion, Plan, PlanVersion
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration

BATCH = 2000
GIVEN_NAMES = ["Emma", "Noah", "Sem", "Julia", "Liv", "Finn", "Sara", "Adam", "Mila", "Daan"]
CHILDREN_PER_NETWORK = 2500
STAFF_PER_NETWORK = 30
ROUTES = [
    (Route.PHONE, 40),
    (Route.CJG_FRONT_OFFICE, 20),
    (Route.REFERRER, 25),
    (Route.PUBLIC_FORM, 10),
    (Route.NEIGHBOURHOOD_TEAM, 5),
]
# How far trajectories got, weighted like a network's caseload over the years.
PHASE_WEIGHTS = [3, 6, 8, 6, 6, 20, 8, 25]
AUDIT_ACTIONS = (["read"] * 16) + ["update", "create", "print", "search"]
# Hours of the intake visit with its report, and of the guidance sessions: families differ
INTAKE_HOURS = ["1.5", "2", "2.5", "2.5", "3", "4"]
# Closed trajectories kept in long-term follow-up, and plans with a school arrangement
FOLLOW_UP_SHARE = 0.2
ARRANGEMENT_SHARE = 0.3
# Days the other professional is given to answer an information request
ANSWER_DAYS = 21


class Command(BaseCommand):
    help = "Load a large synthetic dataset for the benchmarks (bulk inserts, with progress)."

    def add_arguments(self, parser):
        parser.add_argument("--children", type=int, default=10000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--audit-per-case", type=int, default=40)

    def handle(self, *args, children: int, years: int, seed: int, audit_per_case: int, **options):
        self.rng = random.Random(seed)
        self.started = time.monotonic()
        self.now = timezone.now()
        self.years = years
        self.audit_per_case = audit_per_case
        self.done = 0
        self.total = children
        networks = self.networks(max(1, children // CHILDREN_PER_NETWORK))
        for index, network in enumerate(networks):
            share = children // len(networks) + (1 if index < children % len(networks) else 0)
            self.fill(network, share)
        # Fresh statistics for the query planner: without them SQLite reads one child's audit
        # log through the per-network index (hundreds of thousands of rows, not forty).
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # Every trajectory was written three times (created, walked, milestones): the
                # old row versions would triple its table, which the monitoring scans. (Not
                # inside a transaction, where VACUUM cannot run: the tests.)
                cursor.execute("VACUUM FULL cases_case")
            cursor.execute("ANALYZE")
        self.progress(f"done: {children} children, {AuditEntry.objects.count()} audit entries")

    def progress(self, message: str) -> None:
        self.stdout.write(f"[{time.monotonic() - self.started:7.1f}s] {message}")
        self.stdout.flush()

    def networks(self, count: int) -> list[Network]:
        suffix = uuid.uuid4().hex[:6]
        models = ["vp", "jgz", "ggj"]
        networks = Network.objects.bulk_create(
            Network(
                slug=f"schaal-{suffix}-{n}",
                name=f"Schaalregio {n}",
                organisational_model=models[n % 3],
            )
            for n in range(count)
        )
        self.progress(f"{count} networks")
        return networks

    # --- per network ----------------------------------------------------------------------------

    def fill(self, network: Network, count: int) -> None:
        rng = self.rng
        with transaction.atomic():
            self.municipalities = Municipality.objects.bulk_create(
                Municipality(
                    network=network,
                    cbs_code=f"GM{n:04d}",
                    name=f"Gemeente {network.pk}-{n}",
                    children_0_7=rng.randint(800, 20000),
                )
                for n in range(6)
            )
            self.organisations = Organisation.objects.bulk_create(
                Organisation(network=network, name=f"{kind.label} {network.pk}", kind=kind)
                for kind in list(OrganisationKind)[:8]
            )
            self.staff = self.create_staff(network)
            self.meetings = self.create_meetings(network)
            self.meeting_starts = [meeting.starts_at for meeting in self.meetings]
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            with transaction.atomic():
                self.batch(network, size)
            self.done += size
            self.progress(f"{network.slug}: {self.done}/{self.total} children")

    def create_staff(self, network: Network) -> list[User]:
        staff = User.objects.bulk_create(
            User(
                email=f"p{network.pk}-{n}@schaal.invalid",
                full_name=f"Professional {network.pk}-{n}",
                password=UNUSABLE_PASSWORD_PREFIX,
            )
            for n in range(STAFF_PER_NETWORK)
        )
        Membership.objects.bulk_create(
            Membership(
                user=user,
                network=network,
                organisation=self.organisations[n % 8],
                role=[Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER][n % 3],
            )
            for n, user in enumerate(staff)
        )
        self.organisation_of = {user.pk: self.organisations[n % 8] for n, user in enumerate(staff)}
        return staff

    def create_meetings(self, network: Network) -> list[Meeting]:
        """A core-team meeting every week over the years (and a few weeks ahead)."""
        first = self.now - datetime.timedelta(days=365 * self.years + 60)
        weeks = (self.now - first).days // 7 + 4
        return Meeting.objects.bulk_create(
            Meeting(
                network=network,
                starts_at=first + datetime.timedelta(weeks=week),
                created_by=self.staff[0],
                tier="kernteam",
            )
            for week in range(weeks)
        )

    # --- per batch of children ------------------------------------------------------------------

    def batch(self, network: Network, size: int) -> None:
        children = self.create_children(network, size)
        cases = self.create_registrations_and_cases(network, children)
        self.walk(cases)

    def create_children(self, network: Network, size: int) -> list[Child]:
        rng, now = self.rng, self.now
        children = []
        for _ in range(size):
            received = now - datetime.timedelta(
                days=rng.randint(0, 365 * self.years), minutes=rng.randint(0, 600)
            )
            born = received.date() - datetime.timedelta(days=int(rng.triangular(60, 2900, 500)))
            child = Child(
                network=network,
                given_name=rng.choice(GIVEN_NAMES),
                family_name=f"Kind{rng.randint(1, 10**6)}",
                date_of_birth=born,
                municipality=rng.choice(self.municipalities),
            )
            child.received = received
            children.append(child)
        Child.objects.bulk_create(children)
        self.guardians = Guardian.objects.bulk_create(
            Guardian(
                child=child,
                full_name=f"Ouder {child.family_name}",
                relation="mother",
                phone="06-00000000",
            )
            for child in children
        )
        return children

    def create_registrations_and_cases(self, network: Network, children) -> list[Case]:
        rng = self.rng
        routes, weights = zip(*ROUTES, strict=True)
        registrations, cases = [], []
        for child in children:
            declined = rng.random() < 0.1
            registrations.append(
                Registration(
                    network=network,
                    route=rng.choices(routes, weights)[0],
                    status=Status.DECLINED if declined else Status.ACCEPTED,
                    received_at=child.received,
                    callback_due_on=child.received.date() + datetime.timedelta(days=14),
                    called_back_at=child.received + datetime.timedelta(days=rng.randint(1, 20)),
                    child_given_name=child.given_name,
                    child_family_name=child.family_name,
                    child_date_of_birth=child.date_of_birth,
                    first_concern_on=child.received.date()
                    - datetime.timedelta(days=rng.randint(14, 300)),
                    municipality=child.municipality,
                    guardians=[],
                    child=None if declined else child,
                )
            )
            if not declined:
                cases.append(
                    Case(
                        network=network,
                        child=child,
                        opened_at=child.received,
                        phase=states.Phase.REGISTERED,
                    )
                )
        Registration.objects.bulk_create(registrations)
        return Case.objects.bulk_create(cases)

    def walk(self, cases: list[Case]) -> None:
        """Move each case through the phases, leaving the rows each step leaves."""
        rng, now = self.rng, self.now
        rows: dict[str, list] = {
            name: []
            for name in (
                "transitions",
                "events",
                "members",
                "intakes",
                "consents",
                "requests",
                "items",
                "closures",
                "hours",
                "follow_ups",
            )
        }
        planned = []
        guardian_of = {guardian.child_id: guardian for guardian in self.guardians}
        for case in cases:
            target = rng.choices(range(len(states.ORDER)), weights=PHASE_WEIGHTS)[0]
            at = case.opened_at
            reached = {}
            for phase_from, phase_to in zip(
                states.ORDER[:target], states.ORDER[1 : target + 1], strict=False
            ):
                at = min(at + datetime.timedelta(days=rng.randint(5, 45)), now)
                reached[phase_to] = at
                self.moved(case, phase_from, phase_to, at, rows)
            case.phase = states.ORDER[target]
            case.closed_at = at if case.phase == states.Phase.CLOSED else None
            coordinator = rng.choice(self.staff[0::3])
            casemanager = rng.choice(self.staff[1::3])
            case.people = [coordinator, casemanager, rng.choice(self.staff[2::3])]
            for user, role in zip(
                case.people,
                [TeamRole.COORDINATOR, TeamRole.CASEMANAGER, TeamRole.MEMBER],
                strict=True,
            ):
                rows["members"].append(TeamMember(case=case, user=user, team_role=role))
            self.add_steps(case, reached, guardian_of[case.child_id], rows, planned)
            if case.phase == states.Phase.CLOSED and rng.random() < FOLLOW_UP_SHARE:
                self.follow_up(case, rows)
        Case.objects.bulk_update(cases, ["phase", "closed_at"], batch_size=BATCH)
        PhaseTransition.objects.bulk_create(rows["transitions"], batch_size=BATCH)
        TimelineEvent.objects.bulk_create(rows["events"], batch_size=BATCH)
        TeamMember.objects.bulk_create(rows["members"], batch_size=BATCH)
        Intake.objects.bulk_create(rows["intakes"], batch_size=BATCH)
        consents = Consent.objects.bulk_create(rows["consents"], batch_size=BATCH)
        ConsentGiving.objects.bulk_create(
            ConsentGiving(
                consent=consent,
                guardian=consent.guardian,
                given_on=consent.given_on,
                recorded_by=consent.recorded_by,
            )
            for consent in consents
        )
        InformationRequest.objects.bulk_create(rows["requests"], batch_size=BATCH)
        FollowUpPlan.objects.bulk_create(rows["follow_ups"], batch_size=BATCH)
        AgendaItem.objects.bulk_create(rows["items"], batch_size=BATCH)
        Closure.objects.bulk_create(rows["closures"], batch_size=BATCH)
        TimeSpent.objects.bulk_create(rows["hours"], batch_size=BATCH)
        self.create_plans(planned)
        refresh_milestones(Case.objects.filter(pk__in=[case.pk for case in cases]))
        self.audit(cases)

    def hours(self, case, person, at, activity: str, hours: str) -> TimeSpent:
        return TimeSpent(
            case=case,
            by=person,
            organisation=self.organisation_of[person.pk],
            on=at.date(),
            activity=activity,
            hours=Decimal(hours),
        )

    def add_steps(self, case, reached: dict, guardian, rows: dict, planned: list) -> None:
        rng = self.rng
        coordinator, casemanager, member = case.people
        # (step, who, what, hours per session, how many sessions)
        for phase, person, activity, hours, sessions in (
            (states.Phase.INTAKE, casemanager, TimeActivity.INTAKE, rng.choice(INTAKE_HOURS), 1),
            (states.Phase.ADVICE, coordinator, TimeActivity.MEETING, "0.75", 1),
            (states.Phase.ADVICE, member, TimeActivity.MEETING, "0.75", 1),
            (states.Phase.EXECUTION, casemanager, TimeActivity.GUIDANCE, "1.5", rng.randint(1, 6)),
        ):
            if phase in reached:
                for _session in range(sessions):
                    rows["hours"].append(self.hours(case, person, reached[phase], activity, hours))
        if states.Phase.INTAKE in reached:
            rows["intakes"].append(
                Intake(
                    case=case,
                    home_visit_on=(reached[states.Phase.INTAKE]).date(),
                    question="Hoe kunnen we ons kind helpen met praten en spelen?",
                )
            )
        if states.Phase.INFORMATION in reached:
            consent = Consent(
                network_id=case.network_id,
                child_id=case.child_id,
                organisation=rng.choice(self.organisations),
                purpose=Purpose.EXCHANGE_INFORMATION,
                given_on=reached[states.Phase.INFORMATION].date(),
                recorded_by=case.people[1],
            )
            consent.guardian = guardian
            rows["consents"].append(consent)
            rows["requests"].append(self.information_request(case, reached, consent))
        if states.Phase.ADVICE in reached:
            rows["items"].append(
                AgendaItem(
                    meeting=self.meeting_on_or_after(reached[states.Phase.MEETING]),
                    case=case,
                    parents_attend=rng.random() < 0.6,
                    discussed_at=reached[states.Phase.ADVICE],
                    conclusion="Logopedie en observatie op de opvang.",
                )
            )
        if states.Phase.EXECUTION in reached:
            planned.append((case, reached[states.Phase.EXECUTION]))
        if case.phase == states.Phase.CLOSED:
            rows["closures"].append(
                Closure(
                    case=case,
                    closed_on=case.closed_at.date(),
                    reason=rng.choice(list(ClosingReason)[:5]),
                    closed_by=case.people[0],
                )
            )

    def moved(self, case, phase_from: str, phase_to: str, at, rows: dict) -> None:
        """The rows a change of phase leaves, as `cases.actions.transition` writes them."""
        rows["transitions"].append(
            PhaseTransition(case=case, from_phase=phase_from, to_phase=phase_to, at=at)
        )
        rows["events"].append(
            TimelineEvent(
                case=case,
                kind=EventKind.PHASE_CHANGED,
                name="phase_changed",
                params={"phase": phase_to},
                at=at,
            )
        )

    def information_request(self, case, reached: dict, consent) -> InformationRequest:
        """Asked when the information phase began; answered if the case moved on since."""
        asked_on = reached[states.Phase.INFORMATION].date()
        answered = states.Phase.MEETING in reached
        return InformationRequest(
            case=case,
            organisation=consent.organisation,
            question="Wat ziet u in de ontwikkeling van het kind?",
            requested_on=asked_on,
            due_on=asked_on + datetime.timedelta(days=ANSWER_DAYS),
            status=RequestStatus.RECEIVED if answered else RequestStatus.REQUESTED,
            answered_on=reached[states.Phase.MEETING].date() if answered else None,
            consent=consent,  # saved before the requests are (bulk_create takes its id then)
            requested_by=case.people[1],
        )

    def follow_up(self, case, rows: dict) -> None:
        """Closed, then kept in long-term follow-up: open again, with its next check-in."""
        at = min(case.closed_at + datetime.timedelta(days=self.rng.randint(0, 14)), self.now)
        self.moved(case, states.Phase.CLOSED, states.Phase.FOLLOW_UP, at, rows)
        case.phase, case.closed_at = states.Phase.FOLLOW_UP, None
        rows["follow_ups"].append(
            FollowUpPlan(
                case=case,
                every_months=6,
                next_check_on=self.now.date() + datetime.timedelta(days=self.rng.randint(-30, 180)),
                reason="Vinger aan de pols tot de overstap naar school.",
            )
        )

    def meeting_on_or_after(self, moment) -> Meeting:
        index = bisect.bisect_left(self.meeting_starts, moment)
        return self.meetings[min(index, len(self.meetings) - 1)]

    def create_plans(self, planned: list) -> None:
        plans = Plan.objects.bulk_create(Plan(case=case) for case, _at in planned)
        versions = PlanVersion.objects.bulk_create(
            PlanVersion(
                plan=plan,
                number=1,
                content={"question": "", "domains": [], "specialists": []},
                pdf="synthetisch.pdf",
                pdf_sha256="0" * 64,
                issued_at=at,
                issued_by=case.people[0],
            )
            for plan, (case, at) in zip(plans, planned, strict=True)
        )
        Discussion.objects.bulk_create(
            Discussion(
                version=version,
                on=(at + datetime.timedelta(days=self.rng.randint(1, 20))).date(),
                how="in_person",
                recorded_by=case.people[1],
            )
            for version, (case, at) in zip(versions, planned, strict=True)
            if self.rng.random() < 0.85
        )
        Arrangement.objects.bulk_create(
            self.arrangement(plan, at)
            for plan, (_case, at) in zip(plans, planned, strict=True)
            if self.rng.random() < ARRANGEMENT_SHARE
        )

    def arrangement(self, plan, at) -> Arrangement:
        """A school arrangement evaluated three months after its start, when that has come."""
        starts_on = at.date()
        evaluate_on = starts_on + datetime.timedelta(days=90)
        evaluated_on = evaluate_on + datetime.timedelta(days=self.rng.randint(0, 20))
        return Arrangement(
            plan=plan,
            setting="Basisschool De Regenboog",
            needs="Ondersteuning bij taal in de klas.",
            agreed_with_parents=True,
            starts_on=starts_on,
            evaluate_on=evaluate_on,
            evaluated_on=evaluated_on if evaluated_on < self.now.date() else None,
        )

    # --- the audit log --------------------------------------------------------------------------

    def audit(self, cases: list[Case]) -> None:
        """Chained audit entries, as the writer would have made them over the years."""
        rng, now, per_case = self.rng, self.now, self.audit_per_case
        key = current_key()
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditChainHead.objects.create(pk=1, sequence=0, last_hash=GENESIS_HASH)
        sequence, previous = head.sequence, head.last_hash
        rows = []
        for case in cases:
            end = case.closed_at or now
            span = max(60, int((end - case.opened_at).total_seconds()))
            for _ in range(rng.randint(per_case // 2, per_case * 3 // 2)):
                user = rng.choice(case.people)
                sequence += 1
                content = {
                    "sequence": sequence,
                    "timestamp": whole_milliseconds(
                        case.opened_at + datetime.timedelta(seconds=rng.randrange(span))
                    ),
                    "user_id": user.pk,
                    "user_label": user.full_name,
                    "responsible_user_id": user.pk,
                    "organisation_label": "",
                    "role": "casemanager",
                    "network_id": case.network_id,
                    "child_id": case.child_id,
                    "action": rng.choice(AUDIT_ACTIONS),
                    "object_type": "case",
                    "object_id": str(case.pk),
                    "grounds": "team",
                    "consent_id": None,
                    "client_address": None,
                    "request_id": "",
                    "details": {},
                }
                hashed = dict(content, timestamp=content["timestamp"].isoformat())
                entry_hash = chain_hash(previous, hashed, key)
                rows.append((*content.values(), key.key_id, previous, entry_hash))
                previous = entry_hash
        self.write_audit(rows)
        AuditChainHead.objects.filter(pk=1).update(sequence=sequence, last_hash=previous)

    def write_audit(self, rows: list[tuple]) -> None:
        if connection.vendor == "postgresql":
            copy_rows(rows)
            return
        AuditEntry.objects.bulk_create(
            (AuditEntry(**dict(zip(COLUMNS, row, strict=True))) for row in rows),
            batch_size=BATCH,
        )
