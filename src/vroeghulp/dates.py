"""`moment`: a date and time as Django's `date:"j M Y H:i:s"` writes it, several times faster.

The audit log shows fifty of them per page; Django's general formatter, which parses the format
and looks up translations for every value, was a sixth of that page's time.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import get_language

register = template.Library()

_months: dict[str, list[str]] = {}


def _month_names() -> list[str]:
    language = get_language()
    if language not in _months:
        _months[language] = [""] + [str(MONTHS_3[n]).title() for n in range(1, 13)]
    return _months[language]


@register.filter
def moment(value: datetime.datetime | None) -> str:
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    month = _month_names()[local.month]
    return f"{local.day} {month} {local.year} {local:%H:%M:%S}"
