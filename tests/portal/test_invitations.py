"""Invitations end to end: who may invite where, the mail and its link, accepting once."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.invitations import invitation_accept, invitation_create
from portal.models import Invitation, Membership, User
from portal.roles import Domain, Role
from tests.portal.conftest import login

pytestmark = pytest.mark.usefixtures("english")

NEW_PASSWORD = "kwartel-lantaarn-fietspomp-7"
LINK = re.compile(r"http://testserver/uitnodigingen/[\w-]+/")


def invite(client, email, organisation, role=Role.PROFESSIONAL, domain=""):
    return client.post(
        reverse("invitation_create"),
        {"email": email, "organisation": organisation.pk, "role": role, "domain": domain},
    )


def invite_directly(email, organisation, invited_by, role=Role.PROFESSIONAL):
    """The service itself, as the view calls it."""
    return invitation_create(
        email=email, organisation=organisation, role=role, invited_by=invited_by, base_url="http://testserver/"
    )


def accept(client, url, password=NEW_PASSWORD, password2=None):
    return client.post(
        url,
        {
            "first_name": "Wim",
            "last_name": "Agent",
            "password1": password,
            "password2": password if password2 is None else password2,
        },
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    login(client, coordinator.email)
    return client


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_invitation_end_to_end(coordinator_client, coordinator, school_a, client):
    response = invite(coordinator_client, "Nieuwe.Docent@elders.example.org", school_a)
    assert response.status_code == 302
    assert "An invitation has been sent to nieuwe.docent@elders.example.org." in [
        str(m) for m in coordinator_client.get(response.url).context["messages"]
    ]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuwe.docent@elders.example.org"]
    assert "School A" in message.body
    url = LINK.search(message.body).group(0)
    invitation = Invitation.objects.get()
    assert url.endswith(reverse("invitation_accept", args=[invitation.token]))

    client.logout()
    page = client.get(url)
    assert page.status_code == 200
    assert "nieuwe.docent@elders.example.org" in page.content.decode()

    response = accept(client, url)
    assert response.status_code == 302
    assert response.url == reverse("home")
    user = User.objects.get(email="nieuwe.docent@elders.example.org")
    assert (user.first_name, user.last_name) == ("Wim", "Agent")
    assert user.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.domain) == (
        school_a,
        Role.PROFESSIONAL,
        Domain.EDUCATION,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.get(reverse("home")).status_code == 200

    client.logout()
    assert client.get(url).status_code == 404
    assert accept(client, url).status_code == 404
    assert User.objects.filter(email="nieuwe.docent@elders.example.org").count() == 1


@pytest.mark.django_db
def test_the_mail_is_sent_only_when_the_invitation_is_committed(
    coordinator, school_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(
            email="x@elders.example.org",
            organisation=school_a,
            role=Role.PROFESSIONAL,
            invited_by=coordinator,
            base_url="https://portal.example.org/",
        )
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert "https://portal.example.org/uitnodigingen/" in mail.outbox[0].body


@pytest.mark.django_db
def test_an_expired_invitation_link_is_404(client, coordinator, school_a):
    invitation = invite_directly("laat@elders.example.org", school_a, coordinator, role=Role.PROFESSIONAL)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    url = reverse("invitation_accept", args=[invitation.token])
    assert client.get(url).status_code == 404
    assert accept(client, url).status_code == 404
    assert not User.objects.filter(email="laat@elders.example.org").exists()


@pytest.mark.django_db
def test_an_unknown_token_is_404(client):
    assert client.get(reverse("invitation_accept", args=["not-a-real-token"])).status_code == 404


@pytest.mark.django_db
def test_invitation_expires_after_the_configured_days(settings, coordinator, school_a):
    settings.PORTAL_INVITATION_DAYS = 3
    invitation = invite_directly("x@elders.example.org", school_a, coordinator, role=Role.PROFESSIONAL)
    assert timedelta(days=3) - timedelta(minutes=1) < invitation.expires_at - timezone.now() <= timedelta(days=3)


@pytest.mark.django_db
def test_a_coordinator_cannot_invite_into_an_organisation_they_do_not_coordinate(
    coordinator_client, coordinator, school_b, politie
):
    form = coordinator_client.get(reverse("invitation_create")).context["form"]
    assert {o.name for o in form.fields["organisation"].queryset} == {"Gemeente", "School A"}
    response = invite(coordinator_client, "x@elders.example.org", school_b)
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    with pytest.raises(PermissionDenied):
        invite_directly("x@elders.example.org", politie, coordinator, role=Role.PROFESSIONAL)


@pytest.mark.django_db
def test_a_coordinator_invites_professionals_not_coordinators(coordinator_client, coordinator, school_a):
    response = invite(coordinator_client, "x@elders.example.org", school_a, role=Role.COORDINATOR)
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_a_content_admin_invites_into_any_organisation_in_any_role(client, content_admin, politie):
    login(client, content_admin.email)
    response = invite(client, "chef@politie.example.org", politie, role=Role.COORDINATOR)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.role, invitation.domain) == (politie, Role.COORDINATOR, "")


@pytest.mark.django_db
def test_a_professional_cannot_reach_the_invite_page(client, professional, school_a):
    login(client, professional.email)
    assert client.get(reverse("invitation_create")).status_code == 403
    assert invite(client, "x@elders.example.org", school_a).status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_an_address_that_already_has_an_account_is_refused(coordinator_client, professional, school_a):
    response = invite(coordinator_client, "DOCENT1@school-a.example.org", school_a)
    assert response.status_code == 200
    assert "already exists" in str(response.context["form"].errors)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "password2", "field", "code"),
    [
        ("kort-7", None, "password1", "password_too_short"),
        ("password1234", None, "password1", "password_too_common"),
        (NEW_PASSWORD, NEW_PASSWORD + "x", "password2", "password_mismatch"),
    ],
)
def test_a_weak_or_mistyped_password_is_refused_and_nothing_is_created(
    client, coordinator, school_a, password, password2, field, code
):
    invitation = invite_directly("nieuw@elders.example.org", school_a, coordinator, role=Role.PROFESSIONAL)
    url = reverse("invitation_accept", args=[invitation.token])
    response = accept(client, url, password=password, password2=password2)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()[field]
    assert code in [error.code for error in errors]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not User.objects.filter(email="nieuw@elders.example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_accepting_twice_through_the_service_is_refused(coordinator, school_a):
    invitation = invite_directly("nieuw@elders.example.org", school_a, coordinator, role=Role.PROFESSIONAL)
    invitation_accept(invitation=invitation, first_name="A", last_name="B", password=NEW_PASSWORD)
    with pytest.raises(ValidationError):
        invitation_accept(invitation=invitation, first_name="C", last_name="D", password=NEW_PASSWORD)
    assert User.objects.filter(email="nieuw@elders.example.org").count() == 1


@pytest.mark.django_db
def test_an_invitee_who_must_use_mfa_is_sent_to_totp_setup(client, settings, coordinator, school_a):
    settings.PORTAL_REQUIRE_MFA = True
    invitation = invite_directly("nieuw@elders.example.org", school_a, coordinator, role=Role.PROFESSIONAL)
    response = accept(client, reverse("invitation_accept", args=[invitation.token]))
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home.url == reverse("mfa_activate_totp")
