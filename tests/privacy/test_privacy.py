"""Each rule of the privacy guard, the offsets it reports and the messages the forms show."""

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation

from portal.privacy import KINDS, Finding, describe, find_identifiers
from portal.privacy_rules import LICENCE_PLATE_SIDE_CODES, bsn_is_valid, iban_is_valid

TODAY = date(2026, 11, 29)
REPO = Path(__file__).resolve().parents[2]


def kinds(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in find_identifiers(text, today=TODAY, **kwargs)]


# --- Checksums ----------------------------------------------------------------------


@pytest.mark.parametrize("number", ["123456782", "111222333", "012345672", "353454709"])
def test_bsn_passing_the_eleven_check_is_valid(number):
    assert bsn_is_valid(number)


@pytest.mark.parametrize("number", ["123456789", "987654321", "000000000", "12345678", "1234567890", "12345678a"])
def test_bsn_failing_the_eleven_check_is_invalid(number):
    assert not bsn_is_valid(number)


def test_nine_digits_are_a_bsn_only_when_the_check_passes_or_it_says_bsn():
    assert kinds("Op de kopie stond 123456782.") == [("bsn", "123456782")]
    # 123456789 fails the check; deduce still reports it as a long number, but not as a BSN.
    assert ("bsn", "123456789") not in kinds("Op de kopie stond 123456789.")
    assert kinds("BSN: 123.456.789 volgens moeder.") == [("bsn", "BSN: 123.456.789")]


@pytest.mark.parametrize(
    "iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl20ingb0001234567", "BE68539007547034"]
)
def test_iban_with_a_correct_checksum_is_valid(iban):
    assert iban_is_valid(iban)


@pytest.mark.parametrize("iban", ["NL92ABNA0417164300", "NL91ABNA0417164301", "NL91ABNA", "1234ABNA0417164300"])
def test_iban_with_a_wrong_checksum_is_invalid(iban):
    assert not iban_is_valid(iban)


def test_iban_is_found_whole_with_or_without_spaces():
    assert kinds("Geld ging naar NL91 ABNA 0417 1643 00 van een neef.") == [("iban", "NL91 ABNA 0417 1643 00")]
    assert kinds("Geld ging naar NL91ABNA0417164300.") == [("iban", "NL91ABNA0417164300")]


# --- Phone numbers, e-mail, social media ----------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 12 34 56 78",
        "0612345678",
        "06.12.34.56.78",
        "010-1234567",
        "020 123 4567",
        "0251-654321",
        "+31 6 12345678",
        "+31612345678",
        "+31(0)6 12345678",
        "0031 6 12345678",
        "+32 470 12 34 56",
    ],
)
def test_phone_number_forms(number):
    assert kinds(f"Moeder belde vanaf {number} gisteren.") == [("phone_number", number)]


@pytest.mark.parametrize(
    "text",
    [
        "Op 01-02-2026 10 minuten te laat gekomen.",
        "Hij had 1500 euro en 2 telefoons bij zich.",
        "Om 06.30 uur stond hij al bij de bushalte.",
        "Hij schrijft '010' op zijn spullen.",
    ],
)
def test_numbers_that_are_not_phone_numbers(text):
    assert kinds(text) == []


def test_email_address():
    assert kinds("Moeder mailde vanaf f.elamrani@hotmail.nl over de schorsing.") == [
        ("email_address", "f.elamrani@hotmail.nl")
    ]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Hij volgt het account @snelgeld_010 op Instagram.", "@snelgeld_010"),
        ("insta: dirty.ricky", "dirty.ricky"),
        ("Zijn snap is kleinemo2009.", "kleinemo2009"),
        ("Zijn TikTok-account heet mo.money.mo en groeit.", "mo.money.mo"),
        ("Hij heet op Snap 'zakkenvuller09'.", "'zakkenvuller09'"),
        ("Profiel: instagram.com/ricky.010", "instagram.com/ricky.010"),
    ],
)
def test_social_media_handles(text, handle):
    assert ("social_media_handle", handle) in kinds(text)


@pytest.mark.parametrize(
    "text",
    ["Hij zit veel op Instagram en TikTok.", "Zijn Snapchat is een probleem.", "Insta: veel berichten van onbekenden."],
)
def test_naming_a_platform_is_not_a_handle(text):
    assert kinds(text) == []


# --- Licence plates -------------------------------------------------------------------

