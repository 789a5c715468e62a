"""Every published count is rounded to a band, so no figure points at an individual child, nor
can one be derived by subtracting figures from each other.

The rule (one place for the dashboard, its charts, the CSV, XLSX and PDF exports and the
signals): a count from 0 to THRESHOLD - 1 is shown as "<5"; a larger count as the band of WIDTH
consecutive numbers it falls in: 5–8, 9–12, 13–16, ... Shares and rates are computed from the
bands (`share_range`, `rate_range`), never from the exact counts, so they tell nothing more.

Why bands, and why these: hiding only the counts 1–4 does not help once an analyst can subtract
one figure from another (all = 8, Nijmegen + Berg en Dal = 5, so Wijchen = 3). With bands an
analyst who subtracts figures learns an interval: a lower bound is a band's lower edge minus
upper edges of others, an upper bound an upper edge minus lower edges. Every upper edge is a
multiple of 4 and every lower edge is 0 or one more than a multiple of 4, so a count below the
threshold found as one figure minus others (a nested figure, or all other municipalities from the
network's total) is bounded below by 1 more than a multiple of 4, or by 0 or less, never by 4;
and the interval is at least 3 wide. At least two values stay possible
(`tests/test_no_small_count_is_derivable.py` tries this on generated networks, with every
grouping and filter an analyst can choose). Two things make that hold:
- 0 is inside the "<5" band: were 0 shown as "0", four municipalities of 1 each under a total
  shown "<5" would give each one away (at most 4 - 3 = 1);
- the bands are 4 wide while "<5" ends at 4: with bands of 5 (5–9, 10–14), five municipalities
  of 4 each (total 20, shown 20–24) would give each one away (at least 20 - 16 = 4).
"""

import math
from dataclasses import dataclass

THRESHOLD = 5
WIDTH = 4  # THRESHOLD - 1 is a multiple of WIDTH: the property the module note relies on
SMALL = f"<{THRESHOLD}"


@dataclass(frozen=True)
class Band:
    """The interval a published count tells: the count lies from `low` to `high`."""

    low: int
    high: int

    @property
    def small(self) -> bool:
        return self.high < THRESHOLD

    @property
    def shown(self) -> str:
        return SMALL if self.small else f"{self.low}–{self.high}"


def band(count: int) -> Band:
    if count < THRESHOLD:
        return Band(0, THRESHOLD - 1)
    index = (count - THRESHOLD) // WIDTH
    low = THRESHOLD + index * WIDTH
    return Band(low, low + WIDTH - 1)


def shown(count: int) -> str:
    return band(count).shown


def is_small(count: int) -> bool:
    """The count is shown as "<5" (zero included)."""
    return count < THRESHOLD


@dataclass(frozen=True)
class Cell:
    label: str
    count: int

    @property
    def band(self) -> Band:
        return band(self.count)

    @property
    def shown(self) -> str:
        return self.band.shown


def cells(rows: list[tuple[str, int]]) -> list[Cell]:
    """A breakdown as published: each count as its band. The rows should list every category,
    zeros too: a category left out because it is empty would tell that the others are not."""
    return [Cell(label, count) for label, count in rows]


def share_range(numerator: int, denominator: int) -> tuple[float, float] | None:
    """The lowest and highest share the bands of numerator and denominator allow (None when the
    denominator is below the threshold)."""
    top, bottom = band(numerator), band(denominator)
    if bottom.small:
        return None
    lowest = top.low / bottom.high
    # The numerator never exceeds the denominator: when their bands overlap it may equal it.
    highest = 1.0 if top.high >= bottom.low else top.high / bottom.low
    return lowest, highest


def percent_range(numerator: int, denominator: int) -> str | None:
    found = share_range(numerator, denominator)
    if found is None:
        return None
    low, high = math.floor(found[0] * 100), math.ceil(found[1] * 100)
    return f"{low}%" if low == high else f"{low}–{high}%"


def rate_range(count: int, population: int, per: int = 1000) -> str:
    """A rate per `per` of a public population (e.g. children aged 0–7), from the count's band."""
    found = band(count)
    if found.small:
        return f"<{math.ceil(THRESHOLD / population * per * 10) / 10:g}"
    low = math.floor(found.low / population * per * 10) / 10
    high = math.ceil(found.high / population * per * 10) / 10
    return f"{low:g}–{high:g}"
