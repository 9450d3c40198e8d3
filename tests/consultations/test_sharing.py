"""Consulting colleagues through the pages: inviting, withdrawing, advising.

Every write goes through the real forms and services; what is asserted is what
the author, the invited colleague or an auditor would notice: who can see the
consultation, the e-mail, the advice, the audit trail.
"""

import re

import pytest

from consultations.access import consultation_access
from consultations.models import Advice, Participant
from consultations.sharing import advice_create, consultation_invite
from portal.memberships import membership_create
from portal.models import AuditEvent
from portal.roles import Role
from tests.consultations.conftest import (
    BASE_URL,
    client_for,
    consultation_make,
    consultations_make,
    events,
    url,
    user_make,
)

FACTS = "De jongere heeft sinds kort dure kleding en twee telefoons."
CONCERN = "Ik maak me zorgen dat een oudere vriend hem gebruikt."
QUESTION = "Wat kan ik het beste doen?"


pytestmark = pytest.mark.usefixtures("page_settings")


@pytest.fixture
def police_client(people):
    """The wijkagent, invited to `consultation` by the conftest."""
    return client_for(people["police"])


# --- Inviting ---------------------------------------------------------------------------------------------


def test_invite_page_offers_own_organisation_and_partners_in_other_domains(author_client, consultation):
    response = author_client.get(url("invite", consultation))
    assert response.status_code == 200
    text = response.text
    offered = re.search(r"Choose the colleague you want to invite.*?</fieldset>", text, re.S).group(0)
    assert "Bram Bakker" in offered and "School A · Education" in offered
    assert "Eva Smit" in offered and "Jongerenwerk · Youth work" in offered
    for not_offered in ("Cem Yilmaz", "Fatima El Amrani", "Gert Mulder", "Hans Beheer", "Anna de Vries"):
        assert not_offered not in offered
    # The wijkagent is already invited: listed with a withdraw button, not offered again.
    assert "Dirk Visser" not in offered
    assert "Dirk Visser" in text and "Withdraw invitation" in text
    assert "e-mail with only a link" in text


def test_the_invite_page_shows_the_summary_and_is_a_read_in_the_audit_trail(author_client, consultation, people):
    response = author_client.get(url("invite", consultation))
    assert response.status_code == 200
    assert events(consultation, AuditEvent.Action.VIEW).filter(actor=people["author"]).count() == 1


def test_invite_through_the_form_mails_a_link_only(
    author_client, consultation, people, mailoutbox, django_capture_on_commit_callbacks
):
    youth_worker = people["youth_worker"]
    assert not consultation_access(youth_worker, consultation).can_view
    with django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(url("invite", consultation), {"invitee": youth_worker.pk})
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    assert Participant.objects.filter(consultation=consultation, user=youth_worker).exists()
    assert events(consultation, AuditEvent.Action.INVITE).filter(detail="Eva Smit").count() == 1

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [youth_worker.email]
    assert f"http://testserver{url('detail', consultation)}" in mail.body
    for case_text in (FACTS, CONCERN, QUESTION, "telefoons", "oudere vriend"):
        assert case_text not in mail.body and case_text not in mail.subject

    # The colleague can now open it and advise.
    access = consultation_access(youth_worker, consultation)
    assert access.can_view and access.can_advise
    youth_worker_client = client_for(youth_worker)
    assert youth_worker_client.get(url("detail", consultation)).status_code == 200
    assert youth_worker_client.get(url("advise", consultation)).status_code == 200
    # The author sees the message on the detail page's redirect.
    assert "Eva Smit has been invited" in author_client.get(url("detail", consultation)).text


@pytest.mark.parametrize("who", ["other_school", "coordinator", "other_coordinator", "content_admin", "author"])
def test_forged_invite_of_someone_not_invitable_is_refused(author_client, consultation, people, mailoutbox, who):
    response = author_client.post(url("invite", consultation), {"invitee": people[who].pk})
    assert response.status_code == 200
    assert "Choose one of the colleagues in the list." in response.text
    assert not Participant.objects.filter(consultation=consultation, user=people[who]).exists()
    assert not events(consultation, AuditEvent.Action.INVITE).exclude(detail="Dirk Visser").exists()
    assert mailoutbox == []
    assert not consultation_access(people[who], consultation).can_advise


@pytest.mark.parametrize("value", ["", "abc", "999999", "<script>"])
def test_invite_with_nonsense_is_refused(author_client, consultation, value):
    response = author_client.post(url("invite", consultation), {"invitee": value})
    assert response.status_code == 200
    assert consultation.participants.count() == 1


