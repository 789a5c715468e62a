"""A network's logo: PNG only (no SVG, which can carry scripts), small, stored beside uploads."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vroeghulp.private_files import private_storage

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 1024 * 1024


def logo_storage():
    return private_storage()


def logo_path(instance, filename: str) -> str:
    return f"logos/{uuid.uuid4().hex}.png"


def validate_png(upload) -> None:
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Het logo is groter dan 1 MB."))
    upload.seek(0)
    if upload.read(8) != PNG_SIGNATURE:
        raise ValidationError(_("Het logo moet een PNG-bestand zijn."))
    upload.seek(0)
