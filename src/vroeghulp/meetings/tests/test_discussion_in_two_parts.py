"""A network where the team first discusses without the parents: each agenda item has two
parts with their own findings, notes and who was there. The meeting page and the meeting pack
show both; the parents' portal and data download show only part 2 and the conclusion."""

import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.children.models import Guardian
from vroeghulp.meetings import actions
from vroeghulp.meetings.constants import MeetingPart
from vroeghulp.meetings.models import AgendaItem, Finding, Meeting
from vroeghulp.portal.data_export import child_data

pytestmark = pytest.mark.django_db

TEAM_ONLY_NOTE = "Zorg om de draagkracht van moeder, nog niet met ouders delen"
TEAM_ONLY_FINDING = "Vermoeden van een hechtingsprobleem"
WITH_PARENTS_NOTE = "Ouders herkennen het beeld en willen logopedie"
WITH_PARENTS_FINDING = "Taalbegrip op 18 maanden"


@pytest.fixture
def item(world):
    world.network.pre_discussion_without_parents = True
    world.network.save(update_fields=["pre_discussion_without_parents"])
    coordinator = world.users[Role.COORDINATOR]
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        created_by=coordinator,
    )
    agenda_item = actions.add_to_agenda(
        meeting, actor=coordinator, case=world.own_case, parents_attend=True
    )
    return AgendaItem.objects.select_related("meeting").get(pk=agenda_item.pk)


def _fill(world, item):
    coordinator = verified_client(world.users[Role.COORDINATOR])
    coordinator.post(
        reverse("meetings:add_finding", args=[item.code]),
        {"discipline": "orthopedagoog", "text": TEAM_ONLY_FINDING, "part": "without_parents"},
    )
    coordinator.post(
        reverse("meetings:add_finding", args=[item.code]),
        {"discipline": "logopedist", "text": WITH_PARENTS_FINDING, "part": "with_parents"},
    )
    coordinator.post(
        reverse("meetings:add_participant", args=[item.code]),
        {"name": "Dr. Alleen Deel Een", "discipline": "kinderarts", "part": "without_parents"},
    )
    coordinator.post(
        reverse("meetings:add_participant", args=[item.code]),
        {"name": "Mevrouw Beide Delen", "discipline": "orthopedagoog", "part": ""},
    )
    for part, notes in (("without_parents", TEAM_ONLY_NOTE), ("with_parents", WITH_PARENTS_NOTE)):
        item.refresh_from_db()
        response = coordinator.post(
            reverse("meetings:save_part_notes", args=[item.code]),
            {"part": part, "notes": notes, "version": item.version},
        )
        assert response.status_code == 302
    item.refresh_from_db()
    coordinator.post(
        reverse("meetings:conclude", args=[item.code]),
        {"conclusion": "Logopedie en een observatie thuis.", "version": item.version},
    )
    item.refresh_from_db()
    return item


def test_the_item_is_in_two_parts_and_keeps_what_belongs_to_each(world, item):
    assert item.discussed_without_parents_first is True
    item = _fill(world, item)
    assert item.notes_without_parents == TEAM_ONLY_NOTE
    assert item.notes_with_parents == WITH_PARENTS_NOTE
    assert Finding.objects.get(text=TEAM_ONLY_FINDING).part == MeetingPart.WITHOUT_PARENTS
    page = verified_client(world.users[Role.TEAM_MEMBER]).get(
        reverse("meetings:item", args=[item.code])
    )
    html = page.content.decode()
    assert "Deel 1: het team zonder de ouders" in html
    assert "Deel 2: met de ouders" in html
    for text in (TEAM_ONLY_NOTE, TEAM_ONLY_FINDING, WITH_PARENTS_NOTE, WITH_PARENTS_FINDING):
        assert text in html
    parts = page.context["parts"]
    assert [p.name for p in parts[0]["participants"]] == [
        "Dr. Alleen Deel Een",
        "Mevrouw Beide Delen",
    ]
    assert [p.name for p in parts[1]["participants"]] == ["Mevrouw Beide Delen"]


def test_the_meeting_pack_shows_both_parts(world, item):
    from vroeghulp.access.policy import decide
    from vroeghulp.meetings.pack import meeting_pack

    item = _fill(world, item)
    user = world.users[Role.COORDINATOR]
    pack = meeting_pack(item, decide(user, "print", item.case.child))
    assert [p["notes"] for p in pack.parts] == [TEAM_ONLY_NOTE, WITH_PARENTS_NOTE]
    response = verified_client(user).get(reverse("meetings:pack_pdf", args=[item.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_finding_must_say_its_part(world, item):
    response = verified_client(world.users[Role.COORDINATOR]).post(
        reverse("meetings:add_finding", args=[item.code]),
        {"discipline": "orthopedagoog", "text": TEAM_ONLY_FINDING},
    )
    assert response.status_code == 400
    assert TEAM_ONLY_FINDING in response.content.decode()
    assert not Finding.objects.exists()


def test_the_parents_never_see_part_one(world, item):
    item = _fill(world, item)
    parent = UserFactory()
    Guardian.objects.filter(child=world.own_case.child).update(user=parent)
    client = verified_client(parent)
    page = client.get(reverse("portal:child", args=[world.own_case.code]))
    assert page.status_code == 200
    html = page.content.decode()
    assert WITH_PARENTS_NOTE in html
    assert WITH_PARENTS_FINDING in html
    assert "Logopedie en een observatie thuis." in html
    assert "Mevrouw Beide Delen" in html
    for secret in (TEAM_ONLY_NOTE, TEAM_ONLY_FINDING, "Dr. Alleen Deel Een"):
        assert secret not in html
    exported = json.dumps(child_data(world.own_case.child), default=str)
    assert WITH_PARENTS_NOTE in exported
    for secret in (TEAM_ONLY_NOTE, TEAM_ONLY_FINDING, "Dr. Alleen Deel Een"):
        assert secret not in exported
    download = client.get(reverse("portal:download_data", args=[world.own_case.code]))
    assert download.status_code == 200
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(download.streaming_content) if download.streaming else download.content)
    )
    data = archive.read("gegevens.json").decode()
    assert WITH_PARENTS_NOTE in data and TEAM_ONLY_NOTE not in data


def test_a_network_without_pre_discussion_has_one_part(world):
    coordinator = world.users[Role.COORDINATOR]
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() + datetime.timedelta(days=1),
        created_by=coordinator,
    )
    item = actions.add_to_agenda(
        meeting, actor=coordinator, case=world.own_case, parents_attend=None
    )
    assert item.discussed_without_parents_first is False
    page = verified_client(coordinator).get(reverse("meetings:item", args=[item.code]))
    assert "Deel 1: het team zonder de ouders" not in page.content.decode()
    assert 'name="part"' not in page.content.decode()


def test_part_notes_outside_the_case_or_network_get_404(world, other_world, item):
    for user in (world.users[Role.ANALYST], other_world.users[Role.COORDINATOR]):
        response = verified_client(user).post(
            reverse("meetings:save_part_notes", args=[item.code]),
            {"part": "without_parents", "notes": "x", "version": item.version},
        )
        assert response.status_code == 404
    item.refresh_from_db()
    assert item.notes_without_parents == ""
