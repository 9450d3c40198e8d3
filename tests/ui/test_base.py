"""The base template: language, landmarks, skip link, navigation, own CSS, strict CSP."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.ui.conftest import page_of
from tests.ui.page import parse

VENDORED_CSS = (
    "/static/vendor/nl-design-system/voorbeeld-design-tokens/theme.css",
    "/static/vendor/nl-design-system/component-library-css/index.css",
)


def pages(client):
    """The login page for a visitor; the tests that sign in add the start page."""
    return {"login": client.get(reverse("account_login"))}


def switch_language(client, language, next_url):
    """Press the language button: a plain form POST, no JavaScript."""
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    return client.get(next_url)


@pytest.mark.django_db
def test_login_page_is_dutch_by_default_and_english_after_the_switch(client):
    assert page_of(client.get(reverse("account_login"))).find("html").attrs["lang"] == "nl"
    english = page_of(switch_language(client, "en", reverse("account_login")))
    assert english.find("html").attrs["lang"] == "en"
    assert english.find("h1").text == "Sign In"
    dutch = page_of(switch_language(client, "nl", reverse("account_login")))
    assert dutch.find("html").attrs["lang"] == "nl"


def test_start_page_is_dutch_by_default_and_english_after_the_switch(signed_in):
    home = reverse("home")
    assert page_of(signed_in.get(home)).find("html").attrs["lang"] == "nl"
    english = page_of(switch_language(signed_in, "en", home))
    assert english.find("html").attrs["lang"] == "en"
    assert "Welcome, Sanne" in english.find("h1").text


@pytest.mark.django_db
def test_language_switch_offers_the_other_language_in_that_language(client):
    def switch_buttons(page):
        form = next(form for form in page.find_all("form") if form.attrs.get("action") == reverse("set_language"))
        assert form.attrs["method"] == "post"
        assert form.find("input", name="next").attrs["value"] == reverse("account_login")
        assert form.find("input", name="csrfmiddlewaretoken") is not None
        return [(button.attrs["value"], button.attrs["lang"], button.text) for button in form.find_all("button")]

    assert switch_buttons(page_of(client.get(reverse("account_login")))) == [("en", "en", "English")]
    english = switch_language(client, "en", reverse("account_login"))
    assert switch_buttons(page_of(english)) == [("nl", "nl", "Nederlands")]


def assert_landmarks(page):
    skip_link = page.find("body").children[0]
    assert skip_link.tag == "a" and skip_link.attrs["href"] == "#main"
    mains = page.find_all("main")
    assert len(mains) == 1
    assert mains[0].attrs["id"] == "main"
    assert len(page.find_all(id="main")) == 1
    navs = page.find_all("nav")
    assert navs and all(nav.attrs.get("aria-label") for nav in navs)
    assert page.find("header") is not None and page.find("footer") is not None


@pytest.mark.django_db
def test_login_page_has_skip_link_landmarks_and_a_labelled_navigation(client):
    assert_landmarks(page_of(client.get(reverse("account_login"))))


def test_start_page_has_skip_link_landmarks_and_a_labelled_navigation(signed_in):
    assert_landmarks(page_of(signed_in.get(reverse("home"))))


def test_current_page_is_marked_in_the_main_navigation(signed_in):
    page = page_of(signed_in.get(reverse("home")))
    nav = page.find("nav")
    current = [link for link in nav.find_all("a") if link.attrs.get("aria-current") == "page"]
    assert [link.attrs["href"] for link in current] == [reverse("home")]


def test_signed_in_user_sees_their_name_and_a_logout_form(signed_in, teacher):
    page = page_of(signed_in.get(reverse("home")))
    header = page.find("header")
    assert "Sanne Bakker" in header.text
    logout = next(form for form in header.find_all("form") if form.attrs.get("action") == reverse("account_logout"))
    assert logout.attrs["method"] == "post"
    assert logout.find("input", name="csrfmiddlewaretoken") is not None
    assert logout.find("button", type="submit") is not None


def test_messages_are_announced_as_status(signed_in):
    # allauth says "signed in as Sanne Bakker" after the login in the fixture.
    page = page_of(signed_in.get(reverse("home")))
    statuses = page.find("main").find_all(role="status")
    assert statuses and all("utrecht-alert" in status.classes for status in statuses)
    assert any("Sanne Bakker" in status.text for status in statuses)


@pytest.mark.django_db
def test_vendored_css_comes_from_our_own_static_files(client):
    page = page_of(client.get(reverse("account_login")))
    stylesheets = [link.attrs["href"] for link in page.find_all("link", rel="stylesheet")]
    for css in VENDORED_CSS:
        assert css in stylesheets
        assert finders.find(css.removeprefix("/static/")), f"{css} is not in the static files"
    assert "/static/css/portal.css" in stylesheets
    assert finders.find("css/portal.css")
    # The theme's tokens apply only below its class.
    assert "voorbeeld-theme" in page.find("body").classes


def test_no_external_urls_inline_scripts_or_inline_styles(signed_in):
    paths = [reverse("home"), reverse("account_email"), reverse("account_reauthenticate")]
    for path in paths:
        response = signed_in.get(path)
        page = page_of(response)
        for element in page.find_all("link") + page.find_all("script"):
            url = element.attrs.get("href", "") + element.attrs.get("src", "")
            assert not url.startswith(("http://", "https://", "//")), (path, url)
        for script in page.find_all("script"):
            # Executable scripts come from our own files; JSON data blocks are no scripts.
            assert script.attrs.get("src") or script.attrs.get("type") == "application/json", path
        assert not any("style" in element.attrs for element in page.iter()), path
        assert page.find("style") is None, path


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_code(client):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";") if part.strip())
    assert directives["style-src"] == "'self'"
    assert directives["script-src"] == "'self'"


def test_pages_fit_parse():
    # The helper itself: a void element does not swallow its siblings.
    page = parse('<main id="main"><input id="a"><p>text</p></main>')
    assert [child.tag for child in page.find("main").children] == ["input", "p"]
