"""Load the content of Halt's Signalenblad ondermijnende drugscriminaliteit.

The Dutch text is the seed document's (/work/shared/seed), reassembled from
its PDF line breaks; the English is a faithful translation. The data is frozen
here so the migration never changes with later code. Idempotent: rows are
matched on slug, number or key and brought back to this text, so running it
again (or on a database an editor touched) converges. Reversing keeps the rows.

Historical models have no modeltranslation magic, so every translated field is
written three times: the base field (Dutch, the default language), `_nl`, `_en`.
"""

from django.db import migrations

# (slug, order, (name nl, name en), (description nl, description en))
CATEGORIES = [
    (
        "geld-en-bezit",
        1,
        ("Geld en bezit", "Money and possessions"),
        (
            "Geld, spullen of middelen waarvan niet duidelijk is waar ze vandaan komen.",
            "Money, belongings or substances of which it is unclear where they come from.",
        ),
    ),
    (
        "gedrag-en-school",
        2,
        ("Gedrag en school", "Behaviour and school"),
        (
            "Veranderingen in gedrag, in het gebruik van middelen en op school.",
            "Changes in behaviour, in the use of substances and at school.",
        ),
    ),
    (
        "vrienden-en-omgang",
        3,
        ("Vrienden en omgang", "Friends and social life"),
        (
            "Met wie de jongere omgaat en hoe open hij of zij daarover is.",
            "Who the young person spends time with and how open he or she is about it.",
        ),
    ),
    (
        "tijd-telefoon-online",
        4,
        ("Tijd, telefoon en online", "Time, phone and online"),
        (
            "Wanneer de jongere weg is, gebeld of berichten gestuurd wordt, en wat hij of zij online doet.",
            "When the young person is out, gets calls or messages, and what he or she does online.",
        ),
    ),
]

