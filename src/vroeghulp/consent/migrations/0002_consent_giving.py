import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0005_custody_change"),
        ("consent", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ConsentGiving",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("given_on", models.DateField(verbose_name="gegeven op")),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "withdrawn_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="ingetrokken op"),
                ),
                (
                    "consent",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="givings",
                        to="consent.consent",
                    ),
                ),
                (
                    "guardian",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="givings",
                        to="children.guardian",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "toestemming van een ouder",
                "verbose_name_plural": "toestemmingen van ouders",
                "ordering": ["given_on", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("consent", "guardian"), name="one_giving_per_guardian"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="consent",
            name="child_answer",
            field=models.CharField(
                blank=True,
                choices=[("agreed", "Stemt in"), ("refused", "Stemt niet in")],
                max_length=8,
                verbose_name="antwoord van het kind",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="child_asked_on",
            field=models.DateField(blank=True, null=True, verbose_name="kind gevraagd op"),
        ),
        migrations.AddField(
            model_name="consent",
            name="child_asked_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="kind gevraagd door",
            ),
        ),
    ]
