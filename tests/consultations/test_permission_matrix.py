"""The permission matrix: every consultation URL × every kind of user, with the expected answer.

Need to know (DESIGN.md rule 2): a consultation is seen by its author, the colleagues
the author invited and, read-only, the coordinators of the author's organisation —
by nobody else, and "nobody else" gets the same 404 as for a consultation that does
not exist. Refused requests change nothing, not even the audit trail.
"""

import re
import uuid

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from consultations.models import (
    Advice,
    Consultation,
    ConsultationUserObjectPermission,
    ObservedSignal,
    Participant,
)
from portal.models import AuditEvent, User
from portal.roles import Domain
from signals.models import ReferralOrganisation, Signal
from tests.conftest import in_language
from tests.consultations.conftest import _professional, consultation_make, login
from tests.portal.conftest import PASSWORD

LOGIN = "login"  # anonymous: redirected to the login page

# ---------------------------------------------------------------------------------------------
# Per consultation. The consultation is docent1's (School A), shared with the wijkagent;
# `reopen` is asked of a closed one, also shared with the wijkagent. GET, except the two
# POST-only URLs (withdraw: the wijkagent's invitation; reopen).
# ---------------------------------------------------------------------------------------------
URLS = ("detail", "edit", "invite", "withdraw", "advise", "conversation", "next_steps", "close", "reopen")
POST_ONLY = {"withdraw", "reopen"}

