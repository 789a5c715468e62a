"""End the second (third, ...) active place of a person in the same role on one team.

The demo seeding put the coordinator on every team twice, and the add action did not refuse a
second place; 0018 then forbids it in the database. The oldest place is kept (it carries the
real start); each later duplicate ends at its own start, so the history shows it held no time.
"""

from django.db import migrations
from django.db.models import Count, F


def end_duplicates(apps, schema_editor):
    TeamMember = apps.get_model("cases", "TeamMember")
    active = TeamMember.objects.filter(ended_at__isnull=True)
    doubled = (
        active.values("case_id", "user_id", "team_role")
        .annotate(places=Count("id"))
        .filter(places__gt=1)
    )
    for group in list(doubled):
        places = active.filter(
            case_id=group["case_id"], user_id=group["user_id"], team_role=group["team_role"]
        ).order_by("started_at", "id")
        keep = places.first()
        places.exclude(pk=keep.pk).update(ended_at=F("started_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0016_waiting_first_meeting_index"),
    ]

    operations = [
        # nothing to undo: the ended duplicates stay ended (they were never needed)
        migrations.RunPython(end_duplicates, migrations.RunPython.noop),
    ]
