"""The privacy page: what is stored, who can see what, what is logged and how long it is kept.

Readable without an account (and with MFA still to set up: it is allowed in
portal/mfa_enforcement.py). Every term on it comes from the live settings, so
the page cannot drift from what the portal does. It reads the settings, not the
consultations app: `portal` never imports `consultations`.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_GET


def privacy_terms() -> dict:
    """The numbers the page states, straight from the settings."""
    threshold = settings.PORTAL_STATISTICS_THRESHOLD
    return {
        "closed_days": settings.PORTAL_RETENTION_CLOSED_DAYS,
        "inactive_days": settings.PORTAL_RETENTION_INACTIVE_DAYS,
        "warning_days": settings.PORTAL_RETENTION_WARNING_DAYS,
        "threshold": threshold,
        "below_threshold": f"<{threshold}",
        "session_minutes": settings.SESSION_COOKIE_AGE // 60,
        "require_mfa": settings.PORTAL_REQUIRE_MFA,
    }


@require_GET
def privacy_statement(request):
    return render(request, "portal/privacy.html", privacy_terms())
