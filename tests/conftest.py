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


def pytest_collection_modifyitems(items):
    """Transactional tests end with a flush that also wipes what migrations loaded (role groups,
    the Signalenblad content); every one of them must restore it with `serialized_rollback=True`,
    or the tests after it fail for a reason far from their own code."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = (marker and marker.kwargs.get("transaction")) or "live_server" in item.fixturenames
        if transactional and not (marker and marker.kwargs.get("serialized_rollback")):
            raise pytest.UsageError(
                f"{item.nodeid}: mark it @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )
