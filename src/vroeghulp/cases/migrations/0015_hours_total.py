from django.db import migrations, models

from vroeghulp.cases.milestones import refresh_milestones


def fill_in(apps, schema_editor):
    cases = apps.get_model("cases", "Case").objects.filter(time_spent__isnull=False)
    refresh_milestones(cases.distinct(), fields=["hours_total"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0014_home_visit_milestone")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="hours_total",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=8,
                null=True,
                verbose_name="uren geschreven",
            ),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
