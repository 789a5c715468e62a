"""Remembered form HTML never mixes up languages, choices, initial values or filled-in forms."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from vroeghulp import form_html
from vroeghulp.cases.forms import NoteForm, TransitionForm


class SearchForm(forms.Form):
    same_for_everyone = True
    q = forms.CharField(label=_("Zoeken"))


class PersonalForm(forms.Form):  # does not say it is the same for everyone
    name = forms.CharField(label="Naam")


def test_an_unbound_form_is_rendered_once_per_language():
    form_html._remembered.clear()
    with translation.override("nl"):
        dutch = form_html.form_fields(SearchForm())
        assert form_html.form_fields(SearchForm()) == dutch
    with translation.override("en"):
        english = form_html.form_fields(SearchForm())
    assert ">Zoeken</label>" in dutch and ">Search</label>" in english
    assert len(form_html._remembered) == 2


def test_choices_and_initial_values_are_part_of_the_key():
    first = TransitionForm(phases=["intake"], initial={"version": 3})
    other_phases = TransitionForm(phases=["closed"], initial={"version": 3})
    other_version = TransitionForm(phases=["intake"], initial={"version": 4})
    html = form_html.form_fields(first)
    assert 'value="intake"' in html and 'value="3"' in html
    assert 'value="closed"' in form_html.form_fields(other_phases)
    assert 'value="4"' in form_html.form_fields(other_version)
    assert form_html.form_fields(first) == html


def test_filled_in_and_personal_forms_are_rendered_afresh():
    form_html._remembered.clear()
    bound = NoteForm({"text": ""})
    assert not bound.is_valid()
    assert bound.errors["text"][0] in form_html.form_fields(bound)
    assert "Noor" in form_html.form_fields(PersonalForm(initial={"name": "Noor"}))
    assert "Sem" in form_html.form_fields(PersonalForm(initial={"name": "Sem"}))
    assert form_html._remembered == {}
