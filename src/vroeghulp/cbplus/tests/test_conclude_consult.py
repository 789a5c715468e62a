"""Participants with their discipline, findings per discipline and the advice make up the
consult; concluding it needs a finding and the advice, and a concluded consult stays as it is."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.models import Consult
from vroeghulp.cbplus.tests.factories import ConsultFactory, cbplus_worker, clinic, young_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def consult(world):
    organisation = clinic(world.network)
    return ConsultFactory(
        organisation=organisation,
        child=young_child(world.network),
        created_by=cbplus_worker(organisation),
    )


@pytest.fixture
def client(consult):
    return verified_client(cbplus_worker(consult.organisation, full_name="Anouk Jansen"))


def _url(name, consult):
    return reverse(f"cbplus:{name}", args=[consult.code])


def test_two_disciplines_record_their_findings_and_the_consult_is_concluded(world, consult, client):
    physio = professional(Role.TEAM_MEMBER, world.other_organisation, full_name="Piet Fysio")
    client.post(_url("add_participant", consult), {"name": "", "discipline": "jeugdarts"})
    assert consult.participants.count() == 0  # a name or a colleague is needed
    client.post(_url("add_participant", consult), {"name": "Dr. Aydin", "discipline": "jeugdarts"})
    client.post(
        _url("add_participant", consult), {"user": physio.pk, "discipline": "fysiotherapeut"}
    )
    client.post(_url("add_finding", consult), {"discipline": "jeugdarts", "text": "Groeit goed"})
    client.post(
        _url("add_finding", consult), {"discipline": "fysiotherapeut", "text": "Zit nog niet"}
    )
    consult.refresh_from_db()
    response = client.post(
        _url("save_advice", consult),
        {"advice": "Fysiotherapie aan huis", "version": consult.version, "conclude": "1"},
    )
    assert response.status_code == 302
    consult.refresh_from_db()
    assert consult.status == ConsultStatus.CONCLUDED
    assert consult.advice == "Fysiotherapie aan huis"
    assert [(p.name, p.discipline) for p in consult.participants.all()] == [
        ("Dr. Aydin", "jeugdarts"),
        ("Piet Fysio", "fysiotherapeut"),
    ]
    assert [f.text for f in consult.findings.all()] == ["Groeit goed", "Zit nog niet"]
    # the participant with an account reads it now
    response = verified_client(physio).get(_url("detail", consult))
    assert response.status_code == 200 and "Zit nog niet" in response.content.decode()


def test_concluding_without_findings_is_refused_in_dutch(consult, client):
    response = client.post(
        _url("save_advice", consult),
        {"advice": "Afwachten", "version": consult.version, "conclude": "1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Leg ten minste één bevinding vast" in html and "Afwachten" in html
    consult.refresh_from_db()
    assert (consult.status, consult.advice) == (ConsultStatus.DRAFT, "")


def test_a_concluded_consult_does_not_change(consult, client):
    Consult.objects.filter(pk=consult.pk).update(status=ConsultStatus.CONCLUDED, advice="Klaar")
    response = client.post(
        _url("add_finding", consult), {"discipline": "logopedist", "text": "Later nog iets"}
    )
    assert response.status_code == 400
    assert "Dit consult is afgerond" in response.content.decode()
    assert consult.findings.count() == 0
    consult.refresh_from_db()
    assert consult.advice == "Klaar"


def test_an_advice_saved_on_an_old_version_is_refused(consult, client):
    stale = consult.version
    client.post(_url("add_finding", consult), {"discipline": "pedagoog", "text": "Speelt fijn"})
    response = client.post(
        _url("save_advice", consult), {"advice": "Mijn advies", "version": stale}
    )
    assert response.status_code == 409
    assert "Mijn advies" in response.content.decode()
    consult.refresh_from_db()
    assert consult.advice == ""
