"""Precise rules for identifiers that deduce misses or gets wrong, with their checksums.

Each rule is a function `text, today -> list[Candidate]`; `portal.privacy` runs them all
next to deduce and merges the results. The rules are deliberately narrow (a checksum, a
label, a fixed shape) so that ordinary sentences are not refused.
"""

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import NamedTuple


class Candidate(NamedTuple):
    kind: str
    start: int
    end: int


def bsn_is_valid(digits: str) -> bool:
    """The 11-check ("elfproef") of a burgerservicenummer: 9 digits, weights 9..2 and -1."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0 and digits != "000000000"


def iban_is_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10..35, mod 97 == 1."""
    compact = re.sub(r"\s", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _spans(kind: str, pattern: re.Pattern, text: str, group: int = 0) -> list[Candidate]:
    return [Candidate(kind, match.start(group), match.end(group)) for match in pattern.finditer(text)]


# --- Phone numbers ------------------------------------------------------------------
# Dutch numbers: 0 or +31 / 0031 (optionally "(0)"), then 9 digits with spaces, dots or
# dashes in between. International numbers: + or 00 and 8 to 13 digits.
_DUTCH_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|0)[1-9](?:[ .-]{0,3}\d){8}(?![\d])")
_M2M_PHONE = re.compile(r"(?<![\w+])097[ .-]?(?:\d[ .-]?){8}\d(?!\d)")
_FOREIGN_PHONE = re.compile(r"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}(?:[ .-]{0,3}\d){7,12}(?!\d)")
_STARTS_WITH_DATE = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{4}\s")


def phone_numbers(text: str, today: date) -> list[Candidate]:
    found = _spans("phone_number", _FOREIGN_PHONE, text) + _spans("phone_number", _M2M_PHONE, text)
    for match in _DUTCH_PHONE.finditer(text):
        # "op 01-02-2026 10 minuten" has the right number of digits but is a date.
        if not _STARTS_WITH_DATE.match(match.group()):
            found.append(Candidate("phone_number", match.start(), match.end()))
    return found


# --- E-mail, social media -----------------------------------------------------------
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_PLATFORM = r"(?:insta(?:gram)?|snap(?:chat)?|tik\s?tok|telegram|twitter|facebook|fb|discord|signal|threads|youtube)"
# "insta: dirty.ricky", "zijn snap is kleinemo2009", "op Snap 'zakkenvuller09'".
_PLATFORM_NAME = re.compile(
    rf"(?i)\b{_PLATFORM}(?:[-\s]?(?:naam|account|profiel|handle|gebruikersnaam|id))?"
    r"(?:(?P<colon>\s*:\s*)|\s+(?:is|heet|als|=)\s+|\s+)"
    r"(?P<name>['\"‘“][^'\"’”\s]{2,40}['\"’”]|@?[\w.]*\w)(?P<clause_end>\s*(?:$|[,;)\n]))?"
)
_QUOTED_OR_HANDLE_LIKE = re.compile(r"^['\"‘“@]|[\d_.]")
_PROFILE_URL = re.compile(
    r"(?i)\b(?:https?://)?(?:www\.)?(?:instagram\.com|tiktok\.com|snapchat\.com|facebook\.com|fb\.com|twitter\.com"
    r"|x\.com|t\.me|wa\.me|youtube\.com|discord\.gg)/[\w.@/%-]*[\w@/%-]"
)


def email_addresses(text: str, today: date) -> list[Candidate]:
    return _spans("email_address", _EMAIL, text)


def social_media_handles(text: str, today: date) -> list[Candidate]:
    found = _spans("social_media_handle", _HANDLE, text) + _spans("social_media_handle", _PROFILE_URL, text)
    for match in _PLATFORM_NAME.finditer(text):
        # An ordinary word after the platform ("op Instagram en TikTok") is no handle, unless it
        # stands alone after a colon ("snap: kevin").
        stands_alone = match.group("colon") is not None and match.group("clause_end") is not None
        if stands_alone or _QUOTED_OR_HANDLE_LIKE.search(match.group("name")):
            found.append(Candidate("social_media_handle", match.start("name"), match.end("name")))
    return found


# --- BSN, IBAN, labelled numbers ----------------------------------------------------
_NINE_DIGITS = re.compile(r"(?<![\d.,-])\d{9}(?![\d.,]\d|\d)")
_IBAN_START = re.compile(r"(?i)\b[A-Z]{2}\d{2}(?=\s?[A-Z0-9]{4})")
_IBAN_TAIL = re.compile(r"(?i)(?:\s?[A-Z0-9]){11,30}")
_BSN_LABEL = r"bsn(?:-?nummer)?|burgerservicenummer|sofi-?nummer"
_NUMBER_LABEL = (
    r"leerling(?:en)?nummer|leerlingnr|lln\.?\s?nr|lln|studentnummer|studentnr|dossiernummer|dossiernr"
    r"|klantnummer|klantnr|zaaknummer|zaaknr|registratienummer|meldingsnummer|cli[eë]ntnummer|relatienummer"
    r"|proces-verbaalnummer|pv-nummer|pv-nr|onderwijsnummer|ov-nummer|id-nummer|documentnummer|paspoortnummer"
    r"|persoonsgebonden nummer|pgn"
)
# A label, at most 30 characters that do not end the sentence, then a number with 4+ digits.
_LABELLED = re.compile(
    rf"(?i)\b(?P<label>{_BSN_LABEL}|{_NUMBER_LABEL})\b\.?(?:[^\n.!?]|\.(?!\s)){{0,30}}?"
    r"(?P<number>\b[A-Z]{0,6}-?\d(?:[\d./-]?\d){3,}|\b\d{1,4}(?:[ .]\d{2,5}){1,3}\b)"
)


