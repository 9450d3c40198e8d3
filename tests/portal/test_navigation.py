"""Each role's home page links to what that role can use, and not to the rest."""

import pytest
from django.urls import reverse

from tests.portal.conftest import login

pytestmark = pytest.mark.usefixtures("english")


def home_links(client, email):
    login(client, email)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def href(name):
    return f'href="{reverse(name)}"'


@pytest.mark.django_db
def test_professional_sees_the_catalogue_but_not_invite_or_admin(client, professional):
    page = home_links(client, professional.email)
    assert href("signals:catalogue") in page
    assert href("account_email") in page
    assert href("invitation_create") not in page
    assert href("admin:index") not in page


@pytest.mark.django_db
def test_coordinator_sees_invite_but_not_admin(client, coordinator):
    page = home_links(client, coordinator.email)
    assert href("signals:catalogue") in page
    assert href("invitation_create") in page
    assert href("admin:index") not in page


@pytest.mark.django_db
def test_content_admin_sees_invite_and_admin(client, content_admin):
    page = home_links(client, content_admin.email)
    assert href("invitation_create") in page
    assert href("admin:index") in page


@pytest.mark.django_db
def test_links_shown_are_links_the_role_can_open(client, coordinator):
    login(client, coordinator.email)
    assert client.get(reverse("invitation_create")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302  # not staff: sent to login
