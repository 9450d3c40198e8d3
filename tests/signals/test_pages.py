"""The catalogue pages for signed-in users, in Dutch and in English."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from signals.models import ConversationTip, ConversationTipPoint, ReferralOrganisation, Signal, SignalCategory
from tests.conftest import in_language

PAGES = ["signals:catalogue", "signals:guide", "signals:referrals", "signals:parents"]

NOT_PROOF_NL_START = "Wanneer één of meer signalen spelen bij een jongere"
NOT_PROOF_EN_START = "When one or more signals apply to a young person"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={url}" in response.url.replace("%2F", "/")


@pytest.mark.parametrize("name", PAGES)
def test_pages_show_the_not_proof_sentence_in_the_users_language(professional_client, name):
    dutch = in_language(professional_client, "nl").get(reverse(name))
    english = in_language(professional_client, "en").get(reverse(name))
    if name == "signals:referrals":
        # The referrals page is about where to go, not about signals.
        assert "Drugskompas" in dutch.text and "Drugskompas" in english.text
        return
    assert NOT_PROOF_NL_START in dutch.text and NOT_PROOF_EN_START not in dutch.text
    assert NOT_PROOF_EN_START in english.text and NOT_PROOF_NL_START not in english.text


def test_catalogue_groups_the_signals_by_category_with_titles_in_each_language(professional_client):
    dutch = in_language(professional_client, "nl").get(reverse("signals:catalogue"))
    english = in_language(professional_client, "en").get(reverse("signals:catalogue"))

    assert dutch.status_code == english.status_code == 200
    assert '<html lang="nl"' in dutch.text and '<html lang="en"' in english.text
    for text in ("Geld en bezit", "Stiekeme omgang met nieuwe vrienden", "Verslaving aan gokken, drugs of alcohol"):
        assert text in dutch.text and text not in english.text
    for text in (
        "Money and possessions",
        "Secretive contact with new friends",
        "Addiction to gambling, drugs or alcohol",
    ):
        assert text in english.text and text not in dutch.text
    assert dutch.text.count('<li class="utrecht-unordered-list__item" id="signal-') == 13
    # The not-proof sentence stands above the first category, next to the signals.
    assert dutch.text.index(NOT_PROOF_NL_START) < dutch.text.index("Geld en bezit")


def test_an_english_text_left_empty_falls_back_to_dutch(professional_client):
    Signal.objects.filter(slug="verslaving").update(title_en="")
    english = in_language(professional_client, "en").get(reverse("signals:catalogue"))
    assert "<strong>Verslaving</strong>" in english.text


def test_guide_shows_the_six_tips_and_the_points_of_tip_three(professional_client):
    response = in_language(professional_client, "nl").get(reverse("signals:guide"))
    assert response.status_code == 200
    assert response.text.count('id="tip-') == 6
    assert "Bespreek zorgen vanuit inclusiviteit" in response.text
    assert "Vraag of de signalen herkenbaar zijn" in response.text
    assert "Ga, conform de privacyregels, in gesprek" in response.text
    assert "Bespreek het met de jongere" in response.text
    english = in_language(professional_client, "en").get(reverse("signals:guide"))
    assert "Ask whether the signals are recognisable" in english.text
    assert "Discuss it with the young person" in english.text


def test_referrals_link_out_safely_and_to_the_parents_page(professional_client):
    response = in_language(professional_client, "nl").get(reverse("signals:referrals"))
    assert response.status_code == 200
    assert 'href="http://www.fier.nl/ik-zoek-hulp" rel="noopener noreferrer external"' in response.text
    assert 'href="https://dealenmetdrugs.nl/verhalen/" rel="noopener' in response.text
    assert f'href="{reverse("signals:parents")}"' in response.text
    # Every outside link opens without handing the portal's window to the other site.
    assert response.text.count('href="http') == response.text.count('rel="noopener')
    english = in_language(professional_client, "en").get(reverse("signals:referrals"))
    assert "Parents and carers" in english.text
    assert "Decision tree: drug crime at school" in english.text


def test_parents_page_is_a_printable_handout(professional_client):
    response = in_language(professional_client, "nl").get(reverse("signals:parents"))
    assert response.status_code == 200
    text = response.text
    assert "css/print.css" in text
    assert text.count('<li class="utrecht-unordered-list__item">') >= 13 + 3
    for name in ("Drugskompas", "Landelijk Expertisecentrum Fier", "Halt"):
        assert name in text
    assert "Wapenbezit of drugsbezit" in text
    assert "portal-screen-only" in text


def test_print_stylesheet_hides_the_navigation():
    with open(finders.find("css/print.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@media print" in css
    assert ".portal-nav" in css and "display: none" in css


def rows_add(count):
    """`count` more signals, tip points and referral organisations, to show
    that the pages' query counts do not grow with the content."""
    category = SignalCategory.objects.create(slug="extra", name="Extra", order=9)
    tip = ConversationTip.objects.get(number=1)
    for index in range(count):
        Signal.objects.create(
            slug=f"extra-{index}", category=category, title=f"Extra {index}", description="x", order=99
        )
        ConversationTipPoint.objects.create(tip=tip, order=index + 10, text=f"Point {index}")
        ReferralOrganisation.objects.create(
            slug=f"extra-{index}", name=f"Extra {index}", kind="website", audience="young_people", description="x"
        )


# Every page: 1 query loads the signed-in user (the session is in the cache),
# 2 load their permissions for the main navigation (user's own, via groups),
# 1 fetches the guidance passages by key, and then per page:
#   catalogue: categories + their signals (one prefetch)             -> 2
#   guide:     tips + their sub-points (one prefetch)                -> 2
#   referrals: all referral organisations, grouped in Python         -> 1
#   parents:   the signals + the three organisations for parents     -> 2
PAGE_QUERIES = {
    "signals:catalogue": 3 + 1 + 2,
    "signals:guide": 3 + 1 + 2,
    "signals:referrals": 3 + 1 + 1,
    "signals:parents": 3 + 1 + 2,
}


@pytest.mark.parametrize("extra_rows", [0, 50])
@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_content(professional_client, django_assert_num_queries, name, extra_rows):
    rows_add(extra_rows)
    with django_assert_num_queries(PAGE_QUERIES[name]):
        response = professional_client.get(reverse(name))
    assert response.status_code == 200
    if extra_rows and name != "signals:parents":
        assert "Extra 49" in response.text or "Point 49" in response.text
