"""Every URL of the application declares an access rule; a new view without one fails here."""

from django.urls import URLPattern, URLResolver, get_resolver

from vroeghulp.access.decorators import RULE_ATTRIBUTE

# The admin has its own gate (NetworkAdminSite.has_permission), tested in test_admin_scope.
EXEMPT_NAMESPACES = {"admin"}


def _patterns(resolver, namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            child_namespace = pattern.namespace or namespace
            if child_namespace in EXEMPT_NAMESPACES:
                continue
            yield from _patterns(pattern, child_namespace)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern


def test_every_view_declares_an_access_rule():
    missing = [
        f"{namespace}:{pattern.name}"
        for namespace, pattern in _patterns(get_resolver())
        if not hasattr(pattern.callback, RULE_ATTRIBUTE)
    ]
    assert missing == []


def test_public_views_are_few_and_known():
    public = sorted(
        f"{namespace}:{pattern.name}".lstrip(":")
        for namespace, pattern in _patterns(get_resolver())
        if getattr(pattern.callback, RULE_ATTRIBUTE) == "public"
    )
    assert public == [
        "accounts:login",
        "accounts:logout",
        "accounts:password_reset",
        "accounts:password_reset_complete",
        "accounts:password_reset_confirm",
        "accounts:password_reset_done",
        "health",
        "networks:logo",
        "portal:confirmation",
        "portal:invitation",
        "portal:login",
        "portal:login_code",
        "portal:oidc_callback",
        "portal:oidc_start",
        "referrals:public",
        "referrals:thanks",
        "set_language",
    ]
