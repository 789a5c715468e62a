"""The readability indication: sentence length, long words, jargon."""

from vroeghulp.plans.readability import assess

JARGON = {"logopedie": "hulp bij praten", "motoriek": "bewegen"}


def test_short_plain_sentences_read_at_b1():
    result = assess("Lees elke dag samen een boek. Wijs de plaatjes aan.", JARGON)
    assert result.plain
    assert result.average_sentence == 5.0


def test_long_sentences_and_long_words_do_not():
    text = (
        "Gezien de multidisciplinaire bevindingen adviseren wij een intensieve "
        "ontwikkelingsgerichte behandeling met aanvullende diagnostische onderzoeken "
        "en gespecialiseerde begeleiding binnen een passende onderwijsvoorziening."
    )
    result = assess(text, JARGON)
    assert not result.plain
    assert result.average_sentence > 15
    assert result.long_word_share > 0.1


def test_jargon_is_found_as_whole_words_with_its_alternative():
    result = assess("Start met logopedie. Kijk naar de motoriek.", JARGON)
    assert result.jargon == [("logopedie", "hulp bij praten"), ("motoriek", "bewegen")]
    assert assess("logopedisten", JARGON).jargon == []


def test_empty_text():
    assert assess("", JARGON).words == 0
