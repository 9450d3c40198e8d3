"""Demo organisations, accounts and consultations for trying the portal (CONTRACT.md).

Idempotent: running it again updates the organisations and accounts and sets
the password on every demo account. Demo accounts are exempt from the MFA
requirement, so the command refuses to run with DEBUG off unless told otherwise.

The demo consultations are made through the real services, so permissions,
invitation mails and audit events are what a user would have caused. Each has a
fixed submission token: a second run finds it and leaves it as the demo users
left it (no second invitation, advice or closing). The command lives in the
consultations app because it uses its services; `portal` knows nothing of
consultations.
"""

import uuid
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consultations.models import (
    AgeBand,
    Consultation,
    ConversationStatus,
    ConversationWith,
    Frequency,
    Knowledge,
    Outcome,
    Period,
    Setting,
)
from consultations.services import (
    SignalObservation,
    consultation_close,
    consultation_create,
    consultation_record_conversation,
    consultation_record_next_steps,
)
from consultations.sharing import advice_create, consultation_invite
from portal.memberships import content_admin_grant, membership_create
from portal.models import Membership, Organisation, OrganisationDomain, User
from portal.roles import Domain, OrganisationKind, Role
from signals.models import ReferralOrganisation, Signal

DEFAULT_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 — documented in the README

# Links in the invitation mails point at the development server of `make run`.
BASE_URL = "http://127.0.0.1:8000/"

# Submission tokens are uuid5(namespace, name): the same on every machine and every run.
TOKEN_NAMESPACE = uuid.UUID("6f1d7c1e-5b0a-4f4e-9d57-2b8a4c3e9a10")


def demo_token(name: str) -> uuid.UUID:
    return uuid.uuid5(TOKEN_NAMESPACE, name)


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


@dataclass(frozen=True)
class DemoSignal:
    slug: str
    since: str
    frequency: str
    note: str = ""


@dataclass(frozen=True)
class DemoConversation:
    status: str
    with_whom: str
    notes: str
    knowledge: str


@dataclass(frozen=True)
class DemoConsultation:
    """One demo consultation and what happened to it, in the order of the flow."""

    name: str
    author: str
    signals: tuple[DemoSignal, ...]
    setting: str
    age_band: str
    facts: str
    concern: str
    question: str
    shared_with: tuple[str, ...] = ()
    advice: tuple[tuple[str, str], ...] = ()  # (e-mail of an invited colleague, advice)
    conversation: DemoConversation | None = None
    next_steps: str = ""
    referrals: tuple[str, ...] = ()  # slugs of referral organisations
    outcome: str = ""
    outcome_notes: str = ""


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

