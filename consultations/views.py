"""Logging and reading consultations: my list, shared with me, log, edit, detail, and the
summary that the consult and follow-up pages show (`consultation_page`).

Thin views: a form parses, one service writes, selectors and the access helper
read. Every page about one consultation goes through `consultation_get_for_user`,
which answers 404 for missing and forbidden alike. The detail page records a
`view` audit event on every visit, because the author may see who looked.
Buttons on the pages only follow `Access`; the views behind them guard themselves.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from consultations import services
from consultations.access import CHANGE, VIEW, Access, consultation_get_for_user
from consultations.forms import ConsultationForm
from consultations.models import Consultation
from consultations.retention import scheduled_auto_close, scheduled_deletion
from consultations.selectors import consultations_authored_by, consultations_shared_with, observed_signals
from portal.audit import audit_events_for_consultation
from portal.models import Membership, Organisation, User
from portal.roles import Role
from signals.guidance import NOT_PROOF, guidance_text
from signals.selectors import signal_categories_with_signals

ADD_PERMISSION = "consultations.add_consultation"
PAGE_SIZE = 20
# The author sees the latest events on their consultation; older ones stay in the coordinators' trail.
VIEWERS_SHOWN = 50


def _page(request, consultations):
    return Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@permission_required(ADD_PERMISSION, raise_exception=True)
def consultation_list(request):
    page = _page(request, consultations_authored_by(request.user))
    return render(request, "consultations/list.html", {"page": page})


@login_required
def consultation_shared_list(request):
    # Only what the user was invited to (and still is); nobody else's consultations can appear.
    page = _page(request, consultations_shared_with(request.user))
    return render(request, "consultations/shared_list.html", {"page": page})


def _professional_organisation(user: User) -> Organisation | None:
    """The organisation a consultation belongs to: the author's, as a professional."""
    membership = (
        user.memberships.filter(role=Role.PROFESSIONAL).select_related("organisation").order_by("created_at").first()
    )
    return membership.organisation if membership else None


def _form_page(request, form, *, consultation=None):
    # Signals an editor has since taken out of the catalogue are not in the form: saving drops them, so say so.
    retired = (
        [observed.signal for observed in observed_signals(consultation) if not observed.signal.is_active]
        if consultation
        else []
    )
    context = {
        "form": form,
        "consultation": consultation,
        "retired_signals": retired,
        "not_proof": guidance_text(NOT_PROOF),
    }
    return render(request, "consultations/form.html", context)


@login_required
@permission_required(ADD_PERMISSION, raise_exception=True)
def consultation_create(request):
    organisation = _professional_organisation(request.user)
    if organisation is None:
        return render(request, "consultations/form.html", {"no_organisation": True}, status=403)
    categories = signal_categories_with_signals()
    if request.method != "POST":
        form = ConsultationForm(categories=categories, initial={"submission_token": uuid.uuid4()})
        return _form_page(request, form)
    form = ConsultationForm(request.POST, categories=categories)
    if form.is_valid():
        try:
            consultation = services.consultation_create(
                author=request.user,
                organisation=organisation,
                observations=form.observations(),
                submission_token=form.cleaned_data["submission_token"],
                **form.consultation_values(),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Your consultation has been saved. Invite colleagues to ask for their advice."))
            return redirect("consultations:detail", reference=consultation.reference)
    return _form_page(request, form)


@login_required
def consultation_edit(request, reference):
    consultation, _access = consultation_get_for_user(request.user, reference, CHANGE)
    categories = signal_categories_with_signals()
    if request.method != "POST":
        if not consultation.is_open:
            messages.warning(request, _("This consultation is closed. Reopen it before you change it."))
            return redirect("consultations:detail", reference=reference)
        form = ConsultationForm(categories=categories, initial=ConsultationForm.initial_for(consultation))
        return _form_page(request, form, consultation=consultation)
    form = ConsultationForm(request.POST, categories=categories)
    if form.is_valid():
        try:
            services.consultation_update(
                consultation=consultation,
                by=request.user,
                observations=form.observations(),
                **form.consultation_values(),
            )
        except ValidationError as error:
            # Also a stale form after the consultation was closed: the service changed nothing.
            form.add_service_error(error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("consultations:detail", reference=reference)
    return _form_page(request, form, consultation=consultation)


def _organisation_name(user_ref: str) -> Subquery:
    """The name of the organisation a colleague works for as a professional (one subquery, no query per row)."""
    memberships = Membership.objects.filter(user=OuterRef(user_ref), role=Role.PROFESSIONAL).order_by("created_at")
    return Subquery(memberships.values("organisation__name")[:1])


def _detail_context(consultation: Consultation, access: Access) -> dict:
    """Everything the detail page shows, in a fixed number of queries however long the consultation is."""
    return {
        "consultation": consultation,
        "access": access,
        "observed_signals": observed_signals(consultation),
        "referrals": list(consultation.referrals.all()),
        "advice_list": list(
            consultation.advice.select_related("author").annotate(author_organisation=_organisation_name("author"))
        ),
        "participants": list(
            consultation.participants.select_related("user").annotate(organisation_name=_organisation_name("user"))
        ),
        # Who looked is the author's to see; invitees and coordinators do not see each other's visits.
        "events": list(audit_events_for_consultation(consultation.reference)[:VIEWERS_SHOWN])
        if access.is_author
        else [],
        "viewers_shown": VIEWERS_SHOWN,
        "not_proof": guidance_text(NOT_PROOF),
        "deletion_date": scheduled_deletion(consultation),
        "auto_close_date": scheduled_auto_close(consultation),
    }


def consultation_summary_context(consultation: Consultation, access: Access) -> dict:
    """What `consultations/includes/followup_summary.html` shows: the observed signals in one query."""
    return {
        "consultation": consultation,
        "access": access,
        "observed_signals": observed_signals(consultation),
    }


def consultation_page(request: HttpRequest, template_name: str, consultation: Consultation, access: Access, **context):
    """A consult or follow-up page with the consultation's summary on it. Showing it (GET) is a read
    for the audit trail; showing a refused form again (POST) is not a second one."""
    if request.method == "GET":
        services.consultation_view_record(consultation=consultation, by=request.user)
    return render(request, template_name, {**consultation_summary_context(consultation, access), **context})


@login_required
def consultation_detail(request, reference):
    consultation, access = consultation_get_for_user(request.user, reference, VIEW)
    services.consultation_view_record(consultation=consultation, by=request.user)
    return render(request, "consultations/detail.html", _detail_context(consultation, access))
