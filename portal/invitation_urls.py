from django.urls import path

from portal import invitation_views

urlpatterns = [
    path("nieuw/", invitation_views.invitation_create, name="invitation_create"),
    path("<str:token>/", invitation_views.invitation_accept, name="invitation_accept"),
]
