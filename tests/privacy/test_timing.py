"""The guard runs on every save of a free-text field: warm, it must feel instant."""

import statistics
import time
from pathlib import Path

from portal.privacy import find_identifiers
from tests.privacy.test_corpus import CORPUS_TODAY, corpus_rows

MAX_MEDIAN_SECONDS = 0.050


def resident_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_warm_time_per_sentence():
    sentences = [sentence for _expected, sentence in corpus_rows()]
    durations = []
    for sentence in sentences:
        start = time.perf_counter()
        find_identifiers(sentence, today=CORPUS_TODAY)
        durations.append(time.perf_counter() - start)
    median = statistics.median(durations)
    p95 = statistics.quantiles(durations, n=20)[-1]
    report = (
        f"{len(sentences)} sentences: median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms per sentence; "
        f"process RSS {resident_memory_mb():.0f} MB"
    )
    print(report)
    assert median < MAX_MEDIAN_SECONDS, report


def test_a_long_note_is_checked_quickly():
    note = " ".join(sentence for _expected, sentence in corpus_rows()[:60])
    start = time.perf_counter()
    findings = find_identifiers(note, today=CORPUS_TODAY)
    elapsed = time.perf_counter() - start
    assert findings, "a note full of identifying sentences must be refused"
    assert elapsed < 1.0, f"{len(note)} characters took {elapsed:.2f} s"
