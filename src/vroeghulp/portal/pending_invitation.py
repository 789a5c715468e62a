"""The invitation a visitor arrived through, kept in their session until their first login
(by e-mail code or the identity provider) accepts it."""

from .actions import accept_invitation
from .models import Invitation

SESSION_INVITATION = "portal_invitation"


def remember(request, invitation: Invitation) -> None:
    request.session[SESSION_INVITATION] = invitation.pk


def pending_invitation(request) -> Invitation | None:
    pk = request.session.get(SESSION_INVITATION)
    if pk is None:
        return None
    return Invitation.objects.open().select_related("guardian").filter(pk=pk).first()


def accept(request, invitation: Invitation, user) -> None:
    """The first login through the invitation: link the account, then forget the link."""
    accept_invitation(invitation, user=user)
    request.session.pop(SESSION_INVITATION, None)


def accept_pending(request, user) -> None:
    """After a login by e-mail code: the invitation of this session, if any, is accepted."""
    invitation = pending_invitation(request)
    request.session.pop(SESSION_INVITATION, None)
    if invitation is not None:
        accept_invitation(invitation, user=user)
