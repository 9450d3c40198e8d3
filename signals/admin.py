"""The content admins' screens for the catalogue, with a tab per language.

modeltranslation's tabbed admin loads jQuery UI from `settings.JQUERY_UI_URL`,
which points at our own copy in static/vendor/jquery-ui: no CDN, so the CSP
holds and editors' browsers talk to no third party.
"""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from signals.models import (
    ConversationTip,
    ConversationTipPoint,
    GuidanceText,
    ReferralOrganisation,
    Signal,
    SignalCategory,
)


class SignalInline(admin.TabularInline):
    """Read-only overview of a category's signals; edit them on their own page."""

    model = Signal
    fields = ("order", "title", "is_active")
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SignalCategory)
class SignalCategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name_nl", "name_en", "order", "slug")
    list_editable = ("order",)
    search_fields = ("name_nl", "name_en", "description_nl", "description_en", "slug")
    prepopulated_fields = {"slug": ("name_nl",)}
    inlines = [SignalInline]


@admin.register(Signal)
class SignalAdmin(TabbedTranslationAdmin):
    list_display = ("title_nl", "title_en", "category", "order", "is_active")
    list_filter = ("is_active", "category")
    list_select_related = ("category",)
    search_fields = ("title_nl", "title_en", "description_nl", "description_en", "slug")
    fields = ("title", "description", "category", "order", "is_active", "slug")
    prepopulated_fields = {"slug": ("title_nl",)}


class ConversationTipPointInline(TranslationTabularInline):
    model = ConversationTipPoint
    fields = ("order", "text")
    extra = 0


@admin.register(ConversationTipPoint)
class ConversationTipPointAdmin(TabbedTranslationAdmin):
    list_display = ("tip", "order", "text_nl", "text_en")
    list_select_related = ("tip",)
    search_fields = ("text_nl", "text_en")


@admin.register(ConversationTip)
class ConversationTipAdmin(TabbedTranslationAdmin):
    list_display = ("number", "title_nl", "title_en", "point_count")
    list_display_links = ("number", "title_nl")
    search_fields = ("title_nl", "title_en", "body_nl", "body_en", "points__text_nl", "points__text_en")
    inlines = [ConversationTipPointInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("points")

    @admin.display(description=_("sub-points"))
    def point_count(self, tip):
        return len(tip.points.all())


@admin.register(ReferralOrganisation)
class ReferralOrganisationAdmin(TabbedTranslationAdmin):
    list_display = ("name_nl", "name_en", "kind", "audience", "url", "order", "is_active")
    list_filter = ("kind", "audience", "is_active")
    search_fields = ("name_nl", "name_en", "description_nl", "description_en", "url", "slug")
    fields = ("name", "description", "kind", "audience", "url", "order", "is_active", "slug")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {"slug": ("name_nl",)}


@admin.register(GuidanceText)
class GuidanceTextAdmin(TabbedTranslationAdmin):
    list_display = ("key", "title_nl", "title_en")
    search_fields = ("key", "title_nl", "title_en", "text_nl", "text_en")
    fields = ("title", "text", "key")

    def get_readonly_fields(self, request, obj=None):
        # Pages look passages up by key (signals/guidance.py); renaming one hides it.
        return ("key",) if obj else ()
