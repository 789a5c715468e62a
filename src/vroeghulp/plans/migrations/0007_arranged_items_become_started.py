"""Items that stood as "arranged" (Geregeld, a status no longer offered) now stand as started.

Issued versions keep their own snapshot with the label they were issued with; only the living
draft's items change.
"""

from django.db import migrations


def arranged_to_started(apps, schema_editor):
    PlanItem = apps.get_model("plans", "PlanItem")
    PlanItem.objects.filter(status="arranged").update(status="started")


class Migration(migrations.Migration):
    dependencies = [("plans", "0006_plan_item_dates_and_status")]

    # going back leaves them started: which were arranged is not known any more
    operations = [migrations.RunPython(arranged_to_started, migrations.RunPython.noop)]
