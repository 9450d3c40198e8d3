"""The coordinator's review list: only coordinated organisations, anonymized rows, filters that never break.

Also the permission matrix of the four coordinator pages (review, audit trail,
statistics, export): professionals and content admins get 403, visitors the login page.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from consultations.models import Consultation
from signals.models import Signal
from tests.consultations.conftest import consultation_make, consultations_make, signed_in

COORDINATOR_PAGES = ["review", "review_audit", "statistics", "statistics_export"]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


pytestmark = pytest.mark.usefixtures("page_settings")


def review(client, **params):
    return client.get(reverse("consultations:review"), params)


def references(response):
    """The references listed on a review page, in order."""
    return [consultation.reference for consultation in response.context["page"].object_list]


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
@pytest.mark.parametrize("who", ["author", "police", "youth_worker", "content_admin"])
def test_professionals_and_content_admins_are_refused(client, people, who, name):
    response = signed_in(client, people[who]).get(reverse(f"consultations:{name}"))
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_visitors_are_sent_to_the_login_page(client, name):
    response = client.get(reverse(f"consultations:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_coordinator_sees_the_consultations_of_the_organisations_they_coordinate(client, people):
    school_a = consultation_make(people["author"])
    school_b = consultation_make(people["other_school"])
    police = consultation_make(people["police"])

    response = review(signed_in(client, people["coordinator"]))

    assert response.status_code == 200
    assert set(references(response)) == {school_a.reference, school_b.reference}
    assert police.reference not in response.text
    assert f'href="{reverse("consultations:detail", kwargs={"reference": school_a.reference})}"' in response.text


def test_other_coordinator_sees_only_school_b(client, people):
    consultation_make(people["author"])
    school_b = consultation_make(people["other_school"])

    response = review(signed_in(client, people["other_coordinator"]))

    assert references(response) == [school_b.reference]


def test_rows_show_the_summary_without_names_or_case_text(client, people):
    consultation = consultation_make(people["author"], signals=2, shared_with=[people["police"]], closed=True)
    titles = [observed.signal.title_en for observed in consultation.observed_signals.select_related("signal")]

    response = review(signed_in(client, people["coordinator"]))

    row = response.text[response.text.index(consultation.reference) :]
    for text in ("School A", "Education", "Closed", "The conversation was enough", *titles):
        assert text in row
    for name in ("Anna", "de Vries", "Dirk", "Visser", "docent1@"):
        assert name not in response.text
    for case_text in (consultation.facts, consultation.concern, consultation.question, "Valt op in de les"):
        assert case_text not in response.text


def test_filters_narrow_the_list(client, people, orgs):
    one_signal = consultation_make(people["author"], signals=1)
    three_signals = consultation_make(people["author"], signals=3, closed=True)
    school_b = consultation_make(people["other_school"], signals=1)
    Consultation.objects.filter(pk=school_b.pk).update(created_at=datetime(2025, 3, 15, 12, tzinfo=AMSTERDAM))
    second_signal = Signal.objects.filter(is_active=True).order_by("order")[1]
    client = signed_in(client, people["coordinator"])

    assert references(review(client, signal=second_signal.pk)) == [three_signals.reference]
    assert references(review(client, status="closed")) == [three_signals.reference]
    assert set(references(review(client, status="open"))) == {one_signal.reference, school_b.reference}
    assert references(review(client, month="2025-03")) == [school_b.reference]
    assert references(review(client, organisation=orgs["school_b"].pk)) == [school_b.reference]
    assert references(review(client, domain="police")) == []
    assert len(references(review(client, domain="education"))) == 3
    assert references(review(client, organisation=orgs["school_a"].pk, status="open")) == [one_signal.reference]


def test_filter_choices_offer_only_coordinated_organisations(client, people):
    response = review(signed_in(client, people["other_coordinator"]))
    organisations = [str(choice[1]) for choice in response.context["form"].fields["organisation"].choices]
    assert organisations == ["All my organisations", "School B"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"month": "abc"}, "Enter a month as year-month, for example 2026-11."),
        ({"month": "2026-13"}, "Enter a month as year-month, for example 2026-11."),
        ({"signal": "999999"}, "Select a valid choice."),
        ({"signal": "<script>alert(1)</script>"}, "Select a valid choice."),
        ({"status": "deleted"}, "Select a valid choice."),
        ({"domain": "x" * 5000}, "Select a valid choice."),
        ({"month": "2026-11\x00"}, "Enter a month as year-month, for example 2026-11."),
    ],
)
def test_bad_filter_values_give_a_message_and_the_unfiltered_list(client, people, params, message):
    consultation = consultation_make(people["author"])

    response = review(signed_in(client, people["coordinator"]), **params)

    assert response.status_code == 200
    assert message in response.text
    assert "Some filters could not be used and were left out." in response.text
    assert references(response) == [consultation.reference]
    assert "<script>alert(1)</script>" not in response.text


def test_a_not_coordinated_organisation_is_refused_as_a_filter(client, people, orgs):
    consultation_make(people["police"])
    school_a = consultation_make(people["author"])

    response = review(signed_in(client, people["coordinator"]), organisation=orgs["politie"].pk)

    assert "Select a valid choice." in response.text
    assert references(response) == [school_a.reference]


@pytest.mark.parametrize("page", ["zzz", "0", "-1", "999", ""])
def test_any_page_number_gives_a_page(client, people, page):
    consultation = consultation_make(people["author"])
    response = review(signed_in(client, people["coordinator"]), page=page)
    assert response.status_code == 200
    assert references(response) == [consultation.reference]


def test_pagination_keeps_the_filters(client, people):
    consultations_make(people["author"], 26, signals=1)
    consultation_make(people["author"], signals=1, closed=True)
    client = signed_in(client, people["coordinator"])

    first = review(client, status="open")
    assert len(references(first)) == 25
    assert "Page 1 of 2" in first.text
    assert 'href="?status=open&amp;page=2"' in first.text

    second = review(client, status="open", page=2)
    assert len(references(second)) == 1
    assert 'href="?status=open&amp;page=1"' in second.text


def test_the_page_has_no_inline_script_or_style(client, people):
    consultation_make(people["author"])
    response = review(signed_in(client, people["coordinator"]), month="abc")
    assert "<script" not in response.text
    assert "style=" not in response.text


# The review list for a coordinator, whatever the number of consultations:
#   1  the signed-in user (the session is in the cache)
#   2  the user's permissions (own and via groups), for @permission_required and the navigation
#   1  coordinated_organisation_ids() in the view, for the organisation filter
#   1  coordinated_organisation_ids() again, inside consultations_for_review()
#   1  the paginator's count
#   1  the page of consultations (organisation joined, advice counted)
#   1  their observed signals with the signal (one prefetch)
#   1  the signal choices and 1 the organisation choices of the filter form
REVIEW_QUERIES = 1 + 2 + 1 + 1 + 1 + 1 + 1 + 2


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_does_not_grow_with_the_consultations(client, people, django_assert_num_queries, count):
    consultations_make(people["author"], count)
    client = signed_in(client, people["coordinator"])

    with django_assert_num_queries(REVIEW_QUERIES):
        response = review(client)

    assert len(references(response)) == min(count, 25)
