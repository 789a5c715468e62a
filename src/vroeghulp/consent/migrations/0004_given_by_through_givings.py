from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0005_custody_change"),
        ("consent", "0003_copy_given_by_to_givings"),
    ]

    operations = [
        migrations.RemoveField(model_name="consent", name="given_by"),
        migrations.AddField(
            model_name="consent",
            name="given_by",
            field=models.ManyToManyField(
                related_name="consents_given",
                through="consent.ConsentGiving",
                to="children.guardian",
            ),
        ),
    ]
