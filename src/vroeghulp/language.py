"""The interface language: Dutch unless the user chose another one with the language switch.

Django's LocaleMiddleware would also follow the browser's Accept-Language; we do not, so that a
professional with an English browser still gets the Dutch the network works in, and a parent
gets English only when they ask for it (the choice is kept in a cookie).
"""

from django.conf import settings
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from vroeghulp.access.decorators import public


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.known else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


set_language = public(django_set_language)
