"""Retention: untouched consultations are warned about and closed, expired ones deleted.

Consultations are made and changed through the real services; only their age is
set by hand (a queryset update), because a test cannot wait half a year.
"""

import os
import smtplib
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from django.utils.formats import date_format

from consultations.models import (
    Advice,
    Consultation,
    ConsultationTally,
    ConsultationUserObjectPermission,
    ObservedSignal,
    Outcome,
    Participant,
    SignalTally,
)
from consultations.retention import RetentionResult, retention_apply, scheduled_auto_close, scheduled_deletion
from consultations.services import (
    SignalObservation,
    consultation_close,
    consultation_record_next_steps,
    consultation_reopen,
    consultation_update,
)
from consultations.sharing import advice_create
from portal.models import AuditEvent
from signals.models import ReferralOrganisation
from tests.consultations.conftest import consultation_make, reload, signals_first

DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def _terms(settings):
    """The default terms, stated here so the arithmetic in the tests can be read."""
    settings.PORTAL_RETENTION_CLOSED_DAYS = 365
    settings.PORTAL_RETENTION_INACTIVE_DAYS = 180
    settings.PORTAL_RETENTION_WARNING_DAYS = 14
    settings.PORTAL_BASE_URL = "https://portal.example.org"


def age(consultation, **fields):
    """Set timestamps by hand; returns the consultation as now stored."""
    Consultation.objects.filter(pk=consultation.pk).update(**fields)
    return reload(consultation)


def untouched_for(consultation, days):
    return age(consultation, last_activity_at=timezone.now() - days * DAY)


