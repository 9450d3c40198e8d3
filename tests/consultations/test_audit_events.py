"""Every service appends one audit event: the action, who did it, on behalf of which
organisation (the actor's own), and whose consultation it concerns — never case text."""

import pytest
from django.core.exceptions import ValidationError

from consultations.models import Participant
from consultations.services import (
    SignalObservation,
    consultation_close,
    consultation_record_conversation,
    consultation_record_next_steps,
    consultation_reopen,
    consultation_update,
)
from consultations.sharing import advice_create, consultation_invite, consultation_withdraw
from portal.audit import audit_events_for_consultation
from portal.models import AuditEvent
from signals.models import ReferralOrganisation, Signal
from tests.consultations.conftest import BASE_URL, consultation_make

Action = AuditEvent.Action

# Distinctive case texts: none of them, nor a recognisable piece of one, may reach the trail.
FACTS = "Kauwgomautomaat leeggehaald met onbekend muntgeld"
CONCERN = "Zorgwekkend patroon rond fietsenstalling achterzijde"
QUESTION = "Welke aanpak adviseert het zorgteam hierbij"
NOTE = "Opvallend nieuwe koptelefoon tijdens gymles"
ADVICE = "Adviseer een rustig gesprek tijdens mentoruur"
CONVERSATION = "Gesprek verliep moeizaam maar eerlijk uiteindelijk"
NEXT_STEPS = "Mentoraat volgt wekelijks samen met zorgcoördinator"
OUTCOME_NOTES = "Afgesloten nadat ondersteuning binnen afdeling startte"
CASE_TEXTS = [FACTS, CONCERN, QUESTION, NOTE, ADVICE, CONVERSATION, NEXT_STEPS, OUTCOME_NOTES]


def _last(consultation):
    return audit_events_for_consultation(consultation.reference).first()


def _observations():
    signal = Signal.objects.filter(is_active=True).order_by("order").first()
    return [SignalObservation(signal=signal, since="months_1_3", frequency="often", note=NOTE)]


def _assert_event(event, action, actor, acting_organisation, consultation):
    assert event.action == action
    assert event.actor == actor
    assert event.actor_name == f"{actor.get_full_name()} <{actor.email}>"
    assert (event.acting_organisation, event.acting_organisation_name) == (
        acting_organisation,
        acting_organisation.name,
    )
    assert (event.consultation_reference, event.organisation, event.organisation_name) == (
        consultation.reference,
        consultation.organisation,
        consultation.organisation.name,
    )


@pytest.mark.django_db
def test_create(people, orgs):
    consultation = consultation_make(people["author"])
    _assert_event(_last(consultation), Action.CREATE, people["author"], orgs["school_a"], consultation)
    assert audit_events_for_consultation(consultation.reference).count() == 1


@pytest.mark.django_db
def test_edit(people, orgs):
    consultation = consultation_make(people["author"])
    consultation_update(
        consultation=consultation,
        by=people["author"],
        observations=_observations(),
        setting="school",
        age_band="12_14",
        facts=FACTS,
        concern=CONCERN,
        question=QUESTION,
    )
    _assert_event(_last(consultation), Action.EDIT, people["author"], orgs["school_a"], consultation)


@pytest.mark.django_db
def test_invite_names_the_colleague(people, orgs):
    consultation = consultation_make(people["author"])
    consultation_invite(consultation=consultation, invitee=people["police"], by=people["author"], base_url=BASE_URL)
    event = _last(consultation)
    _assert_event(event, Action.INVITE, people["author"], orgs["school_a"], consultation)
    assert event.detail == str(people["police"])


@pytest.mark.django_db
def test_withdraw_names_the_colleague(consultation, people, orgs):
    participant = Participant.objects.get(consultation=consultation, user=people["police"])
    consultation_withdraw(participant=participant, by=people["author"])
    event = _last(consultation)
    _assert_event(event, Action.WITHDRAW, people["author"], orgs["school_a"], consultation)
    assert event.detail == str(people["police"])


