"""The audit trail: who did what with which consultation, when, for which organisation.

Append-only: `AuditEvent` refuses updates and deletes in the ORM (portal/models.py)
and, on PostgreSQL, a trigger refuses them in the database as well
(portal/migrations/0003_audit_event.py). Events never hold case text: only the
reference, the action and, where it matters, a colleague's name.
"""

from django.db.models import QuerySet

from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Role


def acting_organisation(user: User | None) -> Organisation | None:
    """The organisation on whose behalf `user` acts: their professional membership first."""
    if user is None:
        return None
    memberships = sorted(user.memberships.select_related("organisation"), key=lambda m: m.role != Role.PROFESSIONAL)
    return memberships[0].organisation if memberships else None


def audit_record(
    *,
    action: str,
    actor: User | None,
    consultation_reference: str = "",
    organisation: Organisation | None = None,
    detail: str = "",
) -> AuditEvent:
    """Append one event. `organisation` is whose data it concerns (the consultation's
    organisation); the actor's own organisation is looked up here. `actor=None` is the system."""
    acting = acting_organisation(actor)
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=(f"{actor.get_full_name()} <{actor.email}>".strip() if actor else ""),
        acting_organisation=acting,
        acting_organisation_name=acting.name if acting else "",
        consultation_reference=consultation_reference,
        organisation=organisation,
        organisation_name=organisation.name if organisation else "",
        detail=detail[:200],
    )


def audit_events_for_consultation(reference: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(consultation_reference=reference).order_by("-created_at", "-pk")


def audit_events_for_coordinator(user: User) -> QuerySet[AuditEvent]:
    """Events about the organisations `user` coordinates (nothing for anyone else)."""
    coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("coordinated_organisations")
    return AuditEvent.objects.filter(organisation__in=coordinated).order_by("-created_at", "-pk")


def audit_consultation(*, action: str, actor: User | None, consultation, detail: str = "") -> AuditEvent:
    """Append an event about one consultation (anything with a `reference` and an `organisation`)."""
    return audit_record(
        action=action,
        actor=actor,
        consultation_reference=consultation.reference,
        organisation=consultation.organisation,
        detail=detail,
    )
