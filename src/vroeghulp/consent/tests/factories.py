import datetime

import factory

from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent, ConsentGiving


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent
        skip_postgeneration_save = True

    child = None
    network = factory.SelfAttribute("child.network")
    organisation = None
    purpose = Purpose.EXCHANGE_INFORMATION
    given_on = datetime.date(2025, 1, 1)

    @factory.post_generation
    def given_by(self, create, extracted, **kwargs):
        """Given by the guardians passed in, or else by every guardian with custody."""
        if not create:
            return
        guardians = (
            extracted
            if extracted is not None
            else list(self.child.guardians.filter(has_custody=True))
        )
        ConsentGiving.objects.bulk_create(
            ConsentGiving(consent=self, guardian=g, given_on=self.given_on) for g in guardians
        )
