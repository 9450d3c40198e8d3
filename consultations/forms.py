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
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from consultations.anonymity import AnonymousTextFormMixin, FreeTextField
from consultations.models import NOTE_LENGTH, AgeBand, Consultation, Frequency, Period, Setting
from consultations.services import SignalObservation
from signals.models import Signal, SignalCategory

# The texts of the consultation itself; a checked signal's note joins them for the privacy guard.
TEXT_FIELDS = ("facts", "concern", "question")

_ANONYMOUS_HINT = _("Write without names, places or numbers: “the young person”, “an older friend”.")


def _verbose_name(field_name: str) -> str:
    return capfirst(Consultation._meta.get_field(field_name).verbose_name)


def _signal_select(label: str, choices, initial) -> forms.ChoiceField:
    """Since when / how often for one signal: optional, "unknown" until the professional says."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )


class SubmissionTokenField(forms.CharField):
    """A hidden one-time token, made when the empty form is shown. A double submit carries the
    same token, and the service returns what the first submit stored. A missing or mangled token
    only loses that protection; it is no error for the user."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=uuid.uuid4, **kwargs)

    def to_python(self, value) -> uuid.UUID | None:
        try:
            return uuid.UUID(str(value))
        except ValueError:
            return None


class ServiceErrorsFormMixin:
    """Show a service's ValidationError on the form: on the field it names when the form has
    that field, otherwise at the top. (A plain `add_error(None, dict)` raises on unknown fields.)"""

    def service_error_field(self, key: str) -> str | None:
        return key if key != NON_FIELD_ERRORS and key in self.fields else None

    def add_service_error(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, errors in error.error_dict.items():
            self.add_error(self.service_error_field(key), errors)

    def save_through(self, service: Callable[..., object], /, **context) -> bool:
        """Write a bound, valid form with its one service: `service(**context, **cleaned_data)`
        (the form's fields are named after the service's parameters). True when it wrote.

        Unbound or invalid: False, with the field errors on the form. A refusal by the service —
        identifying text, a double submit, a consultation closed in the meantime — is a
        ValidationError from a service that changed nothing; it is shown on the form and gives
        False, so the view renders the form again instead of redirecting."""
        if not self.is_bound or not self.is_valid():
            return False
        try:
            service(**context, **self.cleaned_data)
        except ValidationError as error:
            self.add_service_error(error)
            return False
        return True


class DescribedOptionsMixin:
    """A radio or checkbox list whose every option points at its own description
    (`<id>_description`), so a screen reader reads an option's details with it."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_description"
        return option


class DescribedRadioSelect(DescribedOptionsMixin, forms.RadioSelect):
    pass


class DescribedCheckboxSelectMultiple(DescribedOptionsMixin, forms.CheckboxSelectMultiple):
    pass


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


class ConsultationForm(AnonymousTextFormMixin, ServiceErrorsFormMixin, forms.Form):
    """Log or edit a consultation. `categories` come from `signal_categories_with_signals()`."""

    setting = forms.ChoiceField(label=_verbose_name("setting"), choices=Setting.choices, widget=forms.RadioSelect)
    age_band = forms.ChoiceField(label=_("Age of the young person"), choices=AgeBand.choices, widget=forms.RadioSelect)
    facts = FreeTextField(
        label=_verbose_name("facts"),
        help_text=_("Facts only: what you saw or heard yourself. Write without names, places or numbers."),
    )
    concern = FreeTextField(
        label=_verbose_name("concern"),
        help_text=_("Your interpretation: what worries you about it. Write without names, places or numbers."),
    )
    question = FreeTextField(
        label=_verbose_name("question"),
        help_text=_("For example: “What is the best thing I can do?” Write without names, places or numbers."),
    )
    submission_token = SubmissionTokenField()

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
            self.fields[f"note_{signal.pk}"] = FreeTextField(
                label=_("%(signal)s: factual note (optional)") % {"signal": signal.title},
                help_text=_ANONYMOUS_HINT,
                required=False,
                max_length=NOTE_LENGTH,
                rows=2,
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

    def clean(self):
        checked = self._checked_signals()
        checked_pks = {signal.pk for signal in checked}
        # What the user left unchecked is ignored, including anything wrong in its sub-fields.
        for signal in self.signals:
            if signal.pk not in checked_pks:
                for prefix in ("since", "frequency", "note"):
                    self.errors.pop(f"{prefix}_{signal.pk}", None)
        self._checked_pks = checked_pks
        cleaned_data = super().clean()
        if not checked:
            self._signal_error(ValidationError(_("Choose at least one signal you observed."), code="no_signal"))
        return cleaned_data

    def anonymous_fields(self) -> list[str]:
        # The notes of unchecked signals are ignored, so the guard does not read them either.
        return [*TEXT_FIELDS, *(f"note_{pk}" for pk in self._checked_pks)]

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
        """As the mixin, but a refusal of the signals is shown with the signals too."""
        if hasattr(error, "error_dict") and "signals" in error.error_dict:
            rest = {key: errors for key, errors in error.error_dict.items() if key != "signals"}
            for item in error.error_dict["signals"]:
                self._signal_error(item)
            if not rest:
                return
            error = ValidationError(rest)
        super().add_service_error(error)

    def service_error_field(self, key: str) -> str | None:
        # The services name a signal's note `signal_note_<pk>`; here it is `note_<pk>`.
        if key.startswith("signal_note_"):
            key = "note_" + key.removeprefix("signal_note_")
        return super().service_error_field(key)
