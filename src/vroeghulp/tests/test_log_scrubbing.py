"""The application log never carries e-mail addresses or BSN-like numbers."""

import logging

from vroeghulp.audit.logfilters import ScrubPersonalData, scrub


def test_scrub_removes_email_and_nine_digit_numbers():
    text = scrub("login failed for j.jansen@example.nl with BSN 123456782, id 12345")
    assert "example.nl" not in text and "123456782" not in text
    assert "id 12345" in text


def test_filter_rewrites_formatted_records():
    record = logging.LogRecord("x", logging.INFO, "f", 1, "user %s", ("a@b.nl",), None)
    ScrubPersonalData().filter(record)
    assert record.getMessage() == "user [e-mail]"
