"""A discussion in two parts (`Network.pre_discussion_without_parents`): first the team without
the parents, then with them. What belongs to which part, and what the parents may see of it."""

from .constants import MeetingPart
from .models import AgendaItem

PART_NOTES = {
    MeetingPart.WITHOUT_PARENTS: "notes_without_parents",
    MeetingPart.WITH_PARENTS: "notes_with_parents",
}


def discussion_parts(item: AgendaItem, participants, findings) -> list[dict]:
    """Each part with who was there, its findings and its notes (the parents are there only
    in part 2). Empty for a discussion in one part."""
    if not item.discussed_without_parents_first:
        return []
    return [
        {
            "part": part,
            "label": label,
            "with_parents": part == MeetingPart.WITH_PARENTS,
            "participants": [p for p in participants if p.part in ("", part)],
            "findings": [f for f in findings if f.part == part],
            "notes": getattr(item, PART_NOTES[part]),
        }
        for part, label in MeetingPart.choices
    ]


def for_parents(item: AgendaItem, participants, findings) -> dict:
    """What the parents read of a concluded discussion: the conclusion, and in a two-part
    discussion only part 2 (never the team's notes and findings without them)."""
    if item.discussed_without_parents_first:
        part = MeetingPart.WITH_PARENTS
        participants = [p for p in participants if p.part in ("", part)]
        findings = [f for f in findings if f.part == part]
        notes = item.notes_with_parents
    else:
        notes = ""
    return {
        "date": item.meeting.starts_at,
        "conclusion": item.conclusion,
        "further_diagnostics": item.further_diagnostics,
        "specialised_centre": item.specialised_centre,
        "participants": participants,
        "findings": findings,
        "notes": notes,
    }


def discussions_for_parents(case) -> list[dict]:
    """The team's concluded discussions of a trajectory as the parents read them (portal and
    data download)."""
    items = (
        AgendaItem.objects.filter(case=case, discussed_at__isnull=False)
        .select_related("meeting")
        .prefetch_related("participants", "findings")
        .order_by("meeting__starts_at")
    )
    return [
        for_parents(item, list(item.participants.all()), list(item.findings.all()))
        for item in items
    ]
