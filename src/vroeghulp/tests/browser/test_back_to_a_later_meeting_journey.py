"""A child the team discussed goes back for further diagnostics, returns to the meeting phase, is
put on a later meeting's agenda and discussed again; only then may the advice follow.
"""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.meetings.models import AgendaItem, Meeting

from .conftest import change_phase, log_in, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _meeting(world, hours_ago: int) -> Meeting:
    return Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=hours_ago),
        created_by=world.users[Role.COORDINATOR],
    )


def _offered(page, case) -> bool:
    options = page.get_by_label("Kind").locator("option").all_inner_texts()
    return any(option.startswith(case.child.full_name) for option in options)


def test_back_to_diagnostics_and_discussed_again_at_a_later_meeting(browser, live_server, world):
    base = live_server.url
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.MEETING)
    case = registered_earlier(Case.objects.get(pk=world.own_case.pk))
    first = _meeting(world, hours_ago=24 * 7)
    first_item = AgendaItem.objects.create(meeting=first, case=case)
    later = _meeting(world, hours_ago=1)
    name = case.child.full_name
    file_url = f"{base}/trajecten/{case.code}/"

    # The first meeting: the team needs further diagnostics before it can advise.
    coordinator = log_in(browser, base, world.users[Role.COORDINATOR])
    coordinator.goto(f"{base}/mdo/{first.code}/")
    coordinator.get_by_role("link", name=name).click()
    coordinator.get_by_role("textbox", name="Conclusie").fill("Eerst het gehoor laten onderzoeken.")
    coordinator.get_by_label("Verder onderzoek nodig").fill("Audiologisch centrum")
    coordinator.get_by_role("button", name="Conclusie opslaan").click()
    coordinator.get_by_text("De conclusie is opgeslagen.").wait_for()

    # Back to gathering information: not without saying why.
    coordinator.goto(file_url)
    change_phase(
        coordinator,
        "Informatieverzameling",
        refused_with="Schrijf op waarom het traject deze stap maakt.",
    )
    case.refresh_from_db()
    assert case.phase == Phase.MEETING
    coordinator.get_by_label("Nieuwe fase").select_option(label="Informatieverzameling")
    phase_form = coordinator.locator("section", has=coordinator.locator("#fase"))
    phase_form.get_by_label("Toelichting").fill("Naar het audiologisch centrum.")
    coordinator.get_by_role("button", name="Fase wijzigen").click()
    coordinator.get_by_text("De fase is gewijzigd.").wait_for()
    case.refresh_from_db()
    assert case.phase == Phase.INFORMATION

    # While information is gathered, the later meeting does not offer the child.
    coordinator.goto(f"{base}/mdo/{later.code}/")
    assert not _offered(coordinator, case)

    # The results are in: back to the meeting phase, and on the later agenda.
    coordinator.goto(file_url)
    change_phase(coordinator, "MDO")
    coordinator.goto(f"{base}/mdo/{later.code}/")
    assert _offered(coordinator, case)
    coordinator.get_by_label("Kind").select_option(value=str(case.pk))
    coordinator.get_by_role("button", name="Op de agenda").click()
    coordinator.get_by_text("Het kind staat op de agenda.").wait_for()

    # The earlier conclusion no longer carries the advice: the team must discuss again.
    coordinator.goto(file_url)
    change_phase(coordinator, "Advies", refused_with="Advies komt na de bespreking in het MDO")
    case.refresh_from_db()
    assert case.phase == Phase.MEETING

    coordinator.goto(f"{base}/mdo/{later.code}/")
    coordinator.get_by_role("link", name=name).click()
    assert serious_violations(coordinator) == [], "later meeting item page"
    coordinator.get_by_role("textbox", name="Conclusie").fill("Gehoor goed; logopedie.")
    coordinator.get_by_role("button", name="Conclusie opslaan").click()
    coordinator.get_by_text("De conclusie is opgeslagen.").wait_for()
    later_item = AgendaItem.objects.get(meeting=later, case=case)
    assert later_item.discussed_at is not None
    first_item.refresh_from_db()
    assert first_item.further_diagnostics == "Audiologisch centrum"

    coordinator.goto(file_url)
    change_phase(coordinator, "Advies")
    case.refresh_from_db()
    assert case.phase == Phase.ADVICE
