"""Parents log in with a six-digit code sent by e-mail: no password to remember, yet safe.

Codes live 10 minutes, allow 5 attempts, are stored as keyed hashes, and at most 5 are sent per
address per hour. Whether an address is known is never revealed.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vroeghulp.accounts.models import User

from .models import LoginCode

# The address a code went to, kept in the session for the page where the code is typed.
SESSION_EMAIL = "portal_login_email"
LIFETIME = datetime.timedelta(minutes=10)
MAX_ATTEMPTS = 5
MAX_PER_HOUR = 5
# Codes one client address may ask for in an hour, whatever the accounts: with five attempts a
# code, a client guesses at most 50 codes an hour in all.
MAX_PER_ADDRESS_PER_HOUR = 10


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def parent_for(email: str) -> User | None:
    return (
        User.objects.filter(
            email__iexact=email.strip(), is_active=True, guardianships__isnull=False
        )
        .distinct()
        .first()
    )


def invited_account(email: str, full_name: str = "") -> User:
    """The account an invited guardian logs in with: theirs if the address has one, else a new
    one without a password (parents log in with codes). It opens nothing until the invitation
    is accepted, which needs a code sent to this address."""
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        user = User.objects.create_user(email=email.strip(), password=None, full_name=full_name)
    return user


def send_code(
    email: str,
    *,
    invited: bool = False,
    full_name: str = "",
    client_address: str | None = None,
    language: str = "",
) -> None:
    """Send a code if the address belongs to a parent with an account (or was invited by the
    network: `invited`); silently do nothing else. The code is written in the parent's own
    language, or else in `language`, the one of the page where they asked for it."""
    since = timezone.now() - datetime.timedelta(hours=1)
    if (
        client_address
        and LoginCode.objects.filter(client_address=client_address, created_at__gte=since).count()
        >= MAX_PER_ADDRESS_PER_HOUR
    ):
        return
    user = invited_account(email, full_name) if invited else parent_for(email)
    if user is None or not user.is_active:
        return
    if LoginCode.objects.filter(user=user, created_at__gte=since).count() >= MAX_PER_HOUR:
        return
    code = f"{secrets.randbelow(1_000_000):06d}"
    LoginCode.objects.create(
        user=user,
        code_hash=_hash(code),
        expires_at=timezone.now() + LIFETIME,
        client_address=client_address,
    )
    with translation.override(user.language or language or settings.LANGUAGE_CODE):
        send_mail(
            _("Uw inlogcode voor Vroeghulp"),
            _(
                "Uw inlogcode is %(code)s. Hij werkt 10 minuten. Heeft u niet om een code "
                "gevraagd? Dan kunt u deze e-mail negeren."
            )
            % {"code": code},
            None,
            [user.email],
        )


def check_code(email: str, code: str, *, invited: bool = False) -> User | None:
    user = (
        User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if invited
        else parent_for(email)
    )
    if user is None:
        return None
    with transaction.atomic():
        latest = (
            LoginCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if latest is None or latest.attempts >= MAX_ATTEMPTS:
            return None
        if not hmac.compare_digest(latest.code_hash, _hash(code.strip())):
            latest.attempts += 1
            latest.save(update_fields=["attempts"])
            return None
        latest.used_at = timezone.now()
        latest.save(update_fields=["used_at"])
    return user
