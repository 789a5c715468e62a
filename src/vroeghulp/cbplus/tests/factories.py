import datetime

import factory
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, professional
from vroeghulp.cbplus.models import Consult, Finding, Participant
from vroeghulp.children.tests.factories import ChildFactory, GuardianFactory
from vroeghulp.networks.constants import Discipline, OrganisationKind
from vroeghulp.networks.tests.factories import OrganisationFactory


def clinic(network, name: str = "JGZ Oost"):
    """A well-baby clinic of the network."""
    return OrganisationFactory(
        network=network, name=f"{name} {network.slug}", kind=OrganisationKind.YOUTH_HEALTH_CARE
    )


def cbplus_worker(organisation, **user_fields):
    return professional(Role.CBPLUS, organisation, **user_fields)


def young_child(network, **fields):
    """A child of two, with a mother who has custody."""
    child = ChildFactory(
        network=network,
        date_of_birth=timezone.localdate() - datetime.timedelta(days=2 * 365),
        **fields,
    )
    GuardianFactory(child=child, full_name="Mira de Vries")
    return child


class ConsultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consult

    organisation = factory.LazyAttribute(lambda o: clinic(o.network))
    network = factory.SelfAttribute("child.network")
    child = factory.LazyFunction(lambda: young_child(ChildFactory().network))
    held_on = factory.LazyFunction(timezone.localdate)
    duration_minutes = 45
    created_by = factory.SubFactory(UserFactory)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    consult = factory.SubFactory(ConsultFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    discipline = Discipline.YOUTH_DOCTOR


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    consult = factory.SubFactory(ConsultFactory)
    discipline = Discipline.YOUTH_DOCTOR
    text = "Groeit goed; loopt nog niet."
    author = factory.SubFactory(UserFactory)
