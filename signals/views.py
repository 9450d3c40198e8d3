"""The catalogue pages: signals, conversation guide, referrals, parents' sheet.

Read-only pages for every signed-in user; the content comes from the
selectors and the guidance passages, in the active language with Dutch as the
fallback (modeltranslation).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from signals import guidance, selectors

# Where the parents' sheet sends parents and carers, in this order.
PARENTS_REFERRAL_SLUGS = ("drugskompas", "fier", "halt")


@login_required
def catalogue(request):
    texts = guidance.guidance_texts(guidance.INTRODUCTION, guidance.SIGNALS_INTRODUCTION, guidance.NOT_PROOF)
    return render(
        request,
        "signals/catalogue.html",
        {
            "categories": selectors.signal_categories_with_signals(),
            "introduction": texts.get(guidance.INTRODUCTION),
            "signals_introduction": texts.get(guidance.SIGNALS_INTRODUCTION),
            "not_proof": texts.get(guidance.NOT_PROOF),
        },
    )


@login_required
def guide(request):
    texts = guidance.guidance_texts(guidance.WHAT_CAN_I_DO, guidance.TALK_WITH_YOUNG_PERSON, guidance.NOT_PROOF)
    return render(
        request,
        "signals/guide.html",
        {
            "tips": selectors.conversation_tips(),
            "what_can_i_do": texts.get(guidance.WHAT_CAN_I_DO),
            "talk_with_young_person": texts.get(guidance.TALK_WITH_YOUNG_PERSON),
            "not_proof": texts.get(guidance.NOT_PROOF),
        },
    )


@login_required
def referrals(request):
    texts = guidance.guidance_texts(guidance.WHERE_ELSE, guidance.MORE_INFORMATION)
    return render(
        request,
        "signals/referrals.html",
        {
            "groups": selectors.referral_organisations_by_audience(),
            "parents_sheet_slug": selectors.PARENTS_SHEET_SLUG,
            "where_else": texts.get(guidance.WHERE_ELSE),
            "more_information": texts.get(guidance.MORE_INFORMATION),
        },
    )


@login_required
def parents(request):
    texts = guidance.guidance_texts(
        guidance.PARENTS_SHEET, guidance.INTRODUCTION, guidance.SIGNALS_INTRODUCTION, guidance.NOT_PROOF
    )
    organisations = {
        organisation.slug: organisation for organisation in selectors.referral_organisations(*PARENTS_REFERRAL_SLUGS)
    }
    return render(
        request,
        "signals/parents.html",
        {
            "signals": selectors.active_signals(),
            "parents_sheet": texts.get(guidance.PARENTS_SHEET),
            "introduction": texts.get(guidance.INTRODUCTION),
            "signals_introduction": texts.get(guidance.SIGNALS_INTRODUCTION),
            "not_proof": texts.get(guidance.NOT_PROOF),
            "organisations": [organisations[slug] for slug in PARENTS_REFERRAL_SLUGS if slug in organisations],
        },
    )
