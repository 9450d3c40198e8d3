"""Consultations: the anonymized collegial consultations about one young person.

This module holds the core record and its object permissions; the flow
(signals observed, advice, conversation, referral, retention) builds on it.
Nothing here identifies a young person.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

# Unambiguous characters only (no 0/O, 1/I/L), so a reference can be read aloud.
_REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference():
    """A reference that cannot be guessed: 12 characters, about 59 bits of randomness."""
    raw = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Consultation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=14, unique=True, default=new_reference, editable=False)
    organisation = models.ForeignKey(
        "portal.Organisation",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_consultations",
        verbose_name=_("author"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]
        permissions = [
            ("advise_consultation", _("Can advise on a consultation")),
            ("review_consultation", _("Can review consultations of coordinated organisations")),
            ("view_statistics", _("Can view consultation statistics")),
        ]

    def __str__(self):
        return self.reference


class ConsultationUserObjectPermission(UserObjectPermissionBase):
    """Direct foreign key: rows die with the consultation and never attach to a reused id."""

    content_object = models.ForeignKey(Consultation, on_delete=models.CASCADE)


class ConsultationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Consultation, on_delete=models.CASCADE)
