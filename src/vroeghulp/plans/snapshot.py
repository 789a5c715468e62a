"""What an issued version holds (a snapshot of the plan), and what changed against the last one."""

import difflib

from django.utils import timezone, translation

from vroeghulp.cases.models import Intake
from vroeghulp.children.corrected_age import age_of
from vroeghulp.meetings.models import Participant

from .constants import Domain, ItemStatus
from .models import Plan, PlanVersion


def specialists(case) -> list[dict]:
    """Everyone who took part in the team meetings about this child, with their function."""
    seen, people = set(), []
    for p in Participant.objects.filter(item__case=case).order_by("pk"):
        key = (p.name, p.discipline)
        if key not in seen:
            seen.add(key)
            people.append(
                {
                    "name": p.name,
                    "function": p.get_discipline_display(),
                    "organisation": p.organisation,
                }
            )
    return people


def snapshot(plan: Plan) -> dict:
    case = plan.case
    intake = Intake.objects.filter(case=case).first()
    items = [
        {
            "domain": item.domain,
            "domain_label": str(Domain(item.domain).label),
            "advice": item.advice,
            "who": item.who,
            "by_when": item.by_when,
            # versions issued before items had a date lack these two keys
            "due_on": item.due_on.isoformat() if item.due_on else "",
            "due_on_text": item.due_on.strftime("%d-%m-%Y") if item.due_on else "",
            "status": item.status,
            "status_label": str(ItemStatus(item.status).label),
        }
        for item in plan.items.all()
    ]
    return {
        "network": case.network.name,
        "child": {
            "name": case.child.full_name,
            "date_of_birth": case.child.date_of_birth.isoformat(),
            # the plan is written in Dutch; the age as it was on the day of this version
            "age": _age_in_dutch(case),
        },
        "question": intake.question if intake else "",
        "goals": [goal.text for goal in case.goals.all()],
        "introduction": plan.introduction,
        "domains": grouped(items),
        "specialists": specialists(case),
        "date": timezone.localdate().isoformat(),
    }


def grouped(items: list[dict]) -> list[dict]:
    """Items grouped by domain, in the fixed order of the domains."""
    return [
        {
            "domain": domain.value,
            "label": str(domain.label),
            "items": [i for i in items if i["domain"] == domain],
        }
        for domain in Domain
        if any(i["domain"] == domain for i in items)
    ]


def _lines(content: dict) -> list[str]:
    lines = [f"Inleiding: {content.get('introduction', '')}"] if content.get("introduction") else []
    for group in content.get("domains", []):
        for item in group["items"]:
            parts = (item["who"], item["by_when"], item.get("due_on_text", ""))
            detail = ", ".join(x for x in parts if x)
            lines.append(
                f"{group['label']}: {item['advice']}"
                + (f" ({detail})" if detail else "")
                + f" – {item['status_label']}"
            )
    return lines


def changes(previous: PlanVersion | None, content: dict) -> list[dict]:
    """A readable difference: lines added and removed since the previous version."""
    if previous is None:
        return [{"kind": "new", "text": "Eerste versie"}]
    diff = difflib.ndiff(_lines(previous.content), _lines(content))
    kinds = {"+ ": "added", "- ": "removed"}
    return [{"kind": kinds[line[:2]], "text": line[2:]} for line in diff if line[:2] in kinds]


def _age_in_dutch(case) -> str:
    with translation.override("nl"):
        return str(age_of(case.child, network=case.network))
