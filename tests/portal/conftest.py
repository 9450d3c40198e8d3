"""Organisations and users for the account tests, made through the membership services."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from portal.memberships import content_admin_grant, membership_create
from portal.models import Organisation, OrganisationDomain, User
from portal.roles import OrganisationKind, Role
from tests.conftest import in_language

PASSWORD = "a long and unusual passphrase 42"


def user_make(email, *, first_name="Test", last_name="User", is_demo=False):
    user = User.objects.create_user(
        email=email, password=PASSWORD, first_name=first_name, last_name=last_name, is_demo=is_demo
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def login(client, email, password=PASSWORD):
    """Log in through allauth's real login form; returns the response."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.fixture
def school_a(db):
    organisation = Organisation.objects.create(name="School A", kind=OrganisationKind.SCHOOL)
    OrganisationDomain.objects.create(organisation=organisation, domain="school-a.example.org")
    return organisation


@pytest.fixture
def school_b(db):
    organisation = Organisation.objects.create(name="School B", kind=OrganisationKind.SCHOOL)
    OrganisationDomain.objects.create(organisation=organisation, domain="school-b.example.org")
    return organisation


@pytest.fixture
def gemeente(db):
    organisation = Organisation.objects.create(name="Gemeente", kind=OrganisationKind.MUNICIPALITY)
    OrganisationDomain.objects.create(organisation=organisation, domain="gemeente.example.org")
    return organisation


@pytest.fixture
def politie(db):
    return Organisation.objects.create(name="Politie basisteam", kind=OrganisationKind.POLICE)


@pytest.fixture
def professional(school_a):
    user = user_make("docent1@school-a.example.org", first_name="Anna", last_name="de Vries")
    membership_create(user=user, organisation=school_a, role=Role.PROFESSIONAL)
    return user


@pytest.fixture
def coordinator(gemeente, school_a):
    """Coordinator at the Gemeente who coordinates School A (not School B, not Politie)."""
    user = user_make("coordinator@gemeente.example.org", first_name="Chris", last_name="Jansen")
    membership_create(user=user, organisation=gemeente, role=Role.COORDINATOR, coordinated_organisations=[school_a])
    return user


@pytest.fixture
def content_admin(db):
    user = user_make("beheer@portal.example.org", first_name="Bo", last_name="Beheer")
    return content_admin_grant(user=user)


@pytest.fixture
def english(client):
    """Ask for English pages, so assertions on messages survive the Dutch catalogue."""
    in_language(client, "en")
    return client
