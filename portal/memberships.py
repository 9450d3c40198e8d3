"""Memberships: a user's place in an organisation, and the role groups that follow from it.

A role's permissions come from its group (portal/roles.py), so every membership
is created here, where the user is put in that group in the same transaction.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.models import Membership, Organisation, OrganisationDomain, User
from portal.roles import DEFAULT_DOMAIN_FOR_KIND, GROUP_CONTENT_ADMINS, GROUP_FOR_ROLE, Role


def _forget_cached_permissions(user: User) -> None:
    # ModelBackend caches permissions on the instance; a new group must show at once.
    for attribute in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(attribute, None)


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation that owns the address's domain (exact domain, any case), or None."""
    domain = email.rpartition("@")[2].strip().lower()
    if not domain:
        return None
    owned = OrganisationDomain.objects.select_related("organisation").filter(domain__iexact=domain).first()
    return owned.organisation if owned else None


def membership_create(
    *,
    user: User,
    organisation: Organisation,
    role: str,
    domain: str = "",
    coordinated_organisations=(),
) -> Membership:
    """Make `user` a member of `organisation` in `role` and grant the role's group.

    A professional always has a domain; without one it follows from the kind of
    organisation. Only coordinators coordinate other organisations.
    """
    if role == Role.PROFESSIONAL and not domain:
        domain = DEFAULT_DOMAIN_FOR_KIND[organisation.kind]
    coordinated_organisations = list(coordinated_organisations)
    if coordinated_organisations and role != Role.COORDINATOR:
        raise ValidationError({"coordinated_organisations": _("Only coordinators coordinate other organisations.")})
    membership = Membership(user=user, organisation=organisation, role=role, domain=domain)
    membership.full_clean()
    with transaction.atomic():
        membership.save()
        if coordinated_organisations:
            membership.coordinated_organisations.set(coordinated_organisations)
        user.groups.add(Group.objects.get(name=GROUP_FOR_ROLE[role]))
    _forget_cached_permissions(user)
    return membership


def content_admin_grant(*, user: User) -> User:
    """Make `user` a content admin: admin-site access and the content admins' permissions."""
    with transaction.atomic():
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=GROUP_CONTENT_ADMINS))
    _forget_cached_permissions(user)
    return user
