"""The callback deadline counts down, and says so in words."""

import datetime

from vroeghulp.referrals.deadlines import callback_state

TODAY = datetime.date(2026, 11, 23)


def test_counting_down_today_and_overdue():
    assert callback_state(TODAY + datetime.timedelta(days=5), None, TODAY).label == "nog 5 dagen"
    assert callback_state(TODAY + datetime.timedelta(days=1), None, TODAY).label == "nog 1 dag"
    assert callback_state(TODAY, None, TODAY).label == "vandaag"
    late = callback_state(TODAY - datetime.timedelta(days=3), None, TODAY)
    assert late.overdue and late.label == "3 dagen te laat"


def test_due_soon_and_done():
    assert callback_state(TODAY + datetime.timedelta(days=2), None, TODAY).due_soon
    assert not callback_state(TODAY + datetime.timedelta(days=3), None, TODAY).due_soon
    done = callback_state(TODAY - datetime.timedelta(days=3), "called", TODAY)
    assert not done.overdue and done.label == "teruggebeld"
