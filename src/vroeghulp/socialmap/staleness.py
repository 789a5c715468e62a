"""When an entry of the social map counts as outdated: nobody verified it in the last year."""

import datetime

STALE_AFTER_MONTHS = 12


def checked_before(today: datetime.date) -> datetime.date:
    """An entry last checked before this day is outdated (29 February falls back to the 28th)."""
    months = today.year * 12 + today.month - 1 - STALE_AFTER_MONTHS
    year, month = divmod(months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return today.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_outdated(checked_on: datetime.date | None, today: datetime.date) -> bool:
    """Never checked, or last checked more than STALE_AFTER_MONTHS months ago."""
    return checked_on is None or checked_on < checked_before(today)
