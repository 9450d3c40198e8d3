"""The detail page of a consultation (consultations/views.py: consultation_detail).

What its readers notice: everything that was logged, the not-proof sentence by
the signals, when it will be closed or deleted, the buttons that fit their role,
and — for the author only — who looked. Every visit is in the audit trail.
"""

import pytest
from django.urls import reverse
from django.utils import formats, translation

from consultations.retention import scheduled_auto_close, scheduled_deletion
from consultations.services import consultation_record_next_steps
from consultations.sharing import advice_create
from portal.models import AuditEvent
from signals.models import ReferralOrganisation
from tests.consultations.conftest import consultation_make, consultations_make, events, signed_in, url

pytestmark = pytest.mark.usefixtures("page_settings")


def english_date(moment):
    with translation.override("en"):
        return formats.date_format(moment, "DATE_FORMAT")


def views_of(consultation):
    return events(consultation, AuditEvent.Action.VIEW)


def test_the_author_sees_everything_that_was_logged(client, consultation, people):
    advice_create(consultation=consultation, author=people["police"], text="Ga eerst zelf het gesprek aan.")
    signed_in(client, people["author"])

    response = client.get(url("detail", consultation))

    assert response.status_code == 200
    page = response.text
    assert consultation.reference in page
    assert "A signal is not proof" in page
    for observed in consultation.observed_signals.select_related("signal"):
        assert observed.signal.title in page
    assert "One to three months" in page and "Now and then" in page and "Valt op in de les." in page
    assert "School" in page and "15 to 17" in page
    for text in (consultation.facts, consultation.concern, consultation.question):
        assert text in page
    assert "Ga eerst zelf het gesprek aan." in page
    assert "Dirk Visser" in page and "Politie basisteam" in page
    auto_close = english_date(scheduled_auto_close(consultation))
    assert f"If nobody works on it, it will be closed automatically on {auto_close}." in page
    for name in ("edit", "invite", "conversation", "next_steps", "close"):
        assert reverse(f"consultations:{name}", args=[consultation.reference]) in page
    participant = consultation.participants.get()
    assert reverse("consultations:withdraw", args=[consultation.reference, participant.pk]) in page
    assert reverse("consultations:advise", args=[consultation.reference]) not in page


def test_multi_line_text_keeps_its_lines_and_is_escaped(client, people):
    consultation = consultation_make(people["author"], facts='Eerste regel & "citaat".\nTweede regel.')
    signed_in(client, people["author"])

    page = client.get(url("detail", consultation)).text

    assert "Eerste regel &amp; &quot;citaat&quot;.<br>Tweede regel." in page


def test_referrals_are_shown_with_their_links(client, consultation, people):
    referral = ReferralOrganisation.objects.filter(is_active=True).exclude(url="").first()
    consultation_record_next_steps(
        consultation=consultation, by=people["author"], next_steps="Doorverwijzen.", referrals=[referral]
    )
    signed_in(client, people["author"])

    page = client.get(url("detail", consultation)).text

    assert "Doorverwijzen." in page
    assert f'href="{referral.url}" rel="noopener noreferrer">{referral.name}</a>' in page


def test_a_closed_consultation_shows_its_deletion_date_and_a_reopen_button(client, people):
    consultation = consultation_make(people["author"], closed=True)
    signed_in(client, people["author"])

    page = client.get(url("detail", consultation)).text

    deletion = english_date(scheduled_deletion(consultation))
    assert f"This consultation will be deleted on {deletion}." in page
    assert "closed automatically" not in page
    assert "The conversation was enough" in page
    assert reverse("consultations:reopen", args=[consultation.reference]) in page
    assert reverse("consultations:edit", args=[consultation.reference]) not in page


def test_each_visit_is_one_view_event_of_the_visitor(client, consultation, people):
    signed_in(client, people["police"])

    client.get(url("detail", consultation))
    client.get(url("detail", consultation))

    events = list(views_of(consultation))
    assert len(events) == 2
    assert {(event.actor, event.acting_organisation_name, event.organisation_name) for event in events} == {
        (people["police"], "Politie basisteam", "School A")
    }


