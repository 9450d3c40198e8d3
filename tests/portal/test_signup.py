"""Sign-up is open only to addresses on a registered organisation's e-mail domain."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from portal.models import Membership, User
from portal.roles import Domain, Role
from tests.portal.conftest import PASSWORD, login

pytestmark = pytest.mark.usefixtures("english")

NEW_PASSWORD = "kwartel-lantaarn-fietspomp-7"


def signup(client, email, **overrides):
    data = {
        "first_name": "Sanne",
        "last_name": "Bakker",
        "email": email,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **overrides,
    }
    return client.post(reverse("account_signup"), data)


@pytest.mark.django_db
def test_signup_on_a_registered_domain_creates_a_professional_and_sends_verification(client, school_a):
    response = signup(client, "Sanne.Bakker@School-A.example.org")
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="sanne.bakker@school-a.example.org")
    assert (user.first_name, user.last_name) == ("Sanne", "Bakker")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.domain) == (
        school_a,
        Role.PROFESSIONAL,
        Domain.EDUCATION,
    )
    assert user.has_perm("consultations.add_consultation")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sanne.bakker@school-a.example.org"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_cannot_log_in_before_verifying_then_can_after(client, school_a):
    signup(client, "sanne.bakker@school-a.example.org")
    client.cookies.clear()
    response = login(client, "sanne.bakker@school-a.example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("home")).status_code == 302

    key = mail.outbox[0].body.split("/accounts/confirm-email/")[1].split("/")[0]
    assert client.post(reverse("account_confirm_email", args=[key])).status_code == 302
    assert EmailAddress.objects.get(email="sanne.bakker@school-a.example.org").verified
    response = login(client, "sanne.bakker@school-a.example.org", NEW_PASSWORD)
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_signup_on_an_unregistered_domain_is_refused_and_creates_nothing(client, school_a):
    response = signup(client, "iemand@gmail.example.com")
    assert response.status_code == 200
    assert "does not belong to a registered organisation" in str(response.context["form"].errors["email"])
    assert "Ask your coordinator for an invitation" in response.content.decode()
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_subdomain_of_a_registered_domain_is_not_registered(client, school_a):
    response = signup(client, "iemand@leerlingen.school-a.example.org")
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_requires_first_and_last_name(client, school_a):
    response = signup(client, "sanne.bakker@school-a.example.org", first_name="", last_name="")
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"first_name", "last_name"}
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_refuses_a_weak_password(client, school_a):
    response = signup(client, "sanne.bakker@school-a.example.org", password1="password123", password2="password123")
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_for_an_existing_address_creates_no_second_account(client, professional):
    response = signup(client, professional.email)
    # allauth does not reveal that the account exists: same answer, a mail to the owner instead.
    assert response.status_code == 302
    assert User.objects.filter(email=professional.email).count() == 1
    assert professional.memberships.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [professional.email]
    assert login(client, professional.email, PASSWORD).url == reverse("home")
