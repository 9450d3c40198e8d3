"""Admin for users, organisations, memberships and invitations.

New memberships and invitations go through their services, so the role's
group is granted and the invitation mail is sent exactly as elsewhere.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from portal.invitations import invitation_check, invitation_create
from portal.memberships import membership_create
from portal.models import Invitation, Membership, Organisation, OrganisationDomain, User
from portal.roles import DEFAULT_DOMAIN_FOR_KIND, Role


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    fields = ("organisation", "role", "domain")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "is_demo", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "first_name", "last_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    list_display = ("email", "first_name", "last_name", "is_staff", "is_demo", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", "is_demo", "groups")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []


class OrganisationDomainInline(admin.TabularInline):
    model = OrganisationDomain
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "email_domains__domain")
    inlines = [OrganisationDomainInline]


class MembershipAdminForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("user", "organisation", "role", "domain", "coordinated_organisations")

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        if cleaned_data.get("role") == Role.PROFESSIONAL and not cleaned_data.get("domain") and organisation:
            cleaned_data["domain"] = DEFAULT_DOMAIN_FOR_KIND[organisation.kind]
        return cleaned_data


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = MembershipAdminForm
    list_display = ("user", "organisation", "role", "domain", "created_at")
    list_filter = ("role", "domain", "organisation")
    search_fields = ("user__email", "user__first_name", "user__last_name", "organisation__name")
    autocomplete_fields = ("user",)
    filter_horizontal = ("coordinated_organisations",)
    list_select_related = ("user", "organisation")

    def get_readonly_fields(self, request, obj=None):
        # Changing who or what role would leave the role's group behind: make a new membership instead.
        return ("user", "organisation", "role", "created_at") if obj else ("created_at",)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        created = membership_create(
            user=obj.user,
            organisation=obj.organisation,
            role=obj.role,
            domain=obj.domain,
            coordinated_organisations=form.cleaned_data.get("coordinated_organisations") or (),
        )
        obj.pk = created.pk
        obj.refresh_from_db()


class InvitationAdminForm(forms.ModelForm):
    """Checks with the invitation service's rules, so an admin cannot invite where they may not."""

    class Meta:
        model = Invitation
        fields = ("email", "organisation", "role", "domain")

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        try:
            invitation_check(
                email=cleaned_data["email"],
                organisation=cleaned_data["organisation"],
                role=cleaned_data["role"],
                invited_by=self.inviter,
            )
        except PermissionDenied as error:
            raise ValidationError(_("You cannot invite into this organisation in this role.")) from error
        return cleaned_data


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    form = InvitationAdminForm
    list_display = ("email", "organisation", "role", "invited_by", "created_at", "expires_at", "accepted_at")
    list_filter = ("role", "organisation")
    search_fields = ("email", "organisation__name")
    readonly_fields = ("invited_by", "created_at", "expires_at", "accepted_at")
    list_select_related = ("organisation", "invited_by")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        form_class.inviter = request.user
        return form_class

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        created = invitation_create(
            email=obj.email,
            organisation=obj.organisation,
            role=obj.role,
            domain=obj.domain,
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        obj.pk = created.pk
        obj.refresh_from_db()
