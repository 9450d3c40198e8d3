"""Users, organisations, memberships, invitations and the audit trail.

Declarative only: writes go through the services in `portal/memberships.py`,
`portal/invitations.py` and `portal/audit.py`.
"""

import secrets

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.roles import Domain, OrganisationKind, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A professional, coordinator or content admin; logs in by e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    is_demo = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Demo accounts (from seed_demo) are exempt from the multi-factor requirement."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationDomain(models.Model):
    """An e-mail domain that an organisation owns: addresses on it may sign up."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_domains", verbose_name=_("organisation")
    )
    domain = models.CharField(
        _("e-mail domain"), max_length=253, unique=True, help_text=_("For example school-a.example.org")
    )

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]

    def __str__(self):
        return self.domain


class Membership(models.Model):
    """A user's place in an organisation: their role there and, for professionals, their domain."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    domain = models.CharField(
        _("domain"), max_length=20, choices=Domain.choices, blank=True, help_text=_("Only for professionals.")
    )
    coordinated_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="coordinator_memberships",
        verbose_name=_("coordinated organisations"),
        help_text=_("Only for coordinators: the organisations whose consultations they review."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership_per_organisation"),
            models.CheckConstraint(
                condition=~models.Q(role="professional") | ~models.Q(domain=""),
                name="professional_has_domain",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


def _invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation for an e-mail address to join an organisation in a role."""

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        permissions = [
            ("invite_any_organisation", _("Can invite into any organisation")),
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class AuditQuerySet(models.QuerySet):
    """History is appended, never edited: bulk updates and deletes are refused too."""

    def update(self, **kwargs):
        raise AuditEvent.AppendOnly("The audit trail cannot be changed.")

    def delete(self):
        raise AuditEvent.AppendOnly("The audit trail cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditEvent.AppendOnly("The audit trail cannot be changed.")


class AuditEvent(models.Model):
    """One read or write of a consultation (or an export of statistics), written by portal/audit.py.

    The references to users and organisations carry no database constraint and a
    copy of the name: the trail outlives the accounts and organisations it mentions.
    """

    class AppendOnly(Exception):
        pass

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        CREATE = "create", _("Created")
        EDIT = "edit", _("Edited")
        INVITE = "invite", _("Invited a colleague")
        WITHDRAW = "withdraw", _("Withdrew an invitation")
        ADVISE = "advise", _("Gave advice")
        CONVERSATION = "conversation", _("Recorded the conversation")
        NEXT_STEPS = "next_steps", _("Recorded next steps")
        CLOSE = "close", _("Closed")
        REOPEN = "reopen", _("Reopened")
        CLOSE_WARNING = "close_warning", _("Warned of automatic closing")
        AUTO_CLOSE = "auto_close", _("Closed after inactivity")
        PURGE = "purge", _("Deleted after the retention term")
        EXPORT = "export", _("Exported statistics")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        User, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+", verbose_name=_("who")
    )
    actor_name = models.CharField(_("who"), max_length=300, blank=True)
    acting_organisation = models.ForeignKey(
        Organisation, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    acting_organisation_name = models.CharField(_("on behalf of"), max_length=200, blank=True)
    consultation_reference = models.CharField(_("consultation"), max_length=14, blank=True, db_index=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    organisation_name = models.CharField(_("organisation concerned"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        who = self.actor_name or "system"
        return f"{self.created_at:%Y-%m-%d %H:%M} {who} {self.action} {self.consultation_reference}"

    # The application-level half of the append-only rule (the trigger is the database half).
    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEvent.AppendOnly("The audit trail cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEvent.AppendOnly("The audit trail cannot be deleted.")
