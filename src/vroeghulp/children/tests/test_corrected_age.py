"""The corrected age of a child born too early: hand-written cases and properties."""

import datetime

from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vroeghulp.calendar_months import add_months
from vroeghulp.children.corrected_age import corrected_age, format_age

day = datetime.date
births = st.dates(min_value=day(2015, 1, 1), max_value=day(2030, 12, 31))
premature_weeks = st.integers(min_value=22, max_value=31)
any_weeks = st.integers(min_value=22, max_value=44)
extra_days = st.integers(min_value=0, max_value=6)
ages_in_days = st.integers(min_value=0, max_value=5 * 366)
# the machine running the tests may be busy: slowness is not what these tests are about
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_27_weeks_and_1_day_is_90_days_early():
    # 40w0d − 27w1d = 12w6d = 90 days: on the day the child is 90 days old, corrected 0
    age = corrected_age(day(2026, 1, 1), day(2026, 4, 1), gestation_weeks=27, gestation_days=1)
    assert age.calendar_days == 90
    assert age.corrected_days == 0
    assert age.due_on == day(2026, 4, 1)


def test_27_weeks_and_1_day_a_year_and_two_months_later():
    age = corrected_age(day(2026, 1, 1), day(2027, 3, 1), gestation_weeks=27, gestation_days=1)
    assert age.calendar_days == 424
    assert age.corrected_days == 334
    with translation.override("nl"):
        assert str(age) == "1 jaar 2 mnd (gecorrigeerd 11 mnd)"


def test_before_the_due_date_the_corrected_age_counts_down():
    age = corrected_age(day(2026, 1, 1), day(2026, 1, 31), gestation_weeks=27, gestation_days=1)
    assert age.corrected_days == -60
    with translation.override("nl"):
        assert str(age) == "4 wk (gecorrigeerd 8 weken vóór de uitgerekende datum)"


def test_31_weeks_and_6_days_is_under_the_rule_and_32_weeks_is_not():
    born, on = day(2026, 1, 1), day(2026, 6, 1)
    assert corrected_age(born, on, gestation_weeks=31, gestation_days=6).corrected_days == 151 - 57
    assert corrected_age(born, on, gestation_weeks=32, gestation_days=0).corrected_days is None


def test_the_rule_stops_at_24_months_corrected():
    born = day(2026, 1, 1)  # 27+1: due 1 April 2026
    last = corrected_age(born, day(2028, 3, 31), gestation_weeks=27, gestation_days=1)
    after = corrected_age(born, day(2028, 4, 1), gestation_weeks=27, gestation_days=1)
    assert last.corrected_days == 730  # 2028 is a leap year: 731 days to 1 April
    assert after.corrected_days is None


def test_a_network_threshold_and_limit_are_used():
    born, on = day(2026, 1, 1), day(2026, 7, 1)
    at_34 = corrected_age(born, on, gestation_weeks=33, gestation_days=0, threshold_weeks=34)
    assert at_34.corrected_days == 181 - 49
    short = corrected_age(born, on, gestation_weeks=27, gestation_days=1, until_months=3)
    assert short.corrected_days is None


def test_unknown_gestation_is_the_calendar_age():
    age = corrected_age(day(2026, 1, 1), day(2026, 2, 1), gestation_weeks=None)
    assert (age.calendar_days, age.corrected_days) == (31, None)


def test_ages_in_dutch():
    born = day(2025, 1, 31)
    with translation.override("nl"):
        assert format_age(born, born) == "0 dagen"
        assert format_age(born, day(2025, 2, 1)) == "1 dag"
        assert format_age(born, day(2025, 2, 14)) == "2 wk"
        assert format_age(born, day(2025, 4, 29)) == "12 wk"
        # three months after 31 January is the last day of April
        assert format_age(born, day(2025, 4, 30)) == "3 mnd"
        assert format_age(born, day(2026, 1, 31)) == "1 jaar"
        assert format_age(born, day(2027, 3, 31)) == "2 jaar 2 mnd"


def test_add_months_keeps_the_last_day_of_a_short_month():
    assert add_months(day(2026, 1, 31), 1) == day(2026, 2, 28)
    assert add_months(day(2027, 11, 30), 3) == day(2028, 2, 29)


@relaxed
@given(births, ages_in_days, premature_weeks, extra_days)
def test_corrected_is_calendar_minus_exactly_the_missing_days(born, days, weeks, extra):
    on = born + datetime.timedelta(days=days)
    age = corrected_age(born, on, gestation_weeks=weeks, gestation_days=extra)
    missing = 280 - (weeks * 7 + extra)
    assert age.calendar_days == days
    if age.corrected_days is not None:
        assert age.corrected_days == days - missing
        assert age.due_on == born + datetime.timedelta(days=missing)


@relaxed
@given(births, ages_in_days, ages_in_days, premature_weeks, extra_days)
def test_monotone_in_the_date(born, first, second, weeks, extra):
    early, late = sorted((first, second))
    a = corrected_age(
        born, born + datetime.timedelta(days=early), gestation_weeks=weeks, gestation_days=extra
    )
    b = corrected_age(
        born, born + datetime.timedelta(days=late), gestation_weeks=weeks, gestation_days=extra
    )
    assert a.calendar_days <= b.calendar_days
    if a.corrected_days is not None and b.corrected_days is not None:
        assert a.corrected_days <= b.corrected_days
    # once stopped, the rule never comes back
    if a.corrected_days is None:
        assert b.corrected_days is None


@relaxed
@given(births, ages_in_days, any_weeks, extra_days, st.integers(min_value=24, max_value=37))
def test_never_applied_at_or_after_the_threshold(born, days, weeks, extra, threshold):
    on = born + datetime.timedelta(days=days)
    age = corrected_age(
        born, on, gestation_weeks=weeks, gestation_days=extra, threshold_weeks=threshold
    )
    if weeks >= threshold:
        assert age.corrected_days is None


@relaxed
@given(births, premature_weeks, extra_days, st.integers(min_value=1, max_value=48))
def test_stops_at_the_limit(born, weeks, extra, until):
    due = born + datetime.timedelta(days=280 - (weeks * 7 + extra))
    limit = add_months(due, until)
    before = corrected_age(
        born,
        limit - datetime.timedelta(days=1),
        gestation_weeks=weeks,
        gestation_days=extra,
        until_months=until,
    )
    at = corrected_age(born, limit, gestation_weeks=weeks, gestation_days=extra, until_months=until)
    assert before.corrected_days == (limit - due).days - 1
    assert at.corrected_days is None


@relaxed
@given(births, ages_in_days, st.integers(min_value=37, max_value=44), extra_days)
def test_a_term_birth_is_unchanged(born, days, weeks, extra):
    on = born + datetime.timedelta(days=days)
    age = corrected_age(born, on, gestation_weeks=weeks, gestation_days=extra)
    assert (age.calendar_days, age.corrected_days) == (days, None)
    with translation.override("nl"):
        assert str(age) == format_age(born, on)
