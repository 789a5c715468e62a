"""What a case page shows of the child's family in the network: each linked sibling, opened
only where the access policy itself lets the viewer see the sibling's file."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, decide
from vroeghulp.access.queries import visible_children
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.children.families import contact_keys, shared_guardians
from vroeghulp.children.models import Child, FamilyLink
from vroeghulp.children.names import similar

from .models import Case


@dataclass(frozen=True)
class SiblingRow:
    kind: str
    shared_guardians: list
    # Only filled where the policy lets the viewer see the sibling's file.
    given_name: str = ""
    age_years: int | None = None
    case: Case | None = None

    @property
    def visible(self) -> bool:
        return self.case is not None


def _age_years(born: datetime.date, today: datetime.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def siblings_for(case: Case, user) -> list[SiblingRow]:
    """The child's family links as this viewer may see them. A sibling the viewer may not open
    is only a fact (the relation and the guardians this child shares, whom the viewer already
    sees); one the viewer may open shows given name, age and a link, and that read is logged."""
    child = case.child
    links = list(
        FamilyLink.objects.of_child(child).select_related("child", "other_child").order_by("pk")
    )
    if not links:
        return []
    own_guardians = list(child.guardians.all())
    today = timezone.localdate()
    rows, reads = [], []
    for link in links:
        sibling = link.sibling_of(child)
        sibling_guardians = list(sibling.guardians.all())
        shared = shared_guardians(own_guardians, sibling_guardians)
        decision = decide(user, Action.VIEW, sibling)
        if not decision:
            rows.append(SiblingRow(link.get_kind_display(), shared))
            continue
        sibling_case = Case.objects.filter(child=sibling).order_by("-opened_at").first()
        if sibling_case is None:
            rows.append(SiblingRow(link.get_kind_display(), shared))
            continue
        rows.append(
            SiblingRow(
                link.get_kind_display(),
                shared,
                given_name=sibling.given_name,
                age_years=_age_years(sibling.date_of_birth, today),
                case=sibling_case,
            )
        )
        reads.append(
            event_for(user, decision, AuditAction.READ, sibling, link, {"view": "family_link"})
        )
    record_all(reads)
    return rows


def network_coordinators(case: Case) -> list[str]:
    """Whom to ask about a sibling the viewer may not open: the network's coordinators."""
    return list(
        User.objects.filter(
            memberships__network_id=case.network_id,
            memberships__role=Role.COORDINATOR,
            memberships__is_active=True,
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
        .values_list("full_name", flat=True)[:3]
    )


def linkable_children(case: Case, user) -> list[Child]:
    """Children the viewer may already see, of the same network, who look like family (a
    similar family name or a shared parent's contact) and are not linked yet."""
    child = case.child
    linked = {link.sibling_of(child).pk for link in FamilyLink.objects.of_child(child)}
    own_keys = set().union(*(contact_keys(g) for g in child.guardians.all()))
    candidates = (
        visible_children(user)
        .filter(network_id=case.network_id)
        .exclude(pk=child.pk)
        .prefetch_related("guardians")
        .order_by("given_name")[:200]
    )
    return [
        other
        for other in candidates
        if other.pk not in linked
        and (
            similar(other.family_name, child.family_name)
            or own_keys & set().union(*(contact_keys(g) for g in other.guardians.all()))
        )
    ]
