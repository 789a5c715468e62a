"""What an audit entry can say happened, and on which grounds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Inzien")
    CREATE = "create", _("Toevoegen")
    UPDATE = "update", _("Wijzigen")
    DELETE = "delete", _("Verwijderen")
    EXPORT = "export", _("Exporteren")
    PRINT = "print", _("Afdrukken")
    SEARCH = "search", _("Zoeken")
    EMERGENCY_ACCESS = "emergency", _("Noodtoegang verleend")
    # A request for something the user may not see: no child named when none is visible.
    REFUSED = "refused", _("Geweigerd")


class Grounds(models.TextChoices):
    TEAM_MEMBERSHIP = "team", _("Lid van het team rond het kind")
    TRIAGE = "triage", _("Beoordeling van een nieuwe aanmelding")
    CONSENT = "consent", _("Toestemming van de ouders")
    EMERGENCY = "emergency", _("Noodtoegang")
    PARENT = "parent", _("Ouder of verzorger van het kind")
    REFERRAL = "referral", _("Aanmelding door verwijzer")
    LOG_MANAGEMENT = "log_management", _("Controle van de logging")
    RETENTION = "retention", _("Bewaartermijn verstreken")
    CBPLUS = "cbplus", _("CB-plus-consult: consultatiebureau of deelnemer")
