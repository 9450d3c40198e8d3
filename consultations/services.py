"""The consultation's own flow: log, edit, talk, next steps, close, reopen.

Every write goes through one of these functions. Each validates (the model's
`full_clean`, the privacy guard on every free text), runs in one transaction,
keeps object permissions right, appends an audit event and never half-saves.
Writes on a closed consultation are refused until the author reopens it.
Inviting colleagues and their advice live in `consultations/sharing.py`.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm

from consultations.access import CHANGE, VIEW
from consultations.anonymity import ensure_anonymous
from consultations.models import AUTHOR_OUTCOMES, Consultation, ObservedSignal
from portal.audit import audit_consultation
from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Role
from signals.models import ReferralOrganisation, Signal


@dataclass(frozen=True)
class SignalObservation:
    """One observed signal as the author describes it."""

    signal: Signal
    since: str
    frequency: str
    note: str = ""


def _professional_membership(user: User, organisation: Organisation) -> Membership:
    membership = Membership.objects.filter(user=user, organisation=organisation, role=Role.PROFESSIONAL).first()
    if membership is None:
        raise ValidationError(_("Only professionals of this organisation can log a consultation for it."))
    return membership


def _ensure_open(consultation: Consultation) -> None:
    if not consultation.is_open:
        raise ValidationError(
            _("This consultation has been closed in the meantime; nothing was changed. Reopen it first."),
            code="closed",
        )


def consultation_lock(consultation: Consultation) -> Consultation:
    """Re-read the row under a lock so two writers (or a stale form) see the latest state.
    Only the consultation's own row is locked (`of`), not its organisation's or author's: other
    consultations of the same school are written at the same time without waiting."""
    return (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("organisation", "author")
        .get(pk=consultation.pk)
    )


def consultation_touch(consultation: Consultation) -> None:
    """Any write by the author or an invited colleague keeps the consultation alive: the
    retention clock (consultations/retention.py) starts again and a closing warning is void."""
    consultation.last_activity_at = timezone.now()
    consultation.close_warning_sent_at = None


def _observations_check(observations: list[SignalObservation]) -> None:
    if not observations:
        raise ValidationError({"signals": _("Choose at least one signal you observed.")})
    signals = [observation.signal for observation in observations]
    if len(set(signals)) != len(signals):
        raise ValidationError({"signals": _("Each signal can be chosen once.")})
    if any(not signal.is_active for signal in signals):
        raise ValidationError({"signals": _("One of the chosen signals is no longer in the catalogue.")})


def _observed_signals(consultation: Consultation, observations: list[SignalObservation]) -> list[ObservedSignal]:
    rows = [
        ObservedSignal(
            consultation=consultation,
            signal=observation.signal,
            since=observation.since,
            frequency=observation.frequency,
            note=observation.note,
        )
        for observation in observations
    ]
    for row in rows:
        row.full_clean(exclude=["consultation"])
    return rows


def _texts_check(texts: dict[str, str], observations: list[SignalObservation] = ()) -> None:
    notes = {f"signal_note_{observation.signal.pk}": observation.note for observation in observations}
    ensure_anonymous({**texts, **notes})


def consultation_view_record(*, consultation: Consultation, by: User) -> None:
    """A page that shows the consultation's text is a read, and every read is in the audit trail."""
    audit_consultation(action=AuditEvent.Action.VIEW, actor=by, consultation=consultation)


def consultation_create(
    *,
    author: User,
    organisation: Organisation,
    observations: list[SignalObservation],
    setting: str,
    age_band: str,
    facts: str,
    concern: str,
    question: str,
    submission_token: uuid.UUID | None = None,
) -> Consultation:
    """Log a consultation. The author gets view and change permission on it; nobody else
    gets anything. A second submit of the same form returns the first consultation."""
    if submission_token:
        existing = Consultation.objects.filter(submission_token=submission_token, author=author).first()
        if existing:
            return existing
    membership = _professional_membership(author, organisation)
    _observations_check(observations)
    consultation = Consultation(
        organisation=organisation,
        author=author,
        domain=membership.domain,
        setting=setting,
        age_band=age_band,
        facts=facts,
        concern=concern,
        question=question,
        last_activity_at=timezone.now(),
        submission_token=submission_token,
    )
    consultation.full_clean(exclude=["submission_token"])
    rows = _observed_signals(consultation, observations)
    _texts_check({"facts": facts, "concern": concern, "question": question}, observations)
    with transaction.atomic():
        consultation.save()
        for row in rows:
            row.consultation = consultation
        ObservedSignal.objects.bulk_create(rows)
        assign_perm(VIEW, author, consultation)
        assign_perm(CHANGE, author, consultation)
        audit_consultation(action=AuditEvent.Action.CREATE, actor=author, consultation=consultation)
    return consultation


