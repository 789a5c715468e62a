import datetime

import factory
from django.utils import timezone

from vroeghulp.networks.tests.factories import NetworkFactory
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    network = factory.SubFactory(NetworkFactory)
    route = Route.PHONE
    status = Status.NEW
    received_at = factory.LazyFunction(timezone.now)
    callback_due_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=14)
    )
    child_given_name = "Sofie"
    child_family_name = "Yılmaz"
    child_date_of_birth = datetime.date(2024, 5, 2)
    guardians = factory.LazyFunction(
        lambda: [
            {
                "full_name": "Ayşe Yılmaz",
                "relation": "mother",
                "phone": "06-12345678",
                "email": "ayse@example.test",
                "preferred_language": "tr",
            }
        ]
    )
    concern_parents = "Ze praat nog niet."
