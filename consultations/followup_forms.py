"""Forms for following up a consultation: the conversation, next steps and referrals, closing.

Each form parses and runs the privacy guard over its free text; the services in
`consultations/services.py` check again, lock the row and refuse a closed
consultation, so a stale form changes nothing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.anonymity import AnonymousTextFormMixin, FreeTextField
from consultations.forms import DescribedCheckboxSelectMultiple, ServiceErrorsFormMixin
from consultations.models import (
    AUTHOR_OUTCOMES,
    Consultation,
    ConversationStatus,
    ConversationWith,
    Knowledge,
)
from signals.models import ReferralOrganisation
from signals.selectors import AudienceGroup

_CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
_ANONYMOUS_HELP = _("No names, addresses, phone numbers or other details that identify the young person or others.")


def _free_text(label, help_text=_ANONYMOUS_HELP):
    return FreeTextField(label=label, required=False, rows=6, help_text=help_text)


class ConversationForm(AnonymousTextFormMixin, ServiceErrorsFormMixin, forms.Form):
    conversation_status = forms.ChoiceField(
        label=_("Has the conversation with the young person taken place?"),
        choices=ConversationStatus.choices,
        widget=forms.RadioSelect,
    )
    conversation_with = forms.ChoiceField(
        label=_("With whom?"),
        required=False,
        choices=[("", _("Not yet known")), *ConversationWith.choices],
        widget=forms.RadioSelect,
        help_text=_("Required when the conversation took place."),
    )
    conversation_notes = _free_text(
        _("How did the conversation go?"),
        _("What was discussed and how the young person reacted. No names or other identifying details."),
    )
    knowledge = forms.ChoiceField(
        label=_("Anonymous or with the young person's knowledge?"),
        choices=Knowledge.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "conversation_status": consultation.conversation_status,
                "conversation_with": consultation.conversation_with,
                "conversation_notes": consultation.conversation_notes,
                "knowledge": consultation.knowledge,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        held = cleaned_data.get("conversation_status") == ConversationStatus.HELD
        if held and not cleaned_data.get("conversation_with") and not self.has_error("conversation_with"):
            self.add_error("conversation_with", _("Say with whom the conversation took place."))
        return cleaned_data


class NextStepsForm(AnonymousTextFormMixin, ServiceErrorsFormMixin, forms.Form):
    """Next steps and referrals. The checkboxes come from the catalogue's active referral
    organisations, grouped by audience; the groups are passed in so the page reads them once."""

    next_steps = _free_text(
        _("Next steps"),
        _(
            "What happens next and who does what. You may name the organisations you refer to; "
            "no names or other details of the young person."
        ),
    )
    referrals = forms.ModelMultipleChoiceField(
        label=_("Referral organisations"),
        required=False,
        queryset=ReferralOrganisation.objects.filter(is_active=True),
        widget=DescribedCheckboxSelectMultiple(attrs=_CHECKBOX),
        error_messages={"invalid_choice": _("One of the chosen organisations is no longer in the catalogue.")},
    )

    def __init__(self, data=None, *, consultation: Consultation, groups: list[AudienceGroup], **kwargs):
        if data is None:
            kwargs.setdefault(
                "initial",
                {
                    "next_steps": consultation.next_steps,
                    "referrals": list(consultation.referrals.values_list("pk", flat=True)),
                },
            )
        super().__init__(data, **kwargs)
        self.groups = groups
        # The options are the grouped organisations already read; validation still uses the queryset.
        self.fields["referrals"].choices = [
            (organisation.pk, organisation.name) for group in groups for organisation in group.organisations
        ]

    def clean_referrals(self) -> list[ReferralOrganisation]:
        # A list, as `consultation_record_next_steps` takes it (the queryset is already evaluated).
        return list(self.cleaned_data["referrals"])

    def referral_groups(self) -> list[tuple[AudienceGroup, list[tuple]]]:
        """Per audience: each checkbox with its organisation (for the description and link)."""
        options = {option.data["value"]: option for option in self["referrals"]}
        return [
            (group, [(options[organisation.pk], organisation) for organisation in group.organisations])
            for group in self.groups
        ]


class CloseForm(AnonymousTextFormMixin, ServiceErrorsFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(outcome.value, outcome.label) for outcome in AUTHOR_OUTCOMES],
        widget=forms.RadioSelect,
    )
    outcome_notes = _free_text(_("Notes on the outcome (optional)"))

    def __init__(self, *args, consultation: Consultation, **kwargs):
        kwargs.setdefault("initial", {"outcome": consultation.outcome, "outcome_notes": consultation.outcome_notes})
        super().__init__(*args, **kwargs)
