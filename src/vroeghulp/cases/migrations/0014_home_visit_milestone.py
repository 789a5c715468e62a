from django.db import migrations, models

from vroeghulp.cases.milestones import refresh_milestones


def fill_in(apps, schema_editor):
    cases = apps.get_model("cases", "Case").objects.filter(intake__home_visit_on__isnull=False)
    refresh_milestones(cases, fields=["visited_on"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_timespent_by_day")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="visited_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="huisbezoek"
            ),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
