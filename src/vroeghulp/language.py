"""The interface language: Dutch unless the person chose another one with the language switch.

Django's LocaleMiddleware would also follow the browser's Accept-Language; we do not, so that a
professional with an English browser still gets the Dutch the network works in, and a parent
gets another language only when they ask for it. A signed-in person's choice is kept with them
(`User.language`); before signing in it is kept in a cookie.

The professional side speaks Dutch and English. The parents' side (the portal, the public
registration form and the confirmation of a registration) also speaks Arabic, Turkish and
Polish, and so do the e-mails to parents.
"""

from django.conf import settings
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from vroeghulp.access.decorators import public
from vroeghulp.accounts.actions import choose_language

PROFESSIONAL_LANGUAGES = ("nl", "en")
PARENTS_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
# Where parents are: every page under these paths speaks the parents' languages.
PARENTS_PATHS = ("/ouders/", "/aanmelden/", "/aanmelding/")


def languages_for(path: str) -> tuple[str, ...]:
    return PARENTS_LANGUAGES if path.startswith(PARENTS_PATHS) else PROFESSIONAL_LANGUAGES


def chosen_language(request) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language:
        return user.language
    return request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = chosen_language(request)
        offered = languages_for(request.path_info)
        language = chosen if chosen in offered else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # the thread serves the next request (or, in tests, the next test's own code)
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


def offered_languages(request) -> dict:
    """The languages the switch offers on this page (context processor)."""
    offered = languages_for(request.path_info)
    names = dict(settings.LANGUAGES)
    return {"offered_languages": [(code, names[code]) for code in offered]}


@public
def set_language(request):
    """Django's switch (cookie, safe `next`), and for a signed-in person also their account."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and language in PARENTS_LANGUAGES and request.user.is_authenticated:
        choose_language(request.user, language)
    return response
