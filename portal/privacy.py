"""The privacy guard: does a free text identify the young person it is about?

`find_identifiers(text)` returns what looks identifying; an empty list means the text
may be stored. Every form that stores free text calls it (DESIGN.md, privacy rule 1).

Two sources, merged:
- deduce (Dutch de-identification, UMC Utrecht, LGPL-3.0-or-later) for person names,
  phone numbers, e-mail addresses, BSNs, addresses and long numbers;
- precise rules in `portal.privacy_rules` for what deduce misses (licence plates, social
  media handles, labelled numbers, international phone forms, IBANs, dates of birth).

What is *not* identifying here, by decision (tests/privacy/corpus.tsv measures it):
ages ("15 jaar"), towns and neighbourhoods, a street without a house number (except
"woont in de Vondelstraat"), institutions and the portal's referral organisations,
amounts, times, and dates without a year or in the last few years (events). A full date
is a birth date when the sentence says so or when it lies more than
`BIRTH_DATE_MIN_YEARS_BACK` years back. "klas 3" is fine; "klas 3B" names a small group.

deduce needs ~1 GB and ~10 s to load (and ~1-2 min to build its lookup cache once), so it
is loaded lazily, once per process, by `warm_up()` or the first call.
"""

import fcntl
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.privacy_rules import BIRTH_DATE_MIN_YEARS_BACK, Candidate, rule_candidates

# deduce runs logging.basicConfig(stream=sys.stdout, level=DEBUG) on import. Importing it
# here costs ~0.1 s (the 1 GB comes only with Deduce()), so Django start-up stays fast and
# no import hides in a function; the root logger is noted first and restored right after.
_ROOT_HANDLERS_BEFORE_DEDUCE = tuple(logging.root.handlers)
_ROOT_LEVEL_BEFORE_DEDUCE = logging.root.level
from deduce import Deduce  # noqa: E402


def _undo_deduce_basic_config() -> None:
    # basicConfig only acts on a root logger without handlers, so anything new is its doing.
    added = [handler for handler in logging.root.handlers if handler not in _ROOT_HANDLERS_BEFORE_DEDUCE]
    if added:
        for handler in added:
            logging.root.removeHandler(handler)
        logging.root.setLevel(_ROOT_LEVEL_BEFORE_DEDUCE)


_undo_deduce_basic_config()

__all__ = ["ALLOWED_NAMES", "BIRTH_DATE_MIN_YEARS_BACK", "KINDS", "Finding", "describe", "find_identifiers", "warm_up"]


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


class KindDescription(NamedTuple):
    label: Promise
    advice: Promise


KINDS: dict[str, KindDescription] = {
    "person_name": KindDescription(
        _("a name"), _("Write “the young person”, “an older friend” or “a classmate” instead of a name.")
    ),
    "phone_number": KindDescription(_("a phone number"), _("Leave the number out; write “he has two phones”.")),
    "email_address": KindDescription(_("an e-mail address"), _("Leave the address out.")),
    "social_media_handle": KindDescription(
        _("a social media account"), _("Name the platform only, for example “an account on Snapchat”.")
    ),
    "bsn": KindDescription(_("a citizen service number (BSN)"), _("Never write a BSN here.")),
    "iban": KindDescription(_("a bank account number"), _("Write “money was transferred to an account”.")),
    "postcode": KindDescription(_("a postcode"), _("Name the neighbourhood or the town instead.")),
    "street_address": KindDescription(
        _("an address"), _("Describe the place, for example “a flat in the neighbourhood”, without a house number.")
    ),
    "date_of_birth": KindDescription(
        _("a date of birth"), _("Give the age instead; the age band is asked for separately.")
    ),
    "licence_plate": KindDescription(_("a licence plate"), _("Describe the vehicle, for example “a black car”.")),
    "labelled_number": KindDescription(
        _("a student, case or client number"), _("Leave the number out; colleagues do not need it.")
    ),
    "identification_number": KindDescription(
        _("a long number that may identify someone"), _("Leave the number out or round it.")
    ),
    "school_class": KindDescription(
        _("a class group"), _("Write the year only, for example “third year” instead of “3B”.")
    ),
}

