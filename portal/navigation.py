"""What each role sees in the main navigation.

Items are chosen by permission and membership, never by group name, so a
role's menu follows from what it may do.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    name: str


def navigation_for(user):
    if not user.is_authenticated:
        return []
    items = [NavItem(_("Home"), reverse("home"), "home")]
    if user.has_perm("consultations.add_consultation"):
        items += [
            NavItem(_("My consultations"), reverse("consultations:list"), "consultations"),
            NavItem(_("New consultation"), reverse("consultations:create"), "new_consultation"),
            NavItem(_("Shared with me"), reverse("consultations:shared"), "shared"),
        ]
    if user.has_perm("consultations.review_consultation"):
        items += [
            NavItem(_("Review"), reverse("consultations:review"), "review"),
            NavItem(_("Audit trail"), reverse("consultations:review_audit"), "review_audit"),
        ]
    if user.has_perm("consultations.view_statistics"):
        items.append(NavItem(_("Statistics"), reverse("consultations:statistics"), "statistics"))
    items += [
        NavItem(_("Signals"), reverse("signals:catalogue"), "signals"),
        NavItem(_("Conversation guide"), reverse("signals:guide"), "guide"),
        NavItem(_("Referral organisations"), reverse("signals:referrals"), "referrals"),
    ]
    if user.has_perm("portal.add_invitation"):
        items.append(NavItem(_("Invite"), reverse("invitation_create"), "invite"))
    if user.is_staff and user.has_perm("signals.change_signal"):
        items.append(NavItem(_("Manage content"), reverse("admin:index"), "admin"))
    items.append(NavItem(_("Privacy"), reverse("privacy"), "privacy"))
    items.append(NavItem(_("Account"), reverse("account_email"), "account"))
    return items


def navigation(request):
    """Template context processor: `main_navigation` for the base template."""
    return {"main_navigation": navigation_for(request.user)}
