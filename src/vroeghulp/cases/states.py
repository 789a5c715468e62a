"""The phases of a trajectory and the allowed transitions between them, as data.

Nothing else in the code compares phase values: ask this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import TeamRole


class Phase(models.TextChoices):
    REGISTERED = "registered", _("Aangemeld")
    INTAKE = "intake", _("Intake")
    INFORMATION = "information", _("Informatieverzameling")
    MEETING = "meeting", _("MDO")
    ADVICE = "advice", _("Advies")
    EXECUTION = "execution", _("Uitvoering")
    EVALUATION = "evaluation", _("Evaluatie")
    CLOSED = "closed", _("Afgesloten")
    FOLLOW_UP = "follow_up", _("Langdurige trajectbegeleiding")


ORDER = [
    Phase.REGISTERED,
    Phase.INTAKE,
    Phase.INFORMATION,
    Phase.MEETING,
    Phase.ADVICE,
    Phase.EXECUTION,
    Phase.EVALUATION,
    Phase.CLOSED,
]

CASE_LEADS = frozenset({TeamRole.COORDINATOR, TeamRole.CASEMANAGER})

# (from, to) -> team roles that may make the move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (Phase.REGISTERED, Phase.INTAKE): frozenset({TeamRole.COORDINATOR}),
    (Phase.REGISTERED, Phase.CLOSED): frozenset({TeamRole.COORDINATOR}),
    (Phase.INTAKE, Phase.INFORMATION): CASE_LEADS,
    (Phase.INFORMATION, Phase.MEETING): CASE_LEADS,
    (Phase.MEETING, Phase.ADVICE): frozenset({TeamRole.COORDINATOR}),
    (Phase.MEETING, Phase.INFORMATION): frozenset({TeamRole.COORDINATOR}),
    (Phase.ADVICE, Phase.EXECUTION): CASE_LEADS,
    (Phase.ADVICE, Phase.MEETING): frozenset({TeamRole.COORDINATOR}),
    (Phase.EXECUTION, Phase.EVALUATION): CASE_LEADS,
    (Phase.EVALUATION, Phase.EXECUTION): CASE_LEADS,
    (Phase.EVALUATION, Phase.CLOSED): CASE_LEADS,
    (Phase.CLOSED, Phase.FOLLOW_UP): CASE_LEADS,
    # Reopening a closed file: explicit, with a reason (cases.actions.reopen).
    (Phase.CLOSED, Phase.EXECUTION): CASE_LEADS,
    (Phase.FOLLOW_UP, Phase.INTAKE): CASE_LEADS,
    (Phase.FOLLOW_UP, Phase.CLOSED): CASE_LEADS,
}
# Any open phase may be closed early (parents stop, family moves away).
for _phase in ORDER[1:-1]:
    TRANSITIONS.setdefault((_phase, Phase.CLOSED), CASE_LEADS)

OPEN_PHASES = frozenset(set(Phase) - {Phase.CLOSED})
TRIAGE_PHASES = frozenset({Phase.REGISTERED})
# Accepted and not closed: every such child is to be discussed by the core team at least once.
MEETING_DUE_PHASES = frozenset(OPEN_PHASES - {Phase.FOLLOW_UP})
# A child the team discussed before goes on a later agenda while its trajectory is in the meeting
# phase again (back from further diagnostics).
AGENDA_AGAIN_PHASES = frozenset({Phase.MEETING})


# Advice follows a team meeting's conclusion; a network may allow it without (with a reason).
NEEDS_CONCLUSION = frozenset({(Phase.MEETING, Phase.ADVICE)})
# Moves that must say why.
NEEDS_REASON = frozenset({(Phase.CLOSED, Phase.EXECUTION), (Phase.MEETING, Phase.INFORMATION)})
# Going back for more information or diagnostics: the next advice needs a new conclusion.
CLEARS_CONCLUSION = frozenset({Phase.INFORMATION, Phase.INTAKE})


# A network that allows advice without a team meeting (Network.advice_without_meeting): the
# trajectbegeleider or coordinator moves to advice from these phases, with the parents' agreement.
ADVICE_WITHOUT_MEETING = frozenset(
    {(Phase.INFORMATION, Phase.ADVICE), (Phase.MEETING, Phase.ADVICE)}
)
WITHOUT_MEETING_ROLES = CASE_LEADS


def advice_may_skip_meeting(from_phase: str, to_phase: str) -> bool:
    return (from_phase, to_phase) in ADVICE_WITHOUT_MEETING


def may_advise_without_meeting(team_role: str | None) -> bool:
    return team_role in WITHOUT_MEETING_ROLES


def offers_advice_without_meeting(phase: str) -> bool:
    """Whether the case page offers the move (the action still checks everything)."""
    return (phase, Phase.ADVICE) in ADVICE_WITHOUT_MEETING


def needs_conclusion(from_phase: str, to_phase: str) -> bool:
    return (from_phase, to_phase) in NEEDS_CONCLUSION


def needs_reason(from_phase: str, to_phase: str) -> bool:
    return (from_phase, to_phase) in NEEDS_REASON


def clears_conclusion(to_phase: str) -> bool:
    return to_phase in CLEARS_CONCLUSION


def may_start_follow_up(phase: str) -> bool:
    return phase == Phase.CLOSED


def in_follow_up(phase: str) -> bool:
    return phase == Phase.FOLLOW_UP


FOLLOW_UP_PHASES = frozenset({Phase.FOLLOW_UP})
# The parents' closing questionnaire comes once the trajectory has ended.
ENDED_PHASES = frozenset({Phase.CLOSED, Phase.FOLLOW_UP})


def has_ended(phase: str) -> bool:
    return phase in ENDED_PHASES


def is_editable(phase: str) -> bool:
    """A closed file is read-only until it is reopened."""
    return phase != Phase.CLOSED


def can_move(from_phase: str, to_phase: str, team_role: str | None) -> bool:
    return team_role in TRANSITIONS.get((from_phase, to_phase), frozenset())


def next_phases(from_phase: str, team_role: str | None = None) -> list[str]:
    """Phases reachable from `from_phase`; with a team role, only the moves that role may make."""
    return [
        to
        for (start, to), roles in TRANSITIONS.items()
        if start == from_phase and (team_role is None or team_role in roles)
    ]


def awaits_triage(phase: str) -> bool:
    return phase in TRIAGE_PHASES


def is_open(phase: str) -> bool:
    return phase in OPEN_PHASES