# Names deduce takes for people but that professionals use all the time: the portal's
# referral organisations, institutions, brands, and ordinary words that start a sentence.
# Compared case-insensitively; the lead may pass the referral names from the catalogue as
# `allowed_names` to find_identifiers.
ALLOWED_NAMES: frozenset[str] = frozenset(
    {
        # referral organisations and partners
        "Halt", "Bureau Halt", "Fier", "Drugskompas", "Straatwaarden", "School & Veiligheid", "RIEC",
        "Noord-Holland Samen Veilig", "Samen Veilig", "Dealen met drugs", "Politie", "Veilig Thuis", "GGD",
        "Jeugdzorg", "Leerplicht", "Jongerenwerk", "Wijkteam", "Raad voor de Kinderbescherming", "Jellinek",
        "Brijder", "Tactus", "Novadic-Kentron", "Trimbos", "Slachtofferhulp", "Zorg- en Veiligheidshuis",
        "Veiligheidshuis", "ZAT", "CJG", "Openbaar Ministerie", "Reclassering", "William Schrikker",
        # shops, brands, platforms that appear in notes
        "Albert Heijn", "Jumbo", "Lidl", "Aldi", "Action", "Kruidvat", "Hema", "McDonald's", "Burger King",
        "KFC", "Primark", "Nike", "Nike Air Max", "Adidas", "Canada Goose", "Moncler", "Gucci", "Louis Vuitton",
        "Stone Island", "Mercedes", "BMW", "Audi", "Volkswagen", "Golf", "Polo", "iPhone", "Samsung", "AirPods",
        "PlayStation", "Fortnite", "Snapchat", "Snap", "Instagram", "TikTok", "WhatsApp", "Telegram", "Signal",
        "Magister", "Somtoday", "Tikkie",
        # school subjects and languages
        "Nederlands", "Engels", "Duits", "Frans", "Wiskunde", "Biologie", "Geschiedenis", "Economie", "Turks",
        "Arabisch", "Pools",
        # ordinary words that start a sentence or a note
        "Jongere", "Jongeren", "Jongen", "Meisje", "Leerling", "Leerlingen", "Moeder", "Vader", "Ouders", "Oma",
        "Opa", "Broer", "Zus", "Oom", "Tante", "Neef", "Nicht", "Buurman", "Buurvrouw", "Klasgenoot",
        "Klasgenoten", "Docent", "Mentor", "Juf", "Meester", "Wijkagent", "Buurtregisseur", "Jongerenwerker",
        "Conciërge", "Zorgcoördinator", "Teamleider", "Leerplichtambtenaar", "Trainer", "Coach", "Collega",
        "Sinds", "Vorige", "Volgende", "Gisteren", "Vandaag", "Morgen", "Afgelopen", "Eerder", "Later", "Daarna",
        "Toen", "Volgens", "Tijdens", "Na", "Voor", "Bij", "Met", "Op", "In", "Eind", "Begin", "Half", "Rond",
        "Hij", "Zij", "Ze", "Zijn", "Haar", "Hun", "De", "Het", "Een", "Er", "Ook", "Wel", "Niet", "Nog",
        "Gesprek", "Contact", "Overleg", "Melding", "Signaal", "Zorg", "Zorgen", "Advies", "Vraag", "Link",
        "Opvallend", "Let", "Update", "Verslag", "Actie", "Afspraak", "Tel", "Adres", "Naam", "Mogelijk",
        "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Januari", "Februari",
        "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September", "Oktober", "November", "December",
    }
)  # fmt: skip

# deduce tags that identify a young person; the others (ages, institutions, dates, URLs)
# are not identifying here or are handled by our own rules, and are not even computed.
_DEDUCE_KINDS = {
    "persoon": "person_name",
    "patient": "person_name",
    "locatie": "street_address",
    "telefoonnummer": "phone_number",
    "emailadres": "email_address",
    "bsn": "bsn",
    "id": "identification_number",
}
_DEDUCE_DISABLED = frozenset({"ages", "institutions", "dates", "urls", "redactor"})
_WORD = re.compile(r"[\w'&-]+")
_POSTCODE_SHAPE = re.compile(r"\d{4}\s?[A-Za-z]{2}\b")

_deduce_instance: Deduce | None = None
_deduce_lock = threading.Lock()


def _deduce() -> Deduce:
    """The one Deduce per process. A file lock keeps two processes from building the cache at once."""
    global _deduce_instance
    with _deduce_lock:
        if _deduce_instance is None:
            # django-environ's env.path gives an environ.Path, not a pathlib.Path.
            cache_dir = Path(str(settings.PRIVACY_GUARD_CACHE_DIR))
            cache_dir.mkdir(parents=True, exist_ok=True)
            with open(cache_dir / "build.lock", "w") as lock_file:
                fcntl.flock(lock_file, fcntl.LOCK_EX)
                _deduce_instance = Deduce(cache_path=cache_dir)
        return _deduce_instance


