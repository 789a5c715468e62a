"""The navigation, following the process, showing only what the user's roles may open."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import Role

CARE = {Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER}

NAVIGATION = [
    ("home", _("Mijn werk"), CARE),
    ("cases:registrations", _("Aanmeldingen"), {Role.COORDINATOR}),
    ("cases:list", _("Trajecten"), CARE),
    ("children:search", _("Zoeken"), CARE),
    ("audit:entries", _("Logging"), {Role.LOG_MANAGER}),
    ("admin:index", _("Beheer"), {Role.NETWORK_ADMIN}),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    roles = {m.role for m in user.active_memberships()}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"url": reverse(name), "label": label, "current": name == current}
        for name, label, allowed in NAVIGATION
        if roles & allowed
    ]
    return {"navigation": items}
