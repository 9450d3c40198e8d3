"""Consulting colleagues: inviting them, withdrawing an invitation, and their advice.

Who may be invited: professionals of the author's own organisation, and
professionals of other organisations who work in another domain (the
wijkagent, a youth worker). Not a teacher at another school, not a coordinator
or content admin: they are not part of the conversation. The invitee's e-mail
holds a link only, never case text.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm

from consultations.access import ADVISE, VIEW
from consultations.anonymity import ensure_anonymous
from consultations.models import Advice, Consultation, Participant
from consultations.services import consultation_lock, consultation_touch
from portal.audit import audit_consultation
from portal.mail import mail_send
from portal.models import AuditEvent, Membership, User
from portal.roles import Role


def invitable_colleagues(consultation: Consultation) -> QuerySet[User]:
    """Professionals the author may invite, without those already invited."""
    memberships = Membership.objects.filter(role=Role.PROFESSIONAL).filter(
        Q(organisation=consultation.organisation) | ~Q(domain=consultation.domain)
    )
    return (
        User.objects.filter(is_active=True, pk__in=memberships.values("user"))
        .exclude(pk=consultation.author_id)
        .exclude(participations__consultation=consultation)
        .distinct()
        .prefetch_related("memberships__organisation")
        .order_by("last_name", "first_name", "email")
    )


def _invitation_mail(participant: Participant, base_url: str) -> None:
    context = {
        "inviter": participant.invited_by,
        "url": base_url.rstrip("/") + reverse("consultations:detail", args=[participant.consultation.reference]),
    }
    mail_send(
        to=participant.user.email,
        subject_template="consultations/email/invited_subject.txt",
        body_template="consultations/email/invited_message.txt",
        context=context,
    )


def _activity_record(consultation: Consultation) -> None:
    consultation_touch(consultation)
    consultation.save(update_fields=["last_activity_at", "close_warning_sent_at", "updated_at"])


def consultation_invite(*, consultation: Consultation, invitee: User, by: User, base_url: str) -> Participant:
    """Invite a colleague: they may view the consultation and give advice; they get an e-mail with a link."""
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        if not consultation.is_open:
            raise ValidationError(_("This consultation is closed; reopen it before inviting colleagues."))
        if Participant.objects.filter(consultation=consultation, user=invitee).exists():
            raise ValidationError({"invitee": _("This colleague has already been invited.")})
        if not invitable_colleagues(consultation).filter(pk=invitee.pk).exists():
            raise ValidationError({"invitee": _("This person cannot be invited to this consultation.")})
        participant = Participant.objects.create(consultation=consultation, user=invitee, invited_by=by)
        assign_perm(VIEW, invitee, consultation)
        assign_perm(ADVISE, invitee, consultation)
        _activity_record(consultation)
        audit_consultation(action=AuditEvent.Action.INVITE, actor=by, consultation=consultation, detail=str(invitee))
        transaction.on_commit(lambda: _invitation_mail(participant, base_url))
    return participant


def consultation_withdraw(*, participant: Participant, by: User) -> None:
    """Withdraw an invitation: the colleague loses access at once; advice already given stays."""
    with transaction.atomic():
        consultation = participant.consultation
        remove_perm(VIEW, participant.user, consultation)
        remove_perm(ADVISE, participant.user, consultation)
        participant.delete()
        audit_consultation(
            action=AuditEvent.Action.WITHDRAW,
            actor=by,
            consultation=consultation,
            detail=str(participant.user),
        )


def advice_create(
    *, consultation: Consultation, author: User, text: str, submission_token: uuid.UUID | None = None
) -> Advice:
    """Add an invited colleague's advice. A second submit of the same form adds nothing."""
    if submission_token:
        existing = Advice.objects.filter(submission_token=submission_token, author=author).first()
        if existing:
            return existing
    ensure_anonymous({"text": text})
    advice = Advice(consultation=consultation, author=author, text=text, submission_token=submission_token)
    advice.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        consultation = consultation_lock(consultation)
        if not consultation.is_open:
            raise ValidationError(_("This consultation has been closed in the meantime; your advice was not added."))
        advice.consultation = consultation
        advice.save()
        _activity_record(consultation)
        audit_consultation(action=AuditEvent.Action.ADVISE, actor=author, consultation=consultation)
    return advice
