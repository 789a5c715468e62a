import datetime

import factory

from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.children.models import Child, Guardian
from vroeghulp.networks.tests.factories import NetworkFactory


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    network = factory.SubFactory(NetworkFactory)
    given_name = factory.Sequence(lambda n: f"Kind{n}")
    family_name = factory.Sequence(lambda n: f"Achternaam{n}")
    date_of_birth = datetime.date(2024, 3, 15)
    sex = Sex.FEMALE


class GuardianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guardian

    child = factory.SubFactory(ChildFactory)
    full_name = factory.Sequence(lambda n: f"Ouder {n}")
    relation = GuardianRelation.MOTHER
    has_custody = True
