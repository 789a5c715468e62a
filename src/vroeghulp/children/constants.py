"""Choices about children and their parents or guardians."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "f", _("Meisje")
    MALE = "m", _("Jongen")
    OTHER = "x", _("Anders / onbekend")


class GuardianRelation(models.TextChoices):
    MOTHER = "mother", _("Moeder")
    FATHER = "father", _("Vader")
    PARENT = "parent", _("Ouder")
    GUARDIAN = "guardian", _("Voogd")
    FOSTER_PARENT = "foster", _("Pleegouder")
    OTHER = "other", _("Anders")


class FamilyLinkKind(models.TextChoices):
    """How two children of one family are related; shown on both children's case pages."""

    SIBLING = "sibling", _("broer/zus")
    MULTIPLE_BIRTH = "multiple_birth", _("tweeling of meerling")
    HOUSEHOLD = "household", _("zelfde huishouden")


class FamilyLinkSource(models.TextChoices):
    CASE_PAGE = "case_page", _("Vastgelegd in het dossier")
    DUPLICATE_CHECK = "duplicate_check", _("Bij de aanmelding: zelfde gezin")


class CustodyChangeKind(models.TextChoices):
    GAINED = "gained", _("Gezag gekregen")
    LOST = "lost", _("Gezag verloren")


class CustodySource(models.TextChoices):
    COURT_DECISION = "court", _("Uitspraak van de rechter")
    CUSTODY_REGISTER = "register", _("Ingeschreven in het gezagsregister")
    PARENTS_STATEMENT = "statement", _("Verklaring van de ouders")
    OTHER = "other", _("Anders")
