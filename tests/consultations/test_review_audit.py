"""The coordinator's audit trail: events about the organisations they coordinate, and nothing else."""

import pytest
from django.urls import reverse

from consultations.sharing import advice_create
from portal.audit import audit_record
from portal.models import AuditEvent
from tests.consultations.conftest import consultation_make, consultations_make, signed_in

pytestmark = pytest.mark.usefixtures("page_settings")


def audit(client, **params):
    return client.get(reverse("consultations:review_audit"), params)


def listed(response):
    """(action, reference) of each event on the page."""
    return [(event.action, event.consultation_reference) for event in response.context["page"].object_list]


def rows(response):
    """The HTML of each row of the trail's table."""
    body = response.text[response.text.index("<tbody") : response.text.index("</tbody>")]
    return body.split("</tr>")[:-1]


def viewed_by(user, consultation):
    """A view event as the detail page records it."""
    return audit_record(
        action=AuditEvent.Action.VIEW,
        actor=user,
        consultation_reference=consultation.reference,
        organisation=consultation.organisation,
    )


def test_coordinator_sees_who_viewed_a_consultation_of_a_coordinated_organisation(client, people):
    consultation = consultation_make(people["author"], shared_with=[people["police"]])
    viewed_by(people["police"], consultation)

    response = audit(signed_in(client, people["coordinator"]))

    assert response.status_code == 200
    assert ("view", consultation.reference) in listed(response)
    assert ("create", consultation.reference) in listed(response)
    assert ("invite", consultation.reference) in listed(response)
    row = next(row for row in rows(response) if ">Viewed</td>" in row)
    assert "Dirk Visser &lt;wijkagent@politie.example.org&gt;" in row
    assert "Politie basisteam" in row
    assert consultation.reference in row and "School A" in row


def test_events_of_organisations_not_coordinated_are_not_shown(client, people):
    youth_work = consultation_make(people["youth_worker"])
    viewed_by(people["youth_worker"], youth_work)
    school_a = consultation_make(people["author"])

    coordinator = audit(signed_in(client, people["coordinator"]))
    assert youth_work.reference not in coordinator.text
    assert ("create", school_a.reference) in listed(coordinator)


def test_other_coordinator_sees_only_school_b_events(client, people):
    school_a = consultation_make(people["author"])
    school_b = consultation_make(people["other_school"])

    response = audit(signed_in(client, people["other_coordinator"]))

    assert listed(response) == [("create", school_b.reference)]
    assert school_a.reference not in response.text


def test_the_trail_never_shows_case_text(client, people):
    consultation = consultation_make(people["author"], shared_with=[people["police"]])
    advice_create(consultation=consultation, author=people["police"], text="Ga eerst rustig het gesprek aan.")

    response = audit(signed_in(client, people["coordinator"]))

    assert ("advise", consultation.reference) in listed(response)
    for case_text in (
        consultation.facts,
        consultation.concern,
        consultation.question,
        "Valt op in de les",
        "Ga eerst rustig het gesprek aan.",
    ):
        assert case_text not in response.text


def test_filter_by_reference_and_action(client, people):
    first = consultation_make(people["author"], shared_with=[people["police"]])
    second = consultation_make(people["author"])
    viewed_by(people["police"], first)
    client = signed_in(client, people["coordinator"])

    assert {reference for _, reference in listed(audit(client, reference=second.reference))} == {second.reference}
    # References are matched whatever the case and surrounding spaces.
    assert listed(audit(client, reference=f"  {first.reference.lower()} ", action="view")) == [
        ("view", first.reference)
    ]
    assert {action for action, _ in listed(audit(client, action="create"))} == {"create"}
    assert len(listed(audit(client, action="create"))) == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"reference": "abc"}, "A reference has three groups of four letters or digits"),
        ({"reference": "<script>alert(1)</script>"}, "Ensure this value has at most 14 characters"),
        ({"reference": "ABCD-EFGH-JK\x00M"}, "Null characters are not allowed."),
        ({"action": "drop table"}, "Select a valid choice."),
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, people, params, message):
    consultation = consultation_make(people["author"])

    response = audit(signed_in(client, people["coordinator"]), **params)

    assert response.status_code == 200
    assert message in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert ("create", consultation.reference) in listed(response)


def test_an_unknown_reference_gives_an_empty_trail(client, people):
    consultation_make(people["author"])
    response = audit(signed_in(client, people["coordinator"]), reference="ZZZZ-ZZZZ-ZZZZ")
    assert response.status_code == 200
    assert listed(response) == []
    assert "No events match these filters." in response.text


def test_the_trail_is_paginated_by_fifty_keeping_the_filters(client, people):
    consultations_make(people["author"], 51, signals=1)
    client = signed_in(client, people["coordinator"])

    first = audit(client, action="create", page="zzz")
    assert len(listed(first)) == 50
    assert "Page 1 of 2" in first.text
    assert 'href="?action=create&amp;page=2"' in first.text
    assert len(listed(audit(client, action="create", page=2))) == 1


# The audit trail for a coordinator, whatever the number of events:
#   1  the signed-in user (the session is in the cache)
#   2  the user's permissions (own and via groups), for @permission_required and the navigation
#   1  the paginator's count (coordinated organisations are a subquery, not a separate query)
#   1  the page of events (names are copied onto each event, so nothing is joined per row)
AUDIT_QUERIES = 1 + 2 + 1 + 1


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_does_not_grow_with_the_events(client, people, django_assert_num_queries, count):
    consultations_make(people["author"], count)
    client = signed_in(client, people["coordinator"])

    with django_assert_num_queries(AUDIT_QUERIES):
        response = audit(client)

    assert len(listed(response)) == count