# fmt: off
MATRIX = {
    #                      detail edit invite withdraw advise conver next  close reopen
    "author":              (200,  200, 200,   302,     404,   200,   200,  200,  302),
    "invitee":             (200,  404, 404,   404,     200,   404,   404,  404,  404),
    "colleague":           (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "other_school":        (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "uninvited_police":    (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "uninvited_partner":   (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "coordinator":         (200,  404, 404,   404,     404,   404,   404,  404,  404),
    "other_coordinator":   (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "content_admin":       (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "superuser":           (404,  404, 404,   404,     404,   404,   404,  404,  404),
    "anonymous":           (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
}
# fmt: on

# ---------------------------------------------------------------------------------------------
# The lists. Who sees the consultation's reference on which list is in WHO_SEES below.
# ---------------------------------------------------------------------------------------------
LIST_URLS = ("list", "shared", "review", "review_audit", "statistics", "statistics_export")

# fmt: off
LISTS = {
    #                      list  shared review audit stats export
    "author":              (200,  200,  403,   403,  403,  403),
    "invitee":             (200,  200,  403,   403,  403,  403),
    "colleague":           (200,  200,  403,   403,  403,  403),
    "other_school":        (200,  200,  403,   403,  403,  403),
    "uninvited_police":    (200,  200,  403,   403,  403,  403),
    "uninvited_partner":   (200,  200,  403,   403,  403,  403),
    "coordinator":         (403,  200,  200,   200,  200,  200),
    "other_coordinator":   (403,  200,  200,   200,  200,  200),
    "content_admin":       (403,  200,  403,   403,  403,  403),
    "superuser":           (200,  200,  200,   200,  200,  200),
    "anonymous":           (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
}
# fmt: on

# On a list a role may open, the reference shows for these roles only.
WHO_SEES = {
    "list": {"author"},
    "shared": {"invitee"},
    "review": {"coordinator"},
    "review_audit": {"coordinator"},
}

assert all(len(row) == len(URLS) for row in MATRIX.values())
assert all(len(row) == len(LIST_URLS) for row in LISTS.values())
assert MATRIX.keys() == LISTS.keys()

# A well-formed reference that belongs to no consultation.
MISSING = "ZZZZ-ZZZZ-ZZZZ"


def _cases(table, urls, keep=lambda expected: True):
    return [
        pytest.param(role, url, expected, id=f"{role}-{url}")
        for role, row in table.items()
        for url, expected in zip(urls, row, strict=True)
        if keep(expected)
    ]


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    # The matrix is about consultations, not about the second factor (tests/portal/test_mfa.py).
    settings.PORTAL_REQUIRE_MFA = False


@pytest.fixture
def actors(people, orgs):
    """One user per row of the matrix; the wijkagent is the invitee, a second police officer is not."""
    return {
        "author": people["author"],
        "invitee": people["police"],
        "colleague": people["colleague"],
        "other_school": people["other_school"],
        "uninvited_police": _professional(
            "wijkagent2@politie.example.org", orgs["politie"], "Ilse", "Koster", Domain.POLICE
        ),
        "uninvited_partner": people["youth_worker"],
        "coordinator": people["coordinator"],
        "other_coordinator": people["other_coordinator"],
        "content_admin": people["content_admin"],
        "superuser": User.objects.create_superuser("root@portal.example.org", PASSWORD),
        "anonymous": None,
    }


@pytest.fixture
def closed_consultation(people):
    return consultation_make(people["author"], shared_with=[people["police"]], closed=True)


def _client_as(user):
    # A fresh client per role: no session or rate-limit state carries over between rows.
    client = in_language(Client(), "en")
    if user is not None:
        client.force_login(user)
    return client


def _path(url, reference, consultation=None):
    if url == "withdraw":
        participant = Participant.objects.filter(consultation=consultation).first()
        participant_id = participant.pk if participant else 1
        return reverse("consultations:withdraw", args=[reference, participant_id])
    return reverse(f"consultations:{url}", args=[reference])


def _request(client, url, path, data=None):
    if url in POST_ONLY or data is not None:
        return client.post(path, data or {})
    return client.get(path)


def _assert_status(response, expected, path):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == expected


def _snapshot(consultation):
    """Everything a write could change, including who may see it and the audit trail."""
    return {
        "consultation": Consultation.objects.filter(pk=consultation.pk).values().get(),
        "signals": list(ObservedSignal.objects.filter(consultation=consultation).order_by("pk").values()),
        "referrals": sorted(Consultation.objects.get(pk=consultation.pk).referrals.values_list("pk", flat=True)),
        "participants": list(Participant.objects.filter(consultation=consultation).order_by("pk").values()),
        "advice": list(Advice.objects.filter(consultation=consultation).order_by("pk").values()),
        "permissions": sorted(
            ConsultationUserObjectPermission.objects.filter(content_object=consultation).values_list(
                "user_id", "permission__codename"
            )
        ),
        "audit": list(
            AuditEvent.objects.filter(consultation_reference=consultation.reference).order_by("pk").values_list("pk")
        ),
    }


@pytest.mark.django_db
def test_a_real_login_reaches_the_consultation(client, consultation, people):
    """The matrix below uses force_login; this proves the real login form leads to the same page."""
    in_language(client, "en")
    assert login(client, people["author"].email).status_code == 302
    assert client.get(reverse("consultations:detail", args=[consultation.reference])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "url", "expected"), _cases(MATRIX, URLS))
def test_per_consultation(actors, consultation, closed_consultation, role, url, expected):
    target = closed_consultation if url == "reopen" else consultation
    path = _path(url, target.reference, target)
    before = _snapshot(target)

    response = _request(_client_as(actors[role]), url, path)

    _assert_status(response, expected, path)
    if expected in (404, LOGIN):
        assert _snapshot(target) == before, "a refused request changed the consultation or its audit trail"
    elif url == "withdraw":
        assert not Participant.objects.filter(consultation=target).exists()
    elif url == "reopen":
        target.refresh_from_db()
        assert target.is_open


def _valid_form(url, consultation, actors):
    """A POST each form would accept: a refusal is then the guard's doing, not the form's."""
    signal = Signal.objects.filter(is_active=True).order_by("order").first()
    forms = {
        "edit": {
            "setting": "neighbourhood",
            "age_band": "12_14",
            "facts": "De jongere hangt na school rond bij de snackbar met oudere jongens.",
            "concern": "Ik ben bang dat de jongere wordt meegezogen.",
            "question": "Wie kan hier meedenken?",
            f"signal_{signal.pk}": "on",
            f"since_{signal.pk}": "months_1_3",
            f"frequency_{signal.pk}": "often",
            f"note_{signal.pk}": "Vaak tot laat buiten.",
            "submission_token": str(uuid.uuid4()),
        },
        "invite": {"invitee": actors["uninvited_partner"].pk},
        "advise": {"text": "Ga eerst rustig het gesprek aan, vanuit zorg.", "submission_token": str(uuid.uuid4())},
        "conversation": {
            "conversation_status": "held",
            "conversation_with": "young_person",
            "conversation_notes": "Het gesprek verliep rustig.",
            "knowledge": "with_knowledge",
        },
        "next_steps": {
            "next_steps": "De mentor volgt het wekelijks.",
            "referrals": [ReferralOrganisation.objects.filter(is_active=True).first().pk],
        },
        "close": {"outcome": "referred", "outcome_notes": "Doorverwezen naar het jongerenwerk."},
    }
    return forms[url]


FORM_URLS = ("edit", "invite", "advise", "conversation", "next_steps", "close")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [case for case in _cases(MATRIX, URLS) if case.values[1] in FORM_URLS],
)
def test_posting_a_form(actors, consultation, role, url, expected):
    """Guards hold for POST as well as GET: where the page opens, a valid POST saves and
    redirects to the consultation; everywhere else it is refused and nothing changes."""
    path = _path(url, consultation.reference)
    before = _snapshot(consultation)

    response = _request(_client_as(actors[role]), url, path, _valid_form(url, consultation, actors))

    if expected == 200:
        assert response.status_code == 302
        assert response.url == reverse("consultations:detail", args=[consultation.reference])
        assert _snapshot(consultation) != before
    else:
        _assert_status(response, expected, path)
        assert _snapshot(consultation) == before, "a refused POST changed the consultation or its audit trail"


def _normalised(response, reference):
    """The page without what differs by request anyway: the reference typed in the URL (echoed
    in the language switch) and the per-render CSRF mask."""
    body = response.content.decode().replace(reference, "REFERENCE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', body)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "url", "expected"), _cases(MATRIX, URLS, keep=lambda expected: expected == 404))
def test_forbidden_and_missing_look_the_same(actors, consultation, closed_consultation, role, url, expected):
    """404, not 403, and the very same page: a response must not reveal that the case exists."""
    target = closed_consultation if url == "reopen" else consultation
    client = _client_as(actors[role])

    forbidden = _request(client, url, _path(url, target.reference, target))
    missing = _request(client, url, _path(url, MISSING, target))

    assert forbidden.status_code == missing.status_code == 404
    assert _normalised(forbidden, target.reference) == _normalised(missing, MISSING)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "url", "expected"), _cases(LISTS, LIST_URLS))
def test_lists(actors, consultation, role, url, expected):
    path = reverse(f"consultations:{url}")
    response = _client_as(actors[role]).get(path)

    _assert_status(response, expected, path)
    if expected == 200 and url in WHO_SEES:
        shows_it = consultation.reference in response.content.decode()
        assert shows_it == (role in WHO_SEES[url]), f"{role} {'sees' if shows_it else 'misses'} it on {url}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["content_admin", "superuser"])
def test_consultations_are_not_in_the_admin(actors, consultation, role):
    """Separation of duties: not even a superuser reads consultations through /beheer/."""
    client = _client_as(actors[role])
    assert client.get("/beheer/").status_code == 200
    assert "/beheer/consultations/" not in client.get("/beheer/").content.decode()
    assert client.get("/beheer/consultations/").status_code == 404
    for model in apps.get_app_config("consultations").get_models():
        changelist = f"/beheer/consultations/{model._meta.model_name}/"
        assert client.get(changelist).status_code == 404, changelist
        assert client.get(f"{changelist}{consultation.pk}/change/").status_code == 404, changelist
