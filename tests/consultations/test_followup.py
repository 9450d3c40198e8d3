"""Following up a consultation through the pages: the conversation, next steps, closing, reopening.

Each step goes through its real form and service; asserted is what the author or
an auditor would notice: what is stored, the audit event, the message on the
page, and that a refused or stale form stores nothing.
"""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from portal.models import AuditEvent
from signals.models import ConversationTip, ReferralOrganisation
from tests.consultations.conftest import client_for, consultation_make, consultations_make, events, reload, url

pytestmark = pytest.mark.usefixtures("page_settings")


def referral(slug):
    return ReferralOrganisation.objects.get(slug=slug)


CONVERSATION = {
    "conversation_status": "held",
    "conversation_with": "young_person",
    "conversation_notes": "De jongere vertelde open over de oudere vrienden en wil hulp.",
    "knowledge": "with_knowledge",
}


# --- Conversation -----------------------------------------------------------------------------------------


def test_conversation_page_shows_the_six_tips(author_client, consultation):
    response = author_client.get(url("conversation", consultation))
    assert response.status_code == 200
    tips = ConversationTip.objects.prefetch_related("points")
    assert tips.count() == 6
    for tip in tips:
        assert escape(tip.title) in response.text
        for point in tip.points.all():
            assert escape(point.text) in response.text
    # The form comes first in the page, so on a phone the tips follow it.
    assert response.text.index('name="conversation_status"') < response.text.index(escape(tips[0].title))


def test_conversation_through_the_form(author_client, consultation, people):
    response = author_client.post(url("conversation", consultation), CONVERSATION)
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    stored = reload(consultation)
    assert stored.conversation_status == "held"
    assert stored.conversation_with == "young_person"
    assert stored.conversation_notes == CONVERSATION["conversation_notes"]
    assert stored.knowledge == "with_knowledge"
    assert events(consultation, AuditEvent.Action.CONVERSATION).filter(actor=people["author"]).count() == 1
    # The form shows what was recorded.
    page = author_client.get(url("conversation", consultation)).text
    assert CONVERSATION["conversation_notes"] in page
    assert re.search(r'value="held"[^>]*checked', page) and re.search(r'value="with_knowledge"[^>]*checked', page)


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"conversation_with": ""}, "Say with whom the conversation took place."),
        ({"conversation_notes": "Gesprek met Kevin de Boer en zijn moeder."}, "“Kevin de Boer” looks like a name."),
        ({"conversation_notes": "Moeder is bereikbaar op 06-12345678."}, "looks like a phone number"),
        ({"conversation_notes": "<b>Goed</b> gesprek."}, "The text contains HTML or script tags."),
        ({"conversation_notes": "Goed\x07 gesprek."}, "The text contains invisible control characters."),
        ({"conversation_notes": "x" * 2001}, "Ensure this value has at most 2000 characters"),
        ({"conversation_status": "maybe"}, "Select a valid choice."),
        ({"conversation_with": "the_neighbour"}, "Select a valid choice."),
        ({"knowledge": "everyone"}, "Select a valid choice."),
    ],
)
def test_conversation_refused_stores_nothing(author_client, consultation, changes, shown):
    response = author_client.post(url("conversation", consultation), {**CONVERSATION, **changes})
    assert response.status_code == 200
    assert shown in response.text
    stored = reload(consultation)
    assert (stored.conversation_status, stored.conversation_notes, stored.knowledge) == ("not_yet", "", "anonymous")
    assert not events(consultation, AuditEvent.Action.CONVERSATION).exists()


# --- Next steps -------------------------------------------------------------------------------------------


def test_next_steps_page_shows_the_referral_catalogue(author_client, consultation):
    response = author_client.get(url("next_steps", consultation))
    assert response.status_code == 200
    for organisation in ReferralOrganisation.objects.filter(is_active=True):
        assert f'value="{organisation.pk}"' in response.text
        if organisation.url:
            assert f'href="{organisation.url}"' in response.text
    assert reverse("signals:parents") in response.text  # the parents' sheet is the portal's own page
    assert "Parents and carers" in response.text  # grouped by audience


