"""Date fields as browsers' date pickers read them (ISO format), with a Dutch error message."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_errors(example: str = "2026-01-31") -> dict:
    return {
        "invalid": _("Vul een geldige datum in, bijvoorbeeld %(example)s.") % {"example": example}
    }


DATE_ERRORS = date_errors()
# Dates of birth get an example a parent recognises as a young child's.
BIRTH_DATE_ERRORS = date_errors("2024-03-15")
