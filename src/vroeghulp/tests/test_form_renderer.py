"""The plain inputs written in Python give exactly the HTML of Django's own widget templates."""

import datetime

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.audit.forms import AuditFilterForm
from vroeghulp.form_renderer import PLAIN_INPUTS, FormRenderer

DJANGOS = TemplatesSetting()
OURS = FormRenderer()

WIDGETS = [
    forms.TextInput(attrs={"placeholder": _("Zoeken"), "autofocus": True, "hidden": False}),
    forms.NumberInput(attrs={"min": 1, "step": 0.5}),
    forms.EmailInput(attrs={"class": 'a"b<c>&d'}),
    forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    forms.DateTimeInput(),
    forms.TimeInput(),
    forms.HiddenInput(),
    forms.PasswordInput(render_value=True),
    forms.PasswordInput(),
    forms.CheckboxInput(),
    forms.URLInput(),
    forms.FileInput(),
]
VALUES = [
    None,
    "",
    "plain",
    'O\'Brien & <Zn> "quoted"',
    mark_safe("<b>safe</b>"),
    42,
    1.5,
    True,
    datetime.date(2026, 12, 3),
    datetime.datetime(2026, 12, 3, 9, 30, tzinfo=datetime.UTC),
]


def _both(widget, value) -> tuple[str, str]:
    return (
        widget.render("veld", value, attrs={"id": "id_veld"}, renderer=DJANGOS),
        widget.render("veld", value, attrs={"id": "id_veld"}, renderer=OURS),
    )


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: type(w).__name__)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_same_html_as_djangos_templates(widget, value):
    assert widget.template_name in PLAIN_INPUTS
    django_html, our_html = _both(widget, value)
    assert our_html == django_html


@given(value=st.text(), attribute=st.text())
def test_any_text_is_escaped_as_django_escapes_it(value, attribute):
    widget = forms.TextInput(attrs={"data-x": attribute, "title": attribute})
    django_html, our_html = _both(widget, value)
    assert our_html == django_html


def test_other_widgets_still_use_their_templates():
    widget = forms.Textarea(attrs={"rows": 3})
    assert widget.template_name not in PLAIN_INPUTS
    django_html, our_html = _both(widget, "tekst <b>")
    assert our_html == django_html


def test_the_log_filter_form_with_its_errors_renders_as_before():
    data = {"child": "abc", "user": "a@b", "date_from": "3-12-2026", "group": "day"}

    def rendered(renderer):
        form = AuditFilterForm(data, renderer=renderer)
        assert not form.is_valid()
        return get_template("_form.html").render({"form": form})

    assert rendered(OURS) == rendered(DJANGOS)
    assert 'value="abc"' in rendered(OURS)
