"""Users and pages for the look-and-accessibility tests."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from portal.memberships import membership_create
from portal.models import Organisation, User
from portal.roles import OrganisationKind, Role
from tests.ui.page import parse

PASSWORD = "a long and unusual passphrase 42"


def user_make(email, *, first_name="Sanne", last_name="Bakker"):
    user = User.objects.create_user(email=email, password=PASSWORD, first_name=first_name, last_name=last_name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def login(client, email, password=PASSWORD):
    """Log in through allauth's real login form."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def reauthenticate(client, password=PASSWORD):
    """Confirm the password again, as allauth asks before MFA changes."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302
    return response


def page_of(response):
    assert response.status_code == 200, response.status_code
    return parse(response.content)


@pytest.fixture
def teacher(db):
    school = Organisation.objects.create(name="Het Voorbeeldcollege", kind=OrganisationKind.SCHOOL)
    user = user_make("sanne@voorbeeldcollege.example.org")
    membership_create(user=user, organisation=school, role=Role.PROFESSIONAL)
    return user


@pytest.fixture
def signed_in(client, teacher, settings):
    # The look of the pages, not the MFA requirement (tests/portal/test_mfa.py), is tested here.
    settings.PORTAL_REQUIRE_MFA = False
    response = login(client, teacher.email)
    assert response.status_code == 302
    return client