PLATE_EXAMPLES = {
    "XX-99-99": "GH-12-34",
    "99-99-XX": "12-34-GH",
    "99-XX-99": "12-GH-34",
    "XX-99-XX": "DF-12-GH",
    "XX-XX-99": "GH-JK-12",
    "99-XX-XX": "12-GH-JK",
    "99-XXX-9": "12-GHJ-3",
    "9-XXX-99": "1-KGB-23",
    "XX-999-X": "GV-123-B",
    "X-999-XX": "D-123-BX",
    "XXX-99-X": "GBB-12-H",
    "X-99-XXX": "H-12-GKP",
    "9-XX-999": "3-ZK-123",
    "999-XX-9": "123-ZK-4",
}


def test_every_side_code_has_an_example():
    assert set(PLATE_EXAMPLES) == set(LICENCE_PLATE_SIDE_CODES)
    assert len(LICENCE_PLATE_SIDE_CODES) == 14


@pytest.mark.parametrize(("side_code", "plate"), PLATE_EXAMPLES.items())
def test_licence_plate_side_codes(side_code, plate):
    assert kinds(f"Hij stapte in een auto ({plate}) bij school.") == [("licence_plate", plate)], side_code


def test_licence_plate_in_lower_case_or_without_dashes_only_after_kenteken():
    assert kinds("Kenteken scooter: fzx12b, zonder streepjes.") == [("licence_plate", "fzx12b")]
    assert kinds("Het nummerbord gh-12-34 was deels afgeplakt.") == [("licence_plate", "gh-12-34")]
    assert kinds("Zij gaf een top-10 van 12-ab-34 redenen.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hij rijdt op een scooter zonder kenteken.",
        "Covid-19 en A-12 zijn geen kentekens.",
        "Hij zit in 3-VMBO-TL en heeft 2-3 uur les.",
        "Dossier VT-2023-04512 is eerder genoemd.",
    ],
)
def test_codes_that_are_not_licence_plates(text):
    assert "licence_plate" not in {kind for kind, _text in kinds(text)}, text


# --- Addresses, dates, numbers, classes ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hij woont op de Kerkstraat 12.", "Kerkstraat 12"),
        ("Opslag op Laan van Meerdervoort 5a, zegt hij.", "Laan van Meerdervoort 5a"),
        ("Hij haalt pakketjes op bij Dorpsweg 3-2.", "Dorpsweg 3-2"),
        ("Hij woont in de Vondelstraat, vlak bij school.", "Vondelstraat"),
    ],
)
def test_street_addresses(text, found):
    assert kinds(text) == [("street_address", found)]


@pytest.mark.parametrize(
    "text",
    [
        "Hij hangt rond bij de snackbar aan de Kerkstraat.",
        "Hij komt uit Zaandam en gaat in Amsterdam naar school.",
        "Hij liep weg 2 uur later.",
    ],
)
def test_places_without_a_house_number_may_be_stored(text):
    assert kinds(text) == []


@pytest.mark.parametrize("postcode", ["1034 KP", "2511CV"])
def test_postcodes(postcode):
    assert kinds(f"Pakketjes gingen naar {postcode}.") == [("postcode", postcode)]


def test_numbers_with_units_are_not_postcodes():
    assert kinds("Er lag 1000 MG aan pillen en 2000 KG zand.") == []


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("Jongere is geboren op 12-03-2011.", "12-03-2011"),
        ("geb. 12 maart 2011, woont bij moeder.", "12 maart 2011"),
        ("Leerling (05-11-2009) is in beeld.", "05-11-2009"),
        ("DOB 2011-02-14 volgens het formulier.", "2011-02-14"),
        ("Ze is jarig op 23 augustus en wordt dan 15.", "23 augustus"),
    ],
)
def test_dates_of_birth(text, date_text):
    assert ("date_of_birth", date_text) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sinds 3 maart is hij niet meer op school geweest.",
        "Het incident vond plaats op 12-09-2026 na het laatste uur.",
        "Op 3 oktober 2026 is er een gesprek geweest met moeder.",
        "Hij heeft in 2025 een taakstraf gehad.",
    ],
)
def test_recent_events_and_dates_without_a_year_may_be_stored(text):
    assert kinds(text) == []


def test_an_old_full_date_counts_as_a_birth_date_but_a_recent_one_does_not():
    assert kinds("Op 3 oktober 2019 is hij verhuisd.") == [("date_of_birth", "3 oktober 2019")]
    assert kinds("Op 3 oktober 2024 is hij verhuisd.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Leerlingnummer 204518, derde klas.", "Leerlingnummer 204518"),
        ("lln.nr. 204518 verzuimt veel.", "lln.nr. 204518"),
        ("Klantnummer bij de aanbieder is 889901.", "Klantnummer bij de aanbieder is 889901"),
        ("Zaaknummer politie: 2024-0345.", "Zaaknummer politie: 2024-0345"),
    ],
)
def test_labelled_numbers(text, found):
    assert kinds(text) == [("labelled_number", found)]