def audit_actions(consultation):
    return list(
        AuditEvent.objects.filter(consultation_reference=consultation.reference)
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- Warning ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_author_is_warned_once_with_a_link_and_no_case_text(people):
    consultation = untouched_for(consultation_make(people["author"], shared_with=[people["police"]]), 170)

    result = retention_apply()

    assert (result.warned, result.closed, result.purged) == (1, 0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people["author"].email]
    assert f"https://portal.example.org/overleg/{consultation.reference}/" in message.body
    assert "closed automatically on" in message.body
    for case_text in (consultation.facts, consultation.concern, consultation.question, "Valt op in de les"):
        assert case_text not in message.body and case_text not in message.subject
    consultation.refresh_from_db()
    assert consultation.close_warning_sent_at is not None
    assert consultation.is_open
    warning = AuditEvent.objects.get(consultation_reference=consultation.reference, action="close_warning")
    assert warning.actor is None and warning.organisation == consultation.organisation

    # The next day's run does not warn again.
    assert retention_apply(now=timezone.now() + DAY).warned == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_mail_names_the_closing_date(people):
    consultation = untouched_for(consultation_make(people["author"]), 170)
    now = timezone.now()
    retention_apply(now=now)
    consultation.refresh_from_db()
    # Inactive for 170 of 180 days, but a warning gives at least 14 days: closed 14 days from now.
    assert scheduled_auto_close(consultation) == now + 14 * DAY
    with translation.override("en"):
        closes_on = date_format(timezone.localdate(now + 14 * DAY), "j F Y")
    assert f"closed automatically on {closes_on}." in mail.outbox[0].body


@pytest.mark.django_db
def test_nobody_is_warned_before_the_warning_term(people):
    consultation_make(people["author"])
    untouched_for(consultation_make(people["author"]), 165)  # 180 - 14 = 166 days
    untouched_for(consultation_make(people["author"], closed=True), 400)  # closed: only the purge applies

    assert retention_apply().warned == 0
    assert mail.outbox == []


class RefusingMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server is down")


@pytest.mark.django_db
def test_a_warning_that_cannot_be_mailed_is_tried_again_on_the_next_run(people, settings):
    consultation = untouched_for(consultation_make(people["author"]), 170)
    settings.EMAIL_BACKEND = f"{__name__}.RefusingMailServer"

    result = retention_apply()

    assert (result.warned, result.warning_failures) == (0, 1)
    consultation.refresh_from_db()
    assert consultation.close_warning_sent_at is None
    assert "close_warning" not in audit_actions(consultation)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retention_apply().warned == 1
    assert len(mail.outbox) == 1


# --- Closing after inactivity -------------------------------------------------------


@pytest.mark.django_db
def test_an_untouched_consultation_is_closed_only_after_the_warning_period(people):
    # The job did not run for a long time: 200 days untouched and never warned.
    consultation = untouched_for(consultation_make(people["author"]), 200)
    now = timezone.now()

    first = retention_apply(now=now)
    assert (first.warned, first.closed) == (1, 0)
    assert reload(consultation).is_open

    assert retention_apply(now=now + 13 * DAY).closed == 0
    assert reload(consultation).is_open

    later = now + 14 * DAY
    assert retention_apply(now=later).closed == 1
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    assert consultation.outcome == Outcome.CLOSED_INACTIVE
    assert consultation.closed_at == later
    assert scheduled_deletion(consultation) == later + 365 * DAY
    closing = AuditEvent.objects.get(consultation_reference=consultation.reference, action="auto_close")
    assert closing.actor is None
    assert audit_actions(consultation) == ["create", "close_warning", "auto_close"]

    # Closed once; a second run does nothing more.
    assert retention_apply(now=later + DAY) == RetentionResult()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_warned_consultation_reaching_the_term_is_closed(people):
    consultation = untouched_for(consultation_make(people["author"]), 170)
    now = timezone.now()
    retention_apply(now=now)
    # Ten days later: 180 days untouched, but the warning is only 10 days old.
    assert retention_apply(now=now + 10 * DAY).closed == 0
    assert retention_apply(now=now + 14 * DAY).closed == 1
    assert not reload(consultation).is_open


def _advise(consultation, people):
    advice_create(consultation=consultation, author=people["police"], text="Ga eerst rustig het gesprek aan.")


def _edit(consultation, people):
    consultation_update(
        consultation=consultation,
        by=people["author"],
        observations=[SignalObservation(signal=signals_first(1)[0], since="months_1_3", frequency="often")],
        setting="school",
        age_band="15_17",
        facts=consultation.facts,
        concern=consultation.concern,
        question="Wie kan hierbij helpen?",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("activity", [_advise, _edit], ids=["advice", "edit"])
def test_activity_after_the_warning_starts_the_clock_again(people, activity):
    consultation = untouched_for(consultation_make(people["author"], shared_with=[people["police"]]), 170)
    now = timezone.now()
    assert retention_apply(now=now).warned == 1

    activity(consultation, people)

    consultation.refresh_from_db()
    assert consultation.close_warning_sent_at is None
    result = retention_apply(now=now + 20 * DAY)
    assert (result.warned, result.closed) == (0, 0)
    assert reload(consultation).is_open
    # ... and the author is warned again only when the new term runs out.
    assert retention_apply(now=now + 167 * DAY).warned == 1
    assert len(mail.outbox) == 2


# --- Purge ----------------------------------------------------------------------------


def _expired(consultation, *, created_at):
    return age(consultation, created_at=created_at, closed_at=timezone.now() - 366 * DAY)


@pytest.mark.django_db
def test_purge_deletes_everything_and_keeps_exact_anonymous_counts(people, orgs):
    signals = signals_first(3)
    referral = ReferralOrganisation.objects.filter(is_active=True).first()
    # Late on 31 January in UTC is 1 February in Amsterdam: counted in February.
    february = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    march = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    first = consultation_make(people["author"], signals=2, shared_with=[people["police"]])
    _advise(first, people)
    consultation_record_next_steps(consultation=first, by=people["author"], next_steps="", referrals=[referral])
    consultation_close(consultation=first, by=people["author"], outcome="conversation_enough")
    first = _expired(first, created_at=february)
    second = _expired(consultation_make(people["author"], signals=3, closed=True), created_at=february)
    by_police = consultation_make(people["police"], signals=1)
    consultation_close(consultation=by_police, by=people["police"], outcome="referred")
    by_police = _expired(by_police, created_at=march)
    # Closed 300 days ago: stays.
    recent = age(consultation_make(people["author"], closed=True), closed_at=timezone.now() - 300 * DAY)
    # Counts from an earlier run are added to, not replaced.
    ConsultationTally.objects.create(
        organisation=orgs["school_a"],
        month=date(2026, 2, 1),
        domain=first.domain,
        outcome="conversation_enough",
        count=3,
    )

    result = retention_apply()

    assert result.purged == 3
    purged = [first.pk, second.pk, by_police.pk]
    assert not Consultation.objects.filter(pk__in=purged).exists()
    assert not ObservedSignal.objects.filter(consultation_id__in=purged).exists()
    assert not Participant.objects.filter(consultation_id__in=purged).exists()
    assert not Advice.objects.filter(consultation_id__in=purged).exists()
    assert not ConsultationUserObjectPermission.objects.filter(content_object_id__in=purged).exists()
    assert not Consultation.referrals.through.objects.filter(consultation_id__in=purged).exists()
    assert Consultation.objects.filter(pk=recent.pk).exists()

    assert set(ConsultationTally.objects.values_list("organisation__name", "month", "domain", "outcome", "count")) == {
        ("School A", date(2026, 2, 1), first.domain, "conversation_enough", 5),
        ("Politie basisteam", date(2026, 3, 1), by_police.domain, "referred", 1),
    }
    assert set(SignalTally.objects.values_list("organisation__name", "month", "signal", "count")) == {
        ("School A", date(2026, 2, 1), signals[0].pk, 2),
        ("School A", date(2026, 2, 1), signals[1].pk, 2),
        ("School A", date(2026, 2, 1), signals[2].pk, 1),
        ("Politie basisteam", date(2026, 3, 1), signals[0].pk, 1),
    }

    purge = AuditEvent.objects.get(consultation_reference=first.reference, action="purge")
    assert purge.actor is None
    assert purge.organisation == orgs["school_a"]
    assert AuditEvent.objects.filter(action="purge").count() == 3


@pytest.mark.django_db
def test_running_twice_changes_nothing_the_second_time(people):
    consultation = _expired(consultation_make(people["author"], signals=2, closed=True), created_at=timezone.now())
    assert retention_apply().purged == 1
    tallies = list(SignalTally.objects.values_list("signal", "count")) + list(
        ConsultationTally.objects.values_list("outcome", "count")
    )
    events = AuditEvent.objects.count()

    assert retention_apply() == RetentionResult()
    assert (
        list(SignalTally.objects.values_list("signal", "count"))
        + list(ConsultationTally.objects.values_list("outcome", "count"))
        == tallies
    )
    assert AuditEvent.objects.count() == events
    assert AuditEvent.objects.filter(consultation_reference=consultation.reference, action="purge").count() == 1


@pytest.mark.django_db
def test_a_reopened_consultation_is_not_purged(people):
    consultation = _expired(consultation_make(people["author"], closed=True), created_at=timezone.now())
    consultation_reopen(consultation=consultation, by=people["author"])

    assert retention_apply().purged == 0
    consultation.refresh_from_db()
    assert consultation.is_open
    assert scheduled_deletion(consultation) is None
    assert not SignalTally.objects.exists()


# --- The command ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_applies_the_rules_and_prints_a_summary(people):
    untouched_for(consultation_make(people["author"]), 170)
    warned_earlier = untouched_for(consultation_make(people["author"]), 190)
    age(warned_earlier, close_warning_sent_at=timezone.now() - 15 * DAY)
    _expired(consultation_make(people["author"], closed=True), created_at=timezone.now())
    out = StringIO()

    call_command("purge_expired", "--base-url", "https://signalen.example.nl/", stdout=out)

    assert out.getvalue().strip() == "warned 1, closed 1, purged 1"
    assert "https://signalen.example.nl/overleg/" in mail.outbox[0].body
    out = StringIO()
    call_command("purge_expired", stdout=out)
    assert out.getvalue().strip() == "warned 0, closed 0, purged 0"


# --- Two processes at once --------------------------------------------------------------


def _database_url(database):
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{quote(database['NAME'], safe='')}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_at_once_purge_each_consultation_exactly_once(people):
    """Two hosts run the job at the same moment: row locks with SKIP LOCKED, and the
    condition checked again under the lock, mean each consultation is counted and
    deleted by exactly one of them."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SELECT … FOR UPDATE SKIP LOCKED) need PostgreSQL")
    count = 30
    created = [consultation_make(people["author"], signals=1, closed=True) for _ in range(count)]
    Consultation.objects.filter(pk__in=[c.pk for c in created]).update(closed_at=timezone.now() - 400 * DAY)
    # The committed test database, which the two processes open on their own connections.
    env = {**os.environ, "DATABASE_URL": _database_url(connection.settings_dict)}

    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "purge_expired"],
            cwd=django_settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]

    for process, (_stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
    purged = [int(stdout.strip().rsplit("purged ", 1)[1]) for stdout, _stderr in outputs]
    assert sum(purged) == count
    assert not Consultation.objects.exists()
    assert sum(ConsultationTally.objects.values_list("count", flat=True)) == count
    assert sum(SignalTally.objects.values_list("count", flat=True)) == count
    purges = AuditEvent.objects.filter(action="purge")
    assert purges.count() == count
    assert set(purges.values_list("consultation_reference", flat=True)) == {c.reference for c in created}
