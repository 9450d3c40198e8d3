"""The fixed passages of the Signalenblad, by stable key.

The texts are data (`GuidanceText`, editable and translated in the admin); the
keys are code, so pages and other apps ask for a passage by constant, never by
a literal string. The seed migration creates a row for every key below.
"""

from signals.models import GuidanceText

# One or more signals are a reason for a conversation, not proof of involvement.
NOT_PROOF = "not-proof"
INTRODUCTION = "introduction"
SIGNALS_INTRODUCTION = "signals-intro"
WHAT_CAN_I_DO = "what-can-i-do"
TALK_WITH_YOUNG_PERSON = "talk-with-young-person"
PARENTS_SHEET = "parents-sheet"
WHERE_ELSE = "where-else"
MORE_INFORMATION = "more-information"

ALL_KEYS = (
    NOT_PROOF,
    INTRODUCTION,
    SIGNALS_INTRODUCTION,
    WHAT_CAN_I_DO,
    TALK_WITH_YOUNG_PERSON,
    PARENTS_SHEET,
    WHERE_ELSE,
    MORE_INFORMATION,
)


def guidance_text(key: str) -> GuidanceText | None:
    """The passage for `key`, or None when an editor has removed it (pages then
    leave it out rather than fail)."""
    return GuidanceText.objects.filter(key=key).first()


def guidance_texts(*keys: str) -> dict[str, GuidanceText]:
    """Several passages in one query, by key; missing keys are absent."""
    return {text.key: text for text in GuidanceText.objects.filter(key__in=keys)}
