"""The admin for portal models, as a content admin uses it."""

import pytest
from django.core import mail
from django.urls import reverse

from portal.models import Invitation, Membership, Organisation, OrganisationDomain, User
from portal.roles import OrganisationKind, Role
from tests.portal.conftest import login, user_make

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def admin_client(client, content_admin):
    login(client, content_admin.email)
    return client


@pytest.mark.django_db
def test_content_admin_opens_the_portal_model_lists(admin_client, professional, coordinator):
    for model in ("user", "organisation", "membership", "invitation"):
        response = admin_client.get(reverse(f"admin:portal_{model}_changelist"))
        assert response.status_code == 200, model
    users = admin_client.get(reverse("admin:portal_user_changelist")).content.decode()
    assert "docent1@school-a.example.org" in users
    assert admin_client.get(reverse("admin:portal_user_change", args=[professional.pk])).status_code == 200


@pytest.mark.django_db
def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        reverse("admin:portal_user_add"),
        {
            "email": "nieuw@portal.example.org",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "usable_password": "true",
            "password1": "kwartel-lantaarn-fietspomp-7",
            "password2": "kwartel-lantaarn-fietspomp-7",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@portal.example.org")
    assert user.check_password("kwartel-lantaarn-fietspomp-7")


@pytest.mark.django_db
def test_admin_creates_an_organisation_with_its_email_domain(admin_client):
    response = admin_client.post(
        reverse("admin:portal_organisation_add"),
        {
            "name": "School C",
            "kind": OrganisationKind.SCHOOL,
            "email_domains-TOTAL_FORMS": "1",
            "email_domains-INITIAL_FORMS": "0",
            "email_domains-MIN_NUM_FORMS": "0",
            "email_domains-MAX_NUM_FORMS": "1000",
            "email_domains-0-domain": "school-c.example.org",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="School C")
    assert OrganisationDomain.objects.get(organisation=organisation).domain == "school-c.example.org"


@pytest.mark.django_db
def test_membership_added_in_the_admin_grants_the_role(admin_client, school_a):
    user = user_make("los@school-a.example.org")
    response = admin_client.post(
        reverse("admin:portal_membership_add"),
        {"user": user.pk, "organisation": school_a.pk, "role": Role.PROFESSIONAL, "domain": ""},
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=user).domain == "education"
    assert User.objects.get(pk=user.pk).has_perm("consultations.add_consultation")


@pytest.mark.django_db
def test_invitation_added_in_the_admin_is_mailed(
    admin_client, content_admin, politie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:portal_invitation_add"),
            {"email": "agent@politie.example.org", "organisation": politie.pk, "role": Role.PROFESSIONAL, "domain": ""},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == content_admin
    assert len(mail.outbox) == 1
    assert reverse("invitation_accept", args=[invitation.token]) in mail.outbox[0].body


@pytest.mark.django_db
def test_admin_refuses_an_invitation_for_an_existing_account(admin_client, professional, school_a):
    response = admin_client.post(
        reverse("admin:portal_invitation_add"),
        {"email": professional.email, "organisation": school_a.pk, "role": Role.PROFESSIONAL, "domain": ""},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_invitations_are_read_only_in_the_admin(admin_client, coordinator, school_a):
    invitation = Invitation.objects.create(
        email="x@elders.example.org", organisation=school_a, invited_by=coordinator, expires_at="2099-01-01T00:00Z"
    )
    url = reverse("admin:portal_invitation_change", args=[invitation.pk])
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"email": "other@elders.example.org", "organisation": school_a.pk, "role": "professional"})
    invitation.refresh_from_db()
    assert invitation.email == "x@elders.example.org"


@pytest.mark.django_db
def test_a_professional_cannot_open_the_admin(client, professional):
    login(client, professional.email)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert client.get(reverse("admin:portal_user_changelist")).status_code == 302
