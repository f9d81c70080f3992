"""Reviewer decisions on flags: accept or dismiss, with a note, remembered across runs.

Legal dismisses false alarms and wants that remembered. A decision is keyed by a flag key
that depends on what the flag *is* (rule, clause number and quote), not on character
offsets or clause ids, so re-analysing the same contract (or a lightly edited copy) finds
the same decisions. Decisions are plain JSON the CLI reads with ``--decisions``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from analyzer.types import AnalysisResult, Finding

DECISIONS_SCHEMA = 1


class DecisionStatus(StrEnum):
    """What the reviewer decided about a flag."""

    OPEN = "open"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer decision on one flag."""

    key: str
    status: DecisionStatus = DecisionStatus.OPEN
    note: str = ""
    rule_id: str = ""
    quote: str = ""


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _base_key(finding: Finding, clause_number: str | None) -> str:
    anchor = finding.quote or finding.scope
    digest = hashlib.sha1(
        "|".join((finding.rule_id, clause_number or "", _normalise(anchor))).encode("utf-8")
    ).hexdigest()[:12]
    return f"{finding.rule_id}:{digest}"


def flag_keys(result: AnalysisResult) -> tuple[str, ...]:
    """Return a stable key per finding, in order (a suffix separates exact repeats)."""
    numbers = {c.id: c.number for c in result.document.clauses}
    seen: dict[str, int] = {}
    keys = []
    for finding in result.findings:
        base = _base_key(finding, numbers.get(finding.clause_id or ""))
        n = seen.get(base, 0)
        seen[base] = n + 1
        keys.append(base if n == 0 else f"{base}#{n + 1}")
    return tuple(keys)


@dataclass(frozen=True, slots=True)
class DecisionSet:
    """All decisions for one document, looked up by flag key."""

    decisions: tuple[Decision, ...] = ()
    document_sha256: str = ""

    def get(self, key: str) -> Decision:
        """Return the decision for a key, or an open one."""
        for decision in self.decisions:
            if decision.key == key:
                return decision
        return Decision(key)

    def as_dict(self) -> dict[str, Decision]:
        """Return key -> decision."""
        return {d.key: d for d in self.decisions}

    def with_decision(self, decision: Decision) -> DecisionSet:
        """Return a copy with this decision added or replaced (open with no note removes it)."""
        kept = tuple(d for d in self.decisions if d.key != decision.key)
        if decision.status != DecisionStatus.OPEN or decision.note:
            kept += (decision,)
        return DecisionSet(kept, self.document_sha256)


def decide(
    decisions: DecisionSet,
    result: AnalysisResult,
    index: int,
    status: DecisionStatus | str,
    note: str = "",
) -> DecisionSet:
    """Record a decision on the ``index``-th finding of ``result``."""
    finding = result.findings[index]
    key = flag_keys(result)[index]
    return decisions.with_decision(
        Decision(key, DecisionStatus(status), note, finding.rule_id, finding.quote[:200])
    )


def decisions_for(result: AnalysisResult, decisions: DecisionSet | None) -> tuple[Decision, ...]:
    """Return one decision per finding of ``result`` (open where none was made)."""
    decisions = decisions or DecisionSet()
    return tuple(decisions.get(k) for k in flag_keys(result))


def to_json(decisions: DecisionSet) -> dict[str, object]:
    """Serialise decisions to the JSON the CLI's ``--decisions`` reads."""
    return {
        "schema": DECISIONS_SCHEMA,
        "document_sha256": decisions.document_sha256,
        "decisions": [
            {"key": d.key, "status": d.status.value, "note": d.note, "rule_id": d.rule_id,
             "quote": d.quote}
            for d in decisions.decisions
        ],
    }


def from_json(data: Mapping[str, object]) -> DecisionSet:
    """Parse decisions JSON; raise ValueError naming the bad entry."""
    raw = data.get("decisions", [])
    if not isinstance(raw, list):
        raise ValueError("decisions: expected a list under 'decisions'")
    items: list[Decision] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict) or "key" not in entry:
            raise ValueError(f"decisions[{i}]: expected an object with a 'key'")
        try:
            status = DecisionStatus(entry.get("status", "open"))
        except ValueError:
            raise ValueError(
                f"decisions[{i}].status: {entry.get('status')!r} is not one of "
                "open, accepted, dismissed"
            ) from None
        items.append(
            Decision(
                str(entry["key"]), status, str(entry.get("note", "")),
                str(entry.get("rule_id", "")), str(entry.get("quote", "")),
            )
        )
    return DecisionSet(tuple(items), str(data.get("document_sha256", "")))


def load_decisions(path: str | Path) -> DecisionSet:
    """Read a decisions file written by the UI or by hand."""
    with open(path, encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return from_json(data)


def save_decisions(decisions: DecisionSet, path: str | Path) -> None:
    """Write decisions as indented JSON."""
    Path(path).write_text(json.dumps(to_json(decisions), indent=2), encoding="utf-8")


def merge(sets: Iterable[DecisionSet]) -> DecisionSet:
    """Merge decision sets; later ones win on the same key."""
    merged: dict[str, Decision] = {}
    sha = ""
    for s in sets:
        sha = s.document_sha256 or sha
        merged.update(s.as_dict())
    return DecisionSet(tuple(merged.values()), sha)
