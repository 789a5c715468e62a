"""Indicator results as people read them, with small numbers suppressed (see suppression.py)."""

from dataclasses import dataclass

from vroeghulp.cases.constants import ClosingReason
from vroeghulp.referrals.constants import Route

from .indicators import INDICATORS, Result
from .suppression import THRESHOLD, is_small, suppress

TOO_FEW = "te weinig gegevens"
# Breakdowns are stored by code; people read the label.
BREAKDOWN_LABELS = {"inflow": dict(Route.choices), "outflow": dict(ClosingReason.choices)}


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    explanation: str
    unit: str
    value: str
    detail: str
    breakdown: list
    previous: str = ""


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def display(unit: str, result: Result) -> tuple[str, str]:
    """The main value and a detail line, never revealing a count below the threshold."""
    if unit == "aantal":
        return (f"<{THRESHOLD}" if is_small(result.count) else str(result.count)), ""
    if unit == "deel":
        if not result.denominator:
            return "–", ""
        if result.denominator < THRESHOLD:
            return TOO_FEW, ""
        numerator = f"<{THRESHOLD}" if is_small(result.numerator) else str(result.numerator)
        return _percent(result.share), f"{numerator} van {result.denominator}"
    if result.n < THRESHOLD:
        return (TOO_FEW if result.n else "–"), ""
    detail = f"80% binnen {result.p80:g} · n = {result.n}"
    if result.within_norm is not None:
        detail += f" · {_percent(result.within_norm)} binnen de norm van {result.norm} dagen"
    return f"mediaan {result.median:g} {unit}", detail


def rows(results: dict[str, Result], previous: dict[str, Result] | None = None) -> list[Row]:
    table = []
    for indicator in INDICATORS:
        result = results[indicator.key]
        value, detail = display(indicator.unit, result)
        before = display(indicator.unit, previous[indicator.key])[0] if previous else ""
        labels = BREAKDOWN_LABELS.get(indicator.key, {})
        named = sorted((str(labels.get(k, k)), v) for k, v in result.breakdown.items())
        breakdown = suppress(named) if named else []
        table.append(
            Row(
                indicator.key,
                indicator.name,
                indicator.explanation,
                indicator.unit,
                value,
                detail,
                breakdown,
                before,
            )
        )
    return table
