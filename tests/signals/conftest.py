"""Users for the catalogue tests: a professional, and an editor in the content admins' group."""

import pytest
from django.contrib.auth.models import Group

from portal.models import User
from portal.roles import GROUP_CONTENT_ADMINS, GROUP_PROFESSIONALS

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture(autouse=True)
def _no_mfa_and_cache_sessions(settings):
    settings.PORTAL_REQUIRE_MFA = False
    # Sessions in the cache (local memory, or Redis with REDIS_URL) keep the
    # query counts the same on both set-ups: the database only serves the page.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"


def user_make(email, *, group_name, is_staff=False):
    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=is_staff)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def professional(db):
    return user_make("docent1@school-a.example.org", group_name=GROUP_PROFESSIONALS)


@pytest.fixture
def editor(db):
    """A content admin: staff with the content admins' permissions, not a superuser."""
    return user_make("beheer@portal.example.org", group_name=GROUP_CONTENT_ADMINS, is_staff=True)


@pytest.fixture
def professional_client(client, professional):
    client.force_login(professional)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
