"""The form renderer: widgets from the project's templates, the plain `<input>` ones in Python.

Each text, date, number or e-mail field is drawn by Django through three templates (the widget's,
`input.html` and `attrs.html`); for the log manager's filter form that was a third of the page's
own template time. Those templates only include `input.html`, so writing the same markup here
gives the same HTML (tested against Django's templates). A project template that overrides one of
them must take it out of `PLAIN_INPUTS`, or it is not used.
"""

from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape

_WIDGETS = "django/forms/widgets/"
PLAIN_INPUTS = frozenset(
    _WIDGETS + name
    for name in (
        "input.html",
        "checkbox.html",
        "color.html",
        "date.html",
        "datetime.html",
        "email.html",
        "file.html",
        "hidden.html",
        "number.html",
        "password.html",
        "search.html",
        "tel.html",
        "text.html",
        "time.html",
        "url.html",
    )
)


class FormRenderer(TemplatesSetting):
    def render(self, template_name, context, request=None):
        if template_name in PLAIN_INPUTS:
            return plain_input(context["widget"])
        return super().render(template_name, context, request)


def plain_input(widget: dict) -> str:
    """Django's `input.html` with its `attrs.html`, escaped as the templates escape."""
    value = widget["value"]
    shown = f' value="{_text(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}'
        f"{attributes(widget['attrs'])}>"
    )


def attributes(attrs: dict) -> str:
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _text(value) -> str:
    # `{{ value|stringformat:'s' }}`: the text of the value, escaped unless marked safe
    return str(conditional_escape(value if hasattr(value, "__html__") else str(value)))
