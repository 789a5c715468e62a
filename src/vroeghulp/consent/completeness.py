"""Is a consent complete: who still has to give it, and whether the child still has to agree.

The same rule as `ConsentQuerySet.in_force` (which answers it in one query for the access
policy), written out for the pages that say *what* is missing:
- only guardians who have custody now count: a giving by a guardian who lost custody lapses
  (they no longer decide for the child; the remaining guardian is asked instead);
- a purpose in `NEEDS_EVERY_CUSTODIAN` needs every guardian with custody, any other purpose one;
- where the network asks children themselves from an age (`Network.child_say_from_age`) and
  the child has that age on the day, the child's own agreement is needed too.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from vroeghulp.children.models import Guardian

from .constants import NEEDS_EVERY_CUSTODIAN, ChildAnswer
from .models import Consent


def has_reached_age(date_of_birth: datetime.date, years: int, on: datetime.date) -> bool:
    """Whether someone born on `date_of_birth` is `years` old on `on` (born on 29 February: a
    year older on 1 March in a year without it)."""
    return (date_of_birth.year + years, date_of_birth.month, date_of_birth.day) <= (
        on.year,
        on.month,
        on.day,
    )


@dataclass
class Completeness:
    # Guardians with custody whose giving is still needed. With `any_of`, one of them suffices.
    missing: list[Guardian] = field(default_factory=list)
    any_of: bool = False
    # Nobody has custody now: nobody can give it.
    no_custodian: bool = False
    # The network asks this child and the child did not agree (yet).
    child_needed: bool = False
    child_refused: bool = False

    @property
    def complete(self) -> bool:
        return not self.missing and not self.no_custodian and not self.child_needed


def completeness(
    consent: Consent, custodians: list[Guardian], on: datetime.date | None = None
) -> Completeness:
    """`consent.givings` (prefetched) against the child's guardians with custody now;
    `consent.network` and `consent.child` are read for the child's say."""
    on = on or timezone.localdate()
    gave = {g.guardian_id for g in consent.givings.all() if g.given_on <= on}
    result = Completeness(no_custodian=not custodians)
    if consent.purpose in NEEDS_EVERY_CUSTODIAN:
        result.missing = [g for g in custodians if g.pk not in gave]
    elif not any(g.pk in gave for g in custodians):
        result.missing = list(custodians)
        result.any_of = len(custodians) > 1
    age = consent.network.child_say_from_age
    if age is not None and has_reached_age(consent.child.date_of_birth, age, on):
        agreed = consent.child_answer == ChildAnswer.AGREED and (
            consent.child_asked_on is not None and consent.child_asked_on <= on
        )
        result.child_needed = not agreed
        result.child_refused = consent.child_answer == ChildAnswer.REFUSED
    return result


def child_is_asked(child, on: datetime.date | None = None) -> bool:
    """Whether the child's own agreement is needed on `on` (the network's setting and age)."""
    age = child.network.child_say_from_age
    return age is not None and has_reached_age(child.date_of_birth, age, on or timezone.localdate())