def test_invite_twice_is_refused(author_client, consultation, people):
    response = author_client.post(url("invite", consultation), {"invitee": people["police"].pk})
    assert response.status_code == 200
    assert "Choose one of the colleagues in the list." in response.text
    assert consultation.participants.count() == 1


def test_invite_on_a_closed_consultation_changes_nothing(author_client, people, mailoutbox):
    closed = consultation_make(people["author"], closed=True)
    page = author_client.get(url("invite", closed))
    assert "This consultation is closed. Reopen it before inviting colleagues." in page.text
    assert 'name="invitee"' not in page.text
    # A form opened before the consultation was closed.
    response = author_client.post(url("invite", closed), {"invitee": people["colleague"].pk})
    assert response.status_code == 200
    assert "This consultation is closed; reopen it before inviting colleagues." in response.text
    assert not closed.participants.exists()
    assert not events(closed, AuditEvent.Action.INVITE).exists()
    assert mailoutbox == []


@pytest.mark.parametrize("who", ["police", "colleague", "coordinator"])
def test_only_the_author_invites(consultation, people, who):
    client = client_for(people[who])
    assert client.get(url("invite", consultation)).status_code == 404
    response = client.post(url("invite", consultation), {"invitee": people["youth_worker"].pk})
    assert response.status_code == 404
    assert consultation.participants.count() == 1


# --- Withdrawing ------------------------------------------------------------------------------------------


def test_withdraw_removes_access_at_once(author_client, police_client, consultation, people):
    participant = consultation.participants.get()
    assert police_client.get(url("advise", consultation)).status_code == 200
    response = author_client.post(url("withdraw", consultation, participant_id=participant.pk))
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    assert not consultation.participants.exists()
    assert events(consultation, AuditEvent.Action.WITHDRAW).filter(detail="Dirk Visser").count() == 1
    assert police_client.get(url("advise", consultation)).status_code == 404
    assert police_client.get(url("detail", consultation)).status_code == 404
    assert not consultation_access(people["police"], consultation).can_view


def test_withdraw_needs_a_post(author_client, consultation):
    participant = consultation.participants.get()
    assert author_client.get(url("withdraw", consultation, participant_id=participant.pk)).status_code == 405
    assert consultation.participants.exists()


def test_withdraw_of_another_consultations_participant_is_404(author_client, consultation, people):
    other = consultation_make(people["author"], shared_with=[people["youth_worker"]])
    foreign = other.participants.get()
    response = author_client.post(url("withdraw", consultation, participant_id=foreign.pk))
    assert response.status_code == 404
    assert other.participants.exists() and consultation.participants.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.WITHDRAW).exists()


def test_an_invitee_cannot_withdraw(police_client, consultation):
    participant = consultation.participants.get()
    assert police_client.post(url("withdraw", consultation, participant_id=participant.pk)).status_code == 404
    assert consultation.participants.exists()


# --- Advice -----------------------------------------------------------------------------------------------


def test_advise_page_shows_the_consultation_escaped(police_client, people):
    consultation = consultation_make(
        people["author"], shared_with=[people["police"]], facts="Eerste regel & meer.\nTweede regel."
    )
    response = police_client.get(url("advise", consultation))
    assert response.status_code == 200
    assert "Eerste regel &amp; meer.<br>Tweede regel." in response.text
    assert CONCERN in response.text and QUESTION in response.text
    assert "Valt op in de les." in response.text
    assert 'name="submission_token"' in response.text
    assert events(consultation, AuditEvent.Action.VIEW).filter(actor=people["police"]).count() == 1


def test_advice_through_the_form(police_client, consultation, people):
    page = police_client.get(url("advise", consultation))
    token = re.search(r'name="submission_token" value="([0-9a-f-]+)"', page.text).group(1)
    data = {"text": "Ga eerst met de jongere in gesprek en betrek daarna de ouders.", "submission_token": token}
    response = police_client.post(url("advise", consultation), data)
    assert response.status_code == 302
    assert response["Location"] == url("detail", consultation)
    advice = Advice.objects.get(consultation=consultation)
    assert advice.author == people["police"] and advice.text == data["text"]
    assert events(consultation, AuditEvent.Action.ADVISE).filter(actor=people["police"]).count() == 1
    # The same form submitted again (a double click, a reload) stores nothing new.
    assert police_client.post(url("advise", consultation), data).status_code == 302
    assert Advice.objects.filter(consultation=consultation).count() == 1
    assert events(consultation, AuditEvent.Action.ADVISE).count() == 1
    # Earlier advice is shown to the next adviser.
    assert data["text"] in police_client.get(url("advise", consultation)).text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Bel zijn moeder op 06-12345678 voor overleg.", "“06-12345678” looks like a phone number."),
        ("Mail de vader via kevin.deboer@gmail.com.", "“kevin.deboer@gmail.com” looks like an e-mail address."),
        ("Ik heb Kevin de Boer hier eerder over gesproken.", "“Kevin de Boer” looks like a name."),
        ("<script>alert(1)</script> Praat met hem.", "The text contains HTML or script tags."),
        ("Praat met hem\u200b over school.", "The text contains invisible control characters."),
        ("Praat met hem. " * 150, "Ensure this value has at most 2000 characters"),
        ("   ", "This field is required."),
    ],
)
def test_advice_that_is_identifying_or_malformed_is_refused(police_client, consultation, text, shown):
    response = police_client.post(url("advise", consultation), {"text": text})
    assert response.status_code == 200
    assert shown in response.text
    assert not Advice.objects.exists()
    assert not events(consultation, AuditEvent.Action.ADVISE).exists()


