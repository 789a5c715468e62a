import datetime

from django.utils import timezone

from vroeghulp.children.models import Child


def born_at_27_plus_1(case, days_ago: int = 60):
    """Make the case's child born `days_ago` days ago at 27 weeks and 1 day (90 days early)."""
    born = timezone.localdate() - datetime.timedelta(days=days_ago)
    Child.objects.filter(pk=case.child_id).update(
        date_of_birth=born, gestational_age_weeks=27, gestational_age_days=1
    )
    case.child.refresh_from_db()
    return born
