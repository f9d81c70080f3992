"""References to schedules, exhibits, annexes and appendices, and whether they are attached.

"Agents to follow the call scripts in Schedule B" leaves a duty undefined when Schedule B
is not in the document. An attachment is present when the document has a heading for it
("SCHEDULE 2", "Exhibit A - Statement of Work") or a clause numbered with its label.
A reference into a parent agreement ("Exhibit B of the MSA") is not this document's to
attach, so it is not reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analyzer.types import Document, Reference

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext

__all__ = ["extract_references", "attachment_labels"]

_KINDS = r"(?:Schedule|Exhibit|Annex|Annexure|Appendix|Attachment|Addendum|Rider)"
_ID = r"(?:No\.?\s*)?(?P<id>[A-Z]{1,2}(?:-\d+)?|\d{1,3}(?:\.\d+)?[A-Z]?|[IVX]{1,5})\b"
_MENTION_RE = re.compile(r"\b(?P<kind>" + _KINDS + r"s?)[ \t\u00a0]+" + _ID)
_MENTION_CAPS_RE = re.compile(r"\b(?P<kind>SCHEDULE|EXHIBIT|ANNEX|ANNEXURE|APPENDIX|ATTACHMENT|ADDENDUM|RIDER)S?[ \t\u00a0]+" + _ID)
_HEADING_RE = re.compile(
    r"^[ \t]*(?P<kind>" + _KINDS + r"|SCHEDULE|EXHIBIT|ANNEX|ANNEXURE|APPENDIX|ATTACHMENT|ADDENDUM|RIDER)[ \t]+" + _ID
    + r"[ \t]*(?:$|[-–—:.][ \t]*\S?.*$|[ \t]+[A-Z][^\n]{0,100}$|[ \t]*\([^)\n]*\)[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# An upper-case label ending a line and followed by an upper-case title line: a heading
# that text extraction glued to the line before ("Date: ... SCHEDULE 1\nSERVICES ...").
_GLUED_HEADING_RE = re.compile(
    r"\b(?P<kind>SCHEDULE|EXHIBIT|ANNEX|ANNEXURE|APPENDIX|ATTACHMENT|ADDENDUM)[ \t]+" + _ID
    + r"[ \t]*\n[ \t]*[A-Z][A-Z0-9 ,&/()'-]{3,}$",
    re.MULTILINE,
)
_PARENT_RE = re.compile(
    r"^\s*(?:of|to|under|in|attached to)\s+(?:the|that|such)\s+(?:Master\s+\w+\s+Agreement|MSA|Agreement|Framework Agreement|"
    r"Base Agreement|Principal Agreement|Original Agreement)\b",
    re.IGNORECASE,
)


def _label(kind: str, ident: str) -> str:
    kind = kind.rstrip("sS").capitalize()
    if kind.lower() == "annexure":
        kind = "Annex"
    return f"{kind} {ident.upper() if len(ident) <= 2 and ident.isalpha() else ident}"


def _headings(text: str) -> list[re.Match[str]]:
    """Heading lines of attachments; a line that continues the previous sentence is not one."""
    out = []
    for m in _HEADING_RE.finditer(text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in ".:;!?\"”)" and not before.endswith(("|",)) and before[-1].islower():
            continue  # "... are described in\nAnnex B." wraps a sentence
        rest = text[m.end("id") : m.end()].strip()
        if rest in (".", ",", ";"):
            continue
        out.append(m)
    return out


def attachment_labels(document: Document) -> set[str]:
    """Return the labels of the attachments the document contains ("Schedule 2", "Annex A")."""
    present: set[str] = set()
    for m in _headings(document.text):
        line = m.group(0).strip()
        rest = line[m.end("id") - m.start() :].strip()
        # "Schedule B sets out ..." is a sentence, not a heading
        if rest and re.match(r"^[a-z]", rest) and not rest.startswith(("-", "–", "—", ":", "(")):
            continue
        if rest.endswith(".") and len(rest.split()) > 8:
            continue
        present.add(_label(m.group("kind"), m.group("id")))
    for m in _GLUED_HEADING_RE.finditer(document.text):
        present.add(_label(m.group("kind"), m.group("id")))
    kept = {m.start() for m in _headings(document.text)}
    rejected = {
        _label(m.group("kind"), m.group("id")) for m in _HEADING_RE.finditer(document.text) if m.start() not in kept
    }
    for clause in document.clauses:
        for source in (clause.number or "", clause.heading or ""):
            m = re.match(r"\s*(?P<kind>" + _KINDS + r")\s+" + _ID, source, re.IGNORECASE)
            if m:
                label = _label(m.group("kind"), m.group("id"))
                if label not in rejected:  # a wrapped "... described in\nAnnex B." is no heading
                    present.add(label)
    return present


def extract_references(context: DocumentContext) -> tuple[Reference, ...]:
    """Return each mention of an attachment, one per label and clause, with ``present``."""
    text = context.text
    present = attachment_labels(context.document)
    heading_spans = {(m.start("kind"), m.end("id")) for m in _headings(text)}
    heading_spans |= {(m.start("kind"), m.end("id")) for m in _GLUED_HEADING_RE.finditer(text)}
    seen: set[tuple[str, str | None]] = set()
    out: list[Reference] = []
    matches = list(_MENTION_RE.finditer(text)) + list(_MENTION_CAPS_RE.finditer(text))
    for m in sorted(matches, key=lambda x: x.start()):
        start, end = m.start(), m.end()
        if any(s == start for s, _ in heading_spans):
            continue
        after = text[end : end + 80]
        if _PARENT_RE.match(after):
            continue
        label = _label(m.group("kind"), m.group("id"))
        clause_id = context.clause_at(start)
        if (label, clause_id) in seen:
            continue
        seen.add((label, clause_id))
        out.append(
            Reference(
                label=label,
                quote=text[start:end],
                clause_id=clause_id,
                page=context.page_at(start),
                start=start,
                end=end,
                present=label in present,
            )
        )
    return tuple(out)
