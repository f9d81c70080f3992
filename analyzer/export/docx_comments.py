"""Annotate the vendor's own DOCX: a Word comment on each flagged passage.

Negotiators send the vendor's draft back with comments in the margin. For a DOCX input this
writes a copy of the original file (nothing else changed) with one comment per open or
accepted flag, anchored on the exact quote when the quote sits inside one paragraph and on
the whole paragraph otherwise. Dismissed flags are left out, and reviewer notes are left
out unless asked for, because the copy is meant to leave the building.

Anchoring uses python-docx 1.2's ``Document.add_comment(runs, text=, author=, initials=)``:
the clause's ``block_indices`` lead to the ingested blocks, whose ``docx_index`` names the
paragraph; a text search over the body and table cells is the fallback.
"""

from __future__ import annotations

import copy
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.decisions import DecisionSet, DecisionStatus, decisions_for
from analyzer.errors import UnsupportedFileType
from analyzer.types import AnalysisResult, FileFormat, Finding

logger = logging.getLogger(__name__)

AUTHOR = "Contract analyzer"
INITIALS = "CA"
TEXT_ONLY_TAGS = {"rPr", "t", "tab", "br", "cr"}


@dataclass(frozen=True, slots=True)
class CommentReport:
    """What was annotated: counts a caller can show or test."""

    comments: int
    anchored_on_quote: int
    skipped_dismissed: int
    unplaced: int


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _iter_paragraphs(doc: Any) -> Iterator[Any]:
    """Yield body paragraphs and table-cell paragraphs in reading order (merged cells once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container: Any) -> Iterator[Any]:
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                yield item
            elif isinstance(item, Table):
                seen: set[int] = set()
                for row in item.rows:
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell)

    yield from walk(doc)


def _quote_pattern(quote: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in quote.split()]
    return re.compile(r"\s+".join(words))


def _find_span(text: str, quote: str) -> tuple[int, int] | None:
    if not quote.strip():
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    match = _quote_pattern(quote).search(text)
    return (match.start(), match.end()) if match else None


def _text_only(run: Any) -> bool:
    return all(child.tag.rsplit("}", 1)[-1] in TEXT_ONLY_TAGS for child in run._r)


def _split_run(run: Any, offset: int) -> Any:
    """Split a text-only run at ``offset``; return the new right-hand run."""
    from docx.text.run import Run

    text = run.text
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    run.text = text[:offset]
    new = Run(right, run._parent)
    new.text = text[offset:]
    return new


def _runs_for_span(paragraph: Any, start: int, end: int) -> list[Any] | None:
    """Return runs covering exactly [start, end) of the paragraph, splitting runs as needed.

    Only when the paragraph's text is just its runs (no hyperlinks or fields) and the
    affected runs are text-only; otherwise None and the caller anchors the paragraph.
    """
    runs = paragraph.runs
    if not runs or "".join(r.text for r in runs) != paragraph.text:
        return None
    pos = 0
    bounds = []
    for run in runs:
        bounds.append((pos, pos + len(run.text)))
        pos += len(run.text)
    touched = [r for r, (s, e) in zip(runs, bounds) if s < end and start < e]
    if not touched or not all(_text_only(r) for r in touched):
        return None
    for run, (s, e) in zip(runs, bounds):
        if s < start < e:
            _split_run(run, start - s)
            return _runs_for_span(paragraph, start, end)
        if s < end < e:
            _split_run(run, end - s)
            return _runs_for_span(paragraph, start, end)
    return [r for r, (s, e) in zip(runs, bounds) if start <= s and e <= end and e > s]


def _ensure_run(paragraph: Any) -> list[Any]:
    runs = [r for r in paragraph.runs if r.text]
    return runs or paragraph.runs or [paragraph.add_run("")]


def _clause_paragraphs(path: Path, result: AnalysisResult) -> dict[str, list[int]]:
    """Map clause id -> indices into ``doc.paragraphs`` via ingested blocks' ``docx_index``."""
    try:
        from analyzer.ingest import read_blocks

        blocks = read_blocks(path).blocks
    except Exception as error:  # noqa: BLE001 - fall back to text search, say why
        logger.info("%s: no block map for comments (%s); using text search", path, error)
        return {}
    mapping: dict[str, list[int]] = {}
    for clause in result.document.clauses:
        indices = [
            blocks[i].docx_index for i in clause.block_indices
            if i < len(blocks) and blocks[i].docx_index is not None
        ]
        mapping[clause.id] = [i for i in indices if i is not None]
    return mapping


