"""People, organisations and consultations for the consultation tests.

Everything is made through the real services (memberships, consultation_create,
consultation_invite, consultation_close), so the object permissions and audit
events in a test are the ones a user would get.
"""

import pytest

from consultations.models import Consultation
from consultations.services import SignalObservation, consultation_close, consultation_create
from consultations.sharing import consultation_invite
from portal.memberships import content_admin_grant, membership_create
from portal.models import Organisation, OrganisationDomain
from portal.roles import Domain, OrganisationKind, Role
from signals.models import Signal
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


def consultation_make(author, *, signals=2, shared_with=(), closed=False, **fields):
    """A consultation by `author` through the real services. Traits: `shared_with`, `closed`."""
    organisation = author.memberships.get().organisation
    observations = [
        SignalObservation(signal=signal, since="months_1_3", frequency="sometimes", note="Valt op in de les.")
        for signal in Signal.objects.filter(is_active=True).order_by("order")[:signals]
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
    return Consultation.objects.get(pk=consultation.pk)


@pytest.fixture
def consultation(people):
    """Docent1's consultation, shared with the wijkagent."""
    return consultation_make(people["author"], shared_with=[people["police"]])
