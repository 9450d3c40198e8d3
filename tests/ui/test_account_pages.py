"""allauth's pages in the portal's own page, with NL Design System forms (look only, same behaviour)."""

import pytest
from django.urls import reverse

from tests.ui.conftest import login, page_of, reauthenticate


def assert_in_portal_page(page):
    """The page is the portal's base template, not allauth's bare layout."""
    assert page.find("a", class_="utrecht-skip-link").attrs["href"] == "#main"
    assert page.find("main", id="main") is not None
    assert page.find("link", href="/static/css/portal.css") is not None


def assert_labelled_textboxes(page):
    """Every visible input is an NLDS textbox (or checkbox) with a label that points at it."""
    form = page.find("form", class_="portal-form")
    inputs = [field for field in form.find_all("input") if field.attrs.get("type") != "hidden"]
    assert inputs
    for field in inputs:
        assert {"utrecht-textbox", "utrecht-checkbox"} & field.classes, field.attrs
        labels = page.find_all("label", **{"for": field.attrs["id"]})
        assert len(labels) == 1 and labels[0].text, field.attrs["id"]
        assert "utrecht-form-label" in labels[0].classes
    return {field.attrs["name"]: field for field in inputs if "name" in field.attrs}


@pytest.mark.django_db
def test_login_form_uses_nlds_fields_and_keeps_autocomplete(client):
    page = page_of(client.get(reverse("account_login")))
    assert_in_portal_page(page)
    fields = assert_labelled_textboxes(page)
    assert fields["login"].attrs["autocomplete"] == "email"
    assert fields["login"].attrs["type"] == "email"
    assert "required" in fields["login"].attrs
    assert fields["password"].attrs["autocomplete"] == "current-password"
    assert fields["password"].attrs["type"] == "password"
    # "Forgot your password?" is the password field's help text, tied to it.
    help_id = fields["password"].attrs["aria-describedby"]
    assert page.find(id=help_id).find("a").attrs["href"] == reverse("account_reset_password")
    button = page.find("form", class_="portal-form").find("button", type="submit")
    assert {"utrecht-button", "utrecht-button--primary-action"} <= button.classes


def test_failed_login_shows_the_error_as_an_alert_and_keeps_the_address(client, teacher):
    page = page_of(login(client, teacher.email, password="not the password at all"))
    alert = page.find("form", class_="portal-form").find(role="alert")
    assert "utrecht-alert--error" in alert.classes
    assert alert.text
    login_field = page.find("input", name="login")
    assert login_field.attrs["value"] == teacher.email
    assert page.find("input", name="password").attrs.get("value") is None


@pytest.mark.django_db
def test_signup_errors_are_tied_to_their_field(client):
    response = client.post(reverse("account_signup"), {"email": "not-an-address", "password1": "x", "password2": "y"})
    page = page_of(response)
    assert_in_portal_page(page)
    email = page.find("input", name="email")
    assert email.attrs["aria-invalid"] == "true"
    error_id = next(ref for ref in email.attrs["aria-describedby"].split() if ref.endswith("_error"))
    error = page.find(id=error_id)
    assert "utrecht-form-field-error-message" in error.classes and error.text
    assert page.find("input", name="password1").attrs["autocomplete"] == "new-password"


@pytest.mark.django_db
def test_password_reset_page_is_a_portal_page(client):
    page = page_of(client.get(reverse("account_reset_password")))
    assert_in_portal_page(page)
    assert assert_labelled_textboxes(page)["email"].attrs["type"] == "email"


def test_reauthenticate_page_is_a_portal_page(signed_in):
    page = page_of(signed_in.get(reverse("account_reauthenticate")))
    assert_in_portal_page(page)
    assert assert_labelled_textboxes(page)["password"].attrs["autocomplete"] == "current-password"


def test_totp_setup_shows_the_qr_code_as_a_data_image(signed_in):
    reauthenticate(signed_in)
    page = page_of(signed_in.get(reverse("mfa_activate_totp")))
    assert_in_portal_page(page)
    qr = page.find("img", class_="portal-img--qr")
    assert qr.attrs["src"].startswith("data:image/svg+xml;base64,")
    assert qr.attrs["alt"]
    # The secret for typing in by hand, and the code field with its one-time-code hint.
    secret = page.find("input", id="authenticator_secret")
    assert "disabled" in secret.attrs and secret.attrs["value"] == qr.attrs["alt"]
    secret_help = page.find(id=secret.attrs["aria-describedby"])
    assert "utrecht-form-field-description" in secret_help.classes
    code = assert_labelled_textboxes(page)["code"]
    assert code.attrs["autocomplete"] == "one-time-code"


def test_account_pages_have_their_own_labelled_navigation(signed_in):
    page = page_of(signed_in.get(reverse("account_email")))
    account_nav = next(nav for nav in page.find_all("nav") if nav.find("a", href=reverse("mfa_index")))
    assert account_nav.attrs["aria-label"]
    assert account_nav.find("a", href=reverse("account_change_password")) is not None
    assert account_nav.find("a", href=reverse("account_email")).attrs["aria-current"] == "page"
