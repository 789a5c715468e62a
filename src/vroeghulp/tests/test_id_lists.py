"""`among` selects exactly the rows whose column is in the list, on either database."""

import pytest

from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.id_lists import among

pytestmark = pytest.mark.django_db


def test_among_a_list_of_ids(world):
    own, other = world.own_case, world.other_case
    assert set(Case.objects.filter(among("pk", [own.pk]))) == {own}
    assert set(Case.objects.filter(among("pk", [own.pk, other.pk, own.pk]))) == {own, other}
    assert not Case.objects.filter(among("pk", [])).exists()
    # across a relation, and negated
    members = TeamMember.objects.filter(among("case__id", [own.pk]))
    assert members.exists() and {m.case_id for m in members} == {own.pk}
    assert own not in Case.objects.exclude(among("pk", [own.pk]))
