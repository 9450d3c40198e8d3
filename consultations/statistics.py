"""Counts of consultations for coordinators: per signal, per month, per domain and per outcome.

Invariants, and why:

- **Only counts.** Nothing here is about one young person: no score, ranking or
  label, only how many consultations (or observed signals) fall in a group.
- **Small numbers stay hidden.** Raw counts never leave this module: every
  number in a `Breakdown` went through `suppressed()`, which shows anything
  below the threshold (0 included, totals included) as "<threshold". A 0 is
  hidden too, or "<5" next to "0" would tell "1 to 4".
- **Statistics survive retention.** A count is the live consultations plus the
  anonymous tallies the retention job keeps when it purges them
  (`ConsultationTally`, `SignalTally`), so purging never changes a figure.
- **Constant number of queries.** Four group-by aggregates and one query for
  the signal names, however many consultations there are.

The month of a consultation is the month of `created_at` in the portal's time
zone (Europe/Amsterdam), the same month the retention job files its tallies under.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation, ConsultationTally, ObservedSignal, Outcome, SignalTally
from portal.roles import Domain
from signals.models import Signal

# Months are calendar months in the Netherlands, here and in the retention job's tallies.
STATISTICS_TIMEZONE = ZoneInfo("Europe/Amsterdam")
# The default period, and the longest one a coordinator may ask for (a bound on the page's length).
DEFAULT_MONTHS = 12
MAX_MONTHS = 120
# Bars are drawn in steps of 5 %: CSS classes portal-bar--w1 … portal-bar--w20 (static/css/statistics.css).
BAR_STEPS = 20
# The outcome bucket of consultations without an outcome: the open ones.
OPEN = "open"

# Cells a spreadsheet would run as a formula (CSV injection), see statistics_csv_rows().
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def statistics_month(moment: datetime) -> date:
    """The first day of the month `moment` falls in, in Dutch time: the key of every count."""
    return timezone.localtime(moment, STATISTICS_TIMEZONE).date().replace(day=1)


def suppressed(count: int, threshold: int) -> str | int:
    """The count as it may be shown: itself from `threshold` up, otherwise "<threshold" (0 included).

    The one place the small-numbers rule lives; the page, the chart and the CSV all show this value.
    """
    return count if count >= threshold else f"<{threshold}"


def add_months(month: date, months: int) -> date:
    """The first day of the month `months` after (or, negative, before) `month`."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """First days of every month from `first` to `last`, both included (empty if `first` is later)."""
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [add_months(first.replace(day=1), index) for index in range(max(count, 0))]


@dataclass(frozen=True)
class StatisticsQuery:
    """What to count: consultations of these organisations, logged from `first_month` to `last_month`."""

    organisation_ids: frozenset[int]
    first_month: date
    last_month: date

    def describe(self) -> str:
        """The filters in a line for the audit trail (no names, nothing about a case)."""
        organisations = ",".join(str(pk) for pk in sorted(self.organisation_ids)) or "none"
        return f"from={self.first_month:%Y-%m} to={self.last_month:%Y-%m} organisations={organisations}"


@dataclass(frozen=True)
class Figure:
    """One shown count: `shown` is the (possibly suppressed) value, `bar` a width step 1–BAR_STEPS (0 while hidden)."""

    key: str
    label: str
    shown: str | int
    is_suppressed: bool
    bar: int = 0


@dataclass(frozen=True)
class Breakdown:
    dimension: str
    title: str
    figures: list[Figure]
    # The total where the groups split the consultations (None for signals: a consultation has several).
    total: Figure | None = None


@dataclass(frozen=True)
class Statistics:
    query: StatisticsQuery
    threshold: int
    total: Figure
    by_signal: Breakdown
    by_month: Breakdown
    by_domain: Breakdown
    by_outcome: Breakdown

    @property
    def breakdowns(self) -> list[Breakdown]:
        return [self.by_signal, self.by_month, self.by_domain, self.by_outcome]


def _figure(key: str, label: str, count: int, threshold: int) -> Figure:
    shown = suppressed(count, threshold)
    return Figure(key=key, label=str(label), shown=shown, is_suppressed=isinstance(shown, str))


def _protect_by_subtraction(figures: list[Figure], counts: Counter) -> list[Figure]:
    """Secondary suppression: where a total is shown, one hidden figure would be the total minus
    the shown ones. Then the smallest shown figure is hidden too, so only a sum can be worked out."""
    hidden = [figure for figure in figures if figure.is_suppressed]
    shown = [figure for figure in figures if not figure.is_suppressed]
    if len(hidden) != 1 or not shown:
        return figures
    smallest = min(shown, key=lambda figure: counts[figure.key])
    return [
        replace(figure, shown=hidden[0].shown, is_suppressed=True) if figure is smallest else figure
        for figure in figures
    ]


def _breakdown(dimension, title, groups: list[tuple[str, str]], counts: Counter, threshold, total=None) -> Breakdown:
    """Suppressed figures for `groups` (key, label), with bar widths relative to the largest shown count.

    Bars are scaled among the shown figures only, so a hidden count never shapes a bar.
    """
    figures = [_figure(key, label, counts[key], threshold) for key, label in groups]
    if total is not None and threshold > 1:
        figures = _protect_by_subtraction(figures, counts)
    largest = max((counts[figure.key] for figure in figures if not figure.is_suppressed), default=0)
    figures = [
        figure
        if figure.is_suppressed or not largest
        else replace(figure, bar=max(1, round(BAR_STEPS * counts[figure.key] / largest)))
        for figure in figures
    ]
    shown_total = _figure("total", _("Total"), total, threshold) if total is not None else None
    return Breakdown(dimension=dimension, title=str(title), figures=figures, total=shown_total)


def _month_bounds(query: StatisticsQuery) -> tuple[datetime, datetime]:
    zone = STATISTICS_TIMEZONE
    first, after = query.first_month, add_months(query.last_month, 1)
    return (
        datetime(first.year, first.month, 1, tzinfo=zone),
        datetime(after.year, after.month, 1, tzinfo=zone),
    )


def _raw_counts(query: StatisticsQuery) -> tuple[dict[str, Counter], Counter]:
    """Live consultations plus purged tallies, per month, domain and outcome; and per signal id."""
    start, end = _month_bounds(query)
    live = Consultation.objects.filter(
        organisation_id__in=query.organisation_ids, created_at__gte=start, created_at__lt=end
    )
    by = {"month": Counter(), "domain": Counter(), "outcome": Counter()}

    def add(month: date, domain, outcome, count):
        by["month"][f"{month:%Y-%m}"] += count
        by["domain"][domain] += count
        by["outcome"][outcome or OPEN] += count

    # Query 1: live consultations grouped by month × domain × status × outcome.
    grouped = (
        live.annotate(month=TruncMonth("created_at", tzinfo=STATISTICS_TIMEZONE))
        .values("month", "domain", "status", "outcome")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in grouped:
        outcome = OPEN if row["status"] == Consultation.Status.OPEN else row["outcome"]
        add(statistics_month(row["month"]), row["domain"], outcome, row["count"])
    # Query 2: purged consultations, already counted per month × domain × outcome.
    tallies = (
        ConsultationTally.objects.filter(
            organisation_id__in=query.organisation_ids, month__gte=query.first_month, month__lte=query.last_month
        )
        .values("month", "domain", "outcome")
        .annotate(count=Sum("count"))
        .order_by()
    )
    for row in tallies:
        add(row["month"], row["domain"], row["outcome"], row["count"])

    signals = Counter()
    # Query 3: live observed signals per signal (one row per consultation and signal).
    observed = ObservedSignal.objects.filter(consultation__in=live).values("signal_id").annotate(count=Count("pk"))
    # Query 4: purged observed signals per signal.
    purged = (
        SignalTally.objects.filter(
            organisation_id__in=query.organisation_ids, month__gte=query.first_month, month__lte=query.last_month
        )
        .values("signal_id")
        .annotate(count=Sum("count"))
    )
    for row in [*observed.order_by(), *purged.order_by()]:
        signals[row["signal_id"]] += row["count"]
    return by, signals


def consultation_statistics(query: StatisticsQuery, *, threshold: int) -> Statistics:
    """Suppressed counts for `query` in five queries (four aggregates and the signal names)."""
    by, signal_counts = _raw_counts(query)
    total = sum(by["month"].values())

    # Query 5: the active signals, plus retired ones that still have counts in this period.
    signals = Signal.objects.filter(Q(is_active=True) | Q(pk__in=[pk for pk, n in signal_counts.items() if n]))
    signal_groups, per_signal = [], Counter()
    for signal in signals:
        signal_groups.append((signal.slug, signal.title))
        per_signal[signal.slug] = signal_counts[signal.pk]

    months = [
        (f"{month:%Y-%m}", formats.date_format(month, "YEAR_MONTH_FORMAT"))
        for month in months_between(query.first_month, query.last_month)
    ]
    domains = list(Domain.choices) + _unknown_keys(by["domain"], Domain.values)
    outcomes = [*Outcome.choices, (OPEN, _("Open (no outcome yet)"))] + _unknown_keys(
        by["outcome"], [*Outcome.values, OPEN]
    )
    return Statistics(
        query=query,
        threshold=threshold,
        total=_figure("consultations", _("Consultations"), total, threshold),
        by_signal=_breakdown("signal", _("Per signal"), signal_groups, per_signal, threshold),
        by_month=_breakdown("month", _("Per month"), months, by["month"], threshold, total),
        by_domain=_breakdown("domain", _("Per domain"), domains, by["domain"], threshold, total),
        by_outcome=_breakdown("outcome", _("Per outcome"), outcomes, by["outcome"], threshold, total),
    )


def _unknown_keys(counts: Counter, known) -> list[tuple[str, str]]:
    """Keys with counts that are no longer among the choices (kept in old tallies), labelled by themselves."""
    return [(key, key) for key in sorted(counts) if key not in known and counts[key]]


def _csv_safe(value) -> str:
    """A cell a spreadsheet will not run as a formula: a leading = + - @ (or tab, CR) gets an apostrophe."""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def statistics_csv_rows(statistics: Statistics) -> list[list[str]]:
    """The rows of the CSV export: a header, the total, then every figure of every breakdown (suppressed)."""
    rows = [["dimension", "key", "label", "count"]]
    rows.append(["total", statistics.total.key, statistics.total.label, statistics.total.shown])
    for breakdown in statistics.breakdowns:
        rows += [[breakdown.dimension, figure.key, figure.label, figure.shown] for figure in breakdown.figures]
    return [[_csv_safe(cell) for cell in row] for row in rows]
