"""Searching children among those the user may see; each search is logged per child found."""

from django.db.models import Q

from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.access.queries import visible_cases

MAX_RESULTS = 50


def search_cases(user, *, name: str = "", date_of_birth=None):
    # The child is in the case's network; saying so lets the database match names among that
    # network's children instead of all children in the country.
    cases = (
        visible_cases(user)
        .filter(child__network_id__in=user.networks_with_role(*CARE_ROLES))
        .select_related("child", "child__municipality", "child__network")
    )
    for part in name.split():
        cases = cases.filter(
            Q(child__given_name__icontains=part) | Q(child__family_name__icontains=part)
        )
    if date_of_birth:
        cases = cases.filter(child__date_of_birth=date_of_birth)
    return list(
        cases.order_by("child__family_name", "child__given_name", "-opened_at")[:MAX_RESULTS]
    )
