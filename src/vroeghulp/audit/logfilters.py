"""Keeps e-mail addresses and BSN-like numbers out of the application log."""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A BSN is a number on its own: nine digits that are not part of a longer token of letters,
# digits, underscores or hyphens. Otherwise every UUID with nine digits in a row (request ids,
# case codes) would turn into "[nummer]" and the log would lose the ids it is read by.
NINE_DIGITS = re.compile(r"(?<![\w-])\d{9}(?![\w-])")

_traceback_formatter = logging.Formatter()


def scrub(text: str) -> str:
    return NINE_DIGITS.sub("[nummer]", EMAIL.sub("[e-mail]", text))


class ScrubPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        # An exception's message (a failed query, a validation error) can name a person too;
        # formatters print `exc_text` when it is set, so the scrubbed traceback is what goes out.
        if record.exc_info and not record.exc_text:
            record.exc_text = _traceback_formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
