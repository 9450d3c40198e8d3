"""Follow up: the author records the conversation, the next steps and referrals, closes and reopens.

Author only (`CHANGE`); anyone else gets the same 404 as for a consultation that
does not exist. Each POST goes to one service in `consultations/services.py`,
which refuses a consultation that was closed in the meantime: the page then
shows that message and nothing is changed.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations import services
from consultations.access import CHANGE, consultation_get_for_user
from consultations.followup_forms import CloseForm, ConversationForm, NextStepsForm
from consultations.retention import scheduled_deletion
from consultations.views import consultation_page
from signals.guidance import NOT_PROOF, TALK_WITH_YOUNG_PERSON, WHERE_ELSE, guidance_text, guidance_texts
from signals.selectors import PARENTS_SHEET_SLUG, conversation_tips, referral_organisations_by_audience


def _to_detail(consultation):
    return redirect("consultations:detail", reference=consultation.reference)


@login_required
def consultation_conversation(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, CHANGE)
    form = ConversationForm(request.POST or None, consultation=consultation)
    if form.save_through(services.consultation_record_conversation, consultation=consultation, by=request.user):
        messages.success(request, _("The conversation has been recorded."))
        return _to_detail(consultation)
    guidance = guidance_texts(NOT_PROOF, TALK_WITH_YOUNG_PERSON)
    return consultation_page(
        request,
        "consultations/conversation.html",
        consultation,
        access,
        form=form,
        tips=conversation_tips(),
        not_proof=guidance.get(NOT_PROOF),
        talk_with_young_person=guidance.get(TALK_WITH_YOUNG_PERSON),
    )


@login_required
def consultation_next_steps(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, CHANGE)
    form = NextStepsForm(request.POST or None, consultation=consultation, groups=referral_organisations_by_audience())
    if form.save_through(services.consultation_record_next_steps, consultation=consultation, by=request.user):
        messages.success(request, _("The next steps have been recorded."))
        return _to_detail(consultation)
    return consultation_page(
        request,
        "consultations/next_steps.html",
        consultation,
        access,
        form=form,
        parents_sheet_slug=PARENTS_SHEET_SLUG,
        where_else=guidance_text(WHERE_ELSE),
    )


@login_required
def consultation_close(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, CHANGE)
    form = CloseForm(request.POST or None, consultation=consultation)
    if form.save_through(services.consultation_close, consultation=consultation, by=request.user):
        messages.success(request, _("The consultation has been closed."))
        return _to_detail(consultation)
    retention_days = settings.PORTAL_RETENTION_CLOSED_DAYS
    return consultation_page(
        request,
        "consultations/close.html",
        consultation,
        access,
        form=form,
        retention_days=retention_days,
        # When it would be deleted if closed now, and when it will be deleted if closed already.
        deletion_if_closed_now=timezone.now() + timedelta(days=retention_days),
        scheduled_deletion=scheduled_deletion(consultation),
    )


@login_required
@require_POST
def consultation_reopen(request, reference):
    consultation, _access = consultation_get_for_user(request.user, reference, CHANGE)
    try:
        services.consultation_reopen(consultation=consultation, by=request.user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consultation has been reopened; the retention term no longer runs."))
    return _to_detail(consultation)
