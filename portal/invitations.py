"""Invitations: how a professional or coordinator joins without a registered e-mail domain.

Who may invite where is decided here, from permissions and coordinator
memberships: content admins (`portal.invite_any_organisation`) into any
organisation and in any role; coordinators (`portal.add_invitation`) only
professionals, and only into the organisations they coordinate or their own.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.mail import mail_send
from portal.memberships import membership_create
from portal.models import Invitation, Membership, Organisation, User
from portal.roles import Role


def organisations_invitable_by(user: User) -> QuerySet[Organisation]:
    if user.has_perm("portal.invite_any_organisation"):
        return Organisation.objects.all()
    if not user.has_perm("portal.add_invitation"):
        return Organisation.objects.none()
    coordinator = Membership.objects.filter(user=user, role=Role.COORDINATOR)
    return Organisation.objects.filter(
        Q(pk__in=coordinator.values("organisation")) | Q(pk__in=coordinator.values("coordinated_organisations"))
    )


def roles_invitable_by(user: User) -> list[str]:
    # A coordinator inviting coordinators would hand out review rights; that is the content admins' call.
    if user.has_perm("portal.invite_any_organisation"):
        return [Role.PROFESSIONAL, Role.COORDINATOR]
    if user.has_perm("portal.add_invitation"):
        return [Role.PROFESSIONAL]
    return []


def account_exists_for(email: str) -> bool:
    return (
        User.objects.filter(email__iexact=email).exists() or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def invitation_check(*, email: str, organisation: Organisation, role: str, invited_by: User) -> None:
    """Raise PermissionDenied or ValidationError when this invitation may not be sent."""
    if role not in roles_invitable_by(invited_by):
        raise PermissionDenied
    if not organisations_invitable_by(invited_by).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    if account_exists_for(email):
        raise ValidationError(
            {"email": _("An account with this e-mail address already exists; no invitation is needed.")}
        )


def _invitation_send(invitation: Invitation, accept_url: str) -> None:
    context = {"invitation": invitation, "accept_url": accept_url, "days": settings.PORTAL_INVITATION_DAYS}
    mail_send(
        to=invitation.email,
        subject_template="portal/email/invitation_subject.txt",
        body_template="portal/email/invitation_message.txt",
        context=context,
    )


def invitation_create(
    *,
    email: str,
    organisation: Organisation,
    role: str,
    domain: str = "",
    invited_by: User,
    base_url: str,
) -> Invitation:
    """Invite `email` into `organisation` and mail the acceptance link (absolute, on `base_url`).

    The mail is sent only once the invitation is committed, so a rolled-back
    invitation never reaches an inbox with a link that does not work.
    """
    email = email.strip().lower()
    invitation_check(email=email, organisation=organisation, role=role, invited_by=invited_by)
    if role != Role.PROFESSIONAL:
        domain = ""
    # A blank domain for a professional is filled in by membership_create on acceptance.
    invitation = Invitation(
        email=email,
        organisation=organisation,
        role=role,
        domain=domain,
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.PORTAL_INVITATION_DAYS),
    )
    invitation.full_clean()
    with transaction.atomic():
        invitation.save()
        accept_url = base_url.rstrip("/") + reverse("invitation_accept", kwargs={"token": invitation.token})
        transaction.on_commit(lambda: _invitation_send(invitation, accept_url))
    return invitation


def invitation_is_open(invitation: Invitation) -> bool:
    return invitation.accepted_at is None and invitation.expires_at > timezone.now()


def invitation_get_open(token: str) -> Invitation:
    """The invitation behind a link, or 404 — unknown, used and expired links look the same."""
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None or not invitation_is_open(invitation):
        raise Http404
    return invitation


def invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    """Create the invitee's account from an open invitation, once.

    The address counts as verified: only its owner received the link.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
        if not invitation_is_open(invitation):
            raise ValidationError(_("This invitation has expired or has already been used."))
        if account_exists_for(invitation.email):
            raise ValidationError(_("An account with this e-mail address already exists. Please log in."))
        user = User(email=invitation.email, first_name=first_name.strip(), last_name=last_name.strip())
        validate_password(password, user=user)
        user.set_password(password)
        user.full_clean()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        membership_create(
            user=user, organisation=invitation.organisation, role=invitation.role, domain=invitation.domain
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user
