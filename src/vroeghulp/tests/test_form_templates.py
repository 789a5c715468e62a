"""Every form is drawn by Django's form templates, the project's own in templates/django/forms/:
labels, the error summary and the links between a field and its help text and error."""

from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class ExampleForm(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals in het paspoort.")
    when = forms.DateField(label="Datum", required=False)
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "Eerste"), ("b", "Tweede")], widget=forms.RadioSelect
    )
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def test_an_empty_form_has_labels_and_no_error_summary():
    html = render_to_string("_form.html", {"form": ExampleForm()})
    assert '<label for="id_name">Naam</label>' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert '<div class="help" id="id_name_helptext">Zoals in het paspoort.</div>' in html
    assert "data-error-summary" not in html
    assert 'type="hidden" name="secret"' in html


def test_a_group_of_choices_is_a_fieldset_with_a_legend():
    html = render_to_string("_form.html", {"form": ExampleForm()})
    assert "<legend>Soort</legend>" in html
    assert '<label for="id_kind_0"><input type="radio" name="kind" value="a"' in html


def test_errors_are_summarised_at_the_top_and_linked_to_their_field():
    form = ExampleForm(data={"when": "gisteren"})
    with translation.override("nl"):
        html = render_to_string("_form.html", {"form": form})
    summary = html[: html.index('<div class="field')]
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert "Niet alles is goed ingevuld" in summary
    assert '<a href="#id_name">Naam</a>: Dit veld is verplicht.' in summary
    assert '<a href="#id_when">Datum</a>: Voer een geldige datum in.' in summary
    assert 'aria-invalid="true" aria-describedby="id_name_helptext id_name_error"' in html
    assert '<p class="error" id="id_name_error">Dit veld is verplicht.</p>' in html
    assert 'aria-invalid="true" aria-describedby="id_when_error"' in html
    assert '<fieldset class="field has-error" aria-describedby="id_kind_error">' in html


def test_one_field_alone_is_drawn_by_the_same_template():
    form = ExampleForm(data={})
    html = render_to_string("_field.html", {"field": form["name"]})
    assert '<label for="id_name">Naam</label>' in html
    assert 'id="id_name_error"' in html
