import datetime

import factory
from django.utils import timezone

from vroeghulp.networks.tests.factories import NetworkFactory
from vroeghulp.socialmap.constants import EntryKind
from vroeghulp.socialmap.models import SocialMapEntry


class SocialMapEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialMapEntry
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Aanbieder {n}")
    kind = EntryKind.CARE_PROVIDER
    description = "Behandeling en begeleiding voor jonge kinderen."
    checked_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)
