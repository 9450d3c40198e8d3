"""The form that logs (and edits) a consultation: observed signals, context, concern and question.

One Django form with a group of fields per active signal of the catalogue:
`signal_<pk>` (observed?), `since_<pk>`, `frequency_<pk>` and `note_<pk>`. Only
checked signals count: the sub-fields of an unchecked signal are neither
validated nor stored, and a posted signal that is not (or no longer) in the
catalogue is simply not a field. Every free text (facts, concern, question and
the note of each checked signal) passes the privacy guard here first, so each
finding is shown at its own field; the services check again before they store.
"""

import uuid
from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from consultations.anonymity import AnonymousTextFormMixin
from consultations.models import NOTE_LENGTH, TEXT_LENGTH, AgeBand, Consultation, Frequency, Period, Setting
from consultations.services import SignalObservation
from portal.free_text import validate_free_text
from signals.models import Signal, SignalCategory

# The texts of the consultation itself; a checked signal's note joins them for the privacy guard.
TEXT_FIELDS = ("facts", "concern", "question")

_ANONYMOUS_HINT = _("Write without names, places or numbers: “the young person”, “an older friend”.")


def _verbose_name(field_name: str) -> str:
    return capfirst(Consultation._meta.get_field(field_name).verbose_name)


def _text_field(field_name: str, help_text) -> forms.CharField:
    return forms.CharField(
        label=_verbose_name(field_name),
        help_text=help_text,
        max_length=TEXT_LENGTH,
        validators=[validate_free_text],
        widget=forms.Textarea(attrs={"rows": 5, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
    )


def _signal_select(label: str, choices, initial) -> forms.ChoiceField:
    """Since when / how often for one signal: optional, "unknown" until the professional says."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )


@dataclass(frozen=True)
class SignalRow:
    """One signal with its four bound fields, for the template."""

    signal: Signal
    observed: forms.BoundField
    since: forms.BoundField
    frequency: forms.BoundField
    note: forms.BoundField

    @property
    def has_errors(self):
        return bool(self.observed.errors or self.since.errors or self.frequency.errors or self.note.errors)


@dataclass(frozen=True)
class CategoryGroup:
    category: SignalCategory
    rows: list[SignalRow]


class ConsultationForm(AnonymousTextFormMixin, forms.Form):
    """Log or edit a consultation. `categories` come from `signal_categories_with_signals()`."""

    setting = forms.ChoiceField(label=_verbose_name("setting"), choices=Setting.choices, widget=forms.RadioSelect)
    age_band = forms.ChoiceField(label=_("Age of the young person"), choices=AgeBand.choices, widget=forms.RadioSelect)
    facts = _text_field(
        "facts",
        _("Facts only: what you saw or heard yourself. Write without names, places or numbers."),
    )
    concern = _text_field(
        "concern", _("Your interpretation: what worries you about it. Write without names, places or numbers.")
    )
    question = _text_field(
        "question",
        _("For example: “What is the best thing I can do?” Write without names, places or numbers."),
    )
    # A one-time token made when the empty form is shown: a double submit returns the first consultation.
    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, categories: list[SignalCategory], **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        self.signals = [signal for category in categories for signal in category.active_signals]
        # Shown in the signals' fieldset as well as at the top of the form.
        self.signal_errors: list[str] = []
        for signal in self.signals:
            self.fields[f"signal_{signal.pk}"] = forms.BooleanField(label=signal.title, required=False)
            self.fields[f"since_{signal.pk}"] = _signal_select(
                _("%(signal)s: since when?") % {"signal": signal.title}, Period.choices, Period.UNKNOWN
            )
            self.fields[f"frequency_{signal.pk}"] = _signal_select(
                _("%(signal)s: how often?") % {"signal": signal.title}, Frequency.choices, Frequency.UNKNOWN
            )
            self.fields[f"note_{signal.pk}"] = forms.CharField(
                label=_("%(signal)s: factual note (optional)") % {"signal": signal.title},
                help_text=_ANONYMOUS_HINT,
                required=False,
                max_length=NOTE_LENGTH,
                validators=[validate_free_text],
                widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
            )

    @staticmethod
    def initial_for(consultation: Consultation) -> dict:
        """The form's initial values for editing `consultation` (one query for its signals)."""
        initial = {field: getattr(consultation, field) for field in ("setting", "age_band", *TEXT_FIELDS)}
        for observed in consultation.observed_signals.all():
            initial[f"signal_{observed.signal_id}"] = True
            initial[f"since_{observed.signal_id}"] = observed.since
            initial[f"frequency_{observed.signal_id}"] = observed.frequency
            initial[f"note_{observed.signal_id}"] = observed.note
        return initial

    def groups(self) -> list[CategoryGroup]:
        """The signals per category with their bound fields, in the catalogue's order."""
        return [
            CategoryGroup(
                category=category,
                rows=[
                    SignalRow(
                        signal=signal,
                        observed=self[f"signal_{signal.pk}"],
                        since=self[f"since_{signal.pk}"],
                        frequency=self[f"frequency_{signal.pk}"],
                        note=self[f"note_{signal.pk}"],
                    )
                    for signal in category.active_signals
                ],
            )
            for category in self.categories
        ]

    def _checked_signals(self) -> list[Signal]:
        return [signal for signal in self.signals if self.cleaned_data.get(f"signal_{signal.pk}")]

    def clean_submission_token(self) -> uuid.UUID | None:
        # A missing or mangled token only loses the double-submit protection; it is no error for the user.
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return None

    def clean(self):
        checked = self._checked_signals()
        checked_pks = {signal.pk for signal in checked}
        # What the user left unchecked is ignored, including anything wrong in its sub-fields.
        for signal in self.signals:
            if signal.pk not in checked_pks:
                for prefix in ("since", "frequency", "note"):
                    self.errors.pop(f"{prefix}_{signal.pk}", None)
        self.anonymous_fields = (*TEXT_FIELDS, *(f"note_{pk}" for pk in checked_pks))
        cleaned_data = super().clean()
        if not checked:
            self._signal_error(ValidationError(_("Choose at least one signal you observed."), code="no_signal"))
        return cleaned_data

    def _signal_error(self, error: ValidationError) -> None:
        self.signal_errors.extend(error.messages)
        self.add_error(None, error)

    def observations(self) -> list[SignalObservation]:
        """The checked signals as the services take them (after `is_valid()`)."""
        return [
            SignalObservation(
                signal=signal,
                since=self.cleaned_data.get(f"since_{signal.pk}") or Period.UNKNOWN,
                frequency=self.cleaned_data.get(f"frequency_{signal.pk}") or Frequency.UNKNOWN,
                note=self.cleaned_data.get(f"note_{signal.pk}", ""),
            )
            for signal in self._checked_signals()
        ]

    def consultation_values(self) -> dict[str, str]:
        """Setting, age band and the three texts, as keyword arguments for the services."""
        return {field: self.cleaned_data[field] for field in ("setting", "age_band", *TEXT_FIELDS)}

    def add_service_error(self, error: ValidationError) -> None:
        """Show a service's refusal on the form: per field where the field exists here
        (`signal_note_<pk>` is the note of that signal), otherwise at the top."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, errors in error.error_dict.items():
            field = self._field_for_service_key(key)
            for item in errors:
                if key == "signals":
                    self._signal_error(item)
                else:
                    self.add_error(field, item)

    def _field_for_service_key(self, key: str) -> str | None:
        if key.startswith("signal_note_"):
            key = "note_" + key.removeprefix("signal_note_")
        if key != NON_FIELD_ERRORS and key in self.fields:
            return key
        return None
