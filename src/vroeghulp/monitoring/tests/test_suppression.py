"""Small counts are hidden, and a single hidden cell cannot be recovered from the total."""

from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.monitoring.suppression import THRESHOLD, suppress


def test_small_counts_are_hidden_zero_and_large_are_shown():
    cells = suppress([("a", 0), ("b", 3), ("c", 12), ("d", 7), ("e", 4)])
    assert [c.shown for c in cells] == ["0", "<5", "12", "7", "<5"]


def test_a_single_hidden_cell_takes_the_smallest_other_with_it():
    cells = suppress([("a", 2), ("b", 40), ("c", 9)])
    assert [c.shown for c in cells] == ["<5", "40", "<5"]


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=12))
def test_no_small_count_can_be_derived_from_the_total(counts):
    cells = suppress([(str(i), n) for i, n in enumerate(counts)])
    for cell in cells:
        if 0 < cell.count < THRESHOLD:
            assert cell.suppressed
    hidden = [c for c in cells if c.suppressed]
    assert len(hidden) != 1 or all(c.count == 0 for c in cells if not c.suppressed)
