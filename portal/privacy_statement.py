# Work in progress (helper H3 replaces this file).
from django.http import Http404


def privacy_statement(request):
    raise Http404
