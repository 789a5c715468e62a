"""The pre-registration a parent arrived for through the confirmation link, kept in their session
until they answer it after logging in with the e-mail code."""

from vroeghulp.referrals.actions import confirmation_expired
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration

SESSION_CONFIRMATION = "portal_confirmation"


def remember(request, registration: Registration) -> None:
    request.session[SESSION_CONFIRMATION] = registration.pk


def pending_confirmation(request) -> Registration | None:
    """The pre-registration of this session while it still waits for the parents."""
    pk = request.session.get(SESSION_CONFIRMATION)
    if pk is None:
        return None
    registration = (
        Registration.objects.select_related("network", "referrer_organisation")
        .filter(pk=pk, status=Status.AWAITING_CONFIRMATION)
        .first()
    )
    if registration is None or confirmation_expired(registration):
        return None
    return registration


def forget(request) -> None:
    request.session.pop(SESSION_CONFIRMATION, None)
