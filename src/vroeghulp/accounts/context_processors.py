"""The navigation, following the process, showing only what the user's roles may open."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.states import Phase

from .constants import Role

CARE = {Role.COORDINATOR, Role.CASEMANAGER, Role.TEAM_MEMBER}

# (url name, phase filter, label, roles that see it)
NAVIGATION = [
    ("home", "", _("Mijn werk"), CARE),
    ("cbplus:list", "", _("CB-plus"), {Role.CBPLUS, Role.COORDINATOR}),
    ("cases:registrations", "", _("Aanmeldingen"), {Role.COORDINATOR}),
    ("cases:list", "", _("Trajecten"), CARE),
    ("meetings:list", "", _("MDO"), CARE),
    ("cases:list", Phase.ADVICE, _("Adviesplannen"), CARE),
    ("followup:list", "", _("Follow-up"), CARE),
    ("monitoring:overview", "", _("Monitoring"), {Role.COORDINATOR, Role.ANALYST}),
    ("children:search", "", _("Zoeken"), CARE),
    ("socialmap:list", "", _("Sociale kaart"), set(Role)),
    ("audit:entries", "", _("Logging"), {Role.LOG_MANAGER}),
    ("admin:index", "", _("Beheer"), {Role.NETWORK_ADMIN}),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    if user.requires_second_factor and not user.is_verified():
        return {"navigation": []}
    roles = {m.role for m in user.active_memberships()}
    current = request.resolver_match.view_name if request.resolver_match else ""
    current_phase = request.GET.get("fase", "")
    items = [
        {
            "url": reverse(name) + (f"?fase={phase}" if phase else ""),
            "label": label,
            "current": name == current and phase == current_phase,
        }
        for name, phase, label, allowed in NAVIGATION
        if roles & allowed
    ]
    return {"navigation": items}
