from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from portal import health, privacy_statement, views

# The admin login goes through allauth: its rate limits and MFA apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Signalenportaal"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("privacy/", privacy_statement.privacy_statement, name="privacy"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("uitnodigingen/", include("portal.invitation_urls")),
    path("signalen/", include("signals.urls")),
    path("overleg/", include("consultations.urls")),
    path("beheer/", admin.site.urls),
]