# (slug, category slug, order in the Signalenblad, (title nl, en), (text nl, en))
SIGNALS = [
    (
        "laat-thuis-vreemde-tijden",
        "tijd-telefoon-online",
        1,
        ("Laat thuis of weg op vreemde tijden", "Home late or out at odd times"),
        (
            "Zonder uitleg laat thuis, vaker van huis gaan of op vreemde tijdstippen weg moeten",
            "Coming home late without explanation, leaving home more often or having to go out at odd times",
        ),
    ),
    (
        "zakjes-weegschaal-drugsafval",
        "geld-en-bezit",
        2,
        ("Zakjes, weegschaal of drugsafval", "Small bags, scales or drug waste"),
        (
            "Onverklaarbaar bezit van kleine plastic zakjes of chemische middelen, weegschaal of drugsafval",
            "Unexplained possession of small plastic bags or chemical substances, scales or drug waste",
        ),
    ),
    (
        "sneller-agressief-of-boos",
        "gedrag-en-school",
        3,
        ("Sneller agressief of boos", "Quicker to anger or aggression"),
        (
            "Sneller agressief of boos reageren en niet open staan voor hulp",
            "Reacting aggressively or angrily more quickly and not being open to help",
        ),
    ),
    (
        "onverklaarbaar-geld-en-dure-spullen",
        "geld-en-bezit",
        4,
        ("Onverklaarbaar geld en dure spullen", "Unexplained money and expensive things"),
        (
            "Onverklaarbaar bezit van veel geld (stapels cash), meerdere telefoons, dure kleding of andere dure "
            "producten",
            "Unexplained possession of a lot of money (piles of cash), several phones, expensive clothes or other "
            "expensive products",
        ),
    ),
    (
        "spijbelen-of-slechtere-schoolprestaties",
        "gedrag-en-school",
        5,
        ("Spijbelen of slechtere schoolprestaties", "Truancy or poorer results at school"),
        (
            "Spijbelen of verminderde schoolprestaties",
            "Truancy or declining performance at school",
        ),
    ),
    (
        "schulden-afgelost-met-onverklaarbaar-geld",
        "geld-en-bezit",
        6,
        ("Schulden afgelost met onverklaarbaar geld", "Debts paid off with unexplained money"),
        (
            "Schulden of rekeningen die met onverklaarbaar geld worden afgelost",
            "Debts or bills that are paid off with unexplained money",
        ),
    ),
    (
        "verslaving",
        "gedrag-en-school",
        7,
        ("Verslaving", "Addiction"),
        (
            "Verslaving aan gokken, drugs of alcohol",
            "Addiction to gambling, drugs or alcohol",
        ),
    ),
    (
        "geheimzinnig-op-sociale-media",
        "tijd-telefoon-online",
        8,
        ("Geheimzinnig op sociale media", "Secretive on social media"),
        (
            "Meer tijd op sociale media doorbrengen zonder daar open over te zijn",
            "Spending more time on social media without being open about it",
        ),
    ),
    (
        "omgang-met-criminele-personen",
        "vrienden-en-omgang",
        9,
        ("Omgang met criminele of intimiderende personen", "Contact with criminal or intimidating people"),
        (
            "Omgang met criminele of intimiderende (jong)volwassen personen",
            "Associating with criminal or intimidating (young) adults",
        ),
    ),
    (
        "stiekeme-omgang-met-nieuwe-vrienden",
        "vrienden-en-omgang",
        10,
        ("Stiekeme omgang met nieuwe vrienden", "Secretive contact with new friends"),
        (
            "Stiekeme omgang met (nieuwe) vrienden en hier weinig over willen vertellen",
            "Secretly spending time with (new) friends and being unwilling to say much about them",
        ),
    ),
    (
        "minder-omgang-met-leeftijdsgenoten",
        "vrienden-en-omgang",
        11,
        ("Minder omgang met leeftijdsgenoten", "Less contact with peers"),
        (
            "Minder omgang met leeftijdsgenoten in de reguliere kringen zoals school en sport",
            "Less contact with peers in the usual circles such as school and sport",
        ),
    ),
    (
        "wapenbezit-of-drugsbezit",
        "geld-en-bezit",
        12,
        ("Wapen- of drugsbezit", "Possession of weapons or drugs"),
        (
            "Wapenbezit of drugsbezit",
            "Possession of weapons or possession of drugs",
        ),
    ),
    (
        "telefoon-op-ongebruikelijke-tijden",
        "tijd-telefoon-online",
        13,
        ("Telefoon op ongebruikelijke tijden", "Calls at unusual times"),
        (
            "Op ongebruikelijke tijdstippen telefoon of berichten krijgen",
            "Getting phone calls or messages at unusual times",
        ),
    ),
]