def test_next_steps_through_the_form(author_client, consultation, people):
    data = {
        "next_steps": "Doorverwezen naar Halt; over twee weken een vervolggesprek met de jongere.",
        "referrals": [referral("halt").pk, referral("drugskompas").pk],
    }
    response = author_client.post(url("next_steps", consultation), data)
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    stored = reload(consultation)
    assert stored.next_steps == data["next_steps"]
    assert set(stored.referrals.values_list("slug", flat=True)) == {"halt", "drugskompas"}
    assert events(consultation, AuditEvent.Action.NEXT_STEPS).filter(actor=people["author"]).count() == 1
    page = author_client.get(url("next_steps", consultation)).text
    assert len(re.findall(r'name="referrals" value="\d+"[^>]*checked', page)) == 2


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"next_steps": "Afspraak met Kevin de Boer volgende week."}, "“Kevin de Boer” looks like a name."),
        ({"next_steps": "Contact via kevin.deboer@gmail.com."}, "looks like an e-mail address"),
        ({"next_steps": "<a href=x>link</a>"}, "The text contains HTML or script tags."),
        ({"referrals": ["999999"]}, "One of the chosen organisations is no longer in the catalogue."),
        ({"referrals": ["halt"]}, "is not a valid value"),
    ],
)
def test_next_steps_refused_stores_nothing(author_client, consultation, changes, shown):
    data = {"next_steps": "Vervolggesprek over twee weken.", "referrals": [referral("fier").pk], **changes}
    response = author_client.post(url("next_steps", consultation), data)
    assert response.status_code == 200
    assert shown in response.text
    stored = reload(consultation)
    assert stored.next_steps == "" and not stored.referrals.exists()
    assert not events(consultation, AuditEvent.Action.NEXT_STEPS).exists()


def test_a_referral_no_longer_in_the_catalogue_is_refused(author_client, consultation):
    fier = referral("fier")
    fier.is_active = False
    fier.save()
    response = author_client.post(url("next_steps", consultation), {"next_steps": "", "referrals": [fier.pk]})
    assert response.status_code == 200
    assert "One of the chosen organisations is no longer in the catalogue." in response.text
    assert not reload(consultation).referrals.exists()


# --- Close and reopen -------------------------------------------------------------------------------------


def test_close_page_explains_the_retention_term(author_client, consultation, settings):
    settings.PORTAL_RETENTION_CLOSED_DAYS = 200
    response = author_client.get(url("close", consultation))
    assert response.status_code == 200
    assert "deleted 200 days after closing" in response.text
    assert "Until then you can reopen it." in response.text
    # The inactivity outcome is the retention job's, not the author's.
    assert 'value="closed_inactive"' not in response.text


def test_close_and_reopen_through_the_forms(author_client, consultation, people):
    data = {"outcome": "referred", "outcome_notes": "Doorverwezen naar Halt."}
    response = author_client.post(url("close", consultation), data)
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    stored = reload(consultation)
    assert stored.status == "closed" and stored.closed_at is not None
    assert (stored.outcome, stored.outcome_notes) == ("referred", "Doorverwezen naar Halt.")
    close_event = events(consultation, AuditEvent.Action.CLOSE).get()
    assert close_event.actor == people["author"] and close_event.detail == "referred"
    page = author_client.get(url("close", consultation)).text
    assert "This consultation is closed and will be deleted on" in page

    assert author_client.get(url("reopen", consultation)).status_code == 405
    response = author_client.post(url("reopen", consultation))
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    stored = reload(consultation)
    assert stored.status == "open" and stored.closed_at is None and stored.outcome == ""
    assert events(consultation, AuditEvent.Action.REOPEN).filter(actor=people["author"]).count() == 1


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        ({"outcome": "", "outcome_notes": ""}, "This field is required."),
        ({"outcome": "closed_inactive", "outcome_notes": ""}, "Select a valid choice."),
        ({"outcome": "whatever", "outcome_notes": ""}, "Select a valid choice."),
        ({"outcome": "no_concern", "outcome_notes": "Besproken met Kevin de Boer."}, "looks like a name"),
        ({"outcome": "no_concern", "outcome_notes": "Woont op Dorpsstraat 12."}, "looks like"),
        ({"outcome": "no_concern", "outcome_notes": "x" * 2001}, "Ensure this value has at most 2000 characters"),
    ],
)
def test_close_refused_stores_nothing(author_client, consultation, data, shown):
    response = author_client.post(url("close", consultation), data)
    assert response.status_code == 200
    assert shown in response.text
    stored = reload(consultation)
    assert stored.status == "open" and stored.outcome == "" and stored.outcome_notes == ""
    assert not events(consultation, AuditEvent.Action.CLOSE).exists()


