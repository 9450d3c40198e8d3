"""The privacy page: public, and every term on it follows the live settings."""

import pytest
from django.urls import reverse

from tests.conftest import in_language
from tests.portal.conftest import login


def privacy_page(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_anyone_can_read_it_without_logging_in(english):
    page = privacy_page(english)
    assert "Who can see a consultation" in page
    assert "What is logged" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changed", "stated", "not_stated"),
    [
        pytest.param(
            {"PORTAL_REQUIRE_MFA": True},
            [
                "deleted 365 days after closing",
                "for 180 days is closed automatically",
                "e-mail 14 days before that",
                "Every count below 5 is shown as “&lt;5”",
                "logged out after 30 minutes without activity",
                "requires a second factor",
            ],
            [],
            id="defaults",
        ),
        pytest.param(
            {
                "PORTAL_RETENTION_CLOSED_DAYS": 90,
                "PORTAL_RETENTION_INACTIVE_DAYS": 60,
                "PORTAL_RETENTION_WARNING_DAYS": 1,
                "PORTAL_STATISTICS_THRESHOLD": 10,
                "SESSION_COOKIE_AGE": 15 * 60,
                "PORTAL_REQUIRE_MFA": False,
            },
            [
                "deleted 90 days after closing",
                "for 60 days is closed automatically",
                "e-mail 1 day before that",
                "Every count below 10 is shown as “&lt;10”",
                "logged out after 15 minutes without activity",
                "available but not required",
            ],
            ["365", "180 days"],
            id="changed",
        ),
    ],
)
def test_the_terms_follow_the_settings_not_prose(english, settings, changed, stated, not_stated):
    for name, value in changed.items():
        setattr(settings, name, value)
    page = privacy_page(english)
    for term in stated:
        assert term in page
    for term in not_stated:
        assert term not in page


@pytest.mark.django_db
def test_it_lists_what_is_never_stored_and_who_cannot_see_it(english):
    page = privacy_page(english)
    assert "There is no field for a name, date of birth, address, class" in page
    assert "not the portal's content administrators" in page
    assert "The author sees who has viewed their consultation" in page


@pytest.mark.django_db
def test_it_renders_in_dutch_by_default(client, settings):
    settings.PORTAL_RETENTION_CLOSED_DAYS = 90
    page = privacy_page(client)
    assert '<html lang="nl"' in page
    assert "90" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_renders_in_both_languages(client, language):
    page = privacy_page(in_language(client, language))
    assert f'<html lang="{language}"' in page
    assert "365" in page


@pytest.mark.django_db
def test_reading_it_costs_no_queries(english, django_assert_num_queries):
    # Anonymous visitor: no session to load, no user, the terms come from the settings.
    with django_assert_num_queries(0):
        english.get(reverse("privacy"))


@pytest.mark.django_db
def test_a_user_who_still_has_to_set_up_mfa_can_read_it(english, settings, professional):
    settings.PORTAL_REQUIRE_MFA = True
    login(english, professional.email)
    assert english.get(reverse("home")).status_code == 302  # everything else sends them to the MFA set-up
    privacy_page(english)


@pytest.mark.django_db
def test_every_page_links_to_it(english):
    response = english.get(reverse("account_login"))
    assert f'href="{reverse("privacy")}"' in response.content.decode()


@pytest.mark.django_db
def test_it_only_answers_get(english):
    assert english.post(reverse("privacy")).status_code == 405