def comment_text(finding: Finding, note: str = "") -> str:
    """Return the comment body: severity, category, why, and what to ask for."""
    label = finding.category.value.replace("_", " ")
    text = f"[{finding.severity.value.upper()}] {label}: {finding.message}\n"
    text += f"Proposed: {finding.recommendation}"
    if finding.scope == "document" or not finding.quote:
        text = "Whole document. " + text
    if note:
        text += f"\nReviewer note: {note}"
    return text


def annotate_docx(
    result: AnalysisResult,
    source_path: str | Path,
    target: str | Path | io.BytesIO,
    decisions: DecisionSet | None = None,
    include_notes: bool = False,
    author: str = AUTHOR,
) -> CommentReport:
    """Write a copy of the original DOCX with a Word comment on each flagged paragraph.

    Args:
        result: the analysis of ``source_path``.
        source_path: the original DOCX file.
        target: where to write the annotated copy (path or buffer).
        decisions: reviewer decisions; dismissed flags get no comment.
        include_notes: also put the reviewer's internal notes into the comments.
        author: the comment author shown in Word.

    Returns:
        Counts of comments written, anchored on the exact quote, skipped and unplaced.

    Raises:
        UnsupportedFileType: the analysed document is not a DOCX.
    """
    import docx

    source_path = Path(source_path)
    if result.document.source.file_format != FileFormat.DOCX:
        raise UnsupportedFileType(
            "Word comments need a DOCX original; export the memo or XLSX for a PDF",
            str(source_path),
        )
    doc = docx.Document(str(source_path))
    body_paragraphs = list(doc.paragraphs)
    all_paragraphs = list(_iter_paragraphs(doc))
    by_clause = _clause_paragraphs(source_path, result)
    first_text = next((p for p in all_paragraphs if p.text.strip()), None)
    comments = on_quote = skipped = unplaced = 0
    for finding, decision in zip(result.findings, decisions_for(result, decisions)):
        if decision.status == DecisionStatus.DISMISSED:
            skipped += 1
            continue
        note = decision.note if include_notes else ""
        text = comment_text(finding, note)
        paragraph, span = None, None
        if finding.quote:
            candidates = [body_paragraphs[i] for i in by_clause.get(finding.clause_id or "", [])
                          if i < len(body_paragraphs)]
            for para in candidates + all_paragraphs:
                span = _find_span(para.text, finding.quote)
                if span:
                    paragraph = para
                    break
            if paragraph is None:
                # a quote across paragraphs: anchor where its first words are
                head = " ".join(finding.quote.split()[:6])
                for para in candidates + all_paragraphs:
                    if _find_span(para.text, head):
                        paragraph = para
                        break
            if paragraph is None and candidates:
                paragraph = candidates[0]
        else:
            paragraph = first_text
        if paragraph is None:
            unplaced += 1
            logger.warning("%s: could not place a comment for %s", source_path, finding.rule_id)
            paragraph = first_text
            if paragraph is None:
                continue
        runs = _runs_for_span(paragraph, *span) if span else None
        if runs:
            on_quote += 1
        else:
            runs = _ensure_run(paragraph)
        doc.add_comment(runs, text=text, author=author, initials=INITIALS)
        comments += 1
    doc.save(target if isinstance(target, io.BytesIO) else str(target))
    return CommentReport(comments, on_quote, skipped, unplaced)


def annotated_docx_bytes(
    result: AnalysisResult,
    source_path: str | Path,
    decisions: DecisionSet | None = None,
    include_notes: bool = False,
) -> bytes:
    """Return the annotated DOCX as bytes."""
    buffer = io.BytesIO()
    annotate_docx(result, source_path, buffer, decisions, include_notes)
    return buffer.getvalue()
