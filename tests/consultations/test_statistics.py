"""Statistics for coordinators: counts that hide small numbers, survive retention, and export safely."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation, ConsultationTally, SignalTally
from consultations.statistics import (
    StatisticsQuery,
    add_months,
    consultation_statistics,
    months_between,
    statistics_csv_rows,
    suppressed,
)
from portal.models import AuditEvent
from signals.models import Signal
from tests.consultations.conftest import consultation_make, consultations_make, signals_first, signed_in

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


pytestmark = pytest.mark.usefixtures("page_settings")


@pytest.fixture
def coordinator_client(client, people):
    return signed_in(client, people["coordinator"])


def this_month():
    return timezone.localdate().replace(day=1)


def page(client, **params):
    return client.get(reverse("consultations:statistics"), params)


def export(client, **params):
    return client.get(reverse("consultations:statistics_export"), params)


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def shown(response, dimension, key):
    """The count shown for `key` of `dimension` in the page's tables."""
    breakdown = getattr(response.context["statistics"], f"by_{dimension}")
    return {figure.key: figure.shown for figure in breakdown.figures}[key]


def chart(response, dimension):
    """The HTML of one chart on the page."""
    start = response.text.index(f'id="chart-{dimension}"')
    return response.text[start : response.text.index("</figure>", start)]


# --- The rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "threshold", "expected"),
    [(0, 5, "<5"), (1, 5, "<5"), (4, 5, "<5"), (5, 5, 5), (120, 5, 120), (0, 1, "<1"), (1, 1, 1), (9, 10, "<10")],
)
def test_suppressed_hides_every_count_below_the_threshold_zero_included(count, threshold, expected):
    assert suppressed(count, threshold) == expected


