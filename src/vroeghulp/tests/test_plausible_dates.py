"""The plausible-dates rule itself: its window, its message, and what it does to a form field."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from vroeghulp import plausible_dates as plausible
from vroeghulp.date_input import DATE

BORN = datetime.date(2024, 3, 15)
REGISTERED = datetime.datetime(2025, 2, 10, 9, 0, tzinfo=datetime.UTC)


def _dmy(day: datetime.date) -> str:
    return day.strftime("%d-%m-%Y")


def test_a_done_date_runs_from_the_latest_start_to_today():
    window = plausible.window(
        plausible.CONTACT, plausible.birth(BORN), plausible.registration(REGISTERED)
    )
    today = timezone.localdate()
    assert (window.start.day, window.end.day) == (datetime.date(2025, 2, 10), today)
    assert window.message() == (
        f"Vul voor het contact een datum in van 10-02-2025 (aanmelding) "
        f"tot en met {_dmy(today)} (vandaag)."
    )


def test_a_planned_date_runs_up_to_its_limit_ahead():
    window = plausible.window(plausible.INFORMATION_DUE, plausible.today())
    today = timezone.localdate()
    assert window.end.day == today + datetime.timedelta(days=365)
    assert window.holds(today) and not window.holds(today - datetime.timedelta(days=1))


@pytest.mark.parametrize(
    "value",
    [datetime.date(1900, 1, 1), datetime.date(2025, 2, 9), datetime.date(2999, 1, 1)],
)
def test_check_refuses_outside_the_window(value):
    with pytest.raises(ValidationError) as refused:
        plausible.check(value, plausible.HOME_VISIT, plausible.registration(REGISTERED))
    assert refused.value.code == "implausible_date"


def test_check_lets_empty_values_and_the_edges_pass():
    plausible.check(None, plausible.HOME_VISIT, plausible.registration(REGISTERED))
    plausible.check(datetime.date(2025, 2, 10), plausible.HOME_VISIT, plausible.birth(BORN))
    plausible.check(timezone.localdate(), plausible.HOME_VISIT, plausible.birth(BORN))


def test_a_moment_counts_by_its_day_in_the_netherlands():
    # 23:30 UTC on 9 February is 10 February in Amsterdam: the day of the registration
    late = datetime.datetime(2025, 2, 9, 23, 30, tzinfo=datetime.UTC)
    plausible.check(late, plausible.CALLBACK, plausible.registration(REGISTERED))


class _Form(forms.Form):
    on = forms.DateField(widget=DATE, required=False)

    def __init__(self, *args, since, **kwargs):
        super().__init__(*args, **kwargs)
        plausible.limit_field(self.fields["on"], plausible.CONTACT, since)


def test_a_limited_field_refuses_with_the_message_and_offers_the_window():
    form = _Form({"on": "1900-01-01"}, since=plausible.birth(BORN))
    assert not form.is_valid()
    assert form.errors["on"][0].startswith(
        "Vul voor het contact een datum in van 15-03-2024 (geboortedatum)"
    )
    attrs = form.fields["on"].widget.attrs
    assert (attrs["min"], attrs["max"]) == ("2024-03-15", timezone.localdate().isoformat())
    # another form (and the shared widget) keeps its own window
    other = _Form(since=plausible.birth(datetime.date(2025, 1, 1)))
    assert other.fields["on"].widget.attrs["min"] == "2025-01-01"
    assert form.fields["on"].widget.attrs["min"] == "2024-03-15"
    assert "min" not in DATE.attrs
    assert _Form.base_fields["on"].validators == []
    assert len(form.fields["on"].validators) == 1
    assert _Form({"on": ""}, since=plausible.birth(BORN)).is_valid()
