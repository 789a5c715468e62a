"""The log manager sees entries per child, user and period, and exports one child's log."""

import csv
import io

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_reads(world, other_world):
    verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[world.own_case.code])
    )
    verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:detail", args=[world.own_case.code])
    )
    verified_client(other_world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[other_world.own_case.code])
    )


def test_only_log_managers_open_the_log(world, logged_reads):
    for role in set(Role) - {Role.LOG_MANAGER}:
        response = verified_client(world.users[role]).get(reverse("audit:entries"))
        assert response.status_code == 404, role


def test_filter_by_child_shows_its_entries_and_logs_the_review(world, logged_reads):
    client = verified_client(world.users[Role.LOG_MANAGER])
    response = client.get(reverse("audit:entries"), {"child": world.own_case.child.pk})
    rows = list(response.context["page"].object_list)
    reads = [r for r in rows if r.action == AuditAction.READ and r.object_type == "case"]
    assert {r.user_id for r in reads} == {
        world.users[Role.CASEMANAGER].pk,
        world.users[Role.COORDINATOR].pk,
    }
    review = AuditEntry.objects.get(grounds=Grounds.LOG_MANAGEMENT)
    assert review.child_id == world.own_case.child.pk


def test_filter_by_user_and_period(world, logged_reads):
    client = verified_client(world.users[Role.LOG_MANAGER])
    user = world.users[Role.COORDINATOR]
    response = client.get(
        reverse("audit:entries"), {"user": user.email, "date_from": "2000-01-01", "group": "user"}
    )
    rows = list(response.context["page"].object_list)
    assert rows and {r.user_id for r in rows} == {user.pk}
    assert response.context["summary"] == [{"key": user.full_name, "count": len(rows)}]
    response = client.get(reverse("audit:entries"), {"date_to": "2000-01-01"})
    assert list(response.context["page"].object_list) == []


def test_bad_filter_input_gets_a_dutch_message(world):
    client = verified_client(world.users[Role.LOG_MANAGER])
    response = client.get(
        reverse("audit:entries"), {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    )
    assert "De begindatum ligt na de einddatum." in response.content.decode()
    response = client.get(reverse("audit:entries"), {"child": "abc"})
    assert "Een kindnummer bestaat alleen uit cijfers." in response.content.decode()


def test_other_networks_entries_are_invisible(world, other_world, logged_reads):
    client = verified_client(world.users[Role.LOG_MANAGER])
    response = client.get(reverse("audit:entries"))
    networks = {r.network_id for r in response.context["page"].object_list}
    assert networks == {world.network.pk}
    response = client.get(reverse("audit:entries"), {"child": other_world.own_case.child.pk})
    assert response.status_code == 404


def test_export_of_one_childs_log(world, logged_reads):
    client = verified_client(world.users[Role.LOG_MANAGER])
    response = client.get(reverse("audit:child_export", args=[world.own_case.child.code]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["child_id"] for row in rows} == {str(world.own_case.child.pk)}
    assert len([r for r in rows if r["object_type"] == "case"]) == 2
    assert world.own_case.child.family_name not in response.content.decode()
    export = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert export.user_id == world.users[Role.LOG_MANAGER].pk


def test_export_for_another_networks_child_is_not_found(world, other_world):
    client = verified_client(world.users[Role.LOG_MANAGER])
    response = client.get(reverse("audit:child_export", args=[other_world.own_case.child.code]))
    assert response.status_code == 404


def test_one_childs_entries_go_a_page_at_a_time_with_their_labels(world):
    from vroeghulp.audit.views import ENTRIES_PER_PAGE

    reader = verified_client(world.users[Role.CASEMANAGER])
    for _ in range(ENTRIES_PER_PAGE + 1):
        reader.get(reverse("cases:detail", args=[world.own_case.code]))
    child = world.own_case.child.pk
    in_all = AuditEntry.objects.filter(child_id=child).count()
    assert in_all > ENTRIES_PER_PAGE

    client = verified_client(world.users[Role.LOG_MANAGER])
    first = client.get(reverse("audit:entries"), {"child": child})
    rows = list(first.context["page"].object_list)
    assert len(rows) == ENTRIES_PER_PAGE
    assert [r.sequence for r in rows] == sorted((r.sequence for r in rows), reverse=True)
    page = first.content.decode()
    assert '<td data-label="Handeling">Inzien</td>' in page
    assert "Lid van het team rond het kind" in page
    second = client.get(reverse("audit:entries"), {"child": child, "pagina": 2})
    rest = list(second.context["page"].object_list)
    # the second visit's own review entry came on top, so the pages overlap by that one
    assert rest and rows[-1].sequence == rest[0].sequence
    assert "pagina=2" in page and "Vorige" not in page
    assert "Vorige" in second.content.decode() and not second.context["page"].has_next
    past_the_end = client.get(reverse("audit:entries"), {"child": child, "pagina": 99})
    assert list(past_the_end.context["page"].object_list) == []
    assert "Geen regels." in past_the_end.content.decode()
    assert "pagina=98" in past_the_end.content.decode()
    for nonsense in ("99999999999999999999999", "-3", "twee"):
        response = client.get(reverse("audit:entries"), {"child": child, "pagina": nonsense})
        assert response.status_code == 200, nonsense


def test_a_row_writes_numbers_as_they_are_and_escapes_every_value():
    import datetime

    from django.utils import timezone

    from vroeghulp.audit.rows import audit_rows

    entry = AuditEntry(
        sequence=1234567,
        timestamp=datetime.datetime(2026, 3, 4, 11, 5, 9, tzinfo=datetime.UTC),
        user_label="<b>Jan</b>",
        organisation_label="",
        role="casemanager",
        child_id=4321,
        action=AuditAction.READ,
        object_type="case",
        object_id="17",
        grounds=Grounds.CONSENT,
        consent_id=9876,
        client_address="127.0.0.1",
    )
    with timezone.override("Europe/Amsterdam"):
        row = audit_rows([entry])
    assert row == (
        '<tr><td data-label="#">1234567</td><td data-label="Tijd">4 Mrt 2026 12:05:09</td>'
        '<td data-label="Gebruiker">&lt;b&gt;Jan&lt;/b&gt;</td>'
        '<td data-label="Organisatie / rol">– / casemanager</td><td data-label="Kind">4321</td>'
        f'<td data-label="Handeling">{entry.get_action_display()}</td>'
        '<td data-label="Object">case 17</td>'
        f'<td data-label="Grondslag">{entry.get_grounds_display()} (toestemming 9876)</td>'
        '<td data-label="Adres">127.0.0.1</td></tr>\n'
    )
    assert "Geen regels." in audit_rows([])


def test_summary_rows_read_as_the_template_wrote_them():
    import datetime

    from django.template import engines
    from django.utils import translation

    from vroeghulp.audit.rows import summary_rows

    summary = [
        {"key": datetime.date(2026, 3, 4), "count": 12345},
        {"key": "<i>Jan</i>", "count": 2},
        {"key": None, "count": 1},
    ]
    template = engines["django"].from_string(
        "{% load i18n %}{% for row in summary %}"
        '<tr><td data-label="{% translate "Dag" %}">{{ row.key|default:"–" }}</td>'
        '<td data-label="{% translate "Aantal" %}">{{ row.count }}</td></tr>{% endfor %}'
    )
    for language in ("nl", "en"):
        with translation.override(language):
            assert summary_rows(summary, "day") == template.render({"summary": summary})
    assert '<td data-label="Gebruiker">' in summary_rows(summary, "user")
    assert "Geen regels." in summary_rows([])
