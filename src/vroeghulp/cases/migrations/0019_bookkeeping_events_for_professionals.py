"""Data: notes, hours written and reasons of delay are the professionals' bookkeeping; their
timeline events leave the parents' timeline. (The summaries were only ever written in Dutch:
these texts have no translation.)"""

from django.db import migrations
from django.db.models import Q


def mark(apps, schema_editor):
    TimelineEvent = apps.get_model("cases", "TimelineEvent")
    TimelineEvent.objects.filter(
        Q(kind="note_added")
        | Q(kind="execution", summary__contains=" uur geschreven: ")
        | Q(kind="execution", summary__startswith="Reden van vertraging (")
    ).update(professional_only=True)


class Migration(migrations.Migration):
    dependencies = [("cases", "0018_team_one_active_place")]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