def bsns(text: str, today: date) -> list[Candidate]:
    return [Candidate("bsn", m.start(), m.end()) for m in _NINE_DIGITS.finditer(text) if bsn_is_valid(m.group())]


def ibans(text: str, today: date) -> list[Candidate]:
    found = []
    for start_match in _IBAN_START.finditer(text):
        tail = _IBAN_TAIL.match(text, start_match.end())
        if not tail:
            continue
        # The longest stretch that passes the checksum and ends at a word boundary.
        for end in range(tail.end(), start_match.end(), -1):
            at_boundary = end == len(text) or not text[end].isalnum()
            if at_boundary and text[end - 1].isalnum() and iban_is_valid(text[start_match.start() : end]):
                found.append(Candidate("iban", start_match.start(), end))
                break
    return found


def labelled_numbers(text: str, today: date) -> list[Candidate]:
    found = []
    for match in _LABELLED.finditer(text):
        kind = "bsn" if re.fullmatch(_BSN_LABEL, match.group("label"), re.IGNORECASE) else "labelled_number"
        found.append(Candidate(kind, match.start(), match.end("number")))
    return found


# --- Addresses ----------------------------------------------------------------------
_NOT_POSTCODE_LETTERS = {"SA", "SD", "SS", "MG", "KG", "GB", "MB", "TB", "KM", "CM", "MM", "ML", "CL", "PK", "KW"}
_POSTCODE = re.compile(r"(?<![\d€.,])\b[1-9]\d{3}\s?(?P<letters>[A-Z]{2})\b|(?<![\d€.,])\b[1-9]\d{3}[a-z]{2}\b")
_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dreef|dijk|hof|park|steeg|pad|markt|baan|plantsoen|dam|wal"
    r"|erf|ring|boulevard|allee|haven|burgwal|vaart|wetering|hoek|oord|poort|passage"
)
_STREET_NAME = rf"(?:[A-Z][\w'-]*\s(?:(?:van|de|der|den|het|ter|ten|op|aan|in|'t)\s)*)*[A-Z][\w'-]*(?:{_STREET_SUFFIX})"
_HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z]\b|-\d{1,3}\b|\s(?:bis|hs|huis|I{1,3})\b)?"
_STREET_WITH_NUMBER = re.compile(rf"\b{_STREET_NAME}\s{_HOUSE_NUMBER}(?!\d)")
_LAAN_VAN = re.compile(
    rf"\b(?:Laan|Lange|Korte|Oude|Nieuwe)\s(?:(?:van|de|der|den|het|ter)\s)*[A-Z][\w'-]+\s{_HOUSE_NUMBER}"
)
_RESIDENCE = re.compile(rf"\bwoon(?:t|de|den|en)\s+(?:in|aan|op)\s+(?:de|het)\s+(?P<street>{_STREET_NAME})\b")


def postcodes(text: str, today: date) -> list[Candidate]:
    return [
        Candidate("postcode", m.start(), m.end())
        for m in _POSTCODE.finditer(text)
        if m.group("letters") not in _NOT_POSTCODE_LETTERS
    ]


def street_addresses(text: str, today: date) -> list[Candidate]:
    found = _spans("street_address", _STREET_WITH_NUMBER, text) + _spans("street_address", _LAAN_VAN, text)
    return found + _spans("street_address", _RESIDENCE, text, group="street")


# --- Dates of birth -----------------------------------------------------------------
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[.,-]\d)"
)
_ISO_DATE = re.compile(r"(?<![\d.,/-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_TEXT_DATE = re.compile(
    rf"(?i)(?<!\d)(?P<d>\d{{1,2}})\s*(?P<month>{_MONTH})\.?(?:\s+(?P<y>(?:19|20)\d{{2}}|'\d{{2}}))?\b"
)
_BIRTH_BEFORE = re.compile(r"(?i)(?:geboren|geb\.?|geboortedatum|gebdat|geb\.?datum|dob|d\.o\.b\.?|verjaardag|jarig)\W")
_BIRTH_AFTER = re.compile(r"(?i)^[^.!?]{0,25}?\b(?:geboren|jarig|wordt\s+(?:hij|ze|zij)?\s*\d{1,2}\b|\d{1,2}\s+wordt)")
# A full date this many years back is taken as a birth date: events in a consultation are recent.
BIRTH_DATE_MIN_YEARS_BACK = 6