def test_a_label_without_a_number_is_fine():
    assert kinds("We hebben nog geen dossiernummer, dat volgt.") == []


def test_class_group_codes_are_identifying_but_years_are_not():
    assert kinds("Leerling uit klas 3B heeft geld aangeboden.") == [("school_class", "klas 3B")]
    assert kinds("Jongen uit groep 7a wordt opgewacht.") == [("school_class", "groep 7a")]
    for text in ("Hij zit in klas 3 havo.", "Hij zit in de derde klas.", "Juf van groep 8 merkt het ook."):
        assert kinds(text) == [], text


# --- Names and the allowlist --------------------------------------------------------------


def test_names_are_found_and_allowed_words_trimmed_off():
    assert kinds("Volgens Fatima, de buurvrouw, klopt het niet.") == [("person_name", "Fatima")]
    assert kinds("De jongen heet Bilal en is 15 jaar.") == [("person_name", "Bilal")]


@pytest.mark.parametrize(
    "text",
    [
        "Verwezen naar Fier en Drugskompas.",
        "Noord-Holland Samen Veilig heeft een overleg georganiseerd.",
        "School & Veiligheid, Jongerenwerk en Halt zijn betrokken.",
        "Jeugdzorg en Veilig Thuis weten ervan.",
        "Zaterdag zag de buurtvader hem bij de Albert Heijn.",
        "Moeder belde. Vader was niet bereikbaar. Gisteren kwam hij niet.",
        "Een jongen van 15 met € 200 om 23.00 uur op straat.",
    ],
)
def test_referral_organisations_and_ordinary_words_are_not_names(text):
    assert kinds(text) == []


def test_extra_allowed_names_are_passed_by_the_caller():
    text = "Verwezen naar Bureau Jansen voor begeleiding."
    assert ("person_name", "Jansen") in kinds(text)
    assert kinds(text, allowed_names=["Bureau Jansen"]) == []


# --- Offsets, merging, messages ------------------------------------------------------------


def test_findings_carry_offsets_into_the_text_sorted_and_without_overlap():
    text = "Thijs Jansen (06-12345678, NL91 ABNA 0417 1643 00) woont op de Kerkstraat 12, 1034 KP."
    findings = find_identifiers(text, today=TODAY)
    assert [f.kind for f in findings] == ["person_name", "phone_number", "iban", "street_address", "postcode"]
    for finding in findings:
        assert isinstance(finding, Finding)
        assert text[finding.start : finding.end] == finding.text
    starts = [f.start for f in findings]
    assert starts == sorted(starts)
    assert all(left.end <= right.start for left, right in zip(findings, findings[1:], strict=False))


def test_a_finding_is_immutable():
    finding = find_identifiers("Bel 06-12345678", today=TODAY)[0]
    with pytest.raises(AttributeError):
        finding.kind = "nothing"  # type: ignore[misc]


def test_empty_text_has_no_findings():
    assert find_identifiers("") == []
    assert find_identifiers("   \n") == []


def test_every_kind_has_a_label_and_advice_in_english_and_dutch():
    assert set(KINDS) >= {
        "person_name", "phone_number", "email_address", "bsn", "iban", "postcode", "street_address",
        "date_of_birth", "licence_plate", "social_media_handle", "labelled_number", "school_class",
    }  # fmt: skip
    finding = find_identifiers("Moeder belde vanaf 06-12345678", today=TODAY)[0]
    with translation.override("en"):
        message = describe(finding)
    assert message.startswith("“06-12345678” looks like a phone number.")
    assert "Leave the number out" in message


# --- Process behaviour ------------------------------------------------------------------


def test_importing_the_guard_neither_loads_deduce_nor_takes_over_logging():
    # A fresh interpreter: the import is cheap and deduce's logging.basicConfig is undone.
    script = (
        "import logging, time; start = time.monotonic(); import portal.privacy as p; "
        "print(time.monotonic() - start, p._deduce_instance is None, logging.root.handlers, logging.root.level)"
    )
    result = subprocess.run(  # noqa: S603 -- our own interpreter, a fixed script
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True, timeout=60
    )
    seconds, not_loaded, handlers, level = result.stdout.split(" ", 3)
    assert float(seconds) < 3
    assert not_loaded == "True"
    assert handlers == "[]"
    assert int(level) == logging.WARNING
