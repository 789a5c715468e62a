"""Finding entries of the social map: by network, text, kind, a child's age and municipality."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .ages import months_old
from .constants import HELP_KINDS


class EntryQuerySet(models.QuerySet):
    def of_networks(self, network_ids) -> "EntryQuerySet":
        return self.filter(network_id__in=network_ids)

    def active(self) -> "EntryQuerySet":
        return self.filter(is_active=True)

    def matching(self, text: str) -> "EntryQuerySet":
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(description__icontains=text))

    def for_age(self, months: int | None) -> "EntryQuerySet":
        """Entries serving a child of `months` months: from `age_from` until `age_to`."""
        if months is None:
            return self
        return self.filter(
            Q(age_from_months__isnull=True) | Q(age_from_months__lte=months),
            Q(age_to_months__isnull=True) | Q(age_to_months__gt=months),
        )

    def for_municipality(self, municipality_id: int | None) -> "EntryQuerySet":
        """Entries serving the municipality, or the whole network (no municipality named).

        EXISTS rather than a join: an entry serving several municipalities is one row."""
        if municipality_id is None:
            return self
        served = self.model.municipalities.through.objects.filter(socialmapentry=OuterRef("pk"))
        return self.filter(~Exists(served) | Exists(served.filter(municipality_id=municipality_id)))

    def fitting(self, child, kinds=HELP_KINDS, today: datetime.date | None = None):
        """Active entries of the child's network of `kinds` that serve the child's age and
        municipality: what a plan item, a referral or an offer picks from."""
        today = today or timezone.localdate()
        return (
            self.filter(network_id=child.network_id, kind__in=kinds)
            .active()
            .for_age(months_old(child.date_of_birth, today))
            .for_municipality(child.municipality_id)
        )
