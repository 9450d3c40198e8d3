from modeltranslation.translator import TranslationOptions, register

from signals.models import (
    ConversationTip,
    ConversationTipPoint,
    GuidanceText,
    ReferralOrganisation,
    Signal,
    SignalCategory,
)


@register(SignalCategory)
class SignalCategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Signal)
class SignalTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("nl",)


@register(ConversationTip)
class ConversationTipTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("nl",)


@register(ConversationTipPoint)
class ConversationTipPointTranslation(TranslationOptions):
    fields = ("text",)


@register(ReferralOrganisation)
class ReferralOrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(GuidanceText)
class GuidanceTextTranslation(TranslationOptions):
    fields = ("title", "text")
