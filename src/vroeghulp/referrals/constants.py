"""Choices for registrations (aanmeldingen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Route(models.TextChoices):
    PUBLIC_FORM = "public_form", _("Webformulier (ouders)")
    REFERRER = "referrer", _("Vooraanmelding door verwijzer")
    PHONE = "phone", _("Telefonisch")
    CJG_FRONT_OFFICE = "cjg", _("Voordeur CJG")
    NEIGHBOURHOOD_TEAM = "wijkteam", _("Sociaal wijkteam")
    CBPLUS = "cbplus", _("CB-plus (consultatiebureau)")


# Routes intake staff enter on someone's behalf.
STAFF_ROUTES = [Route.PHONE, Route.CJG_FRONT_OFFICE, Route.NEIGHBOURHOOD_TEAM]


class Status(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Wacht op bevestiging ouders")
    NEW = "new", _("Nieuw")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Elders geadviseerd")
    MERGED = "merged", _("Samengevoegd")
    NOT_CONFIRMED = "not_confirmed", _("Niet bevestigd door ouders")


class DeclineKind(models.TextChoices):
    """Why a registration did not lead to a trajectory: counted by the monitoring."""

    LIGHT_SUPPORT = "light_support", _("Lichte ondersteuning elders (bijv. CJG)")
    OUTSIDE_GROUP = "outside_group", _("Buiten de doelgroep of leeftijd")
    STEPS_SKIPPED = (
        "steps_skipped",
        _("Eerdere stappen overgeslagen (bijv. eerst de jeugdarts of huisarts)"),
    )
    HELPED_ELSEWHERE = "helped", _("Hulp loopt al elders")
    PARENTS = "parents", _("Ouders zien af van een traject")
    OTHER = "other", _("Anders")


# A referrer's pre-registration waits this long for the parents' confirmation.
CONFIRMATION_DAYS = 14

# Registrations the coordinator still has to decide on.
OPEN_STATUSES = frozenset({Status.NEW})


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    TIGRINYA = "ti", _("Tigrinya")
    UKRAINIAN = "uk", _("Oekraïens")
    OTHER = "other", _("Anders")
