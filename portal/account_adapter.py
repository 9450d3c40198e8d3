"""How allauth behaves in this portal.

Sign-up itself is restricted by `portal.forms.SignupForm` (registered e-mail
domains only). The adapter turns a locked-out login into HTTP 429, so that
clients, proxies and monitoring see a brute-force attempt for what it is
instead of one more failed form.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.core.exceptions import ValidationError


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        # allauth reports the `login_failed` limit as a form error; answer 429 instead.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code != "too_many_login_attempts":
                raise
            raise ImmediateHttpResponse(respond_429(request)) from error
