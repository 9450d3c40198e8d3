"""Retention: how long a consultation lives, and the job that applies it.

A closed consultation is deleted `PORTAL_RETENTION_CLOSED_DAYS` after closing;
an open one nobody touched for `PORTAL_RETENTION_INACTIVE_DAYS` is closed
(its author warned `PORTAL_RETENTION_WARNING_DAYS` before). Deleting keeps only
anonymous counts (consultations/models.py: ConsultationTally, SignalTally).

The job (`retention_apply`, run by `manage.py purge_expired`) is idempotent and
safe to run from several hosts at once: every consultation is handled in its own
transaction, re-read under a row lock with SKIP LOCKED *and* with its condition
checked again. A row another process holds, or one that no longer matches
(warned, closed or purged a moment ago), is skipped — so nothing is counted,
warned or closed twice. On SQLite the lock is a no-op; SQLite serialises writers.
See docs/adr/0006-retention.md.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Model
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation, ConsultationTally, Outcome, SignalTally
from consultations.statistics import statistics_month
from portal.audit import audit_consultation
from portal.mail import mail_send
from portal.models import AuditEvent

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionResult:
    """What one run did. `warning_failures`: warnings whose mail could not be sent (retried next run)."""

    warned: int = 0
    closed: int = 0
    purged: int = 0
    warning_failures: int = 0

    def __str__(self):
        summary = f"warned {self.warned}, closed {self.closed}, purged {self.purged}"
        if self.warning_failures:
            summary += f", warnings not sent {self.warning_failures}"
        return summary


def scheduled_deletion(consultation: Consultation) -> datetime | None:
    """When a closed consultation will be deleted; None while it is open."""
    if consultation.closed_at is None:
        return None
    return consultation.closed_at + timedelta(days=settings.PORTAL_RETENTION_CLOSED_DAYS)


def scheduled_auto_close(consultation: Consultation) -> datetime | None:
    """When an open consultation will be closed if nobody touches it; None once closed.

    Never sooner than `PORTAL_RETENTION_WARNING_DAYS` after the warning went out.
    """
    if not consultation.is_open:
        return None
    closes_at = consultation.last_activity_at + timedelta(days=settings.PORTAL_RETENTION_INACTIVE_DAYS)
    if consultation.close_warning_sent_at is not None:
        warned_until = consultation.close_warning_sent_at + timedelta(days=settings.PORTAL_RETENTION_WARNING_DAYS)
        closes_at = max(closes_at, warned_until)
    return closes_at


# --- The three rules ------------------------------------------------------------
# Each rule is a condition (a filter on Consultation) and an action on one locked row.
# The condition is applied twice: to pick candidates, and again under the lock
# (`_apply_once`, the one place that locks, re-checks and opens the transaction).


def _warn_condition(now: datetime) -> dict:
    days = settings.PORTAL_RETENTION_INACTIVE_DAYS - settings.PORTAL_RETENTION_WARNING_DAYS
    return {
        "status": Consultation.Status.OPEN,
        "close_warning_sent_at__isnull": True,
        "last_activity_at__lt": now - timedelta(days=days),
    }


def _close_condition(now: datetime) -> dict:
    # Only once the author has had the full warning period: a job that did not run for a while
    # first warns, and closes on a later run.
    return {
        "status": Consultation.Status.OPEN,
        "last_activity_at__lt": now - timedelta(days=settings.PORTAL_RETENTION_INACTIVE_DAYS),
        "close_warning_sent_at__lte": now - timedelta(days=settings.PORTAL_RETENTION_WARNING_DAYS),
    }


def _purge_condition(now: datetime) -> dict:
    return {
        "status": Consultation.Status.CLOSED,
        "closed_at__lt": now - timedelta(days=settings.PORTAL_RETENTION_CLOSED_DAYS),
    }


def _candidates(condition: dict) -> list[int]:
    return list(Consultation.objects.filter(**condition).order_by("pk").values_list("pk", flat=True))


def _lock_if_still(pk: int, condition: dict) -> Consultation | None:
    """The consultation, locked, if no other process holds it and it still matches; else None.

    `of=("self",)`: lock the consultation row only, not the author or organisation joined
    in, or two processes would skip each other's consultations of the same organisation.
    """
    return (
        Consultation.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("organisation", "author")
        .filter(pk=pk, **condition)
        .first()
    )


def _apply_once(pk: int, condition: dict, action: Callable[[Consultation], None]) -> bool:
    """Run `action` on the consultation in its own transaction if it still matches; whether it ran.

    An exception from `action` rolls back everything it did to this one consultation.
    """
    with transaction.atomic():
        consultation = _lock_if_still(pk, condition)
        if consultation is None:
            return False
        action(consultation)
        return True


def _warning_mail(consultation: Consultation, base_url: str) -> None:
    """A link and the date of closing: never case text, which an inbox must not hold."""
    context = {
        "url": base_url.rstrip("/") + reverse("consultations:detail", args=[consultation.reference]),
        "closes_on": timezone.localdate(scheduled_auto_close(consultation)),
        "closed_days": settings.PORTAL_RETENTION_CLOSED_DAYS,
    }
    mail_send(
        to=consultation.author.email,
        subject_template="consultations/email/closing_warning_subject.txt",
        body_template="consultations/email/closing_warning_message.txt",
        context=context,
    )


def retention_warn(*, now: datetime, base_url: str) -> tuple[int, int]:
    """Mail the authors of consultations that will soon be closed for inactivity; (warned, failed).

    The mail is sent inside the transaction, before the warning is recorded as sent: if the
    mail server refuses, nothing is recorded and the next run tries again, so nobody's
    consultation is closed without a warning. (Should the commit fail after sending, the
    author gets the warning twice — the lesser harm.)
    """

    def warn(consultation: Consultation) -> None:
        consultation.close_warning_sent_at = now
        consultation.save(update_fields=["close_warning_sent_at"])
        audit_consultation(action=AuditEvent.Action.CLOSE_WARNING, actor=None, consultation=consultation)
        _warning_mail(consultation, base_url)

    warned = failed = 0
    condition = _warn_condition(now)
    for pk in _candidates(condition):
        try:
            warned += _apply_once(pk, condition, warn)
        except (smtplib.SMTPException, OSError):
            logger.exception("The closing warning for consultation %s could not be sent.", pk)
            failed += 1
    return warned, failed


def retention_close_inactive(*, now: datetime) -> int:
    """Close open consultations nobody touched for the inactivity term, after the warning period."""

    def close(consultation: Consultation) -> None:
        consultation.status = Consultation.Status.CLOSED
        consultation.outcome = Outcome.CLOSED_INACTIVE
        consultation.closed_at = now
        consultation.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
        audit_consultation(
            action=AuditEvent.Action.AUTO_CLOSE, actor=None, consultation=consultation, detail=Outcome.CLOSED_INACTIVE
        )

    condition = _close_condition(now)
    return sum(_apply_once(pk, condition, close) for pk in _candidates(condition))


def _tally_increment(model: type[Model], **key) -> None:
    # get_or_create survives a concurrent insert of the same key (it re-reads after the
    # IntegrityError); the F() update then adds in the database, never from a stale read.
    tally, _created = model.objects.get_or_create(**key)
    model.objects.filter(pk=tally.pk).update(count=F("count") + 1)


def retention_purge(*, now: datetime) -> int:
    """Delete closed consultations past the retention term, keeping anonymous counts.

    The counts are added in the same transaction as the delete, so a consultation is
    counted exactly once. Tallies are updated in one order (the consultation count,
    then signals by id), so two processes never wait on each other in a circle.
    Observed signals, invited colleagues, advice, referrals and permission rows go
    with the consultation (foreign keys with CASCADE).
    """

    def purge(consultation: Consultation) -> None:
        month = statistics_month(consultation.created_at)
        organisation = consultation.organisation
        _tally_increment(
            ConsultationTally,
            organisation=organisation,
            month=month,
            domain=consultation.domain,
            outcome=consultation.outcome,
        )
        signal_ids = consultation.observed_signals.order_by("signal_id").values_list("signal_id", flat=True)
        for signal_id in list(signal_ids):
            _tally_increment(SignalTally, organisation=organisation, month=month, signal_id=signal_id)
        audit_consultation(action=AuditEvent.Action.PURGE, actor=None, consultation=consultation)
        consultation.delete()

    condition = _purge_condition(now)
    return sum(_apply_once(pk, condition, purge) for pk in _candidates(condition))


def retention_apply(now: datetime | None = None, base_url: str | None = None) -> RetentionResult:
    """Apply the three rules now: warn, close the untouched, purge the expired.

    `base_url` starts the links in the warning mails; by default the PORTAL_BASE_URL setting
    (a scheduled job has no request to take it from).

    In this order, a consultation warned in this run is never closed in the same run
    (unless the warning period is zero), and one closed in this run is not purged.
    """
    now = now or timezone.now()
    warned, failed = retention_warn(now=now, base_url=base_url or settings.PORTAL_BASE_URL)
    closed = retention_close_inactive(now=now)
    purged = retention_purge(now=now)
    return RetentionResult(warned=warned, closed=closed, purged=purged, warning_failures=failed)
