"""`moment` writes exactly what Django's date filter writes, in every language."""

import datetime

from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.dates import moment

moments = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1),  # noqa: DTZ001 (naive bounds, aware values)
    max_value=datetime.datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(datetime.UTC),
)


@given(moments, st.sampled_from(["nl", "en"]))
def test_moment_matches_djangos_date_filter(value, language):
    with translation.override(language):
        # a template hands Django's filter the local time; `moment` converts itself
        assert moment(value) == django_date(timezone.localtime(value), "j M Y H:i:s")


def test_moment_is_in_local_time_and_empty_for_nothing():
    late = datetime.datetime(2026, 3, 9, 23, 30, 5, tzinfo=datetime.UTC)
    with translation.override("nl"):
        assert moment(late) == "10 Mrt 2026 00:30:05"
    assert moment(None) == ""
