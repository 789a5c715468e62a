"""A CB-plus consult at the well-baby clinic becomes a registration with IVH: the CB-plus worker
records the consult with two disciplines and concludes it, registers the child with the parents'
agreement, and the coordinator accepts the registration and finds the consult's findings at
intake as earlier findings, with the way back to the consult.
"""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.models import Consult
from vroeghulp.cbplus.tests.factories import cbplus_worker, clinic

from .conftest import accept_registration, log_in, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

PHYSIO_FINDING = "Spierspanning laag; kruipt nog niet."
DOCTOR_FINDING = "Groeit goed; gehoor in orde."


def test_a_cb_plus_consult_becomes_a_registration(browser, live_server, world):
    base = live_server.url
    worker_user = cbplus_worker(clinic(world.network), full_name="Fleur Aydın")
    worker = log_in(browser, base, worker_user, lands_on="Welkom, Fleur")

    # The consult, about a child the network does not know yet.
    worker.get_by_role("navigation").get_by_role("link", name="CB-plus").click()
    worker.get_by_role("link", name="Nieuw consult vastleggen").click()
    assert serious_violations(worker) == []
    worker.get_by_label("Datum consult").fill(timezone.localdate().isoformat())
    worker.get_by_label("Duur (minuten)").fill("75")
    worker.get_by_label("Vraag of zorg").fill("Kruipt nog niet.")
    worker.get_by_label("Voornaam van het kind").fill("Yara")
    worker.get_by_label("Achternaam van het kind").fill("Kok")
    born = timezone.localdate() - datetime.timedelta(days=400)
    worker.get_by_label("Geboortedatum van het kind").fill(born.isoformat())
    worker.get_by_label("Naam ouder").fill("Eva Kok")
    worker.get_by_role("button", name="Consult vastleggen").click()
    # too long: refused in Dutch, nothing typed lost
    worker.get_by_text("Een CB-plus-consult duurt 30 tot 60 minuten.").wait_for()
    assert worker.get_by_label("Achternaam van het kind").input_value() == "Kok"
    worker.get_by_label("Duur (minuten)").fill("45")
    worker.get_by_role("button", name="Consult vastleggen").click()
    worker.get_by_text("Het consult is vastgelegd.").wait_for()
    assert serious_violations(worker) == []

    # Two disciplines, their findings, the advice; then concluded.
    participant = worker.locator("form[action$='/deelnemer/']")
    finding = worker.locator("form[action$='/bevinding/']")
    for name, discipline in (("Dr. Aydın", "Jeugdarts"), ("Joost Peters", "Fysiotherapeut")):
        participant.get_by_label("Naam").fill(name)
        participant.get_by_label("Discipline").select_option(label=discipline)
        participant.get_by_role("button", name="Deelnemer toevoegen").click()
        worker.get_by_text("De deelnemer is toegevoegd.").wait_for()
    for discipline, text in (("Jeugdarts", DOCTOR_FINDING), ("Fysiotherapeut", PHYSIO_FINDING)):
        finding.get_by_label("Discipline").select_option(label=discipline)
        finding.get_by_label("Bevindingen").fill(text)
        finding.get_by_role("button", name="Bevindingen opslaan").click()
        worker.get_by_text("De bevindingen zijn opgeslagen.").wait_for()
    worker.get_by_label("Advies (besproken met de ouders)").fill("Aanmelden bij IVH.")
    worker.get_by_role("button", name="Consult afronden").click()
    worker.get_by_text("Het consult is afgerond.").wait_for()

    # Registered with IVH, with the parents' agreement.
    worker.get_by_label("De ouders zijn akkoord met de aanmelding").check()
    worker.get_by_role("button", name="Aanmelden bij IVH").click()
    worker.get_by_text("Aangemeld bij Integrale Vroeghulp").first.wait_for()
    consult = Consult.objects.get(child__family_name="Kok")
    assert consult.status == ConsultStatus.CONCLUDED and consult.registration is not None

    # The coordinator accepts it and sees the findings at intake, and the way to the consult.
    coordinator = log_in(browser, base, world.users[Role.COORDINATOR])
    accept_registration(coordinator, "Yara Kok")
    case = Case.objects.get(child__family_name="Kok")
    assert case.child == consult.child
    coordinator.get_by_role("link", name="Intake").click()
    assert coordinator.get_by_role("cell", name="CB-plus-consult: Fysiotherapeut").is_visible()
    assert coordinator.get_by_role("cell", name=PHYSIO_FINDING).is_visible()
    assert coordinator.get_by_role("cell", name=DOCTOR_FINDING).is_visible()
    coordinator.get_by_role(
        "link", name="Naar het CB-plus-consult dat tot deze aanmelding leidde"
    ).click()
    coordinator.get_by_role("heading", name="CB-plus-consult: Yara Kok").wait_for()
    assert coordinator.get_by_text(PHYSIO_FINDING).is_visible()
