"""seed_demo as CONTRACT.md describes it: the demo accounts, idempotent, password reset on every run."""

import pytest
from django.core.management import CommandError, call_command

from portal.models import Membership, Organisation, User
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
def test_is_idempotent_and_resets_every_password(debug_on):
    call_command("seed_demo")
    call_command("seed_demo", "--password", "een-ander-wachtwoord-42")
    assert User.objects.count() == 7
    assert Membership.objects.count() == 6
    assert Organisation.objects.count() == 5
    assert all(user.check_password("een-ander-wachtwoord-42") for user in User.objects.all())


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