@pytest.mark.parametrize("who", ["colleague", "other_school", "youth_worker", "coordinator", "author"])
def test_only_invited_colleagues_advise(consultation, people, who):
    client = client_for(people[who])
    assert client.get(url("advise", consultation)).status_code == 404
    assert client.post(url("advise", consultation), {"text": "Goed idee."}).status_code == 404
    assert not Advice.objects.exists()


def test_advice_on_a_closed_consultation_is_refused(police_client, people):
    closed = consultation_make(people["author"], shared_with=[people["police"]], closed=True)
    page = police_client.get(url("advise", closed))
    assert page.status_code == 200
    assert "This consultation is closed; no more advice can be added." in page.text
    assert 'name="text"' not in page.text
    response = police_client.post(url("advise", closed), {"text": "Praat eerst met de jongere."})
    assert response.status_code == 200
    assert "This consultation has been closed in the meantime; your advice was not added." in response.text
    assert not Advice.objects.exists()


# --- Queries ----------------------------------------------------------------------------------------------


def colleagues_make(organisation, count):
    """`count` more professionals at `organisation`, all invitable."""
    colleagues = []
    for number in range(count):
        colleague = user_make(f"collega{number}@school-a.example.org", first_name="Collega", last_name=str(number))
        membership_create(user=colleague, organisation=organisation, role=Role.PROFESSIONAL)
        colleagues.append(colleague)
    return colleagues


# Invite page, GET: the logged-in user (1); the consultation with organisation and author (1); the user's
# object permissions on it (1); the review permission check behind coordinated_organisation_ids:
# user and group permissions (2); observed signals with their signal (1); the invited colleagues (1)
# with their memberships (1) and organisations (1); the invitable colleagues (1) with their
# memberships (1) and organisations (1); the view recorded in the audit trail: the actor's
# memberships (1) and the insert (1).
INVITE_QUERIES = 14


@pytest.mark.parametrize("count", [1, 50])
def test_invite_page_queries_do_not_grow(people, orgs, django_assert_num_queries, count):
    consultations_make(people["author"], count, signals=1, shared_with=[people["police"]])
    consultation = consultation_make(people["author"])
    colleagues = colleagues_make(orgs["school_a"], 2 * count)
    for colleague in colleagues[:count]:
        consultation_invite(consultation=consultation, invitee=colleague, by=people["author"], base_url=BASE_URL)
    client = client_for(people["author"])
    with django_assert_num_queries(INVITE_QUERIES):
        response = client.get(url("invite", consultation))
    assert response.status_code == 200
    assert response.text.count('name="invitee"') == count + 3  # the rest, plus Bram, the wijkagent and Eva
    assert response.text.count("Withdraw invitation") == count


# Advise page, GET: the logged-in user (1); consultation (1); object permissions (1); review permission
# check (2); observed signals (1); the view recorded in the audit trail: the actor's memberships (1)
# and the insert (1); the advice with its authors (1); the "not proof" guidance text (1).
ADVISE_QUERIES = 10


@pytest.mark.parametrize(("others", "advice"), [(1, 1), (50, 20)])
def test_advise_page_queries_do_not_grow(people, django_assert_num_queries, others, advice):
    consultations_make(people["author"], others, signals=1, shared_with=[people["police"]])
    consultation = consultation_make(people["author"], shared_with=[people["police"], people["youth_worker"]])
    for number in range(advice):
        advice_create(consultation=consultation, author=people["youth_worker"], text=f"Advies nummer {number}.")
    client = client_for(people["police"])
    with django_assert_num_queries(ADVISE_QUERIES):
        response = client.get(url("advise", consultation))
    assert response.status_code == 200
    assert f"Advies nummer {advice - 1}." in response.text
