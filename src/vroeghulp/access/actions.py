"""Emergency access: granted only with a reason, for a limited time, always logged."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.cases.models import TimelineEvent
from vroeghulp.children.models import Child

from .auditing import event_for
from .models import EmergencyAccess
from .policy import Decision, care_memberships, preferred_membership

MIN_REASON_LENGTH = 10


def grant_emergency_access(child: Child, *, actor, reason: str) -> EmergencyAccess:
    memberships = care_memberships(actor, child.network_id)
    if not memberships:
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Geef een reden van minstens %(n)d tekens.") % {"n": MIN_REASON_LENGTH}
        )
    now = timezone.now()
    with transaction.atomic():
        grant = EmergencyAccess.objects.create(
            network_id=child.network_id,
            child=child,
            user=actor,
            reason=reason,
            granted_at=now,
            expires_at=now + timedelta(minutes=settings.EMERGENCY_ACCESS_MINUTES),
        )
        for case in child.cases.all():
            TimelineEvent.objects.add(case, "emergency_access", actor=actor, name=actor.full_name)
        decision = Decision(True, Grounds.EMERGENCY, membership=preferred_membership(memberships))
        details = {"expires_at": grant.expires_at.isoformat()}
        record(event_for(actor, decision, AuditAction.EMERGENCY_ACCESS, child, grant, details))
    return grant