# (number, (title nl, en), (body nl, en), [(point nl, en), ...])
TIPS = [
    (
        1,
        (
            "Wees oprecht geïnteresseerd in de leefwereld van de jongere",
            "Be genuinely interested in the young person's world",
        ),
        (
            "Vraag naar de leefwereld van de jongere. Zet de jongere in zijn of haar kracht en laat je informeren: "
            "“Leg mij eens uit hoe…”. Vraag wie de vrienden zijn van de jongere en wat hen bezighoudt. Wat is je "
            "gevoel bij deze vrienden? Bespreek eventuele zorgen of negatieve invloeden met de jongere.",
            "Ask about the young person's world. Build on the young person's strengths and let them inform you: "
            "“Explain to me how…”. Ask who the young person's friends are and what occupies them. What is your "
            "feeling about these friends? Discuss any concerns or negative influences with the young person.",
        ),
        [],
    ),
    (
        2,
        ("Vraag of de zorgen terecht zijn", "Ask whether the concerns are justified"),
        (
            "Als de jongere bevestigt dat zorgen terecht zijn, vraag dan naar achterliggende motivatie en context: "
            "wat maakt dat een bepaalde bezigheid zo belangrijk is? Wat betekent het signaal voor de jongere en "
            "zijn of haar directe omgeving?",
            "If the young person confirms that the concerns are justified, ask about the underlying motivation and "
            "context: what makes a particular activity so important? What does the signal mean for the young "
            "person and those immediately around him or her?",
        ),
        [],
    ),
    (
        3,
        ("Bespreek zorgen vanuit inclusiviteit", "Discuss concerns in an inclusive way"),
        (
            "Bespreek zorgen op een niet-belerende manier. Zorg ervoor dat je de jongere niet uitsluit of terecht "
            "wijst, maar voer het gesprek zodanig dat jongere weet hoe en bij wie hij terecht kan. Jong zijn "
            "betekent dat experimenteergedrag er immers ook gewoon bij hoort. Zeg dat nieuwsgierigheid en "
            "experimenteren past bij de ontwikkeling en dat je er voor hem of haar bent en wilt helpen. Hierbij "
            "helpt het om open vragen te stellen.",
            "Discuss concerns without lecturing. Make sure you do not exclude or reprimand the young person, but "
            "hold the conversation in such a way that the young person knows how and to whom he can turn. After "
            "all, being young means that experimenting is simply part of it. Say that curiosity and experimenting "
            "are part of growing up and that you are there for him or her and want to help. Asking open questions "
            "helps here.",
        ),
        [
            (
                "Geef aan welke signalen je waarneemt en waarom je je zorgen maakt",
                "Say which signals you observe and why you are worried",
            ),
            (
                "Vraag of de signalen herkenbaar zijn",
                "Ask whether the signals are recognisable",
            ),
            (
                "Vraag concreet collegiaal advies (wat kan ik het beste doen): niet elke jongere is immers hetzelfde",
                "Ask colleagues for concrete advice (what is the best thing for me to do): after all, no two young "
                "people are the same",
            ),
            (
                "Benoem eventueel dat je de betreffende signalen en mogelijke vervolgstappen (anoniem of samen met "
                "de jongere) wilt bespreken of hebt besproken",
                "Where appropriate, mention that you want to discuss, or have discussed, the signals concerned and "
                "possible next steps (anonymously or together with the young person)",
            ),
        ],
    ),
    (
        4,
        ("Wees benaderbaar", "Be approachable"),
        (
            "Probeer open het gesprek aan te gaan. Wanneer er een probleem is, zal een jongere jou sneller vinden "
            "om zaken bespreekbaar te maken.",
            "Try to enter into the conversation openly. When there is a problem, a young person will then come to "
            "you sooner to talk about it.",
        ),
        [],
    ),
    (
        5,
        ("Bespreek mogelijke vervolgstappen", "Discuss possible next steps"),
        (
            "Benoem eventueel dat je de signalen en mogelijke vervolgstappen (anoniem of samen met de jongere) wilt "
            "bespreken met anderen. Dat kan met mensen uit de sociale omgeving van de jongere of met andere "
            "professionals. Doe dit altijd met inachtneming van de privacyregels.",
            "Where appropriate, mention that you want to discuss the signals and possible next steps with others "
            "(anonymously or together with the young person). That can be people from the young person's social "
            "circle or other professionals. Always do this with due regard for the privacy rules.",
        ),
        [],
    ),
    (
        6,
        ("Vraag advies aan andere professionals", "Ask other professionals for advice"),
        (
            "Als je besluit de signalen, voor of na het gesprek met de jongere, met andere professionals te "
            "bespreken, doe dit dan altijd conform privacyregels.",
            "If you decide to discuss the signals with other professionals, before or after the conversation with "
            "the young person, always do so in accordance with the privacy rules.",
        ),
        [],
    ),
]

