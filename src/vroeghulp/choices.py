"""Choice labels for list pages, without Django rebuilding every choice per row."""

import functools

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@functools.cache
def _labels(field) -> dict:
    # Lazy labels: they are translated when shown, in the language of that request.
    return dict(make_hashable(field.flatchoices))


class ChoiceLabels:
    """Mixin for models shown a row at a time: `get_FOO_display` with the choices read once.

    Django's own builds a dict of the field's (translated) choices on every call; a page of 100
    audit entries spent half its time there.
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)
