"""Demo organisations and accounts for trying the portal (CONTRACT.md).

Idempotent: running it again updates what exists and sets the password on
every demo account. Demo accounts are exempt from the MFA requirement, so the
command refuses to run with DEBUG off unless told otherwise.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.memberships import content_admin_grant, membership_create
from portal.models import Membership, Organisation, OrganisationDomain, User
from portal.roles import Domain, OrganisationKind, Role

DEFAULT_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 — documented in the README


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: str
    domain: str


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    organisation: str | None
    role: str | None
    domain: str = ""
    coordinates: tuple[str, ...] = ()


ORGANISATIONS = [
    DemoOrganisation("School A", OrganisationKind.SCHOOL, "school-a.example.org"),
    DemoOrganisation("School B", OrganisationKind.SCHOOL, "school-b.example.org"),
    DemoOrganisation("Politie basisteam", OrganisationKind.POLICE, "politie.example.org"),
    DemoOrganisation("Jongerenwerk", OrganisationKind.YOUTH_WORK, "jongerenwerk.example.org"),
    DemoOrganisation("Gemeente", OrganisationKind.MUNICIPALITY, "gemeente.example.org"),
]

ACCOUNTS = [
    DemoAccount("docent1@school-a.example.org", "Anouk", "de Vries", "School A", Role.PROFESSIONAL, Domain.EDUCATION),
    DemoAccount("docent2@school-a.example.org", "Bram", "Jansen", "School A", Role.PROFESSIONAL, Domain.EDUCATION),
    DemoAccount("docent3@school-b.example.org", "Chantal", "Bakker", "School B", Role.PROFESSIONAL, Domain.EDUCATION),
    DemoAccount(
        "wijkagent@politie.example.org", "Dennis", "Visser", "Politie basisteam", Role.PROFESSIONAL, Domain.POLICE
    ),
    DemoAccount(
        "jongerenwerker@jongerenwerk.example.org",
        "Esra",
        "Yilmaz",
        "Jongerenwerk",
        Role.PROFESSIONAL,
        Domain.YOUTH_WORK,
    ),
    DemoAccount(
        "coordinator@gemeente.example.org",
        "Femke",
        "Smit",
        "Gemeente",
        Role.COORDINATOR,
        coordinates=("School A", "School B"),
    ),
    DemoAccount("beheer@portal.example.org", "Gert", "Mulder", None, None),
]


class Command(BaseCommand):
    help = "Create or update the demo organisations and accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Password for every demo account.")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off (demo accounts skip MFA and share one password).",
        )

    def handle(self, *args, password, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "seed_demo creates accounts with a shared password and without MFA; "
                "refusing with DEBUG off (pass --allow-production to insist)."
            )
        with transaction.atomic():
            organisations = self._organisations()
            for account in ACCOUNTS:
                self._account(account, organisations, password)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(ACCOUNTS)} accounts."))

    def _organisations(self):
        organisations = {}
        for demo in ORGANISATIONS:
            organisation, _ = Organisation.objects.update_or_create(name=demo.name, defaults={"kind": demo.kind})
            OrganisationDomain.objects.update_or_create(domain=demo.domain, defaults={"organisation": organisation})
            organisations[demo.name] = organisation
        return organisations

    def _account(self, account, organisations, password):
        user, _ = User.objects.update_or_create(
            email=account.email,
            defaults={"first_name": account.first_name, "last_name": account.last_name, "is_demo": True},
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.organisation is None:
            content_admin_grant(user=user)
            return
        organisation = organisations[account.organisation]
        if not Membership.objects.filter(user=user, organisation=organisation).exists():
            membership_create(
                user=user,
                organisation=organisation,
                role=account.role,
                domain=account.domain,
                coordinated_organisations=[organisations[name] for name in account.coordinates],
            )
