"""Writes an audit entry for every request of a signed-in user that a view refused."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .refusals import record_refusal


class RefusalMiddleware:
    """Views refuse with a 404 (never a 403 that reveals a file exists) or PermissionDenied;
    either way the attempt is logged with the URL pattern, not the address asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404 | PermissionDenied):
            return None
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if user is not None and user.is_authenticated and match is not None:
            record_refusal(user, route=match.route, method=request.method)
        return None  # Django's own handling answers the request
