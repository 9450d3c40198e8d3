"""Who may do what with one consultation: the one door every view goes through.

A consultation is visible to its author and the colleagues the author invited
(guardian object permissions, granted by the services) and, read-only, to the
coordinators of the author's organisation (from their membership). Nobody else:
not colleagues of the same school, not uninvited police, not content admins,
not superusers. Object permissions are read from the direct permission table
itself, so a superuser's blanket `has_perm` grants nothing here.
"""

from dataclasses import dataclass

from django.http import Http404

from consultations.models import Consultation, ConsultationUserObjectPermission
from portal.models import Membership, User
from portal.roles import Role

VIEW = "view_consultation"
CHANGE = "change_consultation"
ADVISE = "advise_consultation"
REVIEW = "review_consultation"


def coordinated_organisation_ids(user: User) -> set[int]:
    """The organisations whose consultations `user` may review (empty without the permission)."""
    if not user.is_authenticated or not user.has_perm(f"consultations.{REVIEW}"):
        return set()
    return set(
        Membership.objects.filter(
            user=user, role=Role.COORDINATOR, coordinated_organisations__isnull=False
        ).values_list("coordinated_organisations", flat=True)
    )


@dataclass(frozen=True)
class Access:
    """What one user may do with one consultation; templates use it to show buttons only."""

    codenames: frozenset[str]

    @property
    def can_view(self):
        return bool(self.codenames)

    @property
    def is_author(self):
        return CHANGE in self.codenames

    @property
    def can_advise(self):
        return ADVISE in self.codenames

    @property
    def is_reviewer(self):
        return REVIEW in self.codenames


def consultation_access(user: User, consultation: Consultation) -> Access:
    if not user.is_authenticated or not user.is_active:
        return Access(frozenset())
    codenames = set(
        ConsultationUserObjectPermission.objects.filter(user=user, content_object=consultation).values_list(
            "permission__codename", flat=True
        )
    )
    if consultation.organisation_id in coordinated_organisation_ids(user):
        codenames |= {VIEW, REVIEW}
    return Access(frozenset(codenames))


def consultation_get_for_user(user: User, reference: str, perm: str = VIEW) -> tuple[Consultation, Access]:
    """The consultation with `reference` and what `user` may do with it, if they hold `perm` on it.

    Raises Http404 both when it does not exist and when the user may not see it:
    404, not 403, because the existence of a case is itself information.
    """
    try:
        consultation = Consultation.objects.select_related("organisation", "author").get(reference=reference)
    except Consultation.DoesNotExist:
        raise Http404 from None
    access = consultation_access(user, consultation)
    if perm not in access.codenames:
        raise Http404
    return consultation, access
