"""Recording a self-assessment of the network (no child data: aggregates about the network)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.access.auditing import network_event
from vroeghulp.access.policy import coordinator_membership
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.networks.models import Network

from .models import BlockScore, BuildingBlock, SelfAssessment


def record_self_assessment(
    network: Network, *, actor, measured_on, scores: dict[int, tuple[int, str]]
) -> SelfAssessment:
    """`scores` maps each building block to (score 1–5, notes); the first one is the baseline."""
    membership = coordinator_membership(actor, network.pk)
    if measured_on > timezone.localdate():
        raise ValidationError(_("De meting kan niet in de toekomst liggen."))
    if set(scores) != set(BuildingBlock.values):
        raise ValidationError(_("Geef een score voor elke bouwsteen."))
    with transaction.atomic():
        assessment = SelfAssessment.objects.create(
            network=network,
            measured_on=measured_on,
            is_baseline=not network.self_assessments.exists(),
            created_by=actor,
        )
        BlockScore.objects.bulk_create(
            BlockScore(assessment=assessment, block=block, score=score, notes=notes.strip())
            for block, (score, notes) in sorted(scores.items())
        )
        record(network_event(actor, membership, AuditAction.CREATE, assessment))
    return assessment
