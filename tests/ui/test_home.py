"""The start page: who you are, where you work, and a way to every page you may use."""

from django.urls import reverse

from portal.navigation import navigation_for
from tests.conftest import in_language
from tests.ui.conftest import login, page_of, user_make


def test_start_page_greets_the_user_with_organisation_and_role(signed_in):
    in_language(signed_in, "en")
    page = page_of(signed_in.get(reverse("home")))
    main = page.find("main")
    assert main.find("h1").text == "Welcome, Sanne"
    membership = main.find("li", class_="portal-memberships__item")
    assert "Het Voorbeeldcollege" in membership.text
    assert "Professional" in membership.text
    assert "Education" in membership.text


def test_start_page_links_to_every_navigation_item_with_an_explanation(signed_in, teacher):
    page = page_of(signed_in.get(reverse("home")))
    cards = page.find("main").find_all("li", class_="portal-card")
    items = [item for item in navigation_for(teacher) if item.name != "home"]
    assert [card.find("a").attrs["href"] for card in cards] == [str(item.url) for item in items]
    for card in cards:
        assert card.find("p").text, card.find("a").text


def test_user_without_organisation_is_told_how_to_join(client, db, settings):
    settings.PORTAL_REQUIRE_MFA = False
    in_language(client, "en")
    user_make("los@example.org", first_name="Lot")
    login(client, "los@example.org")
    main = page_of(client.get(reverse("home"))).find("main")
    assert main.find("li", class_="portal-memberships__item") is None
    assert "invitation" in main.text
