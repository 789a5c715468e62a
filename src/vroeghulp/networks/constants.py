"""Choices for networks and their organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationalModel(models.TextChoices):
    FIELD_PARTNERS = "vp", _("Veldpartijenmodel (VP)")
    YOUTH_HEALTH_CARE = "jgz", _("JGZ-model")
    MUNICIPAL_INTEGRATED = "ggj", _("Gemeentelijk geïntegreerd jeugdmodel (GGJ)")


class OrganisationKind(models.TextChoices):
    YOUTH_HEALTH_CARE = "jgz", _("JGZ / consultatiebureau")
    CJG = "cjg", _("Centrum voor Jeugd en Gezin")
    NEIGHBOURHOOD_TEAM = "wijkteam", _("Sociaal wijkteam")
    MEE = "mee", _("MEE")
    CARE_PROVIDER = "care_provider", _("Zorgaanbieder")
    HOSPITAL = "hospital", _("Ziekenhuis")
    REHABILITATION = "rehabilitation", _("Revalidatiecentrum")
    GGZ = "ggz", _("GGZ")
    SCHOOL = "school", _("School")
    SCHOOL_PARTNERSHIP = "school_partnership", _("Samenwerkingsverband")
    CHILDCARE = "childcare", _("Kinderopvang / peuterspeelzaal")
    MUNICIPALITY = "municipality", _("Gemeente")
    OTHER = "other", _("Anders")


class PartnerType(models.TextChoices):
    CORE = "core", _("Kernpartner")
    CHAIN = "chain", _("Ketenpartner")


class Discipline(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator IVH")
    ORTHOPEDAGOOG = "orthopedagoog", _("Orthopedagoog / gedragswetenschapper")
    GZ_PSYCHOLOGIST = "gz_psycholoog", _("GZ-psycholoog")
    PAEDIATRICIAN = "kinderarts", _("Kinderarts")
    REHABILITATION_PHYSICIAN = "revalidatiearts", _("(Kinder)revalidatiearts")
    YOUTH_DOCTOR = "jeugdarts", _("Jeugdarts")
    YOUTH_NURSE = "jeugdverpleegkundige", _("Jeugdverpleegkundige")
    SPEECH_THERAPIST = "logopedist", _("Logopedist")
    PHYSIOTHERAPIST = "fysiotherapeut", _("Fysiotherapeut")
    PEDAGOGUE = "pedagoog", _("Pedagoog")
    SOCIAL_WORKER = "maatschappelijk_werker", _("Maatschappelijk werker")
    EDUCATION_ADVISER = "onderwijsadviseur", _("Onderwijsadviseur")
    CHILD_PSYCHIATRIST = "kinderpsychiater", _("Kinder- en jeugdpsychiater")
    CASEMANAGER = "trajectbegeleider", _("Trajectbegeleider / casemanager")
    OTHER = "other", _("Anders")


class PrematureVisitKind(models.TextChoices):
    """A moment of the follow-up of a premature child (the network's schedule names its kind)."""

    CONSULT = "consult", _("Consult")
    HOME_VISIT = "home_visit", _("Huisbezoek")


# Follow-up of children born too early: who is followed (born before this many weeks), until
# which corrected age, and at which corrected ages a consult or home visit is planned. Each is a
# network setting with these defaults.
PREMATURE_THRESHOLD_WEEKS = 32
CORRECTED_AGE_UNTIL_MONTHS = 24


def default_premature_schedule() -> list[dict]:
    return [
        {"months": 0, "kind": PrematureVisitKind.HOME_VISIT.value},
        {"months": 3, "kind": PrematureVisitKind.CONSULT.value},
        {"months": 6, "kind": PrematureVisitKind.CONSULT.value},
        {"months": 9, "kind": PrematureVisitKind.HOME_VISIT.value},
        {"months": 12, "kind": PrematureVisitKind.CONSULT.value},
        {"months": 18, "kind": PrematureVisitKind.CONSULT.value},
        {"months": 24, "kind": PrematureVisitKind.CONSULT.value},
    ]


class TierKind(models.TextChoices):
    """A network's team tiers: small local core teams, and one larger team for complex cases."""

    LOCAL = "local", _("Lokaal kernteam")
    PROVINCIAL = "provincial", _("Provinciaal (of regionaal) team")


class FollowUpMode(models.TextChoices):
    """How long-term follow-up runs in a network."""

    PROACTIVE = "proactive", _("Proactief: check-ins volgens een ritme, met herinneringen")
    ON_REQUEST = (
        "on_request",
        _("Op verzoek: geen geplande check-ins; contact zodra ouders of begeleider erom vragen"),
    )


# Cycles that divide a year, so every cycle period starts in the same months each year.
REPORT_CYCLES = [
    (1, _("elke maand")),
    (2, _("elke 2 maanden")),
    (3, _("elk kwartaal")),
    (4, _("elke 4 maanden")),
    (6, _("elk half jaar")),
    (12, _("elk jaar")),
]

MONTHS = [
    (1, _("januari")),
    (2, _("februari")),
    (3, _("maart")),
    (4, _("april")),
    (5, _("mei")),
    (6, _("juni")),
    (7, _("juli")),
    (8, _("augustus")),
    (9, _("september")),
    (10, _("oktober")),
    (11, _("november")),
    (12, _("december")),
]
