from django.urls import path, register_converter

from consultations import followup_views, review_views, sharing_views, views
from consultations.models import REFERENCE_PATTERN


class ReferenceConverter:
    """Only well-formed references reach a view; anything else is a plain 404."""

    regex = REFERENCE_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReferenceConverter, "reference")

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("gedeeld/", views.consultation_shared_list, name="shared"),
    path("nieuw/", views.consultation_create, name="create"),
    path("beoordelen/", review_views.review_list, name="review"),
    path("beoordelen/logboek/", review_views.review_audit, name="review_audit"),
    path("statistieken/", review_views.statistics, name="statistics"),
    path("statistieken/export.csv", review_views.statistics_export, name="statistics_export"),
    path("<reference:reference>/", views.consultation_detail, name="detail"),
    path("<reference:reference>/bewerken/", views.consultation_edit, name="edit"),
    path("<reference:reference>/collegas/", sharing_views.consultation_invite, name="invite"),
    path(
        "<reference:reference>/collegas/<int:participant_id>/intrekken/",
        sharing_views.consultation_withdraw,
        name="withdraw",
    ),
    path("<reference:reference>/advies/", sharing_views.advice_create, name="advise"),
    path("<reference:reference>/gesprek/", followup_views.consultation_conversation, name="conversation"),
    path("<reference:reference>/vervolg/", followup_views.consultation_next_steps, name="next_steps"),
    path("<reference:reference>/afsluiten/", followup_views.consultation_close, name="close"),
    path("<reference:reference>/heropenen/", followup_views.consultation_reopen, name="reopen"),
]
