"""The audit trail is append-only: no update or delete through the ORM, and on PostgreSQL
not even through raw SQL (a trigger, portal/migrations/0003_audit_event.py)."""

import pytest
from django.db import DatabaseError, connection, transaction

from portal.audit import audit_record
from portal.models import AuditEvent
from tests.portal.conftest import user_make

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only; SQLite has the ORM guard"
)


@pytest.fixture
def event(professional, school_a):
    return audit_record(
        action=AuditEvent.Action.VIEW,
        actor=professional,
        consultation_reference="ABCD-EFGH-JKMN",
        organisation=school_a,
    )


def _unchanged(event):
    """The row as it was written: same action, actor name and reference."""
    stored = AuditEvent.objects.get(pk=event.pk)
    return (stored.action, stored.actor_name, stored.consultation_reference) == (
        event.action,
        event.actor_name,
        event.consultation_reference,
    )


@pytest.mark.django_db
def test_an_event_records_who_for_which_organisation_what_and_when(event, professional, school_a):
    assert event.actor == professional
    assert event.actor_name == "Anna de Vries <docent1@school-a.example.org>"
    assert (event.acting_organisation, event.acting_organisation_name) == (school_a, "School A")
    assert (event.organisation, event.organisation_name) == (school_a, "School A")
    assert event.created_at is not None


@pytest.mark.django_db
def test_saving_an_existing_event_is_refused(event):
    event.action = AuditEvent.Action.EDIT
    with pytest.raises(AuditEvent.AppendOnly):
        event.save()
    event.refresh_from_db()
    assert event.action == AuditEvent.Action.VIEW


@pytest.mark.django_db
def test_deleting_an_event_is_refused(event):
    with pytest.raises(AuditEvent.AppendOnly):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(AuditEvent.AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(actor_name="someone else")
    with pytest.raises(AuditEvent.AppendOnly):
        AuditEvent.objects.all().delete()
    event.actor_name = "someone else"
    with pytest.raises(AuditEvent.AppendOnly):
        AuditEvent.objects.bulk_update([event], ["actor_name"])
    assert AuditEvent.objects.count() == 1
    assert AuditEvent.objects.get().actor_name == "Anna de Vries <docent1@school-a.example.org>"


@pytest.mark.django_db
def test_the_trail_outlives_the_accounts_it_mentions(school_a):
    """No database constraint to the user: deleting an account keeps its events and their names."""
    user = user_make("tijdelijk@school-a.example.org", first_name="Tijdelijk", last_name="Account")
    event = audit_record(action=AuditEvent.Action.CREATE, actor=user, consultation_reference="ABCD-EFGH-JKMN")
    user.delete()
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor_name == "Tijdelijk Account <tijdelijk@school-a.example.org>"


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_trigger_refuses_raw_update(event):
    # atomic() is a savepoint, so the failed statement leaves the test's transaction usable.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE portal_auditevent SET actor_name = %s WHERE id = %s", ["someone else", event.pk])
    assert _unchanged(event)


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_trigger_refuses_raw_delete(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert _unchanged(event)


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_trigger_allows_insert(event):
    """Appending is what the trail is for: the trigger only stops UPDATE and DELETE."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_auditevent (created_at, action, actor_name, acting_organisation_name, "
            "consultation_reference, organisation_name, detail) VALUES (now(), 'view', '', '', '', '', '')"
        )
    assert AuditEvent.objects.count() == 2
