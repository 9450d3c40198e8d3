"""Filter forms of the coordinator pages: the review list, the audit trail and the statistics.

All three are GET forms whose every field is optional. A value that does not
parse (`?month=abc`, `?signal=999999`) becomes a field error and that filter is
left out; the page still answers with the other filters applied, never a 500.
Organisation choices are limited to the organisations the user coordinates, so
a filter can only ever narrow what the coordinator may see anyway.
"""

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import REFERENCE_PATTERN, Consultation
from consultations.selectors import ReviewFilters
from consultations.statistics import DEFAULT_MONTHS, MAX_MONTHS, StatisticsQuery, add_months, months_between
from portal.models import AuditEvent, Organisation
from portal.roles import Domain
from signals.selectors import active_signals

MONTH_FORMAT = "%Y-%m"
_MONTH_INVALID = _("Enter a month as year-month, for example 2026-11.")
_REFERENCE = re.compile(f"^{REFERENCE_PATTERN}$")
# Months outside this range are typing errors, not periods anyone kept records of.
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


class MonthInput(forms.DateInput):
    """`<input type="month">`; browsers without it show a text box that takes "2026-11" as well."""

    input_type = "month"

    def __init__(self, attrs=None):
        attrs = {"class": "utrecht-textbox utrecht-textbox--html-input", "placeholder": "2026-11", **(attrs or {})}
        super().__init__(attrs=attrs, format=MONTH_FORMAT)


def _plausible_year(month: date):
    if not _FIRST_YEAR <= month.year <= _LAST_YEAR:
        raise forms.ValidationError(_MONTH_INVALID, code="invalid")


def month_field(**kwargs) -> forms.DateField:
    """An optional month as "YYYY-MM", cleaned to the first day of that month."""
    return forms.DateField(
        required=False,
        widget=MonthInput,
        input_formats=[MONTH_FORMAT],
        error_messages={"invalid": _MONTH_INVALID},
        validators=[_plausible_year],
        **kwargs,
    )


def _coordinated(organisation_ids):
    return Organisation.objects.filter(pk__in=organisation_ids).order_by("name")


class ReviewFilterForm(forms.Form):
    signal = forms.ModelChoiceField(label=_("Signal"), queryset=None, required=False, empty_label=_("All signals"))
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Open and closed")), *Consultation.Status.choices]
    )
    month = month_field(label=_("Month"), help_text=_("The month the consultation was logged, for example 2026-11."))
    domain = forms.ChoiceField(label=_("Domain"), required=False, choices=[("", _("All domains")), *Domain.choices])
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("All my organisations")
    )

    def __init__(self, *args, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signal"].queryset = active_signals()
        self.fields["organisation"].queryset = _coordinated(organisation_ids)

    def filters(self) -> ReviewFilters:
        """The filters that parsed; a field with an error is left out (its error is shown)."""
        self.is_valid()
        data = self.cleaned_data
        signal, organisation = data.get("signal"), data.get("organisation")
        return ReviewFilters(
            signal_id=signal.pk if signal else None,
            status=data.get("status") or "",
            month=data.get("month"),
            domain=data.get("domain") or "",
            organisation_id=organisation.pk if organisation else None,
        )


class AuditFilterForm(forms.Form):
    reference = forms.CharField(
        label=_("Consultation reference"),
        required=False,
        max_length=14,
        help_text=_("For example ABCD-EFGH-JKMN."),
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *AuditEvent.Action.choices]
    )

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        if reference and not _REFERENCE.match(reference):
            raise forms.ValidationError(
                _("A reference has three groups of four letters or digits, for example ABCD-EFGH-JKMN."),
                code="invalid",
            )
        return reference

    def lookups(self) -> dict[str, str]:
        """`AuditEvent` lookups for the reference and action that parsed; none for empty or invalid fields."""
        self.is_valid()
        lookups = {
            "consultation_reference": self.cleaned_data.get("reference"),
            "action": self.cleaned_data.get("action"),
        }
        return {lookup: value for lookup, value in lookups.items() if value}


class StatisticsFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("All my organisations")
    )
    since = month_field(label=_("From month"), help_text=_("For example 2025-12. Empty: a year before the end month."))
    until = month_field(label=_("To month"), help_text=_("For example 2026-11. Empty: this month."))

    def __init__(self, *args, organisation_ids, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_ids = frozenset(organisation_ids)
        self.this_month = (today or timezone.localdate()).replace(day=1)
        self.fields["organisation"].queryset = _coordinated(self.organisation_ids)

    def clean(self):
        cleaned_data = super().clean()
        if "since" in self.errors or "until" in self.errors:
            return cleaned_data  # one message per field is enough
        since, until = self._period(cleaned_data)
        if since > until:
            self.add_error("until", _("The end month comes before the start month."))
        elif len(months_between(since, until)) > MAX_MONTHS:
            self.add_error("since", _("Choose a period of at most %(months)s months.") % {"months": MAX_MONTHS})
        return cleaned_data

    def _period(self, data) -> tuple[date, date]:
        until = data.get("until") or self.this_month
        since = data.get("since") or add_months(until, 1 - DEFAULT_MONTHS)
        return since, until

    def query(self) -> StatisticsQuery:
        """What to count. Invalid input falls back to all coordinated organisations over the last year."""
        data = self.cleaned_data if self.is_valid() else {}
        organisation = data.get("organisation")
        since, until = self._period(data)
        return StatisticsQuery(
            organisation_ids=frozenset({organisation.pk}) if organisation else self.organisation_ids,
            first_month=since,
            last_month=until,
        )
