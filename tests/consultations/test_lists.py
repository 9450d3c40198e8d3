"""'My consultations' and 'Shared with me' (consultations/views.py).

What a professional notices: only their own consultations in the one, only what
colleagues invited them to in the other, and an invitation that is withdrawn
takes the consultation away at once.
"""

import pytest
from django.urls import reverse

from consultations.sharing import advice_create, consultation_withdraw
from tests.consultations.conftest import consultation_make, consultations_make, signed_in

LIST_URL = reverse("consultations:list")
SHARED_URL = reverse("consultations:shared")


pytestmark = pytest.mark.usefixtures("page_settings")


def test_my_consultations_shows_my_own_and_nobody_elses(client, people):
    mine = consultation_make(people["author"], signals=2)
    advice_create(
        consultation=consultation_make(people["author"], shared_with=[people["police"]]),
        author=people["police"],
        text="Ga het gesprek aan.",
    )
    colleagues = consultation_make(people["colleague"])
    signed_in(client, people["author"])

    response = client.get(LIST_URL)

    assert response.status_code == 200
    page = response.text
    assert mine.reference in page
    assert reverse("consultations:detail", args=[mine.reference]) in page
    assert colleagues.reference not in page
    for observed in mine.observed_signals.select_related("signal"):
        assert observed.signal.title in page
    assert page.count('class="consultation-card"') == 2
    assert "<dt>Advice</dt>\n      <dd>1</dd>" in page
    assert f'href="{reverse("consultations:create")}"' in page


def test_an_empty_list_says_so_and_offers_a_new_consultation(client, people):
    signed_in(client, people["author"])

    page = client.get(LIST_URL).text

    assert "You have not logged a consultation yet." in page
    assert reverse("consultations:create") in page


def test_the_list_is_paginated(client, people):
    references = [consultation_make(people["author"], signals=1).reference for _ in range(21)]
    signed_in(client, people["author"])

    first, second = client.get(LIST_URL).text, client.get(LIST_URL, {"page": 2}).text

    # Newest first: the oldest one is alone on page 2.
    assert references[0] not in first and references[0] in second
    assert all(reference in first for reference in references[1:])
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert client.get(LIST_URL, {"page": "999"}).status_code == 200


def test_my_consultations_needs_a_login_and_the_permission(client, people):
    assert client.get(LIST_URL)["Location"].startswith(reverse("account_login"))
    for who in ("coordinator", "content_admin"):
        signed_in(client, people[who])
        assert client.get(LIST_URL).status_code == 403
        client.logout()


def test_shared_with_me_shows_only_what_i_was_invited_to(client, people):
    shared = consultation_make(people["author"], shared_with=[people["police"]])
    with_someone_else = consultation_make(people["author"], shared_with=[people["youth_worker"]])
    not_shared = consultation_make(people["author"])
    own = consultation_make(people["police"])
    signed_in(client, people["police"])

    page = client.get(SHARED_URL).text

    assert shared.reference in page
    assert "Anna de Vries, School A" in page
    for other in (with_someone_else, not_shared, own):
        assert other.reference not in page


def test_a_withdrawn_invitation_takes_the_consultation_away(client, people):
    consultation = consultation_make(people["author"], shared_with=[people["police"]])
    consultation_withdraw(participant=consultation.participants.get(), by=people["author"])
    signed_in(client, people["police"])

    page = client.get(SHARED_URL).text

    assert consultation.reference not in page
    assert "No consultations have been shared with you." in page
    assert client.get(reverse("consultations:detail", args=[consultation.reference])).status_code == 404


def test_shared_with_me_needs_a_login(client):
    assert client.get(SHARED_URL)["Location"].startswith(reverse("account_login"))


# Queries for one page of a list, whatever the number of consultations:
#   1  the signed-in user
#   2  the user's permissions, own and via groups (the permission check; reused by the navigation)
#   1  the paginator's count
#   1  one page of consultations with organisation, author and the number of advice (an annotation)
#   1  their observed signals with the signal (one prefetch)
LIST_QUERIES = 1 + 2 + 1 + 1 + 1
# The shared list checks no permission of its own; the navigation still asks for the same two.
SHARED_QUERIES = 1 + 2 + 1 + 1 + 1


@pytest.mark.parametrize("count", [1, 50])
def test_the_number_of_queries_does_not_grow(client, people, django_assert_num_queries, count):
    consultations_make(people["author"], count, signals=2, shared_with=[people["police"]])

    signed_in(client, people["author"])
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST_URL)
    assert response.text.count('class="consultation-card"') == min(count, 20)

    client.logout()
    signed_in(client, people["police"])
    with django_assert_num_queries(SHARED_QUERIES):
        response = client.get(SHARED_URL)
    assert response.text.count('class="consultation-card"') == min(count, 20)
