"""Roles a professional can hold in a network."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator / aanmeldfunctionaris")
    CASEMANAGER = "casemanager", _("Casemanager / trajectbegeleider")
    TEAM_MEMBER = "team_member", _("Lid kernteam")
    REFERRER = "referrer", _("Verwijzer")
    NETWORK_ADMIN = "network_admin", _("Netwerkbeheerder")
    ANALYST = "analyst", _("Analist (alleen totalen)")
    LOG_MANAGER = "log_manager", _("Logbeheerder")
    # Holds CB-plus consults at a well-baby clinic (JGZ); reads no IVH case file.
    CBPLUS = "cbplus", _("Medewerker CB-plus")


# Roles whose holders can reach a child's data, or hand out such access, must log in with a
# second factor.
ROLES_REQUIRING_SECOND_FACTOR = frozenset(
    {
        Role.COORDINATOR,
        Role.CASEMANAGER,
        Role.TEAM_MEMBER,
        Role.NETWORK_ADMIN,
        Role.LOG_MANAGER,
        Role.CBPLUS,
    }
)
