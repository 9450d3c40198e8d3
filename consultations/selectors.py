"""Lists of consultations, always narrowed to what the user may see.

Each selector answers in a fixed number of queries, however many consultations
there are: signals come with `prefetch_related`, counts are annotations.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from consultations.access import coordinated_organisation_ids
from consultations.models import Consultation, ObservedSignal
from portal.models import User


def _with_summary(consultations: QuerySet[Consultation]) -> QuerySet[Consultation]:
    return (
        consultations.select_related("organisation", "author")
        .prefetch_related(
            Prefetch("observed_signals", queryset=ObservedSignal.objects.select_related("signal")),
        )
        .annotate(advice_count=Count("advice", distinct=True))
        .order_by("-created_at", "-pk")
    )


def consultations_authored_by(user: User) -> QuerySet[Consultation]:
    return _with_summary(Consultation.objects.filter(author=user))


def consultations_shared_with(user: User) -> QuerySet[Consultation]:
    """Consultations the user was invited to and still is (a withdrawn invitation removes it)."""
    return _with_summary(Consultation.objects.filter(participants__user=user))


def observed_signals(consultation: Consultation) -> list[ObservedSignal]:
    """The consultation's signals with their catalogue entries, in the catalogue's order (one query)."""
    return list(consultation.observed_signals.select_related("signal"))


@dataclass(frozen=True)
class ReviewFilters:
    signal_id: int | None = None
    status: str = ""
    month: date | None = None
    domain: str = ""
    organisation_id: int | None = None


def consultations_for_review(user: User, filters: ReviewFilters = ReviewFilters()) -> QuerySet[Consultation]:
    """The consultations of the organisations `user` coordinates, narrowed by the review filters."""
    consultations = Consultation.objects.filter(organisation__in=coordinated_organisation_ids(user))
    if filters.organisation_id:
        consultations = consultations.filter(organisation_id=filters.organisation_id)
    if filters.signal_id:
        consultations = consultations.filter(observed_signals__signal_id=filters.signal_id)
    if filters.status:
        consultations = consultations.filter(status=filters.status)
    if filters.month:
        consultations = consultations.filter(created_at__year=filters.month.year, created_at__month=filters.month.month)
    if filters.domain:
        consultations = consultations.filter(domain=filters.domain)
    return _with_summary(consultations.distinct())
