"""Small counts are suppressed, so no figure points at an individual child.

Primary suppression hides counts from 1 to THRESHOLD - 1. When exactly one cell of a table is
hidden, the total would give it away, so the smallest other non-zero cell is hidden as well
(secondary suppression).
"""

from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True)
class Cell:
    label: str
    count: int
    suppressed: bool

    @property
    def shown(self) -> str:
        return f"<{THRESHOLD}" if self.suppressed else str(self.count)


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def suppress(rows: list[tuple[str, int]]) -> list[Cell]:
    hidden = {index for index, (_, count) in enumerate(rows) if is_small(count)}
    if len(hidden) == 1:
        candidates = [
            (count, index)
            for index, (_, count) in enumerate(rows)
            if index not in hidden and count > 0
        ]
        if candidates:
            hidden.add(min(candidates)[1])
    return [Cell(label, count, index in hidden) for index, (label, count) in enumerate(rows)]
