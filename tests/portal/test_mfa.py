"""MFA is required (PORTAL_REQUIRE_MFA): set-up first, then a code at every login."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.portal.conftest import PASSWORD, login, user_make

pytestmark = pytest.mark.usefixtures("english")


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def activate_totp(client):
    """Go through allauth's real TOTP set-up form; returns the secret.

    allauth asks for the password again (reauthentication) before adding an authenticator.
    """
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    response = client.post(response.url, {"password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in page.content.decode()  # shown for manual entry next to the QR code
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_MFA = True


@pytest.mark.django_db
def test_without_authenticator_every_page_leads_to_totp_setup(client, mfa_required, professional):
    assert login(client, professional.email).status_code == 302
    for url in (reverse("home"), reverse("signals:catalogue"), reverse("account_email"), "/beheer/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("mfa_activate_totp"), url
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 302
    assert setup.url.startswith(reverse("account_reauthenticate"))
    assert client.get(setup.url).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200


@pytest.mark.django_db
def test_logout_still_works_without_authenticator(client, mfa_required, professional):
    login(client, professional.email)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_after_totp_setup_home_opens_and_login_asks_for_the_code(client, mfa_required, professional):
    login(client, professional.email)
    secret = activate_totp(client)
    assert Authenticator.objects.filter(user=professional, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("mfa_view_recovery_codes")).status_code == 200
    assert client.get(reverse("home")).status_code == 200

    client.post(reverse("account_logout"))
    response = login(client, professional.email)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("home")).status_code == 302

    wrong = client.post(
        reverse("mfa_authenticate"), {"code": "000000" if current_code(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert SESSION_KEY not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(professional.pk)
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_the_last_authenticator_cannot_be_removed_while_mfa_is_required(client, mfa_required, professional):
    login(client, professional.email)
    activate_totp(client)
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "You cannot deactivate two-factor authentication." in response.content.decode()
    assert Authenticator.objects.filter(user=professional, type=Authenticator.Type.TOTP).exists()


@pytest.mark.django_db
def test_without_the_requirement_totp_can_be_removed(client, settings, professional):
    settings.PORTAL_REQUIRE_MFA = True
    login(client, professional.email)
    activate_totp(client)
    settings.PORTAL_REQUIRE_MFA = False
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=professional, type=Authenticator.Type.TOTP).exists()


@pytest.mark.django_db
def test_demo_users_are_exempt(client, mfa_required, school_a):
    user_make("docent1@school-a.example.org", is_demo=True)
    login(client, "docent1@school-a.example.org", PASSWORD)
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("signals:catalogue")).status_code == 200


@pytest.mark.django_db
def test_with_the_setting_off_nobody_is_redirected(client, settings, professional):
    settings.PORTAL_REQUIRE_MFA = False
    login(client, professional.email)
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("signals:catalogue")).status_code == 200
