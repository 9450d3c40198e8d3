"""deduce loads once per test session (~10 s; ~1-2 min the very first time, to build its cache)."""

import pytest

from portal.privacy import warm_up


@pytest.fixture(scope="session", autouse=True)
def _deduce_loaded():
    warm_up()
