"""Roles and the permissions that make them.

Code asks for permissions (`user.has_perm(...)`), never for group names. Which
group holds which permission is data, written by the migration
`portal/migrations/0002_role_groups.py` and editable in the admin; this module
names the groups once so that services can put a member in the right one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coordinator")


class Domain(models.TextChoices):
    """The field a professional works in."""

    EDUCATION = "education", _("Education")
    POLICE = "police", _("Police")
    YOUTH_WORK = "youth_work", _("Youth work")
    MUNICIPALITY = "municipality", _("Municipality")
    CARE = "care", _("Care")


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    POLICE = "police", _("Police")
    YOUTH_WORK = "youth_work", _("Youth work")
    MUNICIPALITY = "municipality", _("Municipality")
    CARE = "care", _("Care")
    OTHER = "other", _("Other")


# The domain a new professional gets by default, from their organisation's kind.
DEFAULT_DOMAIN_FOR_KIND = {
    OrganisationKind.SCHOOL: Domain.EDUCATION,
    OrganisationKind.POLICE: Domain.POLICE,
    OrganisationKind.YOUTH_WORK: Domain.YOUTH_WORK,
    OrganisationKind.MUNICIPALITY: Domain.MUNICIPALITY,
    OrganisationKind.CARE: Domain.CARE,
    OrganisationKind.OTHER: Domain.CARE,
}

GROUP_PROFESSIONALS = "Professionals"
GROUP_COORDINATORS = "Coordinators"
GROUP_CONTENT_ADMINS = "Content admins"

GROUP_FOR_ROLE = {
    Role.PROFESSIONAL: GROUP_PROFESSIONALS,
    Role.COORDINATOR: GROUP_COORDINATORS,
}

# (app_label, codename) pairs per group; the migration grants exactly these.
GROUP_PERMISSIONS = {
    GROUP_PROFESSIONALS: [
        ("consultations", "add_consultation"),
    ],
    GROUP_COORDINATORS: [
        ("consultations", "review_consultation"),
        ("consultations", "view_statistics"),
        ("portal", "add_invitation"),
    ],
    GROUP_CONTENT_ADMINS: [
        *[
            ("signals", f"{action}_{model}")
            for model in (
                "signalcategory",
                "signal",
                "conversationtip",
                "conversationtippoint",
                "referralorganisation",
                "guidancetext",
            )
            for action in ("add", "change", "delete", "view")
        ],
        *[
            ("portal", f"{action}_{model}")
            for model in ("organisation", "organisationdomain", "membership", "user")
            for action in ("add", "change", "delete", "view")
        ],
        ("portal", "add_invitation"),
        ("portal", "view_invitation"),
        ("portal", "invite_any_organisation"),
    ],
}