# (slug, order, kind, audience, url, (name nl, en), (description nl, en))
REFERRAL_ORGANISATIONS = [
    (
        "halt",
        1,
        "organisation",
        "everyone",
        "https://www.halt.nl/",
        ("Halt", "Halt"),
        (
            "Halt, de maker van het Signalenblad, werkt aan bewustwording bij jongeren en ouders. Meer informatie: "
            "kijk op www.halt.nl of mail naar info@halt.nl.",
            "Halt, the maker of the Signalenblad, works on raising awareness among young people and parents. More "
            "information: see www.halt.nl or e-mail info@halt.nl.",
        ),
    ),
    (
        "halt-infoblad-ondermijningsaanpak",
        2,
        "document",
        "professionals",
        "https://www.halt.nl/storage/uploads/d2e18878-dd02-4ba3-8e4b-580f2e3544de/Ondermijning-Infoblad.pdf",
        (
            "Infoblad Halt bijdrage ondermijningsaanpak",
            "Halt info sheet: Halt's contribution to tackling undermining",
        ),
        (
            "Halt voert activiteiten uit die in het teken staan van bewustwording bij jongeren en ouders. Zo geeft "
            "Halt voorlichting op scholen, spreekuren en voert het de Halt-interventie uit.",
            "Halt carries out activities aimed at raising awareness among young people and parents. For instance, "
            "Halt gives information sessions at schools, holds consultation hours and carries out the Halt "
            "intervention.",
        ),
    ),
    (
        "halt-kennisclip-ondermijning",
        3,
        "video",
        "professionals",
        "https://lnkd.in/eHsQSP2Z",
        ("Halt kennisclip over ondermijning", "Halt knowledge clip on undermining"),
        (
            "Een korte video van Halt over ondermijning; op het Signalenblad te openen via de QR-code.",
            "A short video by Halt about undermining; on the Signalenblad it opens through the QR code.",
        ),
    ),
    (
        "fier",
        4,
        "organisation",
        "everyone",
        "http://www.fier.nl/ik-zoek-hulp",
        ("Landelijk Expertisecentrum Fier", "Fier national centre of expertise"),
        (
            "Bij het Landelijk Expertisecentrum Fier vind je informatie over wat je kunt doen wanneer je je zorgen "
            "maakt om een kind, waaronder anoniem chatten of bellen met hulpverleners van Fier.",
            "At the Fier national centre of expertise you will find information about what you can do when you are "
            "worried about a child, including chatting or phoning anonymously with Fier's care workers.",
        ),
    ),
    (
        "drugskompas",
        5,
        "website",
        "everyone",
        "http://www.drugskompas.nl/",
        ("Drugskompas", "Drugskompas"),
        (
            "Bij Drugskompas kun je terecht voor informatie en hulp voor ouders, professionals en jongeren.",
            "Drugskompas offers information and help for parents, professionals and young people.",
        ),
    ),
    (
        "beslisboom-drugscriminaliteit-op-school",
        6,
        "document",
        "schools",
        "https://veiligheidscoalitie.nl/apothekerskast/georganiseerde-ondermijnende-crim/straatwaarden2/",
        ("Beslisboom Drugscriminaliteit op school", "Decision tree: drug crime at school"),
        (
            "Een beslisboom van het regioprogramma Straatwaarden die richting en handelingsperspectief geeft aan "
            "onderwijsprofessionals inzake signalen van drugscriminaliteit op school.",
            "A decision tree from the regional programme Straatwaarden that gives education professionals direction "
            "and options for action regarding signals of drug crime at school.",
        ),
    ),
    (
        "niet-pluis-document",
        7,
        "document",
        "schools",
        "https://www.schoolenveiligheid.nl/wp-content/uploads/2020/08/Niet-pluis-gevoel-DEFnov2019.pdf",
        ("Niet Pluis document", "‘Niet pluis’ (something's not right) document"),
        (
            "Een document van Stichting School & Veiligheid (SSV) dat een kader biedt voor het omgaan met zorgelijke "
            "signalen die duiden op mogelijke betrokkenheid bij criminaliteit.",
            "A document by the School & Safety Foundation (Stichting School & Veiligheid, SSV) that provides a "
            "framework for dealing with worrying signals that point to possible involvement in crime.",
        ),
    ),
    (
        "stichting-school-en-veiligheid",
        8,
        "organisation",
        "schools",
        "https://www.schoolenveiligheid.nl/",
        ("Stichting School & Veiligheid", "School & Safety Foundation (Stichting School & Veiligheid)"),
        (
            "Stichting School & Veiligheid (SSV) maakte het Niet Pluis document, een kader voor het omgaan met "
            "zorgelijke signalen die duiden op mogelijke betrokkenheid bij criminaliteit.",
            "The School & Safety Foundation (SSV) made the ‘Niet pluis’ document, a framework for dealing with "
            "worrying signals that point to possible involvement in crime.",
        ),
    ),
    (
        "dealen-met-drugs-verhalen",
        9,
        "website",
        "everyone",
        "https://dealenmetdrugs.nl/verhalen/",
        ("Dealen met drugs – verhalen", "Dealen met drugs – stories"),
        (
            "Dealenmetdrugs.nl/verhalen, de site van het RIEC en Noord-Holland Samen Veilig met video’s en de "
            "signalen van ondermijning.",
            "Dealenmetdrugs.nl/verhalen, the website of the RIEC (Regional Information and Expertise Centre) and "
            "Noord-Holland Samen Veilig with videos and the signals of undermining.",
        ),
    ),
    (
        # No url: the portal serves this sheet itself (signals:parents), linked from the template.
        "signalenblad-ouders",
        10,
        "document",
        "parents",
        "",
        (
            "Signalenblad ondermijnende drugscriminaliteit voor ouders en opvoeders",
            "Signal sheet on undermining drug crime for parents and carers",
        ),
        (
            "Dit blad kun je als professional meegeven aan ouder(s)/verzorger(s) in gesprekken die gaan over het "
            "herkennen van signalen van ondermijnende drugscriminaliteit. Daarin is ook de richting voor "
            "handelingsperspectief opgenomen.",
            "As a professional, you can give this sheet to parents or carers in conversations about recognising "
            "signals of undermining drug crime. It also points them towards what they can do.",
        ),
    ),
]

