import datetime

import factory

from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    child = None
    network = factory.SelfAttribute("child.network")
    organisation = None
    purpose = Purpose.EXCHANGE_INFORMATION
    given_on = datetime.date(2025, 1, 1)
