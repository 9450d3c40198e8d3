from django.http import HttpResponse


def invitation_create(request):
    return HttpResponse("todo")


def invitation_accept(request, token):
    return HttpResponse("todo")
