"""Rules for every free text a user stores, before the privacy guard looks at it.

Text is always shown escaped, so markup could do no harm; it is refused anyway
because a note that holds HTML was pasted from somewhere else, and that is
exactly where names and numbers come from. Control characters are refused
because they hide text from the reader (and from the guard).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Everything below U+0020 except tab, newline and carriage return, plus DEL and the C1 range;
# also the zero-width and bidirectional controls that make text read differently than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def validate_free_text(value: str) -> None:
    if _CONTROL.search(value):
        raise ValidationError(
            _("The text contains invisible control characters. Type it again instead of pasting it."),
            code="control_characters",
        )
    if _MARKUP.search(value):
        raise ValidationError(
            _("The text contains HTML or script tags. Write plain text without < and >."),
            code="markup",
        )
