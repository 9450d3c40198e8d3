"""seed_demo as CONTRACT.md describes it: the demo accounts and consultations, idempotent,
password reset on every run."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from consultations.access import consultation_access
from consultations.anonymity import identifying_text_errors
from consultations.management.commands.seed_demo import CONSULTATIONS
from consultations.models import Advice, Consultation, ObservedSignal, Participant
from consultations.services import consultation_reopen
from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Domain, Role

CONTRACT_ACCOUNTS = {
    "docent1@school-a.example.org": ("School A", Role.PROFESSIONAL, Domain.EDUCATION),
    "docent2@school-a.example.org": ("School A", Role.PROFESSIONAL, Domain.EDUCATION),
    "docent3@school-b.example.org": ("School B", Role.PROFESSIONAL, Domain.EDUCATION),
    "wijkagent@politie.example.org": ("Politie basisteam", Role.PROFESSIONAL, Domain.POLICE),
    "jongerenwerker@jongerenwerk.example.org": ("Jongerenwerk", Role.PROFESSIONAL, Domain.YOUTH_WORK),
    "coordinator@gemeente.example.org": ("Gemeente", Role.COORDINATOR, ""),
}


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


def _user(email):
    return User.objects.get(email=email)


def _invitees(consultation):
    return sorted(consultation.participants.values_list("user__email", flat=True))


@pytest.mark.django_db
def test_creates_the_contract_accounts_with_their_roles(debug_on):
    call_command("seed_demo")
    for email, (organisation, role, domain) in CONTRACT_ACCOUNTS.items():
        membership = Membership.objects.get(user__email=email)
        assert (membership.organisation.name, membership.role, membership.domain) == (organisation, role, domain)
    coordinator = Membership.objects.get(user__email="coordinator@gemeente.example.org")
    assert sorted(o.name for o in coordinator.coordinated_organisations.all()) == ["School A", "School B"]
    admin = User.objects.get(email="beheer@portal.example.org")
    assert admin.is_staff and not admin.is_superuser and not admin.memberships.exists()
    assert admin.has_perm("signals.change_signal")
    assert not admin.has_perm("consultations.review_consultation")
    assert User.objects.filter(is_demo=True).count() == 7


@pytest.mark.django_db
def test_creates_the_contract_consultations_with_their_sharing(debug_on):
    call_command("seed_demo")
    docent1, wijkagent = _user("docent1@school-a.example.org"), _user("wijkagent@politie.example.org")

    by_docent1 = Consultation.objects.filter(author=docent1)
    assert by_docent1.count() == 2
    assert all(c.is_open for c in by_docent1)
    unshared = by_docent1.get(participants__isnull=True)
    shared = by_docent1.get(participants__isnull=False)
    assert _invitees(shared) == ["wijkagent@politie.example.org"]
    # The wijkagent is a participant: may view and advise, and did advise.
    assert consultation_access(wijkagent, shared).can_advise
    assert list(shared.advice.values_list("author__email", flat=True)) == ["wijkagent@politie.example.org"]
    # Shared with nobody really means nobody outside the author and School A's coordinator.
    assert not consultation_access(wijkagent, unshared).can_view
    assert not consultation_access(_user("docent2@school-a.example.org"), unshared).can_view
    assert consultation_access(_user("coordinator@gemeente.example.org"), unshared).is_reviewer

    by_docent3 = Consultation.objects.get(author__email="docent3@school-b.example.org")
    assert by_docent3.is_open and by_docent3.organisation.name == "School B"

    closed = Consultation.objects.get(status=Consultation.Status.CLOSED)
    assert closed.author.email == "docent2@school-a.example.org"
    assert closed.outcome and closed.closed_at and closed.next_steps and closed.referrals.exists()
    assert Consultation.objects.count() == len(CONSULTATIONS) == 4
    assert all(c.observed_signals.exists() for c in Consultation.objects.all())


@pytest.mark.django_db
def test_demo_texts_pass_the_privacy_guard():
    """A demo that trips its own guard would teach the wrong lesson (and fail to seed)."""
    for demo in CONSULTATIONS:
        texts = {
            "facts": demo.facts,
            "concern": demo.concern,
            "question": demo.question,
            "next_steps": demo.next_steps,
            "outcome_notes": demo.outcome_notes,
            "conversation": demo.conversation.notes if demo.conversation else "",
            **{f"note {signal.slug}": signal.note for signal in demo.signals},
            **{f"advice {number}": text for number, (_, text) in enumerate(demo.advice)},
        }
        assert identifying_text_errors(texts) == {}, demo.name


@pytest.mark.django_db
def test_is_idempotent_and_resets_every_password(debug_on, django_capture_on_commit_callbacks):
    # Invitation mails leave after the commit; run those callbacks as a real commit would.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    counts = (
        Consultation.objects.count(),
        ObservedSignal.objects.count(),
        Participant.objects.count(),
        Advice.objects.count(),
    )
    events = sorted(AuditEvent.objects.values_list("action", flat=True))
    invitation_mails = len(mail.outbox)
    assert invitation_mails == 2

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--password", "een-ander-wachtwoord-42")

    assert User.objects.count() == 7
    assert Membership.objects.count() == 6
    assert Organisation.objects.count() == 5
    assert all(user.check_password("een-ander-wachtwoord-42") for user in User.objects.all())
    assert counts == (
        Consultation.objects.count(),
        ObservedSignal.objects.count(),
        Participant.objects.count(),
        Advice.objects.count(),
    )
    assert sorted(AuditEvent.objects.values_list("action", flat=True)) == events
    assert AuditEvent.objects.filter(action=AuditEvent.Action.INVITE).count() == 2
    assert len(mail.outbox) == invitation_mails


@pytest.mark.django_db
def test_a_consultation_the_demo_users_changed_is_left_alone(debug_on):
    """The second run finds the closed consultation by its token and does not close it again."""
    call_command("seed_demo")
    closed = Consultation.objects.get(status=Consultation.Status.CLOSED)
    consultation_reopen(consultation=closed, by=closed.author)
    call_command("seed_demo")
    closed.refresh_from_db()
    assert closed.is_open
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CLOSE).count() == 1


@pytest.mark.django_db
def test_demo_teacher_logs_in_with_the_default_password(debug_on, client):
    call_command("seed_demo")
    response = client.post(
        "/accounts/login/", {"login": "docent1@school-a.example.org", "password": "demo-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refusing"):
        call_command("seed_demo")
    assert not User.objects.exists()
    assert not Consultation.objects.exists()


@pytest.mark.django_db
def test_runs_with_debug_off_when_told_to(settings):
    settings.DEBUG = False
    call_command("seed_demo", "--allow-production")
    assert Consultation.objects.count() == 4
