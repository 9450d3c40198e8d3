"""The privacy guard applied to a consultation's free texts.

Every service that stores free text calls `ensure_anonymous`; forms use
`FreeTextField` with `AnonymousTextFormMixin` first, so the user sees each finding
next to its field.
The portal's own referral organisations are names that may be written.
"""

from django import forms
from django.core.exceptions import ValidationError

from consultations.models import TEXT_LENGTH
from portal.free_text import validate_free_text
from portal.privacy import describe, find_identifiers
from signals.models import ReferralOrganisation


def referral_names() -> set[str]:
    """Names of the referral organisations in every language (one query)."""
    names = set()
    for row in ReferralOrganisation.objects.values_list("name_nl", "name_en"):
        names.update(name for name in row if name)
    return names


def identifying_text_errors(texts: dict[str, str]) -> dict[str, list[str]]:
    """Per field: one message for each piece of text that looks identifying."""
    filled = {field: text for field, text in texts.items() if text and text.strip()}
    if not filled:
        return {}
    allowed = referral_names()
    errors = {}
    for field, text in filled.items():
        findings = find_identifiers(text, allowed_names=allowed)
        if findings:
            errors[field] = [describe(finding) for finding in findings]
    return errors


def ensure_anonymous(texts: dict[str, str]) -> None:
    """Raise ValidationError (per field) when any text looks like it identifies someone."""
    errors = identifying_text_errors(texts)
    if errors:
        raise ValidationError(errors)


class FreeTextField(forms.CharField):
    """A free text a user stores: plain text only (`portal.free_text`) and, in a form with
    `AnonymousTextFormMixin`, checked by the privacy guard. The field type is the rule, so a new
    text field cannot be added to a form and forgotten by the guard."""

    def __init__(self, *, max_length: int = TEXT_LENGTH, rows: int = 5, **kwargs):
        kwargs.setdefault(
            "widget", forms.Textarea(attrs={"rows": rows, "class": "utrecht-textarea utrecht-textarea--html-textarea"})
        )
        super().__init__(max_length=max_length, validators=[validate_free_text], **kwargs)


class AnonymousTextFormMixin:
    """For forms: run the privacy guard over every `FreeTextField` in `clean()` and show each
    finding (what kind, which text, how to rephrase) as an error on its field."""

    def anonymous_fields(self) -> list[str]:
        """The fields the guard reads: every free text, unless a form narrows it down."""
        return [name for name, field in self.fields.items() if isinstance(field, FreeTextField)]

    def clean(self):
        cleaned_data = super().clean()
        texts = {field: cleaned_data.get(field) or "" for field in self.anonymous_fields() if not self.has_error(field)}
        for field, messages in identifying_text_errors(texts).items():
            for message in messages:
                self.add_error(field, message)
        return cleaned_data
