"""Which children a CB-plus worker may pick for a new consult, and the consult list's rows."""

from django.db.models import Q, QuerySet

from vroeghulp.access.queries import visible_children, visible_consults
from vroeghulp.children.models import Child

from .models import Consult


def children_for_consult(user, network_id: int) -> QuerySet[Child]:
    """Children of the network the user already knows: from a consult they may read, or from a
    case file they may open. Nobody browses the network's other children from here."""
    from_consults = visible_consults(user).filter(network_id=network_id).values("child_id")
    return Child.objects.filter(
        Q(pk__in=from_consults) | Q(pk__in=visible_children(user).values("pk")),
        network_id=network_id,
    ).order_by("family_name", "given_name", "pk")


def consult_rows(user) -> QuerySet[Consult]:
    """The consults the user may read, newest first, with what the list shows (no N+1)."""
    return (
        visible_consults(user)
        .select_related("child", "organisation", "registration")
        .order_by("-held_on", "-pk")
    )
