from django.db import migrations, models

from vroeghulp.cases.milestones import refresh_milestones


def fill_in(apps, schema_editor):
    cases = apps.get_model("cases", "Case").objects.all()
    found = [
        ("casemanager_from", cases.filter(team__team_role="casemanager")),
        ("first_meeting_on", cases.filter(agenda_items__isnull=False)),
        ("plan_discussed_on", cases.filter(plan__versions__discussions__isnull=False)),
    ]
    for field, having in found:
        refresh_milestones(having.distinct(), fields=[field])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_time_spent"),
        ("meetings", "0001_initial"),
        ("plans", "0005_monitoring_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="casemanager_from",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="eerste casemanager"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="first_meeting_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="eerste MDO"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="plan_discussed_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="adviesplan eerst besproken"
            ),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
