"""The catalogue from Halt's Signalenblad: signals, conversation tips, referral
organisations and the guidance sentences around them.

Every text field is translated with django-modeltranslation (see
`signals/translation.py`); Dutch is the default and the fallback. Content is
loaded from the seed by a data migration and kept current by content admins.
This app knows nothing of consultations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalCategory(models.Model):
    slug = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("signal category")
        verbose_name_plural = _("signal categories")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class Signal(models.Model):
    """One of the signals that a young person may be drawn into drug crime."""

    slug = models.SlugField(_("code"), unique=True)
    category = models.ForeignKey(
        SignalCategory, on_delete=models.PROTECT, related_name="signals", verbose_name=_("category")
    )
    title = models.CharField(_("short title"), max_length=120)
    description = models.TextField(_("text"), help_text=_("The signal as the Signalenblad describes it."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive signals are no longer offered for new consultations.")
    )

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["category__order", "order", "slug"]

    def __str__(self):
        return self.title


class ConversationTip(models.Model):
    """One of the six tips for talking with the young person."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=160)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("conversation tip")
        verbose_name_plural = _("conversation tips")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class ConversationTipPoint(models.Model):
    """A sub-point of a conversation tip (tip 3 has four)."""

    tip = models.ForeignKey(ConversationTip, on_delete=models.CASCADE, related_name="points", verbose_name=_("tip"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("sub-point")
        verbose_name_plural = _("sub-points")
        ordering = ["tip__number", "order"]

    def __str__(self):
        return self.text[:60]


class ReferralOrganisation(models.Model):
    """An organisation or resource a professional can refer to or consult."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        DOCUMENT = "document", _("Document")
        WEBSITE = "website", _("Website")
        VIDEO = "video", _("Video")

    class Audience(models.TextChoices):
        PROFESSIONALS = "professionals", _("Professionals")
        SCHOOLS = "schools", _("School staff")
        PARENTS = "parents", _("Parents and carers")
        YOUNG_PEOPLE = "young_people", _("Young people")
        EVERYONE = "everyone", _("Parents, professionals and young people")

    slug = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    description = models.TextField(_("description"))
    url = models.URLField(_("address"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("referral organisation")
        verbose_name_plural = _("referral organisations")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class GuidanceText(models.Model):
    """A fixed passage of the Signalenblad shown around the catalogue, such as
    the sentence that signals are a reason for a conversation, not proof."""

    key = models.SlugField(_("key"), unique=True)
    title = models.CharField(_("title"), max_length=160, blank=True)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("guidance text")
        verbose_name_plural = _("guidance texts")
        ordering = ["key"]

    def __str__(self):
        return self.title or self.key