def test_months_are_counted_in_whole_calendar_months():
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert add_months(date(2025, 12, 1), 1) == date(2026, 1, 1)
    assert months_between(date(2025, 11, 1), date(2026, 2, 1)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert months_between(date(2026, 2, 1), date(2025, 11, 1)) == []


# --- The page ---------------------------------------------------------------------------------


def test_small_counts_show_as_below_threshold_in_tables_and_chart(coordinator_client, people):
    consultation_make(people["author"], signals=2)
    signal = signals_first(1)[0]

    response = page(coordinator_client)

    assert response.status_code == 200
    statistics = response.context["statistics"]
    every_figure = [statistics.total] + [
        figure for breakdown in statistics.breakdowns for figure in [*breakdown.figures, breakdown.total] if figure
    ]
    assert {figure.shown for figure in every_figure} == {"<5"}
    assert shown(response, "signal", signal.slug) == "<5"
    assert 'portal-chart__value portal-chart__value--suppressed">&lt;5</span>' in chart(response, "signal")
    assert "portal-bar--suppressed" in chart(response, "signal")
    assert "portal-bar--w" not in chart(response, "signal")
    assert "&lt;5" in response.text and ">1<" not in response.text


def test_counts_from_the_threshold_up_are_shown_with_a_bar(coordinator_client, people):
    consultations_make(people["author"], 5, signals=1)
    consultation_make(people["other_school"], signals=2)
    first, second = signals_first(2)

    response = page(coordinator_client)

    assert shown(response, "signal", first.slug) == 6
    assert shown(response, "signal", second.slug) == "<5"
    assert shown(response, "month", f"{this_month():%Y-%m}") == 6
    assert shown(response, "domain", "education") == 6
    assert shown(response, "outcome", "open") == 6
    assert response.context["statistics"].total.shown == 6
    signal_chart = chart(response, "signal")
    assert "portal-bar--w20" in signal_chart and ">6</span>" in signal_chart
    assert "portal-bar--suppressed" in signal_chart
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric">6</td>' in response.text


def test_a_single_hidden_figure_cannot_be_worked_out_from_the_total(coordinator_client, people):
    # Two months: 5 consultations this month, 2 the month before; the total (7) is shown.
    # Hiding only last month's 2 would leave it as 7 - 5: this month is hidden too.
    consultations_make(people["author"], 5, signals=1)
    earlier = consultations_make(people["author"], 2, signals=1)
    last_month = add_months(this_month(), -1)
    Consultation.objects.filter(pk__in=[c.pk for c in earlier]).update(
        created_at=timezone.make_aware(datetime(last_month.year, last_month.month, 15, 12))
    )

    response = page(coordinator_client, since=f"{last_month:%Y-%m}", until=f"{this_month():%Y-%m}")

    assert response.context["statistics"].total.shown == 7
    assert shown(response, "month", f"{last_month:%Y-%m}") == "<5"
    assert shown(response, "month", f"{this_month():%Y-%m}") == "<5"


def test_a_low_threshold_shows_exact_numbers(coordinator_client, people, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    consultation_make(people["author"], signals=2)
    consultation_make(people["author"], signals=1, closed=True)
    consultation_make(people["other_school"], signals=1)
    first, second = signals_first(2)

    response = page(coordinator_client)

    assert shown(response, "signal", first.slug) == 3
    assert shown(response, "signal", second.slug) == 1
    assert shown(response, "outcome", "open") == 2
    assert shown(response, "outcome", "conversation_enough") == 1
    assert shown(response, "outcome", "referred") == "<1"
    assert shown(response, "domain", "police") == "<1"
    signal_chart = chart(response, "signal")
    assert "portal-bar--w20" in signal_chart and "portal-bar--w7" in signal_chart


def test_only_coordinated_organisations_count_and_the_organisation_filter_narrows(client, people, orgs, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    consultation_make(people["author"])
    consultation_make(people["other_school"])
    consultation_make(people["police"])
    consultation_make(people["youth_worker"])

    coordinator = signed_in(client, people["coordinator"])
    assert page(coordinator).context["statistics"].total.shown == 2
    assert page(coordinator, organisation=orgs["school_b"].pk).context["statistics"].total.shown == 1

    refused = page(coordinator, organisation=orgs["politie"].pk)
    assert "Select a valid choice." in refused.text
    assert refused.context["statistics"].total.shown == 2


def test_other_coordinator_counts_only_school_b(client, people, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    consultation_make(people["author"])
    consultation_make(people["other_school"])
    assert page(signed_in(client, people["other_coordinator"])).context["statistics"].total.shown == 1


def test_purged_counts_are_added_to_the_live_counts(coordinator_client, people, orgs, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    consultation_make(people["author"], signals=1, closed=True)
    signal = signals_first(1)[0]
    month = this_month()
    ConsultationTally.objects.create(
        organisation=orgs["school_a"], month=month, domain="education", outcome="conversation_enough", count=7
    )
    ConsultationTally.objects.create(
        organisation=orgs["school_b"], month=month, domain="care", outcome="referred", count=2
    )
    SignalTally.objects.create(organisation=orgs["school_a"], month=month, signal=signal, count=9)
    # Not counted: an organisation the coordinator does not coordinate, and a month outside the period.
    ConsultationTally.objects.create(organisation=orgs["politie"], month=month, domain="police", count=50)
    SignalTally.objects.create(organisation=orgs["politie"], month=month, signal=signal, count=50)
    ConsultationTally.objects.create(
        organisation=orgs["school_a"], month=add_months(month, -12), domain="education", count=40
    )

    response = page(coordinator_client)

    assert response.context["statistics"].total.shown == 1 + 7 + 2
    assert shown(response, "month", f"{month:%Y-%m}") == 10
    assert shown(response, "domain", "education") == 8
    assert shown(response, "domain", "care") == 2
    assert shown(response, "outcome", "conversation_enough") == 8
    assert shown(response, "outcome", "referred") == 2
    assert shown(response, "signal", signal.slug) == 10


def test_statistics_survive_the_purge_of_a_consultation(people, orgs):
    """What the retention job does — delete, keep a tally — leaves every figure as it was."""
    consultation = consultation_make(people["author"], signals=2, closed=True)
    query = StatisticsQuery(frozenset({orgs["school_a"].pk}), this_month(), this_month())
    before = statistics_csv_rows(consultation_statistics(query, threshold=1))

    month = this_month()
    ConsultationTally.objects.create(
        organisation=orgs["school_a"], month=month, domain="education", outcome="conversation_enough", count=1
    )
    for observed in consultation.observed_signals.all():
        SignalTally.objects.create(organisation=orgs["school_a"], month=month, signal=observed.signal, count=1)
    consultation.delete()

    assert statistics_csv_rows(consultation_statistics(query, threshold=1)) == before


def test_the_month_is_the_month_in_amsterdam(coordinator_client, people, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    consultation = consultation_make(people["author"])
    # 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam.
    Consultation.objects.filter(pk=consultation.pk).update(
        created_at=datetime(2026, 1, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    )

    response = page(coordinator_client, since="2026-01", until="2026-02")

    assert shown(response, "month", "2026-01") == "<1"
    assert shown(response, "month", "2026-02") == 1


def test_the_default_period_is_the_last_twelve_months(coordinator_client, people, settings):
    settings.PORTAL_STATISTICS_THRESHOLD = 1
    old = consultation_make(people["author"])
    consultation_make(people["author"])
    thirteen_months_ago = add_months(this_month(), -12)
    Consultation.objects.filter(pk=old.pk).update(
        created_at=datetime(thirteen_months_ago.year, thirteen_months_ago.month, 10, tzinfo=AMSTERDAM)
    )

    response = page(coordinator_client)

    months = [figure.key for figure in response.context["statistics"].by_month.figures]
    assert len(months) == 12 and months[-1] == f"{this_month():%Y-%m}"
    assert response.context["statistics"].total.shown == 1
    assert page(coordinator_client, since=f"{thirteen_months_ago:%Y-%m}").context["statistics"].total.shown == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "abc"}, "Enter a month as year-month, for example 2026-11."),
        ({"until": "1899-01"}, "Enter a month as year-month, for example 2026-11."),
        ({"since": "2026-05", "until": "2026-01"}, "The end month comes before the start month."),
        ({"since": "2000-01", "until": "2026-01"}, "Choose a period of at most 120 months."),
        ({"organisation": "<b>x</b>"}, "Select a valid choice."),
    ],
)
def test_bad_filters_give_a_message_and_the_default_statistics(coordinator_client, people, params, message):
    consultation_make(people["author"])
    response = page(coordinator_client, **params)
    assert response.status_code == 200
    assert message in response.text
    statistics = response.context["statistics"]
    assert (statistics.query.first_month, statistics.query.last_month) == (add_months(this_month(), -11), this_month())


def test_the_page_has_no_script_no_style_attribute_and_no_per_person_figures(coordinator_client, people):
    consultation_make(people["author"])
    response = page(coordinator_client)
    assert "<script" not in response.text
    assert "style=" not in response.text
    for word in ("score", "risk", "ranking"):
        assert word not in response.text.lower()
    # Each chart is followed by its table, the text alternative.
    for dimension in ("signal", "month"):
        assert response.text.index(f'id="chart-{dimension}"') < response.text.index(f'id="table-{dimension}"')


# --- The export --------------------------------------------------------------------------------


def test_export_is_a_suppressed_csv_without_case_text_and_is_audited(coordinator_client, people):
    consultation = consultation_make(people["author"], signals=2)

    response = export(coordinator_client)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="signalenportaal-statistieken-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    rows = csv_rows(response)
    assert rows[0] == ["dimension", "key", "label", "count"]
    assert rows[1] == ["total", "consultations", "Consultations", "<5"]
    assert {row[3] for row in rows[1:]} == {"<5"}
    assert {row[0] for row in rows[1:]} == {"total", "signal", "month", "domain", "outcome"}
    content = response.content.decode("utf-8")
    for case_text in (consultation.facts, consultation.concern, consultation.question, "Valt op in de les"):
        assert case_text not in content
    assert consultation.reference not in content and "Anna" not in content

    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.actor == people["coordinator"]
    assert event.organisation is None
    assert event.detail.startswith("statistics csv from=")
    assert event.consultation_reference == ""


def test_export_shows_real_numbers_from_the_threshold_up(coordinator_client, people, orgs):
    consultations_make(people["author"], 5, signals=1)

    rows = csv_rows(export(coordinator_client, organisation=orgs["school_a"].pk))

    signal = signals_first(1)[0]
    assert ["signal", signal.slug, signal.title_en, "5"] in rows
    assert [row[3] for row in rows if row[:2] == ["month", f"{this_month():%Y-%m}"]] == ["5"]
    assert ["domain", "police", "Police", "<5"] in rows
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.organisation_id == orgs["school_a"].pk
    assert f"organisations={orgs['school_a'].pk}" in event.detail


def test_export_guards_against_csv_injection(coordinator_client, people):
    signal = signals_first(1)[0]
    Signal.objects.filter(pk=signal.pk).update(title_nl='=HYPERLINK("http://x")', title_en='=HYPERLINK("http://x")')
    consultation_make(people["author"], signals=1)

    rows = csv_rows(export(coordinator_client))

    assert ["signal", signal.slug, '\'=HYPERLINK("http://x")', "<5"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_export_with_bad_filters_sends_back_to_the_page_without_exporting(coordinator_client, people):
    response = export(coordinator_client, since="abc")
    assert response.status_code == 302
    assert response.url == f"{reverse('consultations:statistics')}?since=abc"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()
    assert "The export needs valid filters" in coordinator_client.get(response.url).text


# --- Queries ------------------------------------------------------------------------------------

# The statistics page for a coordinator, whatever the number of consultations:
#   1  the signed-in user (the session is in the cache)
#   2  the user's permissions (own and via groups), for @permission_required and the navigation
#   1  coordinated_organisation_ids(), for the counts and the organisation filter
#   4  the group-by aggregates: live consultations, live observed signals, and the two purged tallies
#   1  the signal names
#   1  the organisation choices of the filter form
STATISTICS_QUERIES = 1 + 2 + 1 + 4 + 1 + 1


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_does_not_grow_with_the_consultations(coordinator_client, people, django_assert_num_queries, count):
    for index in range(count):
        consultation_make(people["author"] if index % 2 else people["other_school"], signals=1 + index % 3)

    with django_assert_num_queries(STATISTICS_QUERIES):
        response = page(coordinator_client)

    assert response.context["statistics"].total.shown == (count if count >= 5 else "<5")


# The export: the same counts, minus the form's organisation choices, plus writing the audit event
# (1 looks up the actor's memberships for "on behalf of", 1 inserts the event).
EXPORT_QUERIES = STATISTICS_QUERIES - 1 + 2


@pytest.mark.parametrize("count", [1, 50])
def test_export_query_count_does_not_grow(coordinator_client, people, django_assert_num_queries, count):
    consultations_make(people["author"], count)
    with django_assert_num_queries(EXPORT_QUERIES):
        assert export(coordinator_client).status_code == 200