def test_the_author_sees_who_viewed_the_consultation(client, consultation, people):
    signed_in(client, people["police"])
    client.get(url("detail", consultation))
    client.logout()
    signed_in(client, people["author"])

    page = client.get(url("detail", consultation)).text

    assert "Who viewed this consultation" in page
    assert "Dirk Visser &lt;wijkagent@politie.example.org&gt; on behalf of Politie basisteam" in page
    assert "Viewed" in page and "Invited a colleague" in page


def test_the_invitee_reads_and_may_advise_but_does_not_see_who_viewed(client, consultation, people):
    signed_in(client, people["police"])

    response = client.get(url("detail", consultation))

    assert response.status_code == 200
    assert consultation.facts in response.text
    assert "Who viewed this consultation" not in response.text
    assert reverse("consultations:advise", args=[consultation.reference]) in response.text
    for name in ("edit", "invite", "close"):
        assert reverse(f"consultations:{name}", args=[consultation.reference]) not in response.text
    assert "withdraw" not in response.text.lower()


def test_on_a_closed_consultation_the_invitee_cannot_give_advice(client, people):
    consultation = consultation_make(people["author"], shared_with=[people["police"]], closed=True)
    signed_in(client, people["police"])

    page = client.get(url("detail", consultation)).text

    assert reverse("consultations:advise", args=[consultation.reference]) not in page


def test_the_coordinator_reads_it_read_only(client, consultation, people):
    signed_in(client, people["coordinator"])

    page = client.get(url("detail", consultation)).text

    assert "You are viewing this consultation read-only, as coordinator of its organisation." in page
    assert "Who viewed this consultation" not in page
    for name in ("edit", "invite", "advise", "close"):
        assert reverse(f"consultations:{name}", args=[consultation.reference]) not in page


@pytest.mark.parametrize("who", ["colleague", "other_school", "youth_worker", "other_coordinator", "content_admin"])
def test_anyone_else_gets_404_and_no_view_is_recorded(client, consultation, people, who):
    signed_in(client, people[who])

    assert client.get(url("detail", consultation)).status_code == 404
    assert not views_of(consultation).exists()


def test_an_unknown_or_malformed_reference_is_404(client, people):
    signed_in(client, people["author"])

    assert client.get(reverse("consultations:detail", args=["ABCD-EFGH-JKMN"])).status_code == 404
    assert client.get("/overleg/not-a-reference/").status_code == 404


def test_a_visitor_who_is_not_logged_in_goes_to_the_login_page(client, consultation):
    response = client.get(url("detail", consultation))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not views_of(consultation).exists()


# Queries for one detail page, whatever the number of signals, advice, colleagues or other consultations
# (sessions in the cache, as in production with Redis):
#   1  the signed-in user
#   2  access: the consultation with its organisation and author; the user's object permissions on it
#   2  the user's permissions, own and via groups (asked by the coordinator check, reused by the navigation)
#   2  audit: the visitor's memberships (on whose behalf), the insert of the view event
#   4  observed signals with their signal; referrals; advice with author and organisation; invited colleagues
#   1  the not-proof passage
#   1  the who-viewed list (the author's only: the invitee and coordinators do not get it)
AUTHOR_QUERIES = 1 + 2 + 2 + 2 + 4 + 1 + 1
INVITEE_QUERIES = 1 + 2 + 2 + 2 + 4 + 1


@pytest.mark.parametrize(("signals", "advice", "others"), [(1, 1, 0), (13, 20, 49)])
def test_the_number_of_queries_does_not_grow(client, people, django_assert_num_queries, signals, advice, others):
    consultation = consultation_make(people["author"], signals=signals, shared_with=[people["police"]])
    for index in range(advice):
        advice_create(consultation=consultation, author=people["police"], text=f"Advies nummer {index}.")
    consultations_make(people["author"], others, signals=1)

    signed_in(client, people["author"])
    with django_assert_num_queries(AUTHOR_QUERIES):
        response = client.get(url("detail", consultation))
    assert response.text.count('class="consultation-advice__item"') == advice
    assert response.text.count('class="consultation-observed__item"') == signals

    client.logout()
    signed_in(client, people["police"])
    with django_assert_num_queries(INVITEE_QUERIES):
        assert client.get(url("detail", consultation)).status_code == 200
