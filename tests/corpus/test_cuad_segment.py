"""Segmentation over the CUAD text versions: numbers recovered, offsets exact, words kept.

The reference is a plain regex over the TXT lines: a line that starts with "7. Title",
"Section 7" or "ARTICLE VII" shows a top-level number. Our clauses must recover those
numbers (inside attachments the prefix "Schedule B, " is ignored for the comparison).
"""

from __future__ import annotations

import logging
import re
import statistics
import time
from pathlib import Path

import pytest

from analyzer.errors import AnalyzerError
from analyzer.ingest import read_blocks
from analyzer.numbering import roman_value
from analyzer.segment import segment_clauses
from analyzer.types import Document

pytestmark = pytest.mark.corpus
logger = logging.getLogger(__name__)

_TOP_LINE = re.compile(
    r"^\s*(?:(\d{1,3})\.\s+[A-Z\"“]|(?:Section|SECTION)\s+(\d{1,3})[.:\s]"
    r"|(?:ARTICLE|Article)\s+(\d{1,3}|[IVXLC]+)\b)"
)
_OUR_TOP = re.compile(r"^(?:Article |Section )?(\d+|[IVXLC]+)$")
_OUR_SUB = re.compile(r"^(\d+)\.\d")
_WORD = re.compile(r"\w+")


def _expected_numbers(text: str) -> set[int]:
    found: set[int] = set()
    for line in text.split("\n"):
        m = _TOP_LINE.match(line)
        if m:
            value = m.group(1) or m.group(2) or m.group(3)
            number = int(value) if value.isdigit() else roman_value(value)
            if number:
                found.add(number)
    return found


def _our_numbers(doc: Document) -> set[int]:
    found: set[int] = set()
    for clause in doc.clauses:
        if not clause.number:
            continue
        number = clause.number.rsplit(", ", 1)[-1]
        m = _OUR_TOP.match(number)
        if m:
            value = m.group(1)
            found.add(int(value) if value.isdigit() else roman_value(value) or 0)
            continue
        m = _OUR_SUB.match(number)
        if m:
            found.add(int(m.group(1)))
    return found


@pytest.fixture(scope="module")
def segmented(cuad_dir: Path) -> list[tuple[str, str, Document, float]]:
    """Segment every CUAD TXT once: (name, txt, document, seconds in segment)."""
    out = []
    for path in sorted((cuad_dir / "txt").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            raw = read_blocks(path)
        except AnalyzerError:
            continue  # empty files: ingest reports them, nothing to segment
        start = time.perf_counter()
        doc = segment_clauses(raw)
        out.append((path.name, text, doc, time.perf_counter() - start))
    assert len(out) >= 400
    return out


def test_cuad_segment_recovers_section_numbers(segmented: list[tuple[str, str, Document, float]]) -> None:
    recalls = []
    for name, text, doc, _ in segmented:
        expected = _expected_numbers(text)
        if len(expected) < 3:
            continue
        recall = len(expected & _our_numbers(doc)) / len(expected)
        recalls.append(recall)
        if recall < 0.8:
            logger.info("low numbering recall %.2f: %s", recall, name)
    median = statistics.median(recalls)
    mean = statistics.fmean(recalls)
    logger.info("numbering recall over %d contracts: median %.3f, mean %.3f", len(recalls), median, mean)
    assert len(recalls) >= 250
    assert median >= 0.99
    assert mean >= 0.97
    assert sum(r < 0.7 for r in recalls) <= 3


def test_cuad_segment_offsets_are_exact(segmented: list[tuple[str, str, Document, float]]) -> None:
    for name, _, doc, _ in segmented:
        assert doc.clauses, name
        for clause in doc.clauses:
            assert doc.text[clause.start : clause.end] == clause.text, (name, clause.id)
            assert 1 <= clause.page_start <= clause.page_end
        assert [c.id for c in doc.clauses] == [f"c{n:04d}" for n in range(1, len(doc.clauses) + 1)]


def test_cuad_segment_keeps_the_words(segmented: list[tuple[str, str, Document, float]]) -> None:
    coverages = []
    for _, text, doc, _ in segmented:
        ours = set(_WORD.findall(doc.text))
        words = _WORD.findall(text)
        coverages.append(sum(w in ours for w in words) / max(len(words), 1))
    assert statistics.median(coverages) >= 0.999
    assert min(coverages) >= 0.98


def test_cuad_segment_is_fast(segmented: list[tuple[str, str, Document, float]]) -> None:
    seconds = sum(s for *_, s in segmented)
    chars = sum(len(doc.text) for _, _, doc, _ in segmented)
    clauses = sum(len(doc.clauses) for _, _, doc, _ in segmented)
    logger.info("segment: %.2f s, %d chars/s, %d clauses/s", seconds, chars / seconds, clauses / seconds)
    # ~3,000 characters per page: 30 pages/s needs 90k chars/s; keep a wide margin for CI
    assert chars / seconds >= 1_000_000
