"""Reads of the catalogue for pages and for other apps.

Each selector answers in a fixed number of queries, however many rows there
are: related rows come with `prefetch_related`, never per row.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from signals.models import ConversationTip, ReferralOrganisation, Signal, SignalCategory

# The referral the portal serves itself, as the print-friendly parents' page.
PARENTS_SHEET_SLUG = "signalenblad-ouders"


def active_signals() -> QuerySet[Signal]:
    """The signals offered today, in the Signalenblad's order."""
    return Signal.objects.filter(is_active=True).order_by("order", "slug")


def signal_categories_with_signals() -> list[SignalCategory]:
    """Categories that hold at least one active signal, each with `.active_signals`
    (two queries)."""
    categories = SignalCategory.objects.prefetch_related(
        Prefetch("signals", queryset=active_signals(), to_attr="active_signals")
    )
    return [category for category in categories if category.active_signals]


def conversation_tips() -> QuerySet[ConversationTip]:
    """The conversation tips with their sub-points (two queries)."""
    return ConversationTip.objects.prefetch_related("points")


@dataclass(frozen=True)
class AudienceGroup:
    audience: str
    label: str
    organisations: list[ReferralOrganisation]


def referral_organisations_by_audience() -> list[AudienceGroup]:
    """Active referral organisations grouped by audience, in the order of
    `ReferralOrganisation.Audience` (one query)."""
    organisations = list(ReferralOrganisation.objects.filter(is_active=True))
    groups = []
    for audience in ReferralOrganisation.Audience:
        members = [organisation for organisation in organisations if organisation.audience == audience]
        if members:
            groups.append(AudienceGroup(audience=audience.value, label=audience.label, organisations=members))
    return groups


def referral_organisations(*slugs: str) -> list[ReferralOrganisation]:
    """The active referral organisations with these slugs, in their own order."""
    return list(ReferralOrganisation.objects.filter(is_active=True, slug__in=slugs))
