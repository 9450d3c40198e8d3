"""Forms for consulting colleagues: inviting one, and an invited colleague's advice.

The forms only parse and run the privacy guard; the services in
`consultations/sharing.py` decide and store. What a service refuses comes back
as a `ValidationError` and is shown on the form by `ServiceErrorsFormMixin`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.anonymity import AnonymousTextFormMixin, FreeTextField
from consultations.forms import DescribedRadioSelect, ServiceErrorsFormMixin, SubmissionTokenField
from consultations.models import Consultation
from consultations.sharing import invitable_colleagues
from portal.models import User
from portal.roles import Role


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

    text = FreeTextField(
        label=_("Your advice"),
        rows=8,
        help_text=_(
            "Write about the situation, not the person: “the young person”, “an older friend”. "
            "No names, addresses, phone numbers or other details that identify someone."
        ),
    )
    submission_token = SubmissionTokenField()
