"""Hours spent on a trajectory against the network's hours budget (e.g. 60 hours in Groningen)."""

from dataclasses import dataclass
from decimal import Decimal


def hours_text(hours: Decimal) -> str:
    """1.50 as "1,5", 2.00 as "2": hours as people write them."""
    return f"{hours.normalize():f}".replace(".", ",")


@dataclass(frozen=True)
class Hours:
    total: Decimal
    budget: int | None

    @property
    def total_text(self) -> str:
        return hours_text(self.total)

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.total > self.budget


def against_budget(rows, budget: int | None) -> Hours:
    return Hours(sum((row.hours for row in rows), start=Decimal(0)), budget)
