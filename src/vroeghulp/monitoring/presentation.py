"""Indicator results as people read them, with small numbers suppressed (see suppression.py)."""

import math
from dataclasses import dataclass

from vroeghulp.cases.constants import ClosingReason, DelayReason
from vroeghulp.referrals.constants import Route

from .indicators import INDICATORS, PER_THOUSAND, Result
from .suppression import THRESHOLD, is_small, suppress

TOO_FEW = "te weinig gegevens"
# Breakdowns are stored by code; people read the label.
BREAKDOWN_LABELS = {
    "inflow": dict(Route.choices),
    "outflow": dict(ClosingReason.choices),
    "delays": dict(DelayReason.choices),
}


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


def _share(result: Result) -> tuple[str, str]:
    """A share whose numerator, or its complement, is small is shown as a bound only."""
    numerator, denominator = result.numerator, result.denominator
    bound = math.ceil(THRESHOLD / denominator * 100)
    if is_small(numerator):
        return f"<{bound}%", f"<{THRESHOLD} van {denominator}"
    if is_small(denominator - numerator):
        return f">{100 - bound}%", f">{denominator - THRESHOLD} van {denominator}"
    return _percent(result.share), f"{numerator} van {denominator}"


def _per_thousand(result: Result) -> tuple[str, str]:
    """A rate whose count is small is shown as a bound: the number of children is public."""
    if not result.denominator:
        return "–", ""
    of = f"van {result.denominator} kinderen 0–7"
    if is_small(result.numerator):
        bound = math.ceil(THRESHOLD / result.denominator * 10_000) / 10
        return f"<{bound:g} per 1.000", f"<{THRESHOLD} {of}"
    rate = round(result.numerator / result.denominator * 1000, 1)
    return f"{rate:g} per 1.000", f"{result.numerator} {of}"


def display(unit: str, result: Result) -> tuple[str, str]:
    """The main value and a detail line, never revealing a count below the threshold."""
    if unit == "aantal":
        return (f"<{THRESHOLD}" if is_small(result.count) else str(result.count)), ""
    if unit == "deel":
        if not result.denominator:
            return "–", ""
        if result.denominator < THRESHOLD:
            return TOO_FEW, ""
        return _share(result)
    if unit == PER_THOUSAND:
        return _per_thousand(result)
    if result.n < THRESHOLD:
        return (TOO_FEW if result.n else "–"), ""
    detail = f"80% binnen {result.p80:g} · n = {result.n}"
    if result.within_norm is not None:
        detail += f" · {_percent(result.within_norm)} binnen de norm van {result.norm} {unit}"
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


def comparison(columns: list[tuple[str, list[Row]]]) -> list[dict]:
    """Indicator rows side by side, one column per group (e.g. per organisational model)."""
    if not columns:
        return []
    return [
        {"name": row.name, "unit": row.unit, "values": [table[i].value for _, table in columns]}
        for i, row in enumerate(columns[0][1])
    ]
