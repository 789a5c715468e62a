import factory

from vroeghulp.networks.constants import OrganisationKind, PartnerType, TierKind
from vroeghulp.networks.models import Municipality, Network, Organisation, TeamTier


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"netwerk-{n}")
    name = factory.Sequence(lambda n: f"Regio {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    network = factory.SubFactory(NetworkFactory)
    cbs_code = factory.Sequence(lambda n: f"GM{n:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    children_0_7 = 1000


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.CARE_PROVIDER
    partner_type = PartnerType.CORE


class TeamTierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamTier

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Lokaal kernteam {n}")
    kind = TierKind.LOCAL
    disciplines = factory.LazyFunction(lambda: ["jeugdarts", "orthopedagoog"])
