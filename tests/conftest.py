import pytest
from django.conf import settings
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 costs ~100 MB and a third of a second per hash by design; tests that
    # log in hundreds of times use a fast hasher. The production hasher order is
    # asserted in tests/portal/test_production_settings.py.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache; every test starts with none.
    cache.clear()
    yield
    cache.clear()


def in_language(client, language):
    """The client as a user who chose `language` with the language switch."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client
