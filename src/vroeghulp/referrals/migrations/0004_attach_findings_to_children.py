"""Data: earlier findings of registrations already accepted or merged belong to their child."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def attach(apps, schema_editor):
    EarlierExamination = apps.get_model("referrals", "EarlierExamination")
    Registration = apps.get_model("referrals", "Registration")
    child_of = Registration.objects.filter(pk=OuterRef("registration_id")).values("child_id")[:1]
    EarlierExamination.objects.filter(
        child__isnull=True, registration__child__isnull=False
    ).update(child_id=Subquery(child_of))


class Migration(migrations.Migration):
    dependencies = [("referrals", "0003_earlier_findings_in_the_file")]

    operations = [migrations.RunPython(attach, migrations.RunPython.noop)]