def warm_up() -> None:
    """Load deduce now (gunicorn preload, test sessions) rather than on the first save."""
    _deduce()


def _names_pattern(names: Iterable[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_ALLOWED_NAMES_PATTERN = _names_pattern(ALLOWED_NAMES)


def _allowed_spans(text: str, extra_names: set[str]) -> list[tuple[int, int]]:
    patterns = [_ALLOWED_NAMES_PATTERN, _names_pattern(extra_names)] if extra_names else [_ALLOWED_NAMES_PATTERN]
    return [match.span() for pattern in patterns for match in pattern.finditer(text)]


def _without_allowed_names(text: str, candidates: list[Candidate], extra_names: set[str]) -> list[Candidate]:
    """Trim allowed words off the edges of names ("Volgens Fatima" -> "Fatima"); drop names that are allowed."""
    if not any(candidate.kind == "person_name" for candidate in candidates):
        return candidates
    allowed_words = {name.lower() for name in ALLOWED_NAMES | extra_names}
    allowed_spans = _allowed_spans(text, extra_names)
    kept = []
    for candidate in candidates:
        if candidate.kind != "person_name":
            kept.append(candidate)
            continue
        words = list(_WORD.finditer(text, candidate.start, candidate.end))
        while words and (words[0].group().lower() in allowed_words or not words[0].group()[0].isalpha()):
            words.pop(0)
        while words and words[-1].group().lower() in allowed_words:
            words.pop()
        if not words:
            continue
        start, end = words[0].start(), words[-1].end()
        if not any(a_start <= start and end <= a_end for a_start, a_end in allowed_spans):
            kept.append(Candidate("person_name", start, end))
    return kept


def _deduce_candidates(text: str) -> list[Candidate]:
    document = _deduce().deidentify(text, disabled=set(_DEDUCE_DISABLED))
    candidates = []
    for annotation in document.annotations:
        kind = _DEDUCE_KINDS.get(annotation.tag)
        # deduce tags towns as locations too; only an address with a number identifies. Postcodes
        # are left to our rule, which knows "2000 KG" is a weight.
        if kind == "street_address" and (
            not any(char.isdigit() for char in annotation.text) or _POSTCODE_SHAPE.match(annotation.text)
        ):
            continue
        if kind:
            candidates.append(Candidate(kind, annotation.start_char, annotation.end_char))
    return candidates


def _merge(text: str, ours: list[Candidate], theirs: list[Candidate]) -> list[Finding]:
    """Overlapping spans become one finding; its kind comes from our rules before deduce, then the longest."""
    ranked = sorted([(c, True) for c in ours] + [(c, False) for c in theirs], key=lambda pair: pair[0].start)
    groups: list[list[tuple[Candidate, bool]]] = []
    for candidate, is_ours in ranked:
        if groups and candidate.start < max(member.end for member, _ours in groups[-1]):
            groups[-1].append((candidate, is_ours))
        else:
            groups.append([(candidate, is_ours)])
    findings = []
    for group in groups:
        start, end = group[0][0].start, max(member.end for member, _ours in group)
        best, _ours = max(group, key=lambda pair: (pair[1], pair[0].end - pair[0].start))
        findings.append(Finding(kind=best.kind, start=start, end=end, text=text[start:end]))
    return findings


def find_identifiers(text: str, *, allowed_names: Iterable[str] = (), today: date | None = None) -> list[Finding]:
    """What in `text` looks like it identifies someone; an empty list means it may be stored.

    `allowed_names` adds names that are never a person (e.g. referral organisations from
    the catalogue); `today` fixes the date used to tell birth dates from recent events.
    """
    if not text or not text.strip():
        return []
    extra_names = set(allowed_names)
    ours = _without_allowed_names(text, rule_candidates(text, today=today or date.today()), extra_names)
    return _merge(text, ours, _without_allowed_names(text, _deduce_candidates(text), extra_names))


def describe(finding: Finding) -> str:
    """One sentence for the form: what looked identifying and how to rephrase it."""
    description = KINDS.get(finding.kind, KINDS["identification_number"])
    return gettext("“%(text)s” looks like %(label)s. %(advice)s") % {
        "text": finding.text,
        "label": description.label,
        "advice": description.advice,
    }
