"""Destroying what has outlived its retention period: all of it, files included, and logged."""

from django.db import transaction

from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import AuditEvent, record
from vroeghulp.cases.models import Case, Document
from vroeghulp.cbplus.models import Consult
from vroeghulp.children.models import Child
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.plans.models import Discussion, ParentReaction, PlanVersion, Share
from vroeghulp.referrals.models import Registration

from .rules import due_children, due_consult_children, due_registrations


def destroy_child_file(child: Child) -> bool:
    """Everything about the child, if it is still due when locked; False when it is not."""
    with transaction.atomic():
        child = Child.objects.select_for_update().filter(pk=child.pk).first()
        if child is None or not (
            due_children(child.network).filter(pk=child.pk).exists()
            or due_consult_children(child.network).filter(pk=child.pk).exists()
        ):
            return False
        cases = list(Case.objects.filter(child=child))
        versions = PlanVersion.objects.filter(plan__case__in=cases)
        files = [d.file for d in Document.objects.filter(case__in=cases)]
        files += [v.pdf for v in versions]
        for dependent in (Discussion, ParentReaction, Share):
            dependent.objects.filter(version__in=versions).delete()
        versions.destroy_with_the_file()
        AgendaItem.objects.filter(case__in=cases).delete()
        Case.objects.filter(pk__in=[c.pk for c in cases]).delete()
        Consult.objects.filter(child=child).delete()
        Registration.objects.filter(child=child).delete()
        network_id, child_id = child.network_id, child.pk
        child.delete()
        record(
            AuditEvent(
                action=AuditAction.DELETE,
                network_id=network_id,
                child_id=child_id,
                object_type="child",
                grounds=Grounds.RETENTION,
                details={"trajectories": len(cases), "files": len(files)},
            )
        )
        transaction.on_commit(lambda: _remove(files))
    return True


def destroy_registration(registration: Registration) -> None:
    with transaction.atomic():
        found = due_registrations(registration.network).filter(pk=registration.pk).delete()[0]
        if found:
            record(
                AuditEvent(
                    action=AuditAction.DELETE,
                    network_id=registration.network_id,
                    object_type="registration",
                    object_id=str(registration.pk),
                    grounds=Grounds.RETENTION,
                )
            )


def _remove(files) -> None:
    for stored in files:
        if stored.name:
            stored.storage.delete(stored.name)
