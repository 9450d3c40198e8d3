"""Login by e-mail through allauth, its lockout, the admin login, and the membership services."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.memberships import content_admin_grant, membership_create, organisation_for_email
from portal.roles import Domain, Role
from tests.portal.conftest import PASSWORD, login, user_make

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.django_db
def test_login_by_email_with_the_right_password_reaches_home(client, professional):
    response = login(client, "Docent1@School-A.example.org", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    assert client.session[SESSION_KEY] == str(professional.pk)


@pytest.mark.django_db
def test_wrong_password_shows_an_error_and_does_not_log_in(client, professional):
    response = login(client, professional.email, "not the password at all")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert SESSION_KEY not in client.session
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_five_failed_logins_for_one_address_lock_it_out_with_429(client, professional):
    for _attempt in range(5):
        assert login(client, professional.email, "wrong password").status_code == 200
    response = login(client, professional.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_the_lockout_is_per_address(client, professional, coordinator):
    for _attempt in range(5):
        login(client, professional.email, "wrong password")
    assert login(client, coordinator.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_anonymous_admin_login_goes_to_allauth_login(client):
    response = client.get("/beheer/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_home_sends_anonymous_visitor_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_membership_create_grants_the_role_permissions(school_a):
    user = user_make("nieuw@school-a.example.org")
    assert not user.has_perm("consultations.add_consultation")
    membership = membership_create(user=user, organisation=school_a, role=Role.PROFESSIONAL)
    assert membership.domain == Domain.EDUCATION
    assert user.has_perm("consultations.add_consultation")
    assert not user.has_perm("portal.add_invitation")


@pytest.mark.django_db
def test_membership_create_for_coordinator_sets_coordinated_organisations(gemeente, school_a, school_b):
    user = user_make("coordinator2@gemeente.example.org")
    membership = membership_create(
        user=user, organisation=gemeente, role=Role.COORDINATOR, coordinated_organisations=[school_a, school_b]
    )
    assert set(membership.coordinated_organisations.all()) == {school_a, school_b}
    assert user.has_perm("consultations.review_consultation")
    assert user.has_perm("portal.add_invitation")


@pytest.mark.django_db
def test_membership_create_refuses_a_second_membership_in_the_same_organisation(professional, school_a):
    with pytest.raises(ValidationError):
        membership_create(user=professional, organisation=school_a, role=Role.COORDINATOR)
    assert professional.memberships.count() == 1


@pytest.mark.django_db
def test_only_coordinators_coordinate(school_a, school_b):
    user = user_make("docent9@school-a.example.org")
    with pytest.raises(ValidationError):
        membership_create(
            user=user, organisation=school_a, role=Role.PROFESSIONAL, coordinated_organisations=[school_b]
        )
    assert not user.memberships.exists()


@pytest.mark.django_db
def test_content_admin_grant_gives_admin_access_but_no_consultation_review(db):
    user = user_make("redactie@portal.example.org")
    content_admin_grant(user=user)
    user.refresh_from_db()
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("signals.change_signal")
    assert user.has_perm("portal.invite_any_organisation")
    assert not user.has_perm("consultations.review_consultation")


@pytest.mark.django_db
def test_organisation_for_email_matches_the_exact_domain_in_any_case(school_a):
    assert organisation_for_email("x@SCHOOL-A.example.org") == school_a
    assert organisation_for_email("x@sub.school-a.example.org") is None
    assert organisation_for_email("x@evil-school-a.example.org") is None
    assert organisation_for_email("not-an-address") is None
