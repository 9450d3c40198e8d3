"""Consult: the author invites colleagues and withdraws invitations; invited colleagues advise.

Thin views: `consultation_get_for_user` decides who may come in (404 for forbidden
and missing alike), a form parses, one service in `consultations/sharing.py` writes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations import sharing
from consultations.access import ADVISE, CHANGE, consultation_get_for_user
from consultations.sharing_forms import AdviceForm, InviteForm, colleague_places
from consultations.views import consultation_page
from signals.guidance import NOT_PROOF, guidance_text


@login_required
def consultation_invite(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, CHANGE)
    form = InviteForm(request.POST or None, consultation=consultation)
    base_url = request.build_absolute_uri("/")
    if form.save_through(sharing.consultation_invite, consultation=consultation, by=request.user, base_url=base_url):
        messages.success(
            request,
            _("%(name)s has been invited and gets an e-mail with a link to this consultation.")
            % {"name": form.cleaned_data["invitee"]},
        )
        return redirect("consultations:detail", reference=consultation.reference)
    participants = consultation.participants.select_related("user").prefetch_related("user__memberships__organisation")
    invited = [(participant, colleague_places(participant.user)) for participant in participants]
    # The page shows the consultation's summary, so it is a read like every other such page.
    return consultation_page(request, "consultations/invite.html", consultation, access, form=form, invited=invited)


@login_required
@require_POST
def consultation_withdraw(request, reference, participant_id):
    consultation, _access = consultation_get_for_user(request.user, reference, CHANGE)
    participant = get_object_or_404(consultation.participants.select_related("user"), pk=participant_id)
    sharing.consultation_withdraw(participant=participant, by=request.user)
    messages.success(
        request,
        _("The invitation of %(name)s has been withdrawn; they no longer see this consultation.")
        % {"name": participant.user},
    )
    return redirect("consultations:detail", reference=consultation.reference)


@login_required
def advice_create(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, ADVISE)
    form = AdviceForm(request.POST or None)
    if form.save_through(sharing.advice_create, consultation=consultation, author=request.user):
        messages.success(request, _("Thank you, your advice has been added."))
        return redirect("consultations:detail", reference=consultation.reference)
    return consultation_page(
        request,
        "consultations/advise.html",
        consultation,
        access,
        form=form,
        advice=consultation.advice.select_related("author"),
        not_proof=guidance_text(NOT_PROOF),
    )
