"""Multi-factor authentication is required, not offered.

allauth has no setting that requires MFA, so this middleware does it: when
`PORTAL_REQUIRE_MFA` is on, a signed-in user without an authenticator reaches
only the TOTP set-up, the pages that finish it (recovery codes), reauthentication,
logout and the public pages; everything else redirects to the set-up. Demo
accounts from `seed_demo` are exempt so the demo works without a phone.
`portal.mfa_adapter.MFAAdapter` keeps such a user from removing their last one.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect

# Recovery codes alone are not a second factor: they only back one up.
SECOND_FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)

# View names (namespace included) a user without an authenticator may still reach.
_ALLOWED_VIEW_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_index",
        "account_logout",
        "account_reauthenticate",
        "account_email_verification_sent",
        "account_confirm_email",
        "set_language",
        "healthz",
        "privacy",
    }
)


def mfa_applies_to(user) -> bool:
    """Whether the portal requires a second factor of this user."""
    return settings.PORTAL_REQUIRE_MFA and user.is_authenticated and not user.is_demo


def mfa_required_for(user) -> bool:
    """Whether this user must still set up an authenticator before using the portal."""
    if not mfa_applies_to(user):
        return False
    return not Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).exists()


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in _ALLOWED_VIEW_NAMES:
            return None
        if mfa_required_for(request.user):
            return redirect("mfa_activate_totp")
        return None