# (key, (title nl, en), (text nl, en)); keys are the constants in signals/guidance.py.
GUIDANCE_TEXTS = [
    (
        "not-proof",
        ("Een signaal is geen bewijs", "A signal is not proof"),
        (
            "Wanneer één of meer signalen spelen bij een jongere, betekent dat natuurlijk niet meteen dat er sprake "
            "is van betrokkenheid bij ondermijnende drugscriminaliteit. De signalen dienen vooral als aandachtspunt "
            "en zijn aanleiding om open het gesprek met een jongere en eventueel diens sociale netwerk aan te gaan.",
            "When one or more signals apply to a young person, that of course does not immediately mean that he or "
            "she is involved in undermining drug crime. The signals serve above all as points of attention and are "
            "a reason to start an open conversation with the young person and possibly his or her social network.",
        ),
    ),
    (
        "introduction",
        ("Ondermijnende drugscriminaliteit", "Undermining drug crime"),
        (
            "Ondermijning is een begrip dat veel wordt gebruikt. Er is echter geen eenduidige definitie. Het is wel "
            "duidelijk dat het gaat om criminaliteit waarbij sprake is van verwevenheid tussen boven- en onderwereld. "
            "Een vorm van ondermijnende criminaliteit is drugshandel, waarbij corruptie, geweld, bedreiging en "
            "intimidatie worden gebruikt om zoveel mogelijk geld te verdienen. Sommige jongeren zijn kwetsbaar voor "
            "de verleidingen van dit ‘snelle geld’.",
            "Undermining (‘ondermijning’) is a term that is used a lot. However, there is no single definition. What "
            "is clear is that it concerns crime in which the legal world and the underworld are intertwined. One "
            "form of undermining crime is drug trafficking, in which corruption, violence, threats and intimidation "
            "are used to earn as much money as possible. Some young people are vulnerable to the temptations of this "
            "‘fast money’.",
        ),
    ),
    (
        "signals-intro",
        ("Wat zijn signalen?", "What are signals?"),
        (
            "Er zijn verschillende signalen die wijzen op mogelijke betrokkenheid bij ondermijnende "
            "drugscriminaliteit.",
            "There are various signals that point to possible involvement in undermining drug crime.",
        ),
    ),
    (
        "what-can-i-do",
        ("Wat kan ik als professional doen?", "What can I do as a professional?"),
        (
            "Ga, conform de privacyregels, in gesprek met de jongere zelf of met collega’s die met de jongere in "
            "contact staan. Denk ook aan collegiaal overleg met professionals uit het zorg-veiligheids- sociaal "
            "domein zoals docenten, jongerenwerkers, de wijkagent of jeugdprofessionals van de gemeente.",
            "In accordance with the privacy rules, talk with the young person themselves or with colleagues who are "
            "in contact with the young person. Also consider collegial consultation with professionals from the "
            "care, safety and social domains, such as teachers, youth workers, the community police officer or the "
            "municipality's youth professionals.",
        ),
    ),
    (
        "talk-with-young-person",
        ("Bespreek het met de jongere", "Discuss it with the young person"),
        (
            "Wanneer één of meerdere zorgelijke signalen leven, is het belangrijk niet (alleen) over een jongere te "
            "praten, maar de zorgen ook te delen mét de jongere. Bespreek signalen dus - waar mogelijk - altijd met "
            "de jongere en eventueel met zijn of haar (in)formele netwerk. We hebben een paar gesprekstips op een "
            "rijtje gezet.",
            "When one or more worrying signals are present, it is important not (only) to talk about a young "
            "person, but also to share the concerns with the young person. So - where possible - always discuss "
            "signals with the young person and possibly with his or her (in)formal network. We have put together a "
            "few conversation tips.",
        ),
    ),
    (
        "parents-sheet",
        (
            "Signalenblad ondermijnende drugscriminaliteit voor ouders en opvoeders",
            "Signal sheet on undermining drug crime for parents and carers",
        ),
        (
            "Dit blad kun je als professional meegeven aan ouder(s)/verzorger(s) in gesprekken die gaan over het "
            "herkennen van signalen van ondermijnende drugscriminaliteit. Daarin is ook de richting voor "
            "handelingsperspectief opgenomen.",
            "As a professional, you can give this sheet to parents or carers in conversations about recognising "
            "signals of undermining drug crime. It also points them towards what they can do.",
        ),
    ),
    (
        "where-else",
        ("Waar kan ik nog meer terecht?", "Where else can I turn?"),
        (
            "Er zijn verschillende websites waar je terecht kunt met zorgen en vragen.",
            "There are several websites you can turn to with concerns and questions.",
        ),
    ),
    (
        "more-information",
        ("Meer informatie", "More information"),
        (
            "Kijk op www.halt.nl of mail naar info@halt.nl",
            "See www.halt.nl or e-mail info@halt.nl",
        ),
    ),
]


