"""Data: a trajectory waiting in the meeting phase whose child the team already concluded on
may move on to advice, as before."""

from django.db import migrations
from django.db.models import Max


def fill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    concluded = (
        AgendaItem.objects.filter(case__phase="meeting", discussed_at__isnull=False)
        .values("case_id")
        .annotate(last=Max("discussed_at"))
    )
    for row in concluded:
        Case.objects.filter(pk=row["case_id"]).update(meeting_concluded_at=row["last"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0020_meeting_concluded"), ("meetings", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