def test_reopen_of_an_open_consultation_changes_nothing(author_client, consultation):
    before = reload(consultation)
    response = author_client.post(url("reopen", consultation), follow=True)
    assert response.status_code == 200
    assert "This consultation is already open." in response.text
    after = reload(consultation)
    assert after.updated_at == before.updated_at and after.last_activity_at == before.last_activity_at
    assert not events(consultation, AuditEvent.Action.REOPEN).exists()


# --- Stale forms: the consultation was closed after the form was opened -----------------------------------


@pytest.mark.parametrize(
    ("name", "data", "action"),
    [
        ("conversation", CONVERSATION, AuditEvent.Action.CONVERSATION),
        ("next_steps", {"next_steps": "Vervolggesprek.", "referrals": []}, AuditEvent.Action.NEXT_STEPS),
        ("close", {"outcome": "no_concern", "outcome_notes": ""}, AuditEvent.Action.CLOSE),
    ],
)
def test_posts_after_closing_change_nothing(author_client, people, name, data, action):
    closed = consultation_make(people["author"], closed=True)
    before = reload(closed)
    response = author_client.post(url(name, closed), data)
    assert response.status_code == 200
    assert "This consultation has been closed in the meantime; nothing was changed. Reopen it first." in response.text
    after = reload(closed)
    assert after.updated_at == before.updated_at
    assert (after.conversation_status, after.next_steps, after.outcome) == ("not_yet", "", "conversation_enough")
    assert events(closed, action).count() == (1 if action == AuditEvent.Action.CLOSE else 0)
    # The page offers to reopen instead of the form.
    assert reverse("consultations:reopen", kwargs={"reference": closed.reference}) in response.text


@pytest.mark.parametrize("name", ["conversation", "next_steps", "close"])
def test_follow_up_pages_of_a_closed_consultation_offer_reopening(author_client, people, name):
    closed = consultation_make(people["author"], closed=True)
    response = author_client.get(url(name, closed))
    assert response.status_code == 200
    assert "Reopen consultation" in response.text
    assert 'type="radio"' not in response.text and "<textarea" not in response.text


@pytest.mark.parametrize("name", ["conversation", "next_steps", "close", "reopen"])
def test_an_invited_colleague_cannot_follow_up(consultation, people, name):
    client = client_for(people["police"])
    if name != "reopen":
        assert client.get(url(name, consultation)).status_code == 404
    assert client.post(url(name, consultation), {"outcome": "no_concern", **CONVERSATION}).status_code == 404
    stored = reload(consultation)
    assert stored.status == "open" and stored.conversation_status == "not_yet"


# --- Queries ----------------------------------------------------------------------------------------------

# Every follow-up page, GET (8 in all): the logged-in user (1); the consultation with organisation and author (1); the
# user's object permissions on it (1); the review permission check: user and group permissions (2);
# observed signals with their signal (1); the view recorded in the audit trail: the actor's memberships
# (1) and the insert (1). Then per page:
# - conversation: the guidance texts (1), the tips (1) and their sub-points (1);
# - next steps: the active referral organisations (1), the chosen ones (1), the "where else" text (1);
# - close: nothing more.
FOLLOW_UP_QUERIES = {"conversation": 11, "next_steps": 11, "close": 8}


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("name", FOLLOW_UP_QUERIES)
def test_follow_up_page_queries_do_not_grow(people, django_assert_num_queries, name, count):
    consultations_make(people["author"], count, signals=1, shared_with=[people["police"]])
    consultation = consultation_make(people["author"], signals=min(count, 13), shared_with=[people["police"]])
    client = client_for(people["author"])
    with django_assert_num_queries(FOLLOW_UP_QUERIES[name]):
        response = client.get(url(name, consultation))
    assert response.status_code == 200
