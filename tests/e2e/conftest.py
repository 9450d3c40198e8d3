"""A real headless Chromium (Debian's chromium + chromium-driver) against a live server.

The browser tests skip, with the reason, when selenium or the browser is missing;
`.ci/run` installs the browser. The window is a phone: 360 × 800 CSS pixels.
"""

import shutil

import pytest

selenium = pytest.importorskip("selenium", reason="selenium is missing (make test installs requirements-test.txt)")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

PHONE_WIDTH = 360


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture
def browser():
    binary, driver = _chromium(), shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=nl"):
        options.add_argument(argument)
    # Headless windows are at least 500 px wide; a phone is emulated instead.
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": PHONE_WIDTH, "height": 800, "pixelRatio": 1}}
    )
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.implicitly_wait(2)
    yield chrome
    chrome.quit()
