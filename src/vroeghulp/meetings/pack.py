"""The meeting pack: one child's file as the team needs it at the meeting (MDO).

The parents' question, what was known before the trajectory, the intake, the information asked
and received, and the documents: read through the access decision, so an item from another
organisation appears only under the parents' consent for it.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from vroeghulp.access.policy import Decision, readable_items
from vroeghulp.cases.earlier_findings import KnownBefore, known_before
from vroeghulp.cases.models import Document, Goal, InformationRequest, Intake, Note
from vroeghulp.children.corrected_age import ChildAge, age_of
from vroeghulp.pdf_pages import html_to_pdf

from .models import AgendaItem
from .parts import discussion_parts


@dataclass
class MeetingPack:
    item: AgendaItem
    intake: Intake | None
    goals: list[Goal]
    known: KnownBefore
    requests: list[InformationRequest]
    documents: list[Document]
    notes: list[Note]
    # on the day of the meeting, with the corrected age for a child born too early
    age: ChildAge
    # a discussion in two parts (the team first without the parents): what each part holds
    parts: list[dict]


def meeting_pack(item: AgendaItem, decision: Decision) -> MeetingPack:
    case = item.case
    child = case.child
    return MeetingPack(
        item=item,
        intake=Intake.objects.filter(case=case).first(),
        goals=list(case.goals.all()),
        known=known_before(case),
        requests=list(case.information_requests.select_related("organisation")),
        documents=readable_items(
            decision, child, case.documents.select_related("source_organisation")
        ),
        notes=readable_items(
            decision, child, case.notes.select_related("author", "source_organisation")
        ),
        age=age_of(child, timezone.localdate(item.meeting.starts_at)),
        parts=discussion_parts(
            item, list(item.participants.all()), list(item.findings.select_related("author"))
        ),
    )


def render_pack_pdf(pack: MeetingPack) -> bytes:
    """The pack on paper, for a team member who reads it before the meeting."""
    return html_to_pdf(render_to_string("meetings/pack_document.html", {"pack": pack}))
