"""Name matching tolerates spelling variants and does not match different names."""

import pytest

from vroeghulp.children.names import normalise, similar


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yılmaz", "Yilmaz"),
        ("de Jong", "Jong"),
        ("van den Berg", "Van der Berg"),
        ("Mohammed", "Mohamed"),
        ("Sophie", "Sofie"),
        ("Zoë", "Zoe"),
        ("Janssen", "Jansen"),
        ("Meijer", "Meyer"),
        ("El Idrissi", "Idrissi"),
        ("Kuipers", "Kuijpers"),
    ],
)
def test_spelling_variants_match(a, b):
    assert similar(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Jansen", "Bakker"), ("Emma", "Anna"), ("Noah", "Noor"), ("Visser", "Vos"), ("", "Jan")],
)
def test_different_names_do_not_match(a, b):
    assert not similar(a, b)


def test_normalise_drops_prefixes_and_accents():
    assert normalise("Van der Ploeg-Öztürk") == normalise("ploeg ozturk")
