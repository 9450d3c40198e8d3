"""The coordinator's pages: review list, audit trail, statistics and their CSV export.

Read-only, and scoped to the organisations the user coordinates: every list
comes from a selector that starts from `coordinated_organisation_ids(user)`, and
the organisation filters only offer those. The review list shows no author
names and no case text; opening a consultation goes through the detail view
(and its access helper and audit). Statistics show only counts, suppressed below
`PORTAL_STATISTICS_THRESHOLD`; an export is itself an audit event.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from consultations.access import REVIEW, coordinated_organisation_ids
from consultations.review_forms import AuditFilterForm, ReviewFilterForm, StatisticsFilterForm
from consultations.selectors import consultations_for_review
from consultations.statistics import consultation_statistics, statistics_csv_rows
from portal.audit import audit_events_for_coordinator, audit_record
from portal.models import AuditEvent

REVIEW_PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 50

_review_required = permission_required(f"consultations.{REVIEW}", raise_exception=True)
_statistics_required = permission_required("consultations.view_statistics", raise_exception=True)


def _without_page(request) -> str:
    """The current filters as a query string, for pagination links and the export link."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_GET
@never_cache
@login_required
@_review_required
def review_list(request):
    organisation_ids = coordinated_organisation_ids(request.user)
    form = ReviewFilterForm(request.GET, organisation_ids=organisation_ids)
    consultations = consultations_for_review(request.user, form.filters())
    page = Paginator(consultations, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consultations/review/list.html",
        {"form": form, "page": page, "filters": _without_page(request), "coordinates_any": bool(organisation_ids)},
    )


@require_GET
@never_cache
@login_required
@_review_required
def review_audit(request):
    form = AuditFilterForm(request.GET)
    events = audit_events_for_coordinator(request.user).filter(**form.lookups())
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "consultations/review/audit.html", {"form": form, "page": page, "filters": _without_page(request)}
    )


@require_GET
@never_cache
@login_required
@_statistics_required
def statistics(request):
    form = StatisticsFilterForm(request.GET, organisation_ids=coordinated_organisation_ids(request.user))
    result = consultation_statistics(form.query(), threshold=settings.PORTAL_STATISTICS_THRESHOLD)
    return render(
        request,
        "consultations/review/statistics.html",
        {"form": form, "statistics": result, "filters": _without_page(request)},
    )


@require_GET
@never_cache
@login_required
@_statistics_required
def statistics_export(request):
    """The statistics page's counts as CSV (suppressed the same way); the export is audited."""
    form = StatisticsFilterForm(request.GET, organisation_ids=coordinated_organisation_ids(request.user))
    if not form.is_valid():
        # Show the errors on the page rather than export figures for a period nobody asked for.
        messages.error(request, _("The export needs valid filters; correct them and try again."))
        return redirect(f"{reverse('consultations:statistics')}?{_without_page(request)}")
    query = form.query()
    result = consultation_statistics(query, threshold=settings.PORTAL_STATISTICS_THRESHOLD)
    audit_record(
        action=AuditEvent.Action.EXPORT,
        actor=request.user,
        organisation=form.cleaned_data["organisation"],
        detail=f"statistics csv {query.describe()}",
    )
    filename = f"signalenportaal-statistieken-{timezone.localdate():%Y-%m-%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # a byte order mark, so Excel reads the file as UTF-8
    csv.writer(response).writerows(statistics_csv_rows(result))
    return response
