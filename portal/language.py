"""Dutch first: the interface is Dutch unless the user chose English.

Django's LocaleMiddleware follows the browser's Accept-Language, which would
show a teacher with an English-language browser an English portal they never
asked for. Here only the language switch's choice (its cookie) counts;
everyone else gets Dutch.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
