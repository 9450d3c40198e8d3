"""The guard measured on a labelled corpus of notes as professionals write them (corpus.tsv)."""

from datetime import date
from pathlib import Path

from portal.privacy import find_identifiers

CORPUS = Path(__file__).with_name("corpus.tsv")
# The corpus was written in November 2026; its event dates are recent relative to this day.
CORPUS_TODAY = date(2026, 11, 29)
MIN_RECALL = 0.95
MAX_FALSE_ALARM_RATE = 0.03


def corpus_rows() -> list[tuple[str, str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, sentence = line.split("\t")
            rows.append((expected, sentence))
    return rows


def test_corpus_is_large_and_balanced():
    rows = corpus_rows()
    identifying = [expected for expected, _sentence in rows if expected != "clean"]
    assert len(rows) >= 200
    assert 0.4 <= len(identifying) / len(rows) <= 0.6
    # Every kind the forms can report is represented more than once.
    for kind in (
        "person_name", "phone_number", "email_address", "bsn", "iban", "postcode", "street_address",
        "date_of_birth", "licence_plate", "social_media_handle", "labelled_number", "school_class",
    ):  # fmt: skip
        assert identifying.count(kind) >= 5, kind


def test_recall_and_false_alarms_on_the_corpus():
    missed, wrong_kind, false_alarms = [], [], []
    identifying = clean = 0
    for expected, sentence in corpus_rows():
        findings = find_identifiers(sentence, today=CORPUS_TODAY)
        if expected == "clean":
            clean += 1
            if findings:
                false_alarms.append((sentence, [(f.kind, f.text) for f in findings]))
        else:
            identifying += 1
            if not findings:
                missed.append((expected, sentence))
            elif expected not in {f.kind for f in findings}:
                wrong_kind.append((expected, sentence, [(f.kind, f.text) for f in findings]))
    recall = 1 - len(missed) / identifying
    false_alarm_rate = len(false_alarms) / clean
    report = (
        f"corpus: {identifying} identifying, {clean} clean sentences; "
        f"recall {recall:.1%} ({identifying - len(missed)}/{identifying}), "
        f"false alarms {false_alarm_rate:.1%} ({len(false_alarms)}/{clean}), "
        f"found under another kind: {len(wrong_kind)}\n"
        f"missed: {missed}\nfalse alarms: {false_alarms}\nother kind: {wrong_kind}"
    )
    print(report)
    assert recall >= MIN_RECALL, report
    assert false_alarm_rate <= MAX_FALSE_ALARM_RATE, report
