"""Keeps e-mail addresses and BSN-like numbers out of the application log."""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def scrub(text: str) -> str:
    return NINE_DIGITS.sub("[nummer]", EMAIL.sub("[e-mail]", text))


class ScrubPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        return True
