"""Parents' login through an OpenID Connect provider (e.g. a government identity service).

Off unless configured (OIDC_OP_AUTHORIZATION_ENDPOINT and friends, see docs/operations.md). The
protocol work is mozilla-django-oidc's: authorization code flow with PKCE, state and nonce, the ID
token's RS256 signature checked against the provider's JWKS. What is ours is who may come in: a
parent or guardian with custody whose account the network already linked to a child, identified
by a verified e-mail address, or a guardian who arrived through the network's invitation to that
same address (the first login then links the account). Nobody else gets an account this way,
and professionals never log in through it, since their login needs the second factor.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from vroeghulp.access.decorators import public

from . import pending_invitation

BACKEND = "vroeghulp.portal.oidc.ParentOIDCBackend"


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_OP_AUTHORIZATION_ENDPOINT", ""))


class ParentOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims) -> bool:
        return bool(claims.get("email")) and claims.get("email_verified") is True

    def filter_users_by_claims(self, claims):
        parents = self.UserModel.objects.filter(
            email__iexact=claims["email"], is_active=True, memberships__isnull=True
        )
        if self._invitation(claims) is None:
            parents = parents.filter(guardianships__has_custody=True)
        return parents.distinct()

    def create_user(self, claims):
        """Only through an invitation to this very (verified) address."""
        invitation = self._invitation(claims)
        if invitation is None:
            return None
        user = self.UserModel.objects.create_user(
            email=claims["email"], password=None, full_name=invitation.guardian.full_name
        )
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        # The provider's profile does not overwrite what the network recorded; an invitation
        # the parent came through is accepted by this login.
        invitation = self._invitation(claims)
        if invitation is not None:
            pending_invitation.accept(self.request, invitation, user)
        return user

    def _invitation(self, claims):
        request = getattr(self, "request", None)
        invitation = pending_invitation.pending_invitation(request) if request is not None else None
        if invitation is None or invitation.email.lower() != claims["email"].strip().lower():
            return None
        return invitation


class _Callback(OIDCAuthenticationCallbackView):
    @property
    def success_url(self):
        return reverse("portal:home")

    @property
    def failure_url(self):
        return reverse("portal:login")

    def login_failure(self):
        messages.error(
            self.request,
            _(
                "Inloggen via %(provider)s is niet gelukt. Gebruik het e-mailadres dat bij ons "
                "bekend is, of log in met een code per e-mail."
            )
            % {"provider": settings.OIDC_PROVIDER_NAME},
        )
        return super().login_failure()


def _only_when_enabled(view):
    def wrapper(request, *args, **kwargs):
        if not enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return public(wrapper)


start = _only_when_enabled(OIDCAuthenticationRequestView.as_view())
callback = _only_when_enabled(_Callback.as_view())
