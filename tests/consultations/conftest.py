"""People, organisations and consultations for the consultation tests.

Everything is made through the real services (memberships, consultation_create,
consultation_invite, consultation_close), so the object permissions and audit
events in a test are the ones a user would get.
"""

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import Consultation
from consultations.services import SignalObservation, consultation_close, consultation_create
from consultations.sharing import consultation_invite
from portal.memberships import content_admin_grant, membership_create
from portal.models import AuditEvent, Organisation, OrganisationDomain
from portal.roles import Domain, OrganisationKind, Role
from signals.models import Signal
from tests.conftest import in_language
from tests.portal.conftest import PASSWORD, login, user_make  # noqa: F401  (re-exported for tests)

BASE_URL = "http://testserver/"


def _organisation(name, kind, domain):
    organisation = Organisation.objects.create(name=name, kind=kind)
    OrganisationDomain.objects.create(organisation=organisation, domain=domain)
    return organisation


@pytest.fixture
def orgs(db):
    """School A, School B, Politie basisteam, Jongerenwerk and Gemeente, by short name."""
    return {
        "school_a": _organisation("School A", OrganisationKind.SCHOOL, "school-a.example.org"),
        "school_b": _organisation("School B", OrganisationKind.SCHOOL, "school-b.example.org"),
        "politie": _organisation("Politie basisteam", OrganisationKind.POLICE, "politie.example.org"),
        "jongerenwerk": _organisation("Jongerenwerk", OrganisationKind.YOUTH_WORK, "jongerenwerk.example.org"),
        "gemeente": _organisation("Gemeente", OrganisationKind.MUNICIPALITY, "gemeente.example.org"),
    }


def _professional(email, organisation, first_name, last_name, domain=""):
    user = user_make(email, first_name=first_name, last_name=last_name)
    membership_create(user=user, organisation=organisation, role=Role.PROFESSIONAL, domain=domain)
    return user


@pytest.fixture
def people(orgs):
    """One user per row of the permission matrix (consultations are authored by `author`)."""
    author = _professional("docent1@school-a.example.org", orgs["school_a"], "Anna", "de Vries")
    colleague = _professional("docent2@school-a.example.org", orgs["school_a"], "Bram", "Bakker")
    other_school = _professional("docent3@school-b.example.org", orgs["school_b"], "Cem", "Yilmaz")
    police = _professional("wijkagent@politie.example.org", orgs["politie"], "Dirk", "Visser", Domain.POLICE)
    youth_worker = _professional(
        "jongerenwerker@jongerenwerk.example.org", orgs["jongerenwerk"], "Eva", "Smit", Domain.YOUTH_WORK
    )
    coordinator = user_make("coordinator@gemeente.example.org", first_name="Fatima", last_name="El Amrani")
    membership_create(
        user=coordinator,
        organisation=orgs["gemeente"],
        role=Role.COORDINATOR,
        coordinated_organisations=[orgs["school_a"], orgs["school_b"]],
    )
    other_coordinator = user_make("coordinator@school-b.example.org", first_name="Gert", last_name="Mulder")
    membership_create(
        user=other_coordinator,
        organisation=orgs["school_b"],
        role=Role.COORDINATOR,
        coordinated_organisations=[orgs["school_b"]],
    )
    content_admin = content_admin_grant(
        user=user_make("beheer@portal.example.org", first_name="Hans", last_name="Beheer")
    )
    return {
        "author": author,
        "colleague": colleague,
        "other_school": other_school,
        "police": police,
        "youth_worker": youth_worker,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "content_admin": content_admin,
    }


def signals_first(count):
    """The first `count` active signals, in the order of the Signalenblad."""
    return list(Signal.objects.filter(is_active=True).order_by("order")[:count])


def consultation_make(author, *, signals=2, shared_with=(), closed=False, **fields):
    """A consultation by `author` through the real services. Traits: `shared_with`, `closed`."""
    organisation = author.memberships.get().organisation
    observations = [
        SignalObservation(signal=signal, since="months_1_3", frequency="sometimes", note="Valt op in de les.")
        for signal in signals_first(signals)
    ]
    values = {
        "setting": "school",
        "age_band": "15_17",
        "facts": "De jongere heeft sinds kort dure kleding en twee telefoons.",
        "concern": "Ik maak me zorgen dat een oudere vriend hem gebruikt.",
        "question": "Wat kan ik het beste doen?",
        **fields,
    }
    consultation = consultation_create(author=author, organisation=organisation, observations=observations, **values)
    for invitee in shared_with:
        consultation_invite(consultation=consultation, invitee=invitee, by=author, base_url=BASE_URL)
    if closed:
        consultation = consultation_close(consultation=consultation, by=author, outcome="conversation_enough")
    return reload(consultation)


def consultations_make(author, count, **traits):
    """`count` consultations by `author`, each made like `consultation_make(author, **traits)`."""
    return [consultation_make(author, **traits) for _ in range(count)]


def reload(consultation):
    """The consultation as now stored."""
    return Consultation.objects.get(pk=consultation.pk)


@pytest.fixture
def consultation(people):
    """Docent1's consultation, shared with the wijkagent."""
    return consultation_make(people["author"], shared_with=[people["police"]])


# --- The pages --------------------------------------------------------------------------------------------


@pytest.fixture
def page_settings(settings):
    """Settings for tests of the pages; a module asks for it with `pytestmark = pytest.mark.usefixtures(...)`.

    The MFA requirement has its own tests (tests/portal/test_mfa.py). Sessions live in the cache, as in
    production with Redis, so query counts do not depend on the session backend."""
    settings.PORTAL_REQUIRE_MFA = False
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"


def signed_in(client, user):
    """`client` logged in as `user` through the real login form, asking for English pages."""
    in_language(client, "en")
    assert login(client, user.email).status_code == 302
    return client


def client_for(user):
    """A browser of its own for `user` (next to the `client` fixture), signed in."""
    return signed_in(Client(), user)


@pytest.fixture
def author_client(client, people):
    return signed_in(client, people["author"])


def url(name, consultation, **kwargs):
    """The page `name` of `consultation` (consultations/urls.py)."""
    return reverse(f"consultations:{name}", kwargs={"reference": consultation.reference, **kwargs})


def events(consultation, action):
    """The audit events of `action` about `consultation`."""
    return AuditEvent.objects.filter(consultation_reference=consultation.reference, action=action)
