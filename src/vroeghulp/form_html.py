"""A form's fields as HTML, remembered for the forms that are the same for everyone.

Django renders every field and widget through templates of their own: three small forms were a
sixth of the case page's time. A form class that sets `same_for_everyone = True` promises that it
holds no personal data. While it is not filled in, its HTML then depends only on the language,
its initial values, choices and widget attributes, which make up the key: it is rendered once
per process for each of those. A filled-in form (with its errors) is always rendered afresh.
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

REMEMBERED = 500  # forms kept per process; the key includes e.g. today's date in date widgets
_remembered: dict[tuple, SafeString] = {}


@register.simple_tag
def form_fields(form) -> SafeString:
    if form.is_bound or not getattr(form, "same_for_everyone", False):
        return _render(form)
    key = _key(form)
    html = _remembered.get(key)
    if html is None:
        html = _render(form)
        if len(_remembered) >= REMEMBERED:
            _remembered.clear()
        _remembered[key] = html
    return html


def _render(form) -> SafeString:
    return get_template("_form.html").render({"form": form})


def _key(form) -> tuple:
    fields = tuple(
        (
            name,
            _plain(form.get_initial_for_field(field, name)),
            _plain(getattr(field, "choices", None)),
            _plain(field.widget.attrs),
        )
        for name, field in form.fields.items()
    )
    return (type(form), get_language(), form.prefix, form.auto_id, fields)


def _plain(value) -> str:
    """A text that differs when the rendered value would (lazy labels translated)."""
    if isinstance(value, dict):
        return repr(sorted((str(k), _plain(v)) for k, v in value.items()))
    if hasattr(value, "__iter__") and not isinstance(value, str):  # iterators too: choices
        return repr([_plain(item) for item in value])
    return repr(str(value)) if value is not None else "None"