@pytest.mark.django_db
def test_advice_is_on_behalf_of_the_advisers_own_organisation(consultation, people, orgs):
    """The wijkagent advises on School A's consultation on behalf of the police, not of School A."""
    advice_create(consultation=consultation, author=people["police"], text=ADVICE)
    _assert_event(_last(consultation), Action.ADVISE, people["police"], orgs["politie"], consultation)


@pytest.mark.django_db
def test_conversation(consultation, people, orgs):
    consultation_record_conversation(
        consultation=consultation,
        by=people["author"],
        conversation_status="held",
        conversation_with="young_person",
        conversation_notes=CONVERSATION,
        knowledge="with_knowledge",
    )
    _assert_event(_last(consultation), Action.CONVERSATION, people["author"], orgs["school_a"], consultation)


@pytest.mark.django_db
def test_next_steps(consultation, people, orgs):
    consultation_record_next_steps(
        consultation=consultation,
        by=people["author"],
        next_steps=NEXT_STEPS,
        referrals=list(ReferralOrganisation.objects.filter(is_active=True)[:2]),
    )
    _assert_event(_last(consultation), Action.NEXT_STEPS, people["author"], orgs["school_a"], consultation)


@pytest.mark.django_db
def test_close_records_the_outcome_not_the_notes(consultation, people, orgs):
    consultation_close(consultation=consultation, by=people["author"], outcome="referred", outcome_notes=OUTCOME_NOTES)
    event = _last(consultation)
    _assert_event(event, Action.CLOSE, people["author"], orgs["school_a"], consultation)
    assert event.detail == "referred"


@pytest.mark.django_db
def test_reopen(people, orgs):
    consultation = consultation_make(people["author"], closed=True)
    consultation_reopen(consultation=consultation, by=people["author"])
    _assert_event(_last(consultation), Action.REOPEN, people["author"], orgs["school_a"], consultation)


@pytest.mark.django_db
def test_a_refused_write_leaves_no_event(people):
    """A save the privacy guard refuses did not happen, so the trail does not say it did."""
    consultation = consultation_make(people["author"])
    before = audit_events_for_consultation(consultation.reference).count()
    with pytest.raises(ValidationError):
        advice_create(consultation=consultation, author=people["police"], text="Bel de moeder op 06-12345678")
    assert audit_events_for_consultation(consultation.reference).count() == before


@pytest.mark.django_db
def test_the_whole_flow_in_order_and_no_case_text_in_any_column(people):
    author, police = people["author"], people["police"]
    consultation = consultation_make(author, facts=FACTS, concern=CONCERN, question=QUESTION)
    consultation_update(
        consultation=consultation,
        by=author,
        observations=_observations(),
        setting="school",
        age_band="15_17",
        facts=FACTS,
        concern=CONCERN,
        question=QUESTION,
    )
    participant = consultation_invite(consultation=consultation, invitee=police, by=author, base_url=BASE_URL)
    advice_create(consultation=consultation, author=police, text=ADVICE)
    consultation_withdraw(participant=participant, by=author)
    consultation_record_conversation(
        consultation=consultation,
        by=author,
        conversation_status="held",
        conversation_with="both",
        conversation_notes=CONVERSATION,
        knowledge="anonymous",
    )
    consultation_record_next_steps(consultation=consultation, by=author, next_steps=NEXT_STEPS, referrals=[])
    consultation_close(consultation=consultation, by=author, outcome="referred", outcome_notes=OUTCOME_NOTES)
    consultation_reopen(consultation=consultation, by=author)

    events = list(audit_events_for_consultation(consultation.reference).order_by("created_at", "pk"))
    assert [event.action for event in events] == [
        Action.CREATE,
        Action.EDIT,
        Action.INVITE,
        Action.ADVISE,
        Action.WITHDRAW,
        Action.CONVERSATION,
        Action.NEXT_STEPS,
        Action.CLOSE,
        Action.REOPEN,
    ]
    columns = [field.attname for field in AuditEvent._meta.concrete_fields]
    stored = " ".join(str(value) for row in AuditEvent.objects.values_list(*columns) for value in row)
    for text in CASE_TEXTS:
        # The whole text, and each of its words longer than four letters (no fragment leaks either).
        assert text not in stored
        for word in (word for word in text.split() if len(word) > 4):
            assert word not in stored, word