def _translated(field, pair):
    """The base field (Dutch, the default language) and both translations."""
    dutch, english = pair
    return {field: dutch, f"{field}_nl": dutch, f"{field}_en": english}


def load_signalenblad(apps, schema_editor):
    SignalCategory = apps.get_model("signals", "SignalCategory")
    Signal = apps.get_model("signals", "Signal")
    ConversationTip = apps.get_model("signals", "ConversationTip")
    ConversationTipPoint = apps.get_model("signals", "ConversationTipPoint")
    ReferralOrganisation = apps.get_model("signals", "ReferralOrganisation")
    GuidanceText = apps.get_model("signals", "GuidanceText")

    categories = {}
    for slug, order, name, description in CATEGORIES:
        categories[slug], _ = SignalCategory.objects.update_or_create(
            slug=slug,
            defaults={"order": order, **_translated("name", name), **_translated("description", description)},
        )
    for slug, category_slug, order, title, description in SIGNALS:
        Signal.objects.update_or_create(
            slug=slug,
            defaults={
                "category": categories[category_slug],
                "order": order,
                **_translated("title", title),
                **_translated("description", description),
            },
        )
    for number, title, body, points in TIPS:
        tip, _ = ConversationTip.objects.update_or_create(
            number=number, defaults={**_translated("title", title), **_translated("body", body)}
        )
        for order, text in enumerate(points, start=1):
            ConversationTipPoint.objects.update_or_create(tip=tip, order=order, defaults=_translated("text", text))
    for slug, order, kind, audience, url, name, description in REFERRAL_ORGANISATIONS:
        ReferralOrganisation.objects.update_or_create(
            slug=slug,
            defaults={
                "order": order,
                "kind": kind,
                "audience": audience,
                "url": url,
                **_translated("name", name),
                **_translated("description", description),
            },
        )
    for key, title, text in GUIDANCE_TEXTS:
        GuidanceText.objects.update_or_create(
            key=key, defaults={**_translated("title", title), **_translated("text", text)}
        )


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]

    operations = [migrations.RunPython(load_signalenblad, migrations.RunPython.noop)]
