from django.urls import path

from signals import views

app_name = "signals"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("gespreksleidraad/", views.guide, name="guide"),
    path("doorverwijzen/", views.referrals, name="referrals"),
    path("ouders/", views.parents, name="parents"),
]
