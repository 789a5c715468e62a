"""Every text a template shows is marked for translation.

The scan removes what is marked or not shown: comments, {% translate %} and {% blocktranslate %}
blocks, other template tags, variables, <script> and <style>, HTML tags with their attributes
(except the ones people read: title, alt, placeholder, aria-label) and entities. Whatever letters
remain are text that would stay Dutch in English. A literal shown through a filter
(`|default:"onbekend"`) counts too. E-mail templates (*.txt) are all text outside their tags.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Words that are the same in every language, so deliberately not marked. Keep it short.
NOT_WORDS = {
    "Vroeghulp",  # the product's name
    "PDF",  # file formats on buttons and links
    "CSV",
    "XLSX",
    "IVH",  # Dutch domain abbreviations the English interface keeps (docs/glossary.md)
    "MDO",
    "BSN",
}

_S = re.DOTALL
COMMENT = re.compile(r"\{#.*?#\}|\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}|<!--.*?-->", _S)
BLOCKTRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", _S
)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", _S | re.IGNORECASE)
TAG = re.compile(r"\{%.*?%\}", _S)
VARIABLE = re.compile(r"\{\{.*?\}\}", _S)
SHOWN_LITERAL = re.compile(r"\|\s*(?:default|default_if_none|yesno)\s*:\s*\"([^\"]*)\"")
HTML_TAG = re.compile(r"<[^>]*>", _S)
READ_ATTRIBUTE = re.compile(
    r"""\b(?:title|alt|placeholder|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
ENTITY = re.compile(r"&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def unmarked_text(source: str, *, html: bool = True) -> list[str]:
    """The words a reader would see that are not marked for translation."""
    text = COMMENT.sub(" ", source)
    text = BLOCKTRANSLATE.sub(" ", text)
    literals = [m.group(1) for tag in VARIABLE.findall(text) for m in SHOWN_LITERAL.finditer(tag)]
    if html:
        text = SCRIPT_OR_STYLE.sub(" ", text)
    text = TAG.sub(" ", text)
    text = VARIABLE.sub(" ", text)
    if html:
        text = HTML_TAG.sub(lambda tag: " " + _read_attributes(tag.group(0)) + " ", text)
        text = ENTITY.sub(" ", text)
    words = WORD.findall(" ".join([text, *literals]))
    return [word for word in words if word.strip(".-'’") not in NOT_WORDS]


def _read_attributes(tag: str) -> str:
    return " ".join(double or single for double, single in READ_ATTRIBUTE.findall(tag))


def test_the_scan_finds_unmarked_text_and_passes_marked_text():
    # Hand-written examples, so that the scan itself can fail.
    assert unmarked_text("<p>Geen toegang</p>") == ["Geen", "toegang"]
    assert unmarked_text('<input placeholder="Zoek een kind" name="q">') == ["Zoek", "een", "kind"]
    assert unmarked_text('<td>{{ day|default:"onbekend" }}</td>') == ["onbekend"]
    assert unmarked_text("<script>const label = 'Verstuur';</script>") == []
    assert (
        unmarked_text(
            '{% load i18n %}<h1 class="title">{% translate "Mijn werk" %}</h1>'
            "{# een opmerking #}<!-- nog een -->"
            "<a href=\"{% url 'home' %}\" aria-label=\"{% translate 'Naar huis' %}\">&rarr;</a>"
            "{% blocktranslate with n=count %}Nog {{ n }} dagen{% endblocktranslate %}"
            "<p>Vroeghulp · PDF · 12–14</p>"
        )
        == []
    )
    assert unmarked_text("Hallo {{ name }},", html=False) == ["Hallo"]


def test_every_template_marks_its_text():
    found = {}
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        words = unmarked_text(path.read_text(encoding="utf-8"), html=path.suffix == ".html")
        if words:
            found[str(path.relative_to(TEMPLATES))] = words
    assert len(list(TEMPLATES.rglob("*.html"))) > 50  # the scan saw the templates
    assert not found, "Mark these texts with {% translate %} or {% blocktranslate %}: " + repr(
        found
    )