# Written like real notes of Dutch teachers, and anonymous: every text passes the privacy guard
# (tests/portal/test_seed_demo.py runs the guard over all of them).
CONSULTATIONS = [
    DemoConsultation(
        name="docent1-sneakers",
        author="docent1@school-a.example.org",
        signals=(
            DemoSignal(
                "onverklaarbaar-geld-en-dure-spullen",
                Period.MONTHS_1_3,
                Frequency.OFTEN,
                "Nieuwe dure sneakers, een merkjas en een tweede telefoon.",
            ),
            DemoSignal(
                "telefoon-op-ongebruikelijke-tijden",
                Period.MONTHS_1_3,
                Frequency.OFTEN,
                "Wordt tijdens de les gebeld en loopt dan de gang op.",
            ),
            DemoSignal(
                "spijbelen-of-slechtere-schoolprestaties",
                Period.UNDER_MONTH,
                Frequency.SOMETIMES,
                "De laatste weken een paar keer te laat voor het eerste uur.",
            ),
        ),
        setting=Setting.SCHOOL,
        age_band=AgeBand.AGE_15_17,
        facts=(
            "De jongere heeft sinds kort nieuwe dure sneakers en een tweede telefoon. Die tweede telefoon gaat "
            "regelmatig tijdens de les; de jongere loopt dan de klas uit en komt pas na een paar minuten terug. "
            "De cijfers voor de toetsen van deze periode zijn duidelijk lager dan vorig jaar."
        ),
        concern=(
            "Ik maak me zorgen dat de jongere geld verdient met klusjes voor anderen, bijvoorbeeld als koerier. "
            "Van thuis hoor ik weinig; op de ouderavond was niemand."
        ),
        question=(
            "Is dit genoeg om het gesprek aan te gaan? En hoe begin ik dat gesprek zonder dat de jongere "
            "meteen dichtklapt?"
        ),
    ),
    DemoConsultation(
        name="docent1-opgehaald",
        author="docent1@school-a.example.org",
        signals=(
            DemoSignal(
                "omgang-met-criminele-personen",
                Period.MONTHS_1_3,
                Frequency.SOMETIMES,
                "Wordt na schooltijd opgehaald door oudere jongens in een auto.",
            ),
            DemoSignal(
                "laat-thuis-vreemde-tijden",
                Period.MONTHS_1_3,
                Frequency.OFTEN,
                "Vertelt zelf dat hij 's nachts vaak nog buiten is.",
            ),
            DemoSignal(
                "sneller-agressief-of-boos",
                Period.UNDER_MONTH,
                Frequency.SOMETIMES,
                "Reageert fel op kleine opmerkingen van docenten.",
            ),
        ),
        setting=Setting.NEIGHBOURHOOD,
        age_band=AgeBand.AGE_15_17,
        facts=(
            "De jongere wordt een paar keer per week na schooltijd opgehaald door oudere jongens in een auto. "
            "In de klas vertelt hij dat hij 's nachts vaak nog buiten is en overdag moe. Sinds een paar weken "
            "reageert hij fel op kleine opmerkingen, wat hij eerder nooit deed."
        ),
        concern=(
            "Ik vermoed dat de jongere onder druk staat van oudere jongens uit de wijk en misschien wordt "
            "ingezet om spullen rond te brengen. Hij lijkt ook bang."
        ),
        question=(
            "Herkent de wijkagent dit beeld in de wijk rond de school? Wat kan ik als mentor doen, en wanneer "
            "is het verstandig om de politie erbij te betrekken?"
        ),
        shared_with=("wijkagent@politie.example.org",),
        advice=(
            (
                "wijkagent@politie.example.org",
                "Dank voor het delen. Ophalen door oudere jongens in een auto zien we vaker bij jongeren die als "
                "koerier worden ingezet. Mijn advies: ga eerst zelf het gesprek aan vanuit zorg, niet vanuit "
                "verdenking, en vraag door op wat de jongere na school doet. Betrek ook de ouders. Als de jongere "
                "bang lijkt of zich bedreigd voelt, neem dan contact met mij op; dan kijken we samen wat nodig is.",
            ),
        ),
        conversation=DemoConversation(
            status=ConversationStatus.PLANNED,
            with_whom=ConversationWith.YOUNG_PERSON,
            notes="Gesprek gepland met de mentor erbij, na het laatste uur zodat de jongere niet wordt opgehaald.",
            knowledge=Knowledge.ANONYMOUS,
        ),
    ),
    DemoConsultation(
        name="docent3-groepsapp",
        author="docent3@school-b.example.org",
        signals=(
            DemoSignal(
                "geheimzinnig-op-sociale-media",
                Period.MONTHS_1_3,
                Frequency.OFTEN,
                "Klapt de telefoon dicht zodra een volwassene meekijkt.",
            ),
            DemoSignal("stiekeme-omgang-met-nieuwe-vrienden", Period.MONTHS_1_3, Frequency.SOMETIMES),
            DemoSignal(
                "minder-omgang-met-leeftijdsgenoten",
                Period.MONTHS_3_12,
                Frequency.OFTEN,
                "Zit in de pauze niet meer bij de vaste vriendengroep.",
            ),
        ),
        setting=Setting.ONLINE,
        age_band=AgeBand.AGE_12_14,
        facts=(
            "Klasgenoten vertellen dat de jongere in een groepsapp zit waarin snel geld verdienen wordt "
            "aangeboden. De jongere zit in de pauze niet meer bij de vaste vriendengroep en is stiller in de les."
        ),
        concern=(
            "Ik ben bang dat de jongere via sociale media wordt benaderd om voor anderen te werken, en dat de "
            "jongere het zelf niet als risico ziet."
        ),
        question=(
            "Wie heeft ervaring met jongeren die online worden geronseld? Hoe bespreek ik dit met de jongere "
            "en met de ouders?"
        ),
    ),
    DemoConsultation(
        name="docent2-kantine",
        author="docent2@school-a.example.org",
        signals=(
            DemoSignal(
                "onverklaarbaar-geld-en-dure-spullen",
                Period.MONTHS_3_12,
                Frequency.SOMETIMES,
                "Betaalt in de kantine regelmatig voor anderen.",
            ),
            DemoSignal(
                "schulden-afgelost-met-onverklaarbaar-geld",
                Period.MONTHS_1_3,
                Frequency.ONCE,
                "Vertelde dat een schuld bij een klasgenoot ineens was afgelost.",
            ),
        ),
        setting=Setting.SCHOOL,
        age_band=AgeBand.AGE_15_17,
        facts=(
            "De jongere betaalt sinds een paar maanden regelmatig voor anderen in de kantine en vertelde dat "
            "een schuld ineens was afgelost. Op de vraag waar het geld vandaan komt, geeft de jongere een "
            "ontwijkend antwoord."
        ),
        concern=(
            "Ik maak me zorgen dat de jongere geld verdient op een manier die niet deugt, of bij iemand in het "
            "krijt staat."
        ),
        question="Hoe kan ik dit bespreekbaar maken zonder de jongere te beschuldigen?",
        shared_with=("jongerenwerker@jongerenwerk.example.org",),
        advice=(
            (
                "jongerenwerker@jongerenwerk.example.org",
                "Begin bij wat je ziet en vraag open hoe het met de jongere gaat. Jongeren praten vaak "
                "makkelijker tijdens een activiteit dan aan tafel. De jongere is welkom bij ons inloopmoment "
                "in de wijk; daar kunnen wij het contact vasthouden.",
            ),
        ),
        conversation=DemoConversation(
            status=ConversationStatus.HELD,
            with_whom=ConversationWith.BOTH,
            notes=(
                "Het gesprek vond plaats samen met de mentor. De jongere vertelde dat een oudere kennis geld had "
                "geleend en daar klusjes voor terug vroeg. De ouders waren geschrokken en willen meewerken."
            ),
            knowledge=Knowledge.WITH_KNOWLEDGE,
        ),
        next_steps=(
            "De jongere gaat naar het inloopmoment van het jongerenwerk. De ouders hebben het signalenblad voor "
            "ouders gekregen. Over zes weken bespreekt de mentor met de jongere hoe het gaat."
        ),
        referrals=("signalenblad-ouders", "halt"),
        outcome=Outcome.REFERRED,
        outcome_notes="Doorverwezen naar het jongerenwerk; de mentor houdt contact met de jongere en de ouders.",
    ),
]


