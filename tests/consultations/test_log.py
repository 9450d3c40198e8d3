"""Logging and editing a consultation through the real form (consultations/views.py, consultations/forms.py).

What a professional notices: one consultation per submit, each signal with since
when, how often and its note; every identifying or malformed text refused at its
own field with nothing stored; an edit on a closed consultation changes nothing.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations.forms import ConsultationForm
from consultations.models import Consultation
from consultations.services import consultation_close
from portal.models import AuditEvent
from portal.roles import GROUP_PROFESSIONALS
from signals.models import Signal
from signals.selectors import signal_categories_with_signals
from tests.consultations.conftest import consultation_make, signals_first, signed_in, url, user_make

CREATE_URL = reverse("consultations:create")
VALID_TEXTS = {
    "facts": "De jongere heeft sinds kort dure kleding en twee telefoons.",
    "concern": "Ik maak me zorgen dat een oudere vriend hem gebruikt.",
    "question": "Wat kan ik het beste doen?",
}


pytestmark = pytest.mark.usefixtures("page_settings")


def token_of(response):
    """The one-time submission token the empty form carries."""
    match = re.search(r'name="submission_token" value="([0-9a-f-]{36})"', response.text)
    assert match, "the form has no submission token"
    return match.group(1)


def form_data(chosen, token="", **overrides):
    """What a browser posts: the texts, and for each chosen signal its four fields."""
    data = {"setting": "school", "age_band": "15_17", **VALID_TEXTS, "submission_token": token}
    for signal in chosen:
        data |= {
            f"signal_{signal.pk}": "on",
            f"since_{signal.pk}": "months_1_3",
            f"frequency_{signal.pk}": "often",
            f"note_{signal.pk}": "Valt op in de les.",
        }
    data |= overrides
    return data


def error_at(response, field_id):
    """The error text shown at the field with this id (empty when there is none)."""
    match = re.search(rf'id="{field_id}_error">(.*?)</div>', response.text, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_logging_through_the_form_creates_one_consultation_with_its_signals(author_client, people):
    page = author_client.get(CREATE_URL)
    assert page.status_code == 200
    assert "A signal is not proof" in page.text
    chosen = signals_first(2)
    data = form_data(chosen, token_of(page), **{f"note_{chosen[1].pk}": ""})

    response = author_client.post(CREATE_URL, data, follow=True)

    consultation = Consultation.objects.get()
    assert response.redirect_chain == [(reverse("consultations:detail", args=[consultation.reference]), 302)]
    assert "Your consultation has been saved" in response.text
    assert consultation.author == people["author"]
    assert consultation.organisation.name == "School A"
    assert consultation.facts == VALID_TEXTS["facts"]
    observed = {o.signal: (o.since, o.frequency, o.note) for o in consultation.observed_signals.all()}
    assert observed == {
        chosen[0]: ("months_1_3", "often", "Valt op in de les."),
        chosen[1]: ("months_1_3", "often", ""),
    }
    events = AuditEvent.objects.filter(consultation_reference=consultation.reference)
    assert [(event.action, event.actor) for event in events.exclude(action="view")] == [("create", people["author"])]


def test_a_double_submit_makes_one_consultation(author_client):
    data = form_data(signals_first(1), token_of(author_client.get(CREATE_URL)))

    first = author_client.post(CREATE_URL, data)
    second = author_client.post(CREATE_URL, data)

    assert Consultation.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_unchecked_signals_and_unknown_signals_are_ignored(author_client):
    chosen, unchecked = signals_first(2)
    data = form_data([chosen], token_of(author_client.get(CREATE_URL)))
    # Sub-fields of a signal left unchecked (even identifying or invalid ones) are not looked at, nor stored.
    data |= {f"note_{unchecked.pk}": "Bel 06-12345678", f"since_{unchecked.pk}": "forever", "signal_999999": "on"}

    assert author_client.post(CREATE_URL, data).status_code == 302

    consultation = Consultation.objects.get()
    assert [o.signal for o in consultation.observed_signals.all()] == [chosen]


IDENTIFYING = {
    "a phone number": ("Hij belde met 06-12345678 over een klus.", "06-12345678"),
    "a name": ("Jayden zit sinds de herfstvakantie vaak bij de oudere jongens.", "Jayden"),
    "an e-mail address": (
        "Zijn moeder mailde vanaf jayden.devries@gmail.com over het geld.",
        "jayden.devries@gmail.com",
    ),
}


@pytest.mark.parametrize("kind", IDENTIFYING)
@pytest.mark.parametrize("field", ["facts", "concern", "question", "note"])
def test_identifying_text_is_refused_at_its_field_and_nothing_is_stored(author_client, field, kind):
    chosen = signals_first(1)
    text, finding = IDENTIFYING[kind]
    name = f"note_{chosen[0].pk}" if field == "note" else field
    events_before = AuditEvent.objects.count()

    response = author_client.post(CREATE_URL, form_data(chosen, **{name: text}))

    assert response.status_code == 200
    assert finding in error_at(response, f"id_{name}")
    assert "Nothing has been saved yet" in response.text
    assert Consultation.objects.count() == 0
    assert AuditEvent.objects.count() == events_before


BAD_INPUT = {
    "too long facts": ({"facts": "a" * 2001}, "id_facts", "at most 2000 characters"),
    "too long note": ({"note_SIGNAL": "a" * 501}, "id_note_SIGNAL", "at most 500 characters"),
    "empty facts": ({"facts": ""}, "id_facts", "This field is required"),
    "empty question": ({"question": "   "}, "id_question", "This field is required"),
    "no setting": ({"setting": ""}, "id_setting", "This field is required"),
    "script in concern": ({"concern": "<script>alert(1)</script>"}, "id_concern", "HTML or script tags"),
    "control character in question": ({"question": "Wat nu?\x07"}, "id_question", "invisible control characters"),
    "control character in a note": ({"note_SIGNAL": "Valt op\x07"}, "id_note_SIGNAL", "invisible control characters"),
    "invalid setting": ({"setting": "castle"}, "id_setting", "Select a valid choice"),
    "invalid age band": ({"age_band": "42"}, "id_age_band", "Select a valid choice"),
    "invalid period": ({"since_SIGNAL": "forever"}, "id_since_SIGNAL", "Select a valid choice"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_a_clear_form_error_and_nothing_is_stored(author_client, case):
    chosen = signals_first(1)
    overrides, field_id, message = BAD_INPUT[case]
    overrides = {name.replace("SIGNAL", str(chosen[0].pk)): value for name, value in overrides.items()}

    response = author_client.post(CREATE_URL, form_data(chosen, **overrides))

    assert response.status_code == 200
    assert message in response.text
    assert "Nothing has been saved yet" in response.text
    if field_id.startswith("id_since"):
        assert re.search(rf'for="{field_id.replace("SIGNAL", str(chosen[0].pk))}"', response.text)
    assert Consultation.objects.count() == 0


def test_no_signal_chosen_is_a_clear_error(author_client):
    response = author_client.post(CREATE_URL, form_data([]))

    assert response.status_code == 200
    assert 'id="signals-error"' in response.text
    assert "Choose at least one signal you observed." in response.text
    assert Consultation.objects.count() == 0


def test_what_was_typed_stays_in_the_form_after_an_error(author_client):
    chosen = signals_first(1)
    response = author_client.post(CREATE_URL, form_data(chosen, question=""))

    assert VALID_TEXTS["facts"] in response.text
    assert re.search(rf'name="signal_{chosen[0].pk}"[^>]*checked', response.text)


def test_without_a_professional_membership_the_page_says_why(client, db):
    user = user_make("losse.gebruiker@example.org")
    Group.objects.get(name=GROUP_PROFESSIONALS).user_set.add(user)
    signed_in(client, user)

    response = client.get(CREATE_URL)

    assert response.status_code == 403
    assert "not linked to one as a professional" in response.text


def test_the_form_needs_a_login_and_the_permission(client, people):
    assert client.get(CREATE_URL)["Location"].startswith(reverse("account_login"))
    signed_in(client, people["coordinator"])
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, form_data(signals_first(1))).status_code == 403
    assert Consultation.objects.count() == 0


# --- Edit ----------------------------------------------------------------------------------------------------------


def test_the_author_edits_through_the_same_form(author_client, people):
    consultation = consultation_make(people["author"], signals=1)
    page = author_client.get(url("edit", consultation))
    assert page.status_code == 200
    assert consultation.facts in page.text
    first, second = signals_first(2)
    assert re.search(rf'name="signal_{first.pk}"[^>]*checked', page.text)
    assert not re.search(rf'name="signal_{second.pk}"[^>]*checked', page.text)

    response = author_client.post(url("edit", consultation), form_data([second], facts="Hij heeft nu drie telefoons."))

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.facts == "Hij heeft nu drie telefoons."
    assert [o.signal for o in consultation.observed_signals.all()] == [second]
    assert AuditEvent.objects.filter(
        consultation_reference=consultation.reference, action="edit", actor=people["author"]
    ).exists()


def test_an_edit_with_identifying_text_changes_nothing(author_client, people):
    consultation = consultation_make(people["author"], signals=1)

    response = author_client.post(
        url("edit", consultation), form_data(signals_first(1), facts="Bel hem op 06-12345678.")
    )

    assert response.status_code == 200
    assert "06-12345678" in error_at(response, "id_facts")
    consultation.refresh_from_db()
    assert consultation.facts == VALID_TEXTS["facts"]
    assert not AuditEvent.objects.filter(consultation_reference=consultation.reference, action="edit").exists()


@pytest.mark.parametrize("who", ["police", "colleague", "coordinator", "other_school", "content_admin"])
def test_nobody_but_the_author_can_edit(client, consultation, people, who):
    signed_in(client, people[who])

    assert client.get(url("edit", consultation)).status_code == 404
    assert client.post(url("edit", consultation), form_data(signals_first(1), facts="Anders.")).status_code == 404
    consultation.refresh_from_db()
    assert consultation.facts == VALID_TEXTS["facts"]


def test_an_edit_posted_after_closing_changes_nothing_and_says_so(author_client, people):
    consultation = consultation_make(people["author"], signals=1)
    assert author_client.get(url("edit", consultation)).status_code == 200
    consultation_close(consultation=consultation, by=people["author"], outcome="conversation_enough")

    response = author_client.post(url("edit", consultation), form_data(signals_first(2), facts="Een late wijziging."))

    assert response.status_code == 200
    assert "This consultation has been closed in the meantime; nothing was changed." in response.text
    consultation.refresh_from_db()
    assert consultation.facts == VALID_TEXTS["facts"]
    assert consultation.observed_signals.count() == 1
    assert not AuditEvent.objects.filter(consultation_reference=consultation.reference, action="edit").exists()


def test_opening_the_edit_form_of_a_closed_consultation_says_to_reopen_it(author_client, people):
    consultation = consultation_make(people["author"], closed=True)

    response = author_client.get(url("edit", consultation), follow=True)

    assert response.redirect_chain == [(reverse("consultations:detail", args=[consultation.reference]), 302)]
    assert "This consultation is closed. Reopen it before you change it." in response.text


def test_a_signal_taken_out_of_the_catalogue_is_announced_on_the_edit_form(author_client, people):
    consultation = consultation_make(people["author"], signals=2)
    retired = consultation.observed_signals.first().signal
    Signal.objects.filter(pk=retired.pk).update(is_active=False)

    page = author_client.get(url("edit", consultation)).text

    assert "These signals are no longer in the catalogue." in page
    assert f'name="signal_{retired.pk}"' not in page


def test_a_refusal_by_the_service_lands_at_the_fields_it_names(db):
    """The form shows a service's dict errors where they belong; `signal_note_<pk>` is that signal's note."""
    chosen = signals_first(1)
    form = ConsultationForm(form_data(chosen), categories=signal_categories_with_signals())
    assert form.is_valid(), form.errors

    form.add_service_error(
        ValidationError(
            {
                f"signal_note_{chosen[0].pk}": "note refused",
                "signals": "signal refused",
                "facts": "facts refused",
                "unknown_field": "elsewhere refused",
            }
        )
    )

    assert form.errors[f"note_{chosen[0].pk}"] == ["note refused"]
    assert form.errors["facts"] == ["facts refused"]
    assert form.signal_errors == ["signal refused"]
    assert form.non_field_errors() == ["signal refused", "elsewhere refused"]