def _full_year(year: str, today: date) -> int:
    if len(year) == 4:
        return int(year)
    short = int(year.lstrip("'"))
    return 2000 + short if short <= today.year % 100 else 1900 + short


def _is_real_date(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _mentions_birth(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    return bool(_BIRTH_BEFORE.search(before) or _BIRTH_AFTER.match(text[end:]))


def _dates(text: str, today: date) -> Iterator[tuple[re.Match, int, int, int | None]]:
    for match in _NUMERIC_DATE.finditer(text):
        yield match, int(match["d"]), int(match["m"]), _full_year(match["y"], today)
    for match in _ISO_DATE.finditer(text):
        yield match, int(match["d"]), int(match["m"]), int(match["y"])
    for match in _TEXT_DATE.finditer(text):
        year = _full_year(match["y"], today) if match["y"] else None
        yield match, int(match["d"]), _MONTHS[match["month"].lower()], year


def dates_of_birth(text: str, today: date) -> list[Candidate]:
    """A date that says it is a birthday, or a full date too long ago to be a recent event.

    "sinds 3 maart" and "op 12-09-2026" (an event this year) may be stored.
    """
    found = []
    for match, day, month, year in _dates(text, today):
        if not _is_real_date(day, month):
            continue
        long_ago = year is not None and year <= today.year - BIRTH_DATE_MIN_YEARS_BACK
        if long_ago or _mentions_birth(text, match.start(), match.end()):
            found.append(Candidate("date_of_birth", match.start(), match.end()))
    return found


# --- Licence plates, school classes -------------------------------------------------
# The fourteen Dutch side codes (sidecodes 1-14); X is a letter, 9 a digit.
LICENCE_PLATE_SIDE_CODES = (
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
)  # fmt: skip


def _side_code_pattern(side_code: str, separator: str) -> str:
    return separator.join(
        "".join("[A-Z]" if char == "X" else r"\d" for char in group) for group in side_code.split("-")
    )


_PLATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_side_code_pattern(code, "-") for code in LICENCE_PLATE_SIDE_CODES) + r")(?![\w-])"
)
_LABELLED_PLATE = re.compile(
    r"(?i)\b(?:kenteken(?:plaat)?|nummerbord)\b[:\s]*(?:\w+[:\s]+){0,2}?(?P<plate>"
    + "|".join(_side_code_pattern(code, "-?") for code in LICENCE_PLATE_SIDE_CODES)
    + r")(?![\w-])"
)
_SCHOOL_CLASS = re.compile(r"(?i)\b(?:klas|groep|mentorklas|mentorgroep)\s+(?:\d{1,2}[a-z]\d?|\d{1,2}[A-Z]{1,3}\d)\b")


def licence_plates(text: str, today: date) -> list[Candidate]:
    """Any side code written with dashes in capitals; after "kenteken" also in lower case or without dashes."""
    return _spans("licence_plate", _PLATE, text) + _spans("licence_plate", _LABELLED_PLATE, text, group="plate")


def school_classes(text: str, today: date) -> list[Candidate]:
    return _spans("school_class", _SCHOOL_CLASS, text)


# --- Names in context ---------------------------------------------------------------
# deduce knows most first and last names; these catch a capitalised word where the
# sentence itself says it is a name ("heet Bilal", "leerling Ilias").
_NAME_WORD = r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ'-]+(?:\s(?:van|de|der|den|el|al|ter|ten)\s[A-ZÀ-Ý][a-zà-ÿ'-]+)?)"
_NAMED = re.compile(
    rf"\b(?:heet|genaamd|noemt\s+zich(?:zelf)?|naam\s+is|bijnaam\s+is|roepnaam|alias)\s+['\"‘“]?{_NAME_WORD}"
)
_ROLE_THEN_NAME = re.compile(
    r"\b(?i:leerling|jongere|jongen|meisje|broer(?:tje)?|zus(?:je)?|vriend(?:in)?|neef|nicht|oom|tante|vader"
    r"|moeder|oma|opa|klasgenoot|buurjongen|buurmeisje|meneer|mevrouw|dhr\.|mw\.|mevr\.|juf|meester)"
    rf",?\s+{_NAME_WORD}"
)


def names_in_context(text: str, today: date) -> list[Candidate]:
    return _spans("person_name", _NAMED, text, group="name") + _spans("person_name", _ROLE_THEN_NAME, text, "name")


RULES: tuple[Callable[[str, date], list[Candidate]], ...] = (
    phone_numbers,
    email_addresses,
    social_media_handles,
    bsns,
    ibans,
    labelled_numbers,
    postcodes,
    street_addresses,
    dates_of_birth,
    licence_plates,
    school_classes,
    names_in_context,
)


def rule_candidates(text: str, *, today: date) -> list[Candidate]:
    return [candidate for rule in RULES for candidate in rule(text, today)]
