"""`when` writes exactly what Django's date filter writes, in every language."""

import datetime

from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.dates import PARTS, when

moments = st.datetimes(
    min_value=datetime.datetime(1990, 1, 1),  # noqa: DTZ001 (naive bounds, aware values)
    max_value=datetime.datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(datetime.UTC),
)
formats = st.lists(st.sampled_from([*PARTS, " ", ", ", ":", "-"]), max_size=8).map("".join)
USED = ["j M Y H:i:s", "j M Y H:i", "j M Y", "j F Y", "l j F Y, H:i", "j M"]


@given(moments, st.one_of(formats, st.sampled_from(USED)), st.sampled_from(["nl", "en"]))
def test_when_matches_djangos_date_filter_for_times(value, format_string, language):
    with translation.override(language):
        # a template hands both filters the local time; `when` converts by itself too
        local = timezone.localtime(value)
        assert when(value, format_string) == django_date(local, format_string)
        assert when(local, format_string) == django_date(local, format_string)


@given(st.dates(), st.sampled_from(["j M Y", "j F Y", "l j F Y", "j M", ""]))
def test_when_matches_djangos_date_filter_for_dates(value, format_string):
    with translation.override("nl"):
        assert when(value, format_string) == django_date(value, format_string)


def test_other_formats_and_nothing():
    late = datetime.datetime(2026, 3, 9, 23, 30, 5, tzinfo=datetime.UTC)
    with translation.override("nl"):
        assert when(late, "j M Y H:i:s") == "10 Mrt 2026 00:30:05"
        assert when(late, "d-m-Y") == django_date(timezone.localtime(late), "d-m-Y") == "10-03-2026"
    assert when(None, "j M Y") == ""
