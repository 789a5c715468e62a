"""Planning the team meeting, its agenda, participants, findings and conclusions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for, network_event
from vroeghulp.access.policy import Action, coordinator_membership, require
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.cases import states
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.networks.models import Network, TeamTier

from .constants import MeetingPart
from .models import AgendaItem, Finding, Meeting, Participant
from .parts import PART_NOTES


def plan_meeting(
    network: Network,
    *,
    actor,
    starts_at,
    location: str = "",
    tier: str = "",
    team_tier: TeamTier | None = None,
) -> Meeting:
    """A meeting; in a network with team tiers, of one of them (its agenda offers that tier's
    children)."""
    membership = coordinator_membership(actor, network.pk)
    plausible.check(starts_at, plausible.MEETING)
    if team_tier is not None and (team_tier.network_id != network.pk or not team_tier.active):
        raise ValidationError(_("Kies een team van dit netwerk."))
    if team_tier is None and network.tiers.filter(active=True).exists():
        raise ValidationError(_("Kies het team van dit MDO."))
    with transaction.atomic():
        meeting = Meeting.objects.create(
            network=network,
            starts_at=starts_at,
            location=location,
            tier=team_tier.name if team_tier else tier,
            team_tier=team_tier,
            created_by=actor,
        )
        record(network_event(actor, membership, AuditAction.CREATE, meeting))
    return meeting


def add_to_agenda(
    meeting: Meeting, *, actor, case: Case, parents_attend: bool | None
) -> AgendaItem:
    coordinator_membership(actor, meeting.network_id)
    decision = require(actor, Action.EDIT, case.child)
    if case.network_id != meeting.network_id or not states.is_open(case.phase):
        raise ValidationError(_("Dit traject kan niet op deze agenda."))
    if meeting.items.filter(case=case).exists():
        raise ValidationError(_("Dit kind staat al op de agenda."))
    if meeting.team_tier_id and case.team_tier_id != meeting.team_tier_id:
        raise ValidationError(
            _("Dit kind wordt besproken door een ander team; kies het team eerst in het dossier.")
        )
    registered = plausible.registration(case.opened_at).day
    if plausible.local_day(meeting.starts_at) < registered:
        # a meeting entered afterwards cannot have discussed a child not yet registered
        raise ValidationError(
            _("Dit MDO was voor de aanmelding van dit kind (%(day)s).")
            % {"day": f"{registered:%d-%m-%Y}"}
        )
    with transaction.atomic():
        last = meeting.items.aggregate(last=Max("position"))["last"]
        item = AgendaItem.objects.create(
            meeting=meeting,
            case=case,
            position=(last or 0) + 1,
            parents_attend=parents_attend,
            # the network's way: the team first without the parents, then with them
            discussed_without_parents_first=meeting.network.pre_discussion_without_parents,
        )
        day = timezone.localtime(meeting.starts_at).date()
        TimelineEvent.objects.add(case, "meeting_scheduled", actor=actor, date=day)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, item))
    return item


def set_parents_attendance(item: AgendaItem, *, actor, attend: bool) -> AgendaItem:
    """The parents' own choice, recorded for them."""
    decision = require(actor, Action.EDIT, item.case.child)
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        locked.parents_attend = attend
        locked.version += 1
        locked.save(update_fields=["parents_attend", "version"])
        record(event_for(actor, decision, AuditAction.UPDATE, item.case.child, locked))
    return locked


def add_participant(
    item: AgendaItem,
    *,
    actor,
    user=None,
    name: str = "",
    discipline: str,
    organisation: str = "",
    part: str = "",
) -> Participant:
    decision = require(actor, Action.EDIT, item.case.child)
    part = _part(item, part, whole_allowed=True)
    if user is not None:
        name = user.full_name
    if not name.strip():
        raise ValidationError(_("Vul een naam in."))
    with transaction.atomic():
        participant = Participant.objects.create(
            item=item,
            user=user,
            name=name.strip(),
            discipline=discipline,
            organisation=organisation,
            part=part,
        )
        record(event_for(actor, decision, AuditAction.CREATE, item.case.child, participant))
    return participant


def add_finding(item: AgendaItem, *, actor, discipline: str, text: str, part: str = "") -> Finding:
    """A discipline's findings; in a two-part discussion, of the part they were told in (the
    parents see only those of the part with them)."""
    decision = require(actor, Action.EDIT, item.case.child)
    if not text.strip():
        raise ValidationError(_("Schrijf de bevindingen op."))
    part = _part(item, part, whole_allowed=False)
    with transaction.atomic():
        finding = Finding.objects.create(
            item=item, discipline=discipline, text=text.strip(), author=actor, part=part
        )
        record(event_for(actor, decision, AuditAction.CREATE, item.case.child, finding))
    return finding


def record_part_notes(
    item: AgendaItem, *, actor, part: str, notes: str, version: int
) -> AgendaItem:
    """The notes of one part of a two-part discussion: part 1 (the team without the parents)
    stays among professionals; part 2 (with the parents) is shown to them in the portal."""
    decision = require(actor, Action.EDIT, item.case.child)
    part = _part(item, part, whole_allowed=False)
    if not part:
        raise ValidationError(_("Deze bespreking heeft geen twee delen."))
    field = PART_NOTES[part]
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if locked.version != version:
            raise StaleVersionError
        setattr(locked, field, notes.strip())
        locked.version += 1
        locked.save(update_fields=[field, "version"])
        record(
            event_for(actor, decision, AuditAction.UPDATE, item.case.child, locked, {"part": part})
        )
    return locked


def _part(item: AgendaItem, part: str, *, whole_allowed: bool) -> str:
    """The part a finding or participant belongs to: one of the two in a two-part discussion
    (a participant may be at both: blank), none otherwise."""
    if not item.discussed_without_parents_first:
        return ""
    if part in MeetingPart.values or (whole_allowed and part == ""):
        return part
    raise ValidationError(_("Kies het deel van de bespreking."))


def conclude(
    item: AgendaItem,
    *,
    actor,
    version: int,
    conclusion: str,
    further_diagnostics: str = "",
    specialised_centre: str = "",
) -> AgendaItem:
    """Record what the team concluded; the child now counts as discussed by the team."""
    decision = require(actor, Action.EDIT, item.case.child)
    if not conclusion.strip():
        raise ValidationError(_("Schrijf de conclusie op."))
    if item.meeting.starts_at > timezone.now():
        raise ValidationError(_("Dit MDO heeft nog niet plaatsgevonden."))
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if locked.version != version:
            raise StaleVersionError
        locked.conclusion = conclusion.strip()
        locked.further_diagnostics = further_diagnostics.strip()
        locked.specialised_centre = specialised_centre.strip()
        locked.discussed_at = locked.discussed_at or timezone.now()
        locked.version += 1
        locked.save(
            update_fields=[
                "conclusion",
                "further_diagnostics",
                "specialised_centre",
                "discussed_at",
                "version",
            ]
        )
        refresh_milestones(Case.objects.filter(pk=locked.case_id), fields=["first_meeting_on"])
        # the team has concluded: the trajectory may move on to advice (cases.states)
        Case.objects.filter(pk=locked.case_id).update(meeting_concluded_at=locked.discussed_at)
        if locked.specialised_centre:
            TimelineEvent.objects.add(
                item.case,
                "meeting_discussed_referred",
                actor=actor,
                centre=locked.specialised_centre,
            )
        else:
            TimelineEvent.objects.add(item.case, "meeting_discussed", actor=actor)
        record(event_for(actor, decision, AuditAction.UPDATE, item.case.child, locked))
    return locked