class Command(BaseCommand):
    help = "Create or update the demo organisations, accounts and consultations (idempotent)."

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
            users = {account.email: self._account(account, organisations, password) for account in ACCOUNTS}
            created = sum(self._consultation(demo, users) for demo in CONSULTATIONS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(ACCOUNTS)} accounts, {len(CONSULTATIONS)} consultations ({created} new)."
            )
        )

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
            return user
        organisation = organisations[account.organisation]
        if not Membership.objects.filter(user=user, organisation=organisation).exists():
            membership_create(
                user=user,
                organisation=organisation,
                role=account.role,
                domain=account.domain,
                coordinated_organisations=[organisations[name] for name in account.coordinates],
            )
        return user

    def _consultation(self, demo: DemoConsultation, users: dict[str, User]) -> bool:
        """Log one demo consultation and play its flow; False if an earlier run already did."""
        token = demo_token(demo.name)
        if Consultation.objects.filter(submission_token=token).exists():
            # Left as the demo users left it: inviting, advising or closing again would
            # add audit events and mails for something that happened once.
            return False
        author = users[demo.author]
        signals = Signal.objects.in_bulk([signal.slug for signal in demo.signals], field_name="slug")
        consultation = consultation_create(
            author=author,
            organisation=author.memberships.get(role=Role.PROFESSIONAL).organisation,
            observations=[
                SignalObservation(signal=signals[s.slug], since=s.since, frequency=s.frequency, note=s.note)
                for s in demo.signals
            ],
            setting=demo.setting,
            age_band=demo.age_band,
            facts=demo.facts,
            concern=demo.concern,
            question=demo.question,
            submission_token=token,
        )
        for email in demo.shared_with:
            consultation_invite(consultation=consultation, invitee=users[email], by=author, base_url=BASE_URL)
        for number, (email, text) in enumerate(demo.advice):
            advice_create(
                consultation=consultation,
                author=users[email],
                text=text,
                submission_token=demo_token(f"{demo.name}/advice/{number}"),
            )
        if demo.conversation:
            consultation = consultation_record_conversation(
                consultation=consultation,
                by=author,
                conversation_status=demo.conversation.status,
                conversation_with=demo.conversation.with_whom,
                conversation_notes=demo.conversation.notes,
                knowledge=demo.conversation.knowledge,
            )
        if demo.next_steps:
            referrals = ReferralOrganisation.objects.filter(slug__in=demo.referrals).order_by("pk")
            consultation = consultation_record_next_steps(
                consultation=consultation, by=author, next_steps=demo.next_steps, referrals=list(referrals)
            )
        if demo.outcome:
            consultation_close(
                consultation=consultation, by=author, outcome=demo.outcome, outcome_notes=demo.outcome_notes
            )
        return True
