from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def home(request):
    """The start page: what this user's role can do, reachable by links."""
    return render(request, "portal/home.html", {"memberships": request.user.memberships.select_related("organisation")})
