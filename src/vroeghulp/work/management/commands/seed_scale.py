"""Synthetic data at national scale for benchmarks: networks, children, trajectories, audit log.

Bulk inserts in batches with progress; deterministic per --seed. Not for production databases.
Distributions follow domain.md: most children found between 0 and 3, referral sources weighted
towards youth health care, phase durations of weeks, about a fifth closed, some declined.
"""

import datetime
import random
import time
import uuid

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.audit.models import GENESIS_HASH, AuditChainHead, AuditEntry
from vroeghulp.cases import states
from vroeghulp.cases.constants import EventKind, TeamRole
from vroeghulp.cases.models import Case, PhaseTransition, TeamMember, TimelineEvent
from vroeghulp.children.models import Child, Guardian
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.models import Municipality, Network, Organisation
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration

BATCH = 2000
GIVEN_NAMES = ["Emma", "Noah", "Sem", "Julia", "Liv", "Finn", "Sara", "Adam"]
CHILDREN_PER_NETWORK = 2500
ROUTES = [
    (Route.PHONE, 40),
    (Route.CJG_FRONT_OFFICE, 20),
    (Route.REFERRER, 25),
    (Route.PUBLIC_FORM, 10),
    (Route.NEIGHBOURHOOD_TEAM, 5),
]


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
        with transaction.atomic():
            networks = self.networks(max(1, children // CHILDREN_PER_NETWORK))
            for index, network in enumerate(networks):
                share = children // len(networks) + (1 if index < children % len(networks) else 0)
                self.fill(network, share, audit_per_case)
        self.progress(f"done: {children} children")

    def progress(self, message: str) -> None:
        self.stdout.write(f"[{time.monotonic() - self.started:7.1f}s] {message}")

    def networks(self, count: int) -> list[Network]:
        suffix = uuid.uuid4().hex[:6]
        networks = Network.objects.bulk_create(
            Network(slug=f"schaal-{suffix}-{n}", name=f"Schaalregio {n}") for n in range(count)
        )
        self.progress(f"{count} networks")
        return networks

    def fill(self, network: Network, count: int, audit_per_case: int) -> None:
        rng = self.rng
        municipalities = Municipality.objects.bulk_create(
            Municipality(
                network=network,
                cbs_code=f"GM{n:04d}",
                name=f"Gemeente {network.pk}-{n}",
                children_0_7=rng.randint(800, 20000),
            )
            for n in range(6)
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(network=network, name=f"{kind.label} {network.pk}", kind=kind)
            for kind in list(OrganisationKind)[:8]
        )
        staff = User.objects.bulk_create(
            User(
                email=f"p{network.pk}-{n}@schaal.invalid",
                full_name=f"Professional {n}",
                password=UNUSABLE_PASSWORD_PREFIX,
            )
            for n in range(30)
        )
        Membership.objects.bulk_create(
            Membership(
                user=user,
                network=network,
                organisation=organisations[n % 8],
                role=[Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER][n % 3],
            )
            for n, user in enumerate(staff)
        )
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            self.batch(network, municipalities, staff, size, audit_per_case)
            self.progress(f"{network.slug}: {start + size}/{count} children")

    def batch(self, network, municipalities, staff, size: int, audit_per_case: int) -> None:
        rng, now = self.rng, self.now
        children = []
        for _ in range(size):
            received = now - datetime.timedelta(days=rng.randint(0, 365 * self.years))
            born = received.date() - datetime.timedelta(days=int(rng.triangular(60, 2900, 500)))
            children.append(
                Child(
                    network=network,
                    given_name=rng.choice(GIVEN_NAMES),
                    family_name=f"Kind{rng.randint(1, 10**6)}",
                    date_of_birth=born,
                    municipality=rng.choice(municipalities),
                )
            )
            children[-1]._received = received
        Child.objects.bulk_create(children)
        Guardian.objects.bulk_create(
            Guardian(
                child=child,
                full_name=f"Ouder {child.family_name}",
                relation="mother",
                phone="06-00000000",
            )
            for child in children
        )
        routes, weights = zip(*ROUTES, strict=True)
        registrations, cases = [], []
        for child in children:
            declined = rng.random() < 0.1
            registrations.append(
                Registration(
                    network=network,
                    route=rng.choices(routes, weights)[0],
                    status=Status.DECLINED if declined else Status.ACCEPTED,
                    received_at=child._received,
                    callback_due_on=child._received.date() + datetime.timedelta(days=14),
                    called_back_at=child._received + datetime.timedelta(days=rng.randint(1, 20)),
                    child_given_name=child.given_name,
                    child_family_name=child.family_name,
                    child_date_of_birth=child.date_of_birth,
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
                        opened_at=child._received,
                        phase=states.Phase.REGISTERED,
                    )
                )
        Registration.objects.bulk_create(registrations)
        Case.objects.bulk_create(cases)
        self.walk(cases, staff, audit_per_case)

    def walk(self, cases, staff, audit_per_case: int) -> None:
        rng, now = self.rng, self.now
        transitions, events, members, audit = [], [], [], []
        for case in cases:
            target = rng.choices(range(len(states.ORDER)), weights=[3, 6, 8, 6, 6, 20, 8, 25])[0]
            at = case.opened_at
            for phase_from, phase_to in zip(
                states.ORDER[:target], states.ORDER[1 : target + 1], strict=False
            ):
                at = min(at + datetime.timedelta(days=rng.randint(5, 45)), now)
                transitions.append(
                    PhaseTransition(case=case, from_phase=phase_from, to_phase=phase_to, at=at)
                )
                events.append(
                    TimelineEvent(
                        case=case, kind=EventKind.PHASE_CHANGED, at=at, summary=f"Fase: {phase_to}"
                    )
                )
            case.phase = states.ORDER[target]
            case.closed_at = at if case.phase == states.Phase.CLOSED else None
            members.append(
                TeamMember(case=case, user=rng.choice(staff[0::3]), team_role=TeamRole.COORDINATOR)
            )
            members.append(
                TeamMember(case=case, user=rng.choice(staff[1::3]), team_role=TeamRole.CASEMANAGER)
            )
            audit.extend(
                (case, staff)
                for _ in range(rng.randint(audit_per_case // 2, audit_per_case * 3 // 2))
            )
        Case.objects.bulk_update(cases, ["phase", "closed_at"], batch_size=BATCH)
        PhaseTransition.objects.bulk_create(transitions, batch_size=BATCH)
        TimelineEvent.objects.bulk_create(events, batch_size=BATCH)
        TeamMember.objects.bulk_create(members, batch_size=BATCH)
        self.audit(audit)

    def audit(self, pairs) -> None:
        """Chained audit entries, as the writer would have made them over the years."""
        rng = self.rng
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditChainHead.objects.create(pk=1, sequence=0, last_hash=GENESIS_HASH)
        entries = []
        for case, staff in pairs:
            user = rng.choice(staff)
            moment = case.opened_at + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 300))
            entry = AuditEntry(
                sequence=head.sequence + 1,
                timestamp=min(moment, self.now),
                user_id=user.pk,
                user_label=user.full_name,
                responsible_user_id=user.pk,
                role="casemanager",
                network_id=case.network_id,
                child_id=case.child_id,
                action="read",
                object_type="case",
                object_id=str(case.pk),
                grounds="team",
                previous_hash=head.last_hash,
            )
            entry.entry_hash = entry.compute_hash()
            head.sequence, head.last_hash = entry.sequence, entry.entry_hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
        head.save(update_fields=["sequence", "last_hash"])
