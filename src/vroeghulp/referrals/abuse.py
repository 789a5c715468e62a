"""Abuse protection for the public form: a signed sum to solve, a honeypot and a rate limit.

The rate limit counts registrations per keyed hash of the client address, so the address itself
is never stored.
"""

import datetime
import hashlib
import hmac
import random

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import Registration

SALT = "vroeghulp.public-registration.challenge"
MAX_AGE_SECONDS = 2 * 60 * 60


def new_challenge(rng: random.Random | None = None) -> tuple[str, str]:
    """A question such as 'Hoeveel is 3 + 4?' and the signed token that holds its answer."""
    rng = rng or random.SystemRandom()
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    token = signing.TimestampSigner(salt=SALT).sign_object({"sum": a + b})
    return f"{a} + {b}", token


def challenge_passed(token: str, answer: str) -> bool:
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign_object(token, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:  # also when expired
        return False
    if _answered_too_fast(signer, token):
        return False
    return str(value.get("sum")) == answer.strip()


def _answered_too_fast(signer: signing.TimestampSigner, token: str) -> bool:
    minimum = settings.PUBLIC_REGISTRATION_MIN_SECONDS
    if minimum <= 0:
        return False
    try:
        signer.unsign_object(token, max_age=minimum)
    except signing.SignatureExpired:
        return False
    return True


def fingerprint(client_address: str | None) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (client_address or "").encode(), hashlib.sha256).hexdigest()


def over_limit(print_: str) -> bool:
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = Registration.objects.filter(submitter_fingerprint=print_, received_at__gte=since)
    return recent.count() >= settings.PUBLIC_REGISTRATIONS_PER_HOUR
