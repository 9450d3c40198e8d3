"""Forms for consulting colleagues: inviting one, and an invited colleague's advice.

The forms only parse and run the privacy guard; the services in
`consultations/sharing.py` decide and store. What a service refuses comes back
as a `ValidationError` and is shown on the form by `ServiceErrorsFormMixin`.
"""

import uuid
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations.anonymity import AnonymousTextFormMixin
from consultations.models import TEXT_LENGTH, Consultation
from consultations.sharing import invitable_colleagues
from portal.free_text import validate_free_text
from portal.models import User
from portal.roles import Role


class ServiceErrorsFormMixin:
    """Show a service's ValidationError on the form: on the field it names when the form has
    that field, otherwise at the top. (A plain `add_error(None, dict)` raises on unknown fields.)"""

    def add_service_error(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)

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


def colleague_places(user: User) -> str:
    """Where a colleague works, e.g. "Politie basisteam · Police" (memberships are prefetched)."""
    return "; ".join(
        f"{membership.organisation.name} · {membership.get_domain_display()}"
        for membership in user.memberships.all()
        if membership.role == Role.PROFESSIONAL
    )


class InviteForm(ServiceErrorsFormMixin, forms.Form):
    """Choose one colleague from those the author may invite. A posted id outside
    `invitable_colleagues` (a coordinator, a content admin, another school's teacher)
    is not a valid choice: the queryset is the rule."""

    invitee = forms.ModelChoiceField(
        label=_("Colleague"),
        queryset=User.objects.none(),
        widget=DescribedRadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
        error_messages={
            "invalid_choice": _(
                "Choose one of the colleagues in the list. Colleagues you already invited are listed above."
            )
        },
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitee"].queryset = invitable_colleagues(consultation)

    def invitee_options(self) -> list[tuple]:
        """Each radio button with the colleague's organisation and domain (one evaluation of the list)."""
        return [(option, colleague_places(option.data["value"].instance)) for option in self["invitee"]]


class AdviceForm(AnonymousTextFormMixin, ServiceErrorsFormMixin, forms.Form):
    """An invited colleague's advice. The hidden token makes a double submit store one advice."""

    anonymous_fields = ("text",)

    text = forms.CharField(
        label=_("Your advice"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
        validators=[validate_free_text],
        help_text=_(
            "Write about the situation, not the person: “the young person”, “an older friend”. "
            "No names, addresses, phone numbers or other details that identify someone."
        ),
    )
    submission_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["submission_token"].initial = uuid.uuid4()
