"""Turns an access decision into the audit event that records it."""

from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import AuditEvent
from vroeghulp.cbplus.models import Participant
from vroeghulp.children.models import Child

from .policy import (
    CARE_ROLES,
    CONSULT_PARTICIPANT_ROLES,
    Action,
    Decision,
    cbplus_memberships,
    decide_registration,
    preferred_membership,
)


def event_for(
    user,
    decision: Decision,
    audit_action: str,
    child: Child,
    obj=None,
    details: dict | None = None,
) -> AuditEvent:
    return AuditEvent(
        action=audit_action,
        network_id=child.network_id,
        user=user,
        child_id=child.pk,
        object_type=obj._meta.model_name if obj is not None else "child",
        object_id=str(obj.pk if obj is not None else child.pk),
        grounds=decision.grounds,
        consent_id=decision.consent_id,
        role=decision.role,
        organisation_label=decision.organisation_label,
        details=details or {},
    )


def listing_events(user, cases, audit_action: str, view: str) -> list[AuditEvent]:
    """One entry per child shown in a list; `cases` come from `visible_cases` (annotated)."""
    memberships = {}
    for membership in user.active_memberships():
        if membership.role in CARE_ROLES:
            current = memberships.get(membership.network_id)
            memberships[membership.network_id] = (
                preferred_membership([current, membership]) if current else membership
            )
    events = []
    for case in cases:
        membership = memberships.get(case.network_id)
        grounds = (
            Grounds.TEAM_MEMBERSHIP
            if case.on_team
            else Grounds.EMERGENCY
            if case.via_emergency
            else Grounds.TRIAGE
        )
        decision = Decision(True, grounds, membership=membership)
        events.append(event_for(user, decision, audit_action, case.child, case, {"view": view}))
    return events


def parent_events(user, cases, view: str) -> list[AuditEvent]:
    decision = Decision(True, Grounds.PARENT)
    return [event_for(user, decision, AuditAction.READ, c.child, c, {"view": view}) for c in cases]


def registration_event(
    user, decision: Decision, audit_action: str, registration, details: dict | None = None
) -> AuditEvent:
    return AuditEvent(
        action=audit_action,
        network_id=registration.network_id,
        user=user,
        child_id=registration.child_id,
        object_type="registration",
        object_id=str(registration.pk),
        grounds=decision.grounds,
        consent_id=decision.consent_id,
        role=decision.role,
        organisation_label=decision.organisation_label,
        details=details or {},
    )


def network_event(user, membership, audit_action: str, obj) -> AuditEvent:
    """An entry about the network's own work (a meeting, a self-assessment): no child involved."""
    return AuditEvent(
        action=audit_action,
        network_id=membership.network_id,
        user=user,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        role=membership.role,
        organisation_label=membership.organisation.name,
    )


def registration_listing_events(user, registrations, view: str) -> list[AuditEvent]:
    """One read entry per registration shown in a list, on the grounds the policy gives."""
    return [
        registration_event(
            user, decide_registration(user, Action.VIEW, r), AuditAction.READ, r, {"view": view}
        )
        for r in registrations
    ]


def consult_listing_events(user, consults, view: str) -> list[AuditEvent]:
    """One read entry per CB-plus consult in a list (from `visible_consults`), on the grounds
    `decide_consult` gives, with one query for the participations instead of one per row."""
    memberships = user.active_memberships()
    clinics = {m.organisation_id: m for m in cbplus_memberships(user)}
    took_part = set(
        Participant.objects.filter(user=user, consult__in=consults).values_list(
            "consult_id", flat=True
        )
    )
    events = []
    for consult in consults:
        in_network = [
            m
            for m in memberships
            if m.network_id == consult.network_id and m.role in CONSULT_PARTICIPANT_ROLES
        ]
        if consult.organisation_id in clinics:
            decision = Decision(True, Grounds.CBPLUS, membership=clinics[consult.organisation_id])
        elif consult.pk in took_part and in_network:
            decision = Decision(True, Grounds.CBPLUS, membership=in_network[0])
        else:
            care = [m for m in in_network if m.role in CARE_ROLES]
            grounds = Grounds.TEAM_MEMBERSHIP if consult.registration.child_id else Grounds.TRIAGE
            decision = Decision(
                True, grounds, membership=preferred_membership(care) if care else None
            )
        events.append(
            event_for(user, decision, AuditAction.READ, consult.child, consult, {"view": view})
        )
    return events
