"""A timeline event is stored as its name and parameters, never as a finished sentence, and is
put into words when it is read, in the reader's language."""

import datetime
import pathlib
import re

import pytest
from django.utils import translation
from django.utils.module_loading import import_string

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.actions import record_delay, transition
from vroeghulp.cases.event_texts import EVENTS
from vroeghulp.cases.models import TimelineEvent
from vroeghulp.cases.states import Phase

pytestmark = pytest.mark.django_db

SOURCE = pathlib.Path(__file__).resolve().parents[2]
# the model's own manager, and the bulk seed that writes rows the way the actions do
MAY_BUILD_ROWS = {"cases/models.py", "work/management/commands/seed_scale.py"}


def test_a_recorded_event_keeps_its_name_and_values_not_a_sentence(world):
    casemanager = world.users[Role.CASEMANAGER]
    record_delay(world.own_case, actor=casemanager, stage="meeting", reason="capacity")
    event = world.own_case.events.get(name="delay")
    assert (event.kind, event.params, event.summary) == (
        "execution",
        {"stage": "meeting", "reason": "capacity"},
        "",
    )
    with translation.override("nl"):
        assert event.text == "Reden van vertraging (mdo): te weinig capaciteit"


def test_a_phase_change_reads_with_the_label_of_the_phase(world):
    casemanager = world.users[Role.CASEMANAGER]
    case = world.own_case
    transition(case, to_phase=Phase.INFORMATION, actor=casemanager, version=case.version)
    event = case.events.get(name="phase_changed")
    assert event.params == {"phase": "information"}
    with translation.override("nl"):
        assert event.text == "Fase: Informatieverzameling"


def test_dates_are_stored_as_iso_text_and_shown_as_a_date(world):
    event = TimelineEvent.objects.add(
        world.own_case, "check_in", actor=None, date=datetime.date(2027, 3, 1)
    )
    event.refresh_from_db()
    assert event.params == {"date": "2027-03-01"}
    with translation.override("nl"):
        assert event.text == "Check-in; volgende rond 1 maart 2027"


def test_an_event_from_before_names_keeps_its_sentence(world):
    old = TimelineEvent.objects.create(case=world.own_case, kind="closing", summary="Afgesloten")
    assert old.text == "Afgesloten"


def _sample(event, placeholder: str):
    if placeholder in event.labels:
        return import_string(event.labels[placeholder]).values[0]
    if placeholder in event.dates:
        return "2027-01-31"
    if placeholder in event.hours:
        return "1.5"
    return 3 if f"%({placeholder})d" in event.message else "Naam"


@pytest.mark.parametrize("name", sorted(EVENTS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_event_reads_in_every_language(name, language):
    event = EVENTS[name]
    params = {p: _sample(event, p) for p in event.placeholders()}
    assert set(event.labels) | set(event.dates) | set(event.hours) <= event.placeholders()
    with translation.override(language):
        text = event.words(params)
    assert text and "%(" not in text


def test_no_code_writes_a_sentence_into_the_timeline():
    writes = re.compile(r"TimelineEvent\(|TimelineEvent\.objects\.(create|bulk_create)\(")
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if "tests" not in path.parts
        and str(path.relative_to(SOURCE)) not in MAY_BUILD_ROWS
        and writes.search(path.read_text())
    ]
    assert offenders == []
