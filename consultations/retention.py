"""Retention: how long a consultation lives, and the job that applies it.

A closed consultation is deleted `PORTAL_RETENTION_CLOSED_DAYS` after closing;
an open one nobody touched for `PORTAL_RETENTION_INACTIVE_DAYS` is closed
(its author warned `PORTAL_RETENTION_WARNING_DAYS` before). Deleting keeps only
anonymous counts (consultations/models.py: ConsultationTally, SignalTally).
"""

from datetime import datetime, timedelta

from django.conf import settings

from consultations.models import Consultation


def scheduled_deletion(consultation: Consultation) -> datetime | None:
    """When a closed consultation will be deleted; None while it is open."""
    if consultation.closed_at is None:
        return None
    return consultation.closed_at + timedelta(days=settings.PORTAL_RETENTION_CLOSED_DAYS)


def scheduled_auto_close(consultation: Consultation) -> datetime | None:
    """When an open consultation will be closed if nobody touches it; None once closed."""
    if not consultation.is_open:
        return None
    return consultation.last_activity_at + timedelta(days=settings.PORTAL_RETENTION_INACTIVE_DAYS)
