"""What an analyst can work out by subtracting published figures from each other.

A figure is identified by its key: one set of values per dimension (municipalities, periods,
routes, ...), the figure counting the records whose values lie in all of them. The analyst knows
for every published figure the interval its shown value stands for ("<5" is 0 to 4, "9–12" is
9 to 12). Two attacks, each tried on every figure:
- nested: a figure minus a figure inside it (all = 8, Nijmegen + Berg en Dal = 5: the rest is 3);
- split: a total minus all its other parts (the network minus every other municipality, a year
  minus the other quarters, all routes minus the other routes).
A count from 1 to THRESHOLD - 1 is derivable when an attack leaves exactly one value possible.
"""

import re
from collections.abc import Callable
from itertools import product

from vroeghulp.monitoring.suppression import SMALL, THRESHOLD

Key = tuple[frozenset, ...]


def interval(shown: str) -> tuple[int, int]:
    """The counts a shown value stands for."""
    if shown == SMALL:
        return 0, THRESHOLD - 1
    low, high = re.fullmatch(r"(\d+)–(\d+)", shown).groups()
    return int(low), int(high)


def true_count(key: Key, counts: dict[tuple, int]) -> int:
    return sum(
        n for cell, n in counts.items() if all(v in dim for v, dim in zip(cell, key, strict=True))
    )


def _pinned(low: int, high: int, truth: int) -> bool:
    return 0 < truth < THRESHOLD and max(low, 0) == high


def derivable(
    published: dict[Key, tuple[int, int]],
    counts: dict[tuple, int],
    splits: Callable[[int, frozenset], list[list[frozenset]]],
) -> list[str]:
    """Every small count an attack pins down, described; empty when none is."""
    truth = {key: true_count(key, counts) for key in published}
    found = []
    # Nested: per dimension the published values, and for each the published values inside it.
    values = [{key[i] for key in published} for i in range(len(next(iter(published))))]
    inside = [{v: [w for w in dim if w <= v] for v in dim} for dim in values]
    for big, (big_low, big_high) in published.items():
        for small in product(*(inside[i][v] for i, v in enumerate(big))):
            if small == big or small not in published:
                continue
            low, high = big_low - published[small][1], big_high - published[small][0]
            rest = truth[big] - truth[small]
            differing = [i for i in range(len(big)) if big[i] != small[i]]
            if len(differing) == 1:  # the rest is itself a figure: its own interval counts too
                i = differing[0]
                rest_key = (*big[:i], big[i] - small[i], *big[i + 1 :])
                if rest_key in published:
                    low = max(low, published[rest_key][0])
                    high = min(high, published[rest_key][1])
            if _pinned(low, high, rest):
                found.append(f"nested: {big} minus {small} gives {rest}")
    # Split: a total minus its other parts.
    for total, (total_low, total_high) in published.items():
        for i, value in enumerate(total):
            for parts in splits(i, value):
                keys = [(*total[:i], part, *total[i + 1 :]) for part in parts]
                if not all(key in published for key in keys):
                    continue
                for key in keys:
                    others = [k for k in keys if k != key]
                    low = total_low - sum(published[k][1] for k in others)
                    high = total_high - sum(published[k][0] for k in others)
                    low, high = max(low, published[key][0]), min(high, published[key][1])
                    if _pinned(low, high, truth[key]):
                        found.append(f"split: {total} minus the other parts gives {key}")
    return found
