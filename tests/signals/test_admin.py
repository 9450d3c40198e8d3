"""Content admins edit the catalogue in both languages; the admin loads nothing from elsewhere."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from signals.models import (
    ConversationTip,
    ConversationTipPoint,
    GuidanceText,
    ReferralOrganisation,
    Signal,
    SignalCategory,
)
from tests.conftest import in_language

# <script src=…> and <link href=…> that point at another host, absolute or protocol-relative.
EXTERNAL_ASSET = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=[\"'](?:https?:)?//", re.IGNORECASE)


def signal_change_data(signal, **changes):
    data = {
        "title_nl": signal.title_nl,
        "title_en": signal.title_en,
        "description_nl": signal.description_nl,
        "description_en": signal.description_en,
        "category": signal.category_id,
        "order": signal.order,
        "is_active": "on",
        "slug": signal.slug,
        "_save": "Save",
    }
    return {**data, **changes}


def test_an_editor_changes_a_signal_title_in_both_languages(editor_client, editor):
    assert not editor.is_superuser
    signal = Signal.objects.get(slug="verslaving")
    url = reverse("admin:signals_signal_change", args=[signal.pk])

    response = editor_client.post(
        url,
        signal_change_data(
            signal, title_nl="Verslaving of verslavingsgedrag", title_en="Addiction or addictive behaviour"
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    signal.refresh_from_db()
    assert signal.title_nl == "Verslaving of verslavingsgedrag"
    assert signal.title_en == "Addiction or addictive behaviour"
    catalogue = in_language(editor_client, "en").get(reverse("signals:catalogue"))
    assert "Addiction or addictive behaviour" in catalogue.text


def test_the_dutch_title_is_required(editor_client):
    signal = Signal.objects.get(slug="verslaving")
    url = reverse("admin:signals_signal_change", args=[signal.pk])
    response = editor_client.post(url, signal_change_data(signal, title_nl="", title_en="Only English"))
    assert response.status_code == 200
    signal.refresh_from_db()
    assert signal.title_nl == "Verslaving"


def test_an_editor_changes_the_points_of_tip_three_inline(editor_client):
    tip = ConversationTip.objects.get(number=3)
    points = list(tip.points.order_by("order"))
    data = {
        "title_nl": tip.title_nl,
        "title_en": tip.title_en,
        "body_nl": tip.body_nl,
        "body_en": tip.body_en,
        "number": tip.number,
        "points-TOTAL_FORMS": len(points),
        "points-INITIAL_FORMS": len(points),
        "points-MIN_NUM_FORMS": 0,
        "points-MAX_NUM_FORMS": 1000,
        "_save": "Save",
    }
    for index, point in enumerate(points):
        data |= {
            f"points-{index}-id": point.pk,
            f"points-{index}-tip": tip.pk,
            f"points-{index}-order": point.order,
            f"points-{index}-text_nl": point.text_nl,
            f"points-{index}-text_en": point.text_en,
        }
    data["points-1-text_en"] = "Ask whether the young person recognises the signals"

    response = editor_client.post(reverse("admin:signals_conversationtip_change", args=[tip.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert tip.points.get(order=2).text_en == "Ask whether the young person recognises the signals"
    assert tip.points.get(order=2).text_nl == "Vraag of de signalen herkenbaar zijn"


def test_a_professional_cannot_reach_the_admin(professional_client):
    signal = Signal.objects.get(slug="verslaving")
    response = professional_client.get(reverse("admin:signals_signal_change", args=[signal.pk]))
    assert response.status_code == 302
    assert "Verslaving aan gokken" not in response.content.decode()
    response = professional_client.post(
        reverse("admin:signals_signal_change", args=[signal.pk]), signal_change_data(signal, title_nl="Gehackt")
    )
    signal.refresh_from_db()
    assert signal.title_nl == "Verslaving"


@pytest.mark.parametrize(
    "model",
    [Signal, SignalCategory, ConversationTip, ConversationTipPoint, ReferralOrganisation, GuidanceText],
    ids=lambda model: model.__name__,
)
def test_admin_pages_load_jquery_ui_from_our_own_static_files(editor_client, model):
    obj = model.objects.first()
    opts = model._meta
    for url in (
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
    ):
        response = editor_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert EXTERNAL_ASSET.findall(html) == [], url
    # The tabbed translation fields: our copy of jQuery UI and modeltranslation's script.
    assert 'src="/static/vendor/jquery-ui/jquery-ui.min.js"' in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html


def test_the_vendored_jquery_ui_is_complete():
    script = finders.find("vendor/jquery-ui/jquery-ui.min.js")
    assert script, "static/vendor/jquery-ui/jquery-ui.min.js is missing"
    with open(script, encoding="utf-8") as source:
        assert source.read(40).startswith("/*! jQuery UI - v1.14.1")
    assert finders.find("vendor/jquery-ui/LICENSE.txt")
    with open(finders.find("vendor/jquery-ui/VERSION"), encoding="utf-8") as version:
        assert version.readline().split() == ["jquery-ui", "1.14.1"]


def test_the_external_asset_check_would_catch_a_cdn():
    assert EXTERNAL_ASSET.search('<script src="//ajax.googleapis.com/ajax/libs/jqueryui/1.12.1/jquery-ui.min.js">')
    assert EXTERNAL_ASSET.search('<link rel="stylesheet" href="https://cdn.example.org/x.css">')
    assert not EXTERNAL_ASSET.search('<script src="/static/admin/js/core.js">')
