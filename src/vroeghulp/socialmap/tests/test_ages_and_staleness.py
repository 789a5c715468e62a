"""The rules behind the social map's ages and its "verouderd" mark, on dates chosen by hand."""

import datetime

from vroeghulp.socialmap.ages import months_old, range_text
from vroeghulp.socialmap.staleness import checked_before, is_outdated

D = datetime.date


def test_months_old_counts_whole_months():
    assert months_old(D(2024, 3, 15), D(2026, 3, 14)) == 23
    assert months_old(D(2024, 3, 15), D(2026, 3, 15)) == 24
    # born on the 31st: a month older on the last day of a shorter month
    assert months_old(D(2026, 1, 31), D(2026, 2, 28)) == 1
    assert months_old(D(2026, 1, 31), D(2026, 2, 27)) == 0
    assert months_old(D(2026, 5, 1), D(2026, 4, 1)) == 0


def test_ages_are_written_as_people_say_them():
    assert range_text(None, None) == "alle leeftijden"
    assert range_text(0, 48) == "tot 4 jaar"
    assert range_text(6, 48) == "6 maanden tot 4 jaar"
    assert range_text(24, None) == "vanaf 2 jaar"


def test_an_entry_is_outdated_after_twelve_months_without_a_check():
    today = D(2026, 12, 7)
    assert checked_before(today) == D(2025, 12, 7)
    assert not is_outdated(D(2025, 12, 7), today)
    assert is_outdated(D(2025, 12, 6), today)
    assert is_outdated(None, today)
    assert checked_before(D(2028, 2, 29)) == D(2027, 2, 28)
