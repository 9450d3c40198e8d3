"""Dutch first: a browser's language does not switch the portal; the language switch does."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_an_english_browser_still_gets_dutch(client):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()


@pytest.mark.django_db
def test_the_language_switch_chooses_english_until_switched_back(client):
    login_url = reverse("account_login")
    client.post(reverse("set_language"), {"language": "en", "next": login_url})
    assert '<html lang="en"' in client.get(login_url).content.decode()
    client.post(reverse("set_language"), {"language": "nl", "next": login_url})
    assert '<html lang="nl"' in client.get(login_url).content.decode()


@pytest.mark.django_db
def test_an_unknown_language_cookie_falls_back_to_dutch(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="nl"' in client.get(reverse("account_login")).content.decode()