def consultation_update(
    *,
    consultation: Consultation,
    by: User,
    observations: list[SignalObservation],
    setting: str,
    age_band: str,
    facts: str,
    concern: str,
    question: str,
) -> Consultation:
    """Change what was logged: the observed signals are replaced as a whole."""
    _observations_check(observations)
    _texts_check({"facts": facts, "concern": concern, "question": question}, observations)
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        _ensure_open(consultation)
        consultation.setting, consultation.age_band = setting, age_band
        consultation.facts, consultation.concern, consultation.question = facts, concern, question
        consultation_touch(consultation)
        consultation.full_clean(exclude=["submission_token"])
        rows = _observed_signals(consultation, observations)
        consultation.save()
        consultation.observed_signals.all().delete()
        ObservedSignal.objects.bulk_create(rows)
        audit_consultation(action=AuditEvent.Action.EDIT, actor=by, consultation=consultation)
    return consultation


def consultation_record_conversation(
    *,
    consultation: Consultation,
    by: User,
    conversation_status: str,
    conversation_with: str,
    conversation_notes: str,
    knowledge: str,
) -> Consultation:
    """Record whether and how the conversation with the young person (and network) took place."""
    _texts_check({"conversation_notes": conversation_notes})
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        _ensure_open(consultation)
        consultation.conversation_status = conversation_status
        consultation.conversation_with = conversation_with
        consultation.conversation_notes = conversation_notes
        consultation.knowledge = knowledge
        consultation_touch(consultation)
        consultation.full_clean(exclude=["submission_token"])
        consultation.save()
        audit_consultation(action=AuditEvent.Action.CONVERSATION, actor=by, consultation=consultation)
    return consultation


def consultation_record_next_steps(
    *,
    consultation: Consultation,
    by: User,
    next_steps: str,
    referrals: list[ReferralOrganisation],
) -> Consultation:
    """Record the follow-up and the referral organisations chosen from the catalogue."""
    _texts_check({"next_steps": next_steps})
    if any(not referral.is_active for referral in referrals):
        raise ValidationError({"referrals": _("One of the chosen organisations is no longer in the catalogue.")})
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        _ensure_open(consultation)
        consultation.next_steps = next_steps
        consultation_touch(consultation)
        consultation.full_clean(exclude=["submission_token"])
        consultation.save()
        consultation.referrals.set(referrals)
        audit_consultation(action=AuditEvent.Action.NEXT_STEPS, actor=by, consultation=consultation)
    return consultation


def consultation_close(*, consultation: Consultation, by: User, outcome: str, outcome_notes: str = "") -> Consultation:
    """Close with an outcome; from now on the retention term runs (consultations/retention.py)."""
    if outcome not in AUTHOR_OUTCOMES:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    _texts_check({"outcome_notes": outcome_notes})
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        _ensure_open(consultation)
        now = timezone.now()
        consultation.status = Consultation.Status.CLOSED
        consultation.outcome, consultation.outcome_notes = outcome, outcome_notes
        consultation.closed_at = now
        consultation.last_activity_at = now
        consultation.full_clean(exclude=["submission_token"])
        consultation.save()
        audit_consultation(action=AuditEvent.Action.CLOSE, actor=by, consultation=consultation, detail=outcome)
    return consultation


def consultation_reopen(*, consultation: Consultation, by: User) -> Consultation:
    """Open a closed consultation again (until it is purged); the retention clock stops."""
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        if consultation.is_open:
            raise ValidationError(_("This consultation is already open."), code="open")
        consultation.status = Consultation.Status.OPEN
        consultation.outcome, consultation.closed_at = "", None
        consultation_touch(consultation)
        consultation.save()
        audit_consultation(action=AuditEvent.Action.REOPEN, actor=by, consultation=consultation)
    return consultation
