"""Account forms: sign-up on a registered domain, inviting, accepting an invitation."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import password_validation
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.invitations import organisations_invitable_by, roles_invitable_by
from portal.memberships import membership_create, organisation_for_email
from portal.models import User
from portal.roles import Domain, Role

_NAME_HELP = _("Your name is visible to colleagues you consult.")


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, open only to addresses on a registered organisation's domain."""

    first_name = forms.CharField(label=_("First name"), max_length=150, help_text=_NAME_HELP)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.organisation = organisation_for_email(email)
        if self.organisation is None:
            raise forms.ValidationError(
                _(
                    "This e-mail address does not belong to a registered organisation. "
                    "Ask your coordinator for an invitation."
                ),
                code="unregistered_domain",
            )
        return super().clean_email()

    def save(self, request):
        # The user, their address and their membership exist together or not at all.
        with transaction.atomic():
            return super().save(request)

    def signup(self, request, user):
        membership_create(user=user, organisation=self.organisation, role=Role.PROFESSIONAL)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    role = forms.ChoiceField(label=_("Role"))
    domain = forms.ChoiceField(
        label=_("Domain"),
        required=False,
        choices=[("", _("Follows from the organisation")), *Domain.choices],
        help_text=_("Only for professionals: the field they work in."),
    )

    def __init__(self, *args, inviter: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_invitable_by(inviter)
        roles = roles_invitable_by(inviter)
        self.fields["role"].choices = [(role, Role(role).label) for role in roles]
        self.fields["role"].initial = Role.PROFESSIONAL


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, help_text=_NAME_HELP)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned_data = super().clean()
        password1 = cleaned_data.get("password1")
        password2 = cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2",
                forms.ValidationError(_("You must type the same password each time."), code="password_mismatch"),
            )
        elif password1:
            candidate = User(
                email=self.email,
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data
