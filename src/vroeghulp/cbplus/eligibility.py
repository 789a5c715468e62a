"""What makes a CB-plus consult a CB-plus consult: a child under four, half an hour to an hour."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .constants import LONGEST_MINUTES, OLDEST_AGE_YEARS, SHORTEST_MINUTES


def check_duration(minutes: int | None) -> None:
    if minutes is None or not SHORTEST_MINUTES <= minutes <= LONGEST_MINUTES:
        raise ValidationError(
            _("Een CB-plus-consult duurt %(shortest)s tot %(longest)s minuten.")
            % {"shortest": SHORTEST_MINUTES, "longest": LONGEST_MINUTES},
            code="duration",
        )


def fourth_birthday(born: datetime.date) -> datetime.date:
    try:
        return born.replace(year=born.year + OLDEST_AGE_YEARS)
    except ValueError:  # born on 29 February
        return datetime.date(born.year + OLDEST_AGE_YEARS, 3, 1)


def check_age(born: datetime.date, held_on: datetime.date) -> None:
    """The child is 0 to 4 on the day of the consult: born by then, not yet four."""
    if held_on < born or held_on >= fourth_birthday(born):
        raise ValidationError(
            _("Een CB-plus-consult is voor kinderen van 0 tot 4 jaar op de dag van het consult."),
            code="age",
        )
