"""The privacy guard applied to a consultation's free texts.

Every service that stores free text calls `ensure_anonymous`; forms use
`AnonymousTextFormMixin` first so the user sees each finding next to the field.
The portal's own referral organisations are names that may be written.
"""

from django.core.exceptions import ValidationError

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


class AnonymousTextFormMixin:
    """For forms: run the privacy guard over `anonymous_fields` in `clean()` and show each
    finding (what kind, which text, how to rephrase) as an error on its field."""

    anonymous_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned_data = super().clean()
        texts = {field: cleaned_data.get(field) or "" for field in self.anonymous_fields if not self.has_error(field)}
        for field, messages in identifying_text_errors(texts).items():
            for message in messages:
                self.add_error(field, message)
        return cleaned_data
