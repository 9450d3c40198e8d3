# Work in progress (helper H1 replaces this file).
from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


consultation_list = consultation_shared_list = consultation_create = consultation_detail = _todo
consultation_edit = consultation_invite = consultation_withdraw = advice_create = _todo
consultation_conversation = consultation_next_steps = consultation_close = consultation_reopen = _todo
