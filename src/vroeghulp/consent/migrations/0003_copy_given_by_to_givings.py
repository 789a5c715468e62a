"""Each guardian named on an existing consent becomes their own giving, on the consent's day."""

from django.db import migrations


def forwards(apps, schema_editor):
    Consent = apps.get_model("consent", "Consent")
    ConsentGiving = apps.get_model("consent", "ConsentGiving")
    Through = Consent.given_by.through
    rows = Through.objects.select_related("consent").iterator(chunk_size=2000)
    batch = []
    for row in rows:
        batch.append(
            ConsentGiving(
                consent_id=row.consent_id,
                guardian_id=row.guardian_id,
                given_on=row.consent.given_on,
                recorded_by_id=row.consent.recorded_by_id,
            )
        )
        if len(batch) >= 2000:
            ConsentGiving.objects.bulk_create(batch)
            batch = []
    ConsentGiving.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    Consent = apps.get_model("consent", "Consent")
    ConsentGiving = apps.get_model("consent", "ConsentGiving")
    Through = Consent.given_by.through
    Through.objects.bulk_create(
        Through(consent_id=g.consent_id, guardian_id=g.guardian_id)
        for g in ConsentGiving.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [("consent", "0002_consent_giving")]

    operations = [migrations.RunPython(forwards, backwards)]
