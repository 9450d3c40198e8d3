"""The Signalenblad's content is in the database after `migrate`, in Dutch and English."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from signals import guidance
from signals.models import (
    ConversationTip,
    ConversationTipPoint,
    GuidanceText,
    ReferralOrganisation,
    Signal,
    SignalCategory,
)

seed_migration = importlib.import_module("signals.migrations.0002_seed_content")

NOT_PROOF_NL = (
    "Wanneer één of meer signalen spelen bij een jongere, betekent dat natuurlijk niet meteen dat er sprake is van "
    "betrokkenheid bij ondermijnende drugscriminaliteit. De signalen dienen vooral als aandachtspunt en zijn "
    "aanleiding om open het gesprek met een jongere en eventueel diens sociale netwerk aan te gaan."
)

TIP_3_POINTS_NL = [
    "Geef aan welke signalen je waarneemt en waarom je je zorgen maakt",
    "Vraag of de signalen herkenbaar zijn",
    "Vraag concreet collegiaal advies (wat kan ik het beste doen): niet elke jongere is immers hetzelfde",
    "Benoem eventueel dat je de betreffende signalen en mogelijke vervolgstappen (anoniem of samen met de jongere) "
    "wilt bespreken of hebt besproken",
]

# slug -> (a word in the Dutch name, kind, audience, expected address)
REFERRALS = {
    "halt": ("Halt", "organisation", "everyone", "https://www.halt.nl/"),
    "halt-infoblad-ondermijningsaanpak": (
        "Infoblad",
        "document",
        "professionals",
        "https://www.halt.nl/storage/uploads/d2e18878-dd02-4ba3-8e4b-580f2e3544de/Ondermijning-Infoblad.pdf",
    ),
    "halt-kennisclip-ondermijning": ("kennisclip", "video", "professionals", "https://lnkd.in/eHsQSP2Z"),
    "fier": ("Fier", "organisation", "everyone", "http://www.fier.nl/ik-zoek-hulp"),
    "drugskompas": ("Drugskompas", "website", "everyone", "http://www.drugskompas.nl/"),
    "beslisboom-drugscriminaliteit-op-school": (
        "Beslisboom",
        "document",
        "schools",
        "https://veiligheidscoalitie.nl/apothekerskast/georganiseerde-ondermijnende-crim/straatwaarden2/",
    ),
    "niet-pluis-document": (
        "Niet Pluis",
        "document",
        "schools",
        "https://www.schoolenveiligheid.nl/wp-content/uploads/2020/08/Niet-pluis-gevoel-DEFnov2019.pdf",
    ),
    "stichting-school-en-veiligheid": (
        "School & Veiligheid",
        "organisation",
        "schools",
        "https://www.schoolenveiligheid.nl/",
    ),
    "dealen-met-drugs-verhalen": ("Dealen met drugs", "website", "everyone", "https://dealenmetdrugs.nl/verhalen/"),
    "signalenblad-ouders": ("ouders en opvoeders", "document", "parents", ""),
}


def assert_translated(obj, *fields):
    for field in fields:
        dutch, english = getattr(obj, f"{field}_nl"), getattr(obj, f"{field}_en")
        assert dutch and english, f"{obj!r}.{field} lacks a language"
        assert dutch != english, f"{obj!r}.{field} is not translated: {dutch!r}"
        assert getattr(obj, field) == dutch or getattr(obj, field) == english


@pytest.mark.django_db
def test_the_thirteen_signals_in_four_categories_in_both_languages():
    signals = list(Signal.objects.order_by("order"))
    assert len(signals) == 13
    assert [signal.order for signal in signals] == list(range(1, 14))
    assert signals[0].description_nl == (
        "Zonder uitleg laat thuis, vaker van huis gaan of op vreemde tijdstippen weg moeten"
    )
    assert signals[12].description_nl == "Op ongebruikelijke tijdstippen telefoon of berichten krijgen"
    assert len({signal.slug for signal in signals}) == 13
    for signal in signals:
        assert_translated(signal, "title", "description")
        assert signal.is_active
    assert SignalCategory.objects.count() == 4
    for category in SignalCategory.objects.all():
        assert_translated(category, "name", "description")
        assert category.signals.exists()


@pytest.mark.django_db
def test_six_conversation_tips_and_the_four_points_of_tip_three():
    tips = list(ConversationTip.objects.order_by("number"))
    assert [tip.number for tip in tips] == [1, 2, 3, 4, 5, 6]
    assert tips[3].title_nl == "Wees benaderbaar"
    for tip in tips:
        assert_translated(tip, "title", "body")
    points = list(tips[2].points.order_by("order"))
    assert [point.text_nl for point in points] == TIP_3_POINTS_NL
    for point in points:
        assert_translated(point, "text")
    assert ConversationTipPoint.objects.count() == 4


@pytest.mark.django_db
def test_every_referral_organisation_of_the_seed():
    organisations = {organisation.slug: organisation for organisation in ReferralOrganisation.objects.all()}
    assert set(organisations) == set(REFERRALS)
    for slug, (name_part, kind, audience, url) in REFERRALS.items():
        organisation = organisations[slug]
        assert name_part in organisation.name_nl
        assert organisation.name_en
        assert (organisation.kind, organisation.audience, organisation.url) == (kind, audience, url)
        assert_translated(organisation, "description")
    assert "info@halt.nl" in organisations["halt"].description_nl
    assert "info@halt.nl" in organisations["halt"].description_en


@pytest.mark.django_db
def test_every_guidance_key_has_a_translated_passage():
    for key in guidance.ALL_KEYS:
        text = guidance.guidance_text(key)
        assert text is not None, key
        assert_translated(text, "text")
    not_proof = guidance.guidance_text(guidance.NOT_PROOF)
    assert not_proof.text_nl == NOT_PROOF_NL
    assert "does not" in not_proof.text_en and "conversation" in not_proof.text_en


@pytest.mark.django_db
def test_loading_the_seed_again_changes_nothing():
    state_apps = MigrationExecutor(connection).loader.project_state(("signals", "0002_seed_content")).apps
    before = {model: model.objects.count() for model in (Signal, ConversationTip, ReferralOrganisation, GuidanceText)}
    Signal.objects.filter(slug="verslaving").update(title_en="")

    seed_migration.load_signalenblad(state_apps, None)

    assert {model: model.objects.count() for model in before} == before
    assert ConversationTipPoint.objects.count() == 4
    assert Signal.objects.get(slug="verslaving").title_en == "Addiction"
