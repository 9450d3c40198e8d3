"""Mail the portal sends: Dutch first, with the English text below it, in one message.

Recipients have not chosen a language in the portal yet when the mail goes out
(an invitation) or are not in a request at all (the retention job), so every
mail carries both languages. Mails hold links, never case text.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

MAIL_LANGUAGES = ("nl", "en")


def _render_in_languages(template_name: str, context: dict, separator: str) -> str:
    rendered = []
    for language in MAIL_LANGUAGES:
        with translation.override(language):
            text = render_to_string(template_name, context).strip()
        if text not in rendered:
            rendered.append(text)
    return separator.join(rendered)


def mail_send(*, to: str, subject_template: str, body_template: str, context: dict) -> None:
    """Render both templates in every mail language and send one message to `to`."""
    subject = _render_in_languages(subject_template, context, " / ")
    body = _render_in_languages(body_template, context, "\n\n----------\n\n")
    send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [to],
    )
