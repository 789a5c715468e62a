"""Uploads: allowed types checked by content, a size limit, stored outside the web root.

Files get a random name in PRIVATE_MEDIA_ROOT, which the web server never serves; they are
delivered only by a view that asks the access policy, as attachments, with their checked type.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vroeghulp.private_files import private_storage  # noqa: F401 (referenced by migrations)


def private_path(instance, filename: str) -> str:
    return f"cases/{uuid.uuid4().hex}"


@dataclass(frozen=True)
class FileType:
    extensions: tuple[str, ...]
    content_type: str
    signatures: tuple[bytes, ...]
    offset: int = 0


ALLOWED = [
    FileType(("pdf",), "application/pdf", (b"%PDF-",)),
    FileType(("jpg", "jpeg"), "image/jpeg", (b"\xff\xd8\xff",)),
    FileType(("png",), "image/png", (b"\x89PNG\r\n\x1a\n",)),
    FileType(
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    FileType(("mp4", "m4v", "mov"), "video/mp4", (b"ftyp",), offset=4),
]


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size: int
    sha256: str


def check_upload(upload) -> CheckedUpload:
    """Refuse what is too large, or whose content is not what its name says."""
    limit = settings.UPLOAD_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("Dit bestand is te groot (meer dan %(mb)d MB).") % {"mb": settings.UPLOAD_MAX_MB}
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    kind = next((t for t in ALLOWED if extension in t.extensions), None)
    if kind is None:
        raise ValidationError(
            _("Dit soort bestand kan niet worden toegevoegd. Gebruik PDF, JPG, PNG, DOCX of MP4.")
        )
    upload.seek(0)
    head = upload.read(32)
    if not any(head[kind.offset :].startswith(sig) for sig in kind.signatures):
        raise ValidationError(
            _("De inhoud van dit bestand past niet bij de naam (.%(ext)s).") % {"ext": extension}
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(kind.content_type, upload.size, digest.hexdigest())
