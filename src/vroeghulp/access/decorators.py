"""View decorators: every view declares its access rule; a test fails for a view without one."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect

from .queries import case_for, consult_for

RULE_ATTRIBUTE = "access_rule"


def _mark(view: Callable, rule: str) -> Callable:
    setattr(view, RULE_ATTRIBUTE, rule)
    return view


def public(view: Callable) -> Callable:
    """No login needed (login page, health check); must never show child data."""
    return _mark(view, "public")


def _login_then_second_factor(request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if user.requires_second_factor and not user.is_verified():
        return redirect("accounts:second_factor")
    return None


def signed_in(view: Callable) -> Callable:
    """Any signed-in user, with a second factor where the user's roles demand one."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return _login_then_second_factor(request) or view(request, *args, **kwargs)

    return _mark(wrapper, "signed_in")


def parent_signed_in(view: Callable) -> Callable:
    """The portal's start page: any signed-in user; a visitor goes to the parents' login."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url="portal:login")
        return view(request, *args, **kwargs)

    return _mark(wrapper, "signed_in")


def with_role(*roles: str) -> Callable:
    """A user holding one of these network roles; other users get a 404."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            refusal = _login_then_second_factor(request)
            if refusal:
                return refusal
            if not request.user.networks_with_role(*roles):
                raise Http404
            return view(request, *args, **kwargs)

        return _mark(wrapper, "role:" + ",".join(sorted(roles)))

    return decorator


def on_case(action: str) -> Callable:
    """The view receives the case (by its code) and the professional's access decision; anyone
    else (a parent included: custody opens the portal, not the professionals' file) a 404."""
    return on_case_object(case_for, action)


def on_case_object(find: Callable, action: str) -> Callable:
    """Like `on_case` for an object of a case's file opened by its own code (an agenda item):
    `find(user, code, action)` returns the object and the decision on its child, or raises 404."""
    return _on_found(find, action, f"case:{action}")


def on_consult(action: str) -> Callable:
    """The view receives the CB-plus consult (by its code) and the access decision on it
    (`decide_consult`); anyone else a 404."""
    return _on_found(consult_for, action, f"consult:{action}")


def _on_found(find: Callable, action: str, rule: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            refusal = _login_then_second_factor(request)
            if refusal:
                return refusal
            found, decision = find(request.user, code, action)
            return view(request, found, decision, *args, **kwargs)

        return _mark(wrapper, rule)

    return decorator


def password_only(view: Callable) -> Callable:
    """Signed in with a password, second factor still to come (the second-factor pages)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _mark(wrapper, "password_only")


def as_parent(action: str) -> Callable:
    """A parent or guardian with custody, on their own child's case; everyone else a 404."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url="portal:login")
            case, decision = case_for(request.user, code, action, as_parent=True)
            return view(request, case, decision, *args, **kwargs)

        return _mark(wrapper, f"parent:{action}")

    return decorator
