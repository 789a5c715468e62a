"""A child born at 27 weeks and 1 day: registered by the parents with the gestation, accepted,
the case page shows the calendar age with the corrected age beside it, and the casemanager plans
the schedule by corrected age, records a visit from it and a warm handover.
"""

import datetime
import re

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case
from vroeghulp.prematurity.models import PrematureVisit, WarmHandover

from .conftest import accept_registration, add_to_team, log_in, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

# 118 days old: 3 months by the calendar; born 90 days early, so 28 days (4 weeks) corrected
AGE_DAYS = 118


def _register_premature_child(browser, base_url, network, born: datetime.date) -> None:
    page = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    page.goto(f"{base_url}/aanmelden/{network.slug}/")
    page.get_by_label("Voornaam van het kind").fill("Sam")
    page.get_by_label("Achternaam van het kind").fill("Bakker")
    page.get_by_label("Geboortedatum van het kind").fill(born.isoformat())
    page.get_by_label("Zwangerschapsduur bij de geboorte (weken)").fill("27")
    page.get_by_label("en dagen").fill("1")
    page.get_by_label("Waar maken de ouders zich zorgen over?").fill(
        "Sam is veel te vroeg geboren en drinkt moeizaam."
    )
    page.locator("#id_guardian1_name").fill("Lotte Bakker")
    page.locator("#id_guardian1_phone").fill("06-23232323")
    question = page.locator("label[for=id_answer]").inner_text()
    a, b = map(int, re.search(r"(\d) \+ (\d)", question).groups())
    page.get_by_label(question).fill(str(a + b))
    page.locator("#id_privacy").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Dank u wel").wait_for()


def test_a_premature_child_is_followed_by_corrected_age(browser, live_server, world, settings):
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
    base = live_server.url
    born = timezone.localdate() - datetime.timedelta(days=AGE_DAYS)
    _register_premature_child(browser, base, world.network, born)

    coordinator = log_in(browser, base, world.users[Role.COORDINATOR])
    accept_registration(coordinator, "Sam Bakker")
    case = Case.objects.get(child__family_name="Bakker")
    assert (case.child.gestational_age_weeks, case.child.gestational_age_days) == (27, 1)
    casemanager_user = world.users[Role.CASEMANAGER]
    add_to_team(coordinator, casemanager_user, "Casemanager")

    # The case page: calendar age, and the corrected age beside it.
    casemanager = log_in(browser, base, casemanager_user)
    casemanager.goto(f"{base}/trajecten/{case.code}/")
    assert casemanager.get_by_test_id("age").inner_text() == "3 mnd gecorrigeerd 4 wk"
    assert casemanager.get_by_test_id("file-age").inner_text() == "3 mnd (gecorrigeerd 4 wk)"
    assert "27+1 weken" in casemanager.content()

    # The schedule by corrected age, on the Prematuur tab.
    casemanager.get_by_role("link", name="Prematuur").click()
    assert casemanager.get_by_test_id("corrected-age").inner_text() == "4 wk"
    casemanager.get_by_role("button", name="Bezoeken plannen op gecorrigeerde leeftijd").click()
    casemanager.get_by_text("6 bezoeken gepland.").wait_for()
    assert serious_violations(casemanager) == [], "Prematuur tab"

    # The consult at 3 months corrected, recorded from the schedule.
    row = casemanager.get_by_role("row").filter(has_text="Consult").first
    row.get_by_text("consult vastleggen").click()
    row.get_by_label("Aantekeningen").fill("Groeit op de eigen curve; tilt het hoofdje op.")
    row.get_by_role("button", name="Opslaan").click()
    casemanager.get_by_text("Het bezoek is vastgelegd.").wait_for()
    visit = PrematureVisit.objects.get(case=case, corrected_months=3)
    assert visit.done_on == timezone.localdate()
    assert visit.done_by == casemanager_user

    # The NICU nurse introduced the youth nurse to the family: a warm handover.
    casemanager.get_by_text("Warme overdracht vastleggen").click()
    casemanager.get_by_label("Wie droeg over (naam)").fill("Anja de Vries")
    casemanager.get_by_label("Aan wie (naam)").fill("Petra Jansen")
    casemanager.get_by_label("Hoe stelde de een de ander voor aan het gezin?").select_option(
        label="Telefonisch, met het gezin erbij"
    )
    casemanager.get_by_role("button", name="Overdracht opslaan").click()
    casemanager.get_by_text("De warme overdracht is vastgelegd.").wait_for()
    assert casemanager.get_by_text("Anja de Vries stelde Petra Jansen voor aan het gezin").count()
    handover = WarmHandover.objects.get(case=case)
    assert (handover.from_name, handover.to_name, handover.mode) == (
        "Anja de Vries",
        "Petra Jansen",
        "phone_with_family",
    )

    # Both are on the timeline of the overview.
    casemanager.get_by_role("link", name="Overzicht").click()
    casemanager.get_by_text("Consult prematuur (gecorrigeerd 3 mnd) gedaan").wait_for()
