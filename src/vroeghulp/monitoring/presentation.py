"""Indicator results as people read them: every count as its band (see suppression.py)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy

from vroeghulp.cases.constants import ClosingReason, DelayReason
from vroeghulp.referrals.constants import DeclineKind, Route

from .indicators import INDICATORS, PER_THOUSAND, Result
from .suppression import THRESHOLD, band, cells, percent_range, rate_range, shown

TOO_FEW = gettext_lazy("te weinig gegevens")
# An indicator's unit is a key (display() chooses by it); people read its label.
UNIT_LABELS = {
    "aantal": gettext_lazy("aantal"),
    "deel": gettext_lazy("deel"),
    "jaren": gettext_lazy("jaren"),
    "dagen": gettext_lazy("dagen"),
    "uren": gettext_lazy("uren"),
    PER_THOUSAND: gettext_lazy("per 1.000"),
}
# Breakdowns are stored by code; people read the label. Every category is listed, the empty
# ones too: one left out would tell that the categories shown are not empty.
BREAKDOWN_LABELS = {
    "inflow": dict(Route.choices),
    "outflow": dict(ClosingReason.choices),
    "delays": dict(DelayReason.choices),
    "declined_reasons": dict(DeclineKind.choices),
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


def _share(result: Result) -> tuple[str, str]:
    """A share as the range the bands of numerator and denominator allow."""
    percent = percent_range(result.numerator, result.denominator)
    if percent is None:
        return str(TOO_FEW), ""
    of = {"part": shown(result.numerator), "whole": shown(result.denominator)}
    return percent, gettext("%(part)s van %(whole)s") % of


def _per_thousand(result: Result) -> tuple[str, str]:
    """A rate of a public number of children, computed from the count's band."""
    if not result.denominator:
        return "–", ""
    rate = rate_range(result.numerator, result.denominator)
    of = {"part": shown(result.numerator), "whole": result.denominator}
    value = gettext("%(rate)s per 1.000") % {"rate": rate}
    return value, gettext("%(part)s van %(whole)s kinderen 0–7") % of


def display(unit: str, result: Result) -> tuple[str, str]:
    """The main value and a detail line, never revealing a count below the threshold."""
    if unit == "aantal":
        return shown(result.count), ""
    if unit == "deel":
        if not result.denominator:
            return "–", ""
        return _share(result)
    if unit == PER_THOUSAND:
        return _per_thousand(result)
    n = result.n
    if n < THRESHOLD:
        return (str(TOO_FEW) if n else "–"), ""
    label = unit_label(unit)
    detail = gettext("80%% binnen %(p80)s · n = %(n)s") % {
        "p80": f"{result.p80:g}",
        "n": band(n).shown,
    }
    if result.norm is not None:
        within = sum(c for value, c in result.distribution.items() if value <= result.norm)
        detail += " · " + gettext("%(share)s binnen de norm van %(norm)s %(unit)s") % {
            "share": percent_range(within, n),
            "norm": result.norm,
            "unit": label,
        }
    return gettext("mediaan %(median)s %(unit)s") % {
        "median": f"{result.median:g}",
        "unit": label,
    }, detail


def unit_label(unit: str) -> str:
    return str(UNIT_LABELS.get(unit, unit))


def _breakdown(key: str, breakdown: dict[str, int]) -> list:
    labels = BREAKDOWN_LABELS.get(key)
    if labels is not None:
        found = dict(breakdown)
        named = [(str(label), found.pop(code, 0)) for code, label in labels.items()]
        named += sorted((_label(key, code), n) for code, n in found.items())  # e.g. "onbekend"
    else:
        named = sorted((_label(key, k), v) for k, v in breakdown.items())
    return cells(named)


REACH_KEY = re.compile(r"^(?P<name>.*) \(van (?P<children>\d+)\)$")


def _label(key: str, code) -> str:
    """A breakdown key as read. The indicators keep their keys the same in every language (the
    results are compared and cached): what is not known is counted under "onbekend", and reach
    per municipality under "<name> (van <children 0–7>)"."""
    if code == "onbekend":
        return gettext("onbekend")
    reach = REACH_KEY.match(str(code)) if key.startswith("reach_") else None
    if reach:
        return gettext("%(name)s (van %(children)s)") % reach.groupdict()
    return str(code)


def row(indicator, result: Result, previous: Result | None = None) -> Row:
    """One indicator as published: value, detail, breakdown and the value a year earlier."""
    value, detail = display(indicator.unit, result)
    before = display(indicator.unit, previous)[0] if previous is not None else ""
    listed = result.breakdown or indicator.key in BREAKDOWN_LABELS
    breakdown = _breakdown(indicator.key, result.breakdown) if listed else []
    return Row(
        indicator.key,
        str(indicator.name),
        str(indicator.explanation),
        unit_label(indicator.unit),
        value,
        detail,
        breakdown,
        before,
    )


def rows(results: dict[str, Result], previous: dict[str, Result] | None = None) -> list[Row]:
    return [
        row(indicator, results[indicator.key], previous[indicator.key] if previous else None)
        for indicator in INDICATORS
    ]


def comparison(columns: list[tuple[str, list[Row]]]) -> list[dict]:
    """Indicator rows side by side, one column per group (e.g. per organisational model)."""
    if not columns:
        return []
    return [
        {"name": row.name, "unit": row.unit, "values": [table[i].value for _, table in columns]}
        for i, row in enumerate(columns[0][1])
    ]
