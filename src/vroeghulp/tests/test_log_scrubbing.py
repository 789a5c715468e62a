"""The application log never carries e-mail addresses or BSN-like numbers, but keeps its ids."""

import logging
import sys

from vroeghulp.audit.logfilters import ScrubPersonalData, scrub


def test_scrub_removes_email_and_nine_digit_numbers():
    text = scrub("login failed for j.jansen@example.nl with BSN 123456782, id 12345")
    assert text == "login failed for [e-mail] with BSN [nummer], id 12345"


def test_a_bsn_alone_is_scrubbed():
    assert scrub("123456782") == "[nummer]"


def test_a_bsn_in_a_sentence_is_scrubbed():
    assert scrub("Kind met BSN 123456782. Graag bellen.") == "Kind met BSN [nummer]. Graag bellen."
    assert scrub("bsn=123456782&x=1") == "bsn=[nummer]&x=1"


def test_a_uuid_with_nine_digits_in_a_row_is_kept():
    text = "GET /dossier/1a2b3c4d-0000-4e5f-8a9b-123456789abc/ 200"
    assert scrub(text) == text
    starts_with_digits = "request 123456789-abcd-4e5f-8a9b-0123456789ab done"
    assert scrub(starts_with_digits) == starts_with_digits


def test_longer_numbers_are_not_a_bsn():
    assert scrub("reference 1234567890") == "reference 1234567890"


def test_filter_rewrites_formatted_records():
    record = logging.LogRecord("x", logging.INFO, "f", 1, "user %s", ("a@b.nl",), None)
    ScrubPersonalData().filter(record)
    assert record.getMessage() == "user [e-mail]"


def test_filter_scrubs_the_exception_text():
    try:
        raise ValueError("no parent with address ouder@example.nl and BSN 123456782")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("x", logging.ERROR, "f", 1, "failed", None, exc_info)
    ScrubPersonalData().filter(record)
    formatted = logging.Formatter().format(record)
    assert "ouder@example.nl" not in formatted and "123456782" not in formatted
    assert "ValueError: no parent with address [e-mail] and BSN [nummer]" in formatted
