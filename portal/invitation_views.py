"""Inviting someone, and accepting an invitation by its link."""

from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from portal.forms import InvitationAcceptForm, InvitationForm
from portal.invitations import invitation_accept as accept
from portal.invitations import invitation_create as create
from portal.invitations import invitation_get_open


@login_required
@permission_required("portal.add_invitation", raise_exception=True)
def invitation_create(request):
    form = InvitationForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = create(
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
                domain=form.cleaned_data["domain"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except PermissionDenied:
            form.add_error("organisation", _("You cannot invite into this organisation in this role."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("invitation_create")
    return render(request, "portal/invitation_create.html", {"form": form, "days": settings.PORTAL_INVITATION_DAYS})


@never_cache
@sensitive_post_parameters("password1", "password2")
def invitation_accept(request, token):
    invitation = invitation_get_open(token)
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return perform_login(request, user, redirect_url=reverse("home"), email=user.email)
    return render(request, "portal/invitation_accept.html", {"form": form, "invitation": invitation})
