"""Lockout after failed logins: per account from any address, and per address across accounts.

django-axes records every failed login (account, address, browser). Two rules decide a lockout,
each within the cool-off period (`AXES_COOLOFF_TIME`):

- an **account** is locked after `AXES_FAILURE_LIMIT` failures, whichever addresses they came
  from, so guessing from rotating addresses gains nothing;
- an **address** is locked after `AXES_ADDRESS_FAILURE_LIMIT` failures over all accounts, so one
  client cannot try a few passwords on many accounts.

A locked login is refused even with the right password. The lock ends after the cool-off, when the
user completes a password reset (`clear_account`), or when a network administrator unlocks the
account (`accounts.actions.unlock_login`).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone


def attempted_username(request: HttpRequest | None, credentials: dict | None = None) -> str | None:
    """The account a login attempt is for, written the way the lockout counts it.

    axes would look for a form field named after `USERNAME_FIELD` ("email"), but the login form
    posts "username"; read the wrong field and no failure is ever counted against an account.
    Case and spaces are dropped so "Jan@X.nl " and "jan@x.nl" are one account.
    """
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    value = (value or "").strip().lower()
    return value or None


def _failures(since, **match) -> int:
    rows = AccessAttempt.objects.filter(attempt_time__gte=since, **match)
    return rows.aggregate(total=Sum("failures_since_start"))["total"] or 0


def account_failures(email: str, since=None) -> int:
    since = since or timezone.now() - settings.AXES_COOLOFF_TIME
    return _failures(since, username=email.strip().lower())


def is_account_locked(email: str) -> bool:
    return account_failures(email) >= settings.AXES_FAILURE_LIMIT


def clear_account(email: str) -> int:
    """Forget the account's failed logins (from every address); the number of records removed."""
    deleted, _ = AccessAttempt.objects.filter(username=email.strip().lower()).delete()
    return deleted


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler with the two rules above instead of one shared limit."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        # axes compares this number with AXES_FAILURE_LIMIT: an address past its own limit
        # counts as a full account limit, so both rules go through axes' one comparison.
        since = get_cool_off_threshold(request)
        username = attempted_username(request, credentials)
        account = _failures(since, username=username) if username else 0
        address = _failures(since, ip_address=request.axes_ip_address)
        if address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(account, settings.AXES_FAILURE_LIMIT)
        return account

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        # A successful login forgives only this account's failures from this address. axes
        # would also clear the address's failures on every account, and the account's from
        # every address: an attacker with an account of their own could then reset the address
        # count by logging in, and the owner's login would reset an attacker's count.
        username = attempted_username(request, credentials)
        if not username:
            return 0
        deleted, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return deleted


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The page a locked login gets (AXES_LOCKOUT_CALLABLE): what happened and what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
