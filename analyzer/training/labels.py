"""Turn a section heading into a clause type, from the data in ``heading_map.yaml``.

Headings are labels their drafters wrote, so a curated heading -> type map gives training
labels from real contracts (the way LEDGAR was built). The map is data, not code: a user can
extend it without touching Python; this module only matches and resolves (the heading is
normalised by ``analyzer.classify.inputs.normalise_heading``, as the models read it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analyzer.classify.inputs import normalise_heading
from analyzer.errors import ModelError
from analyzer.resources import heading_map_path
from analyzer.types import ClauseType

DEFAULT_MAP = heading_map_path()
MAX_WORDS = 8  # a longer "heading" is a sentence or a running header, not a label


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    """One pattern hit inside a normalised heading."""

    label: ClauseType
    start: int
    end: int
    pattern: str


@dataclass(frozen=True)
class HeadingMap:
    """Compiled heading patterns per clause type plus the headings to ignore."""

    patterns: tuple[tuple[ClauseType, str, re.Pattern[str]], ...]
    ignore: tuple[re.Pattern[str], ...]
    version: int = 1

    def matches(self, heading: str | None) -> tuple[HeadingMatch, ...]:
        """Return the pattern hits that survive longest-match resolution."""
        if not heading:
            return ()
        norm = normalise_heading(heading)
        if not norm or len(norm.split()) > MAX_WORDS or any(p.fullmatch(norm) for p in self.ignore):
            return ()
        hits = [
            HeadingMatch(label, m.start(), m.end(), source)
            for label, source, rx in self.patterns
            for m in rx.finditer(norm)
            if m.end() > m.start()
        ]
        return tuple(
            h
            for h in hits
            if not any(
                o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                for o in hits
            )
        )

    def label(self, heading: str | None) -> ClauseType | None:
        """Return the type a heading names, or None when it names none or several."""
        labels = {h.label for h in self.matches(heading)}
        return labels.pop() if len(labels) == 1 else None

    @property
    def types(self) -> tuple[ClauseType, ...]:
        """Return the types that at least one pattern maps to, in map order."""
        return tuple(dict.fromkeys(label for label, _, _ in self.patterns))


def _compile(source: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(rf"\b(?:{source})\b")
    except re.error as exc:
        raise ModelError(f"bad pattern {source!r} in {where}: {exc}") from exc


def parse_heading_map(data: object, where: str = "heading map") -> HeadingMap:
    """Validate and compile a heading map already read from YAML.

    Raises:
        ModelError: naming the type or pattern that is wrong.
    """
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise ModelError(f"{where}: expected a mapping with a 'types' mapping")
    patterns: list[tuple[ClauseType, str, re.Pattern[str]]] = []
    for name, sources in data["types"].items():
        try:
            label = ClauseType(name)
        except ValueError as exc:
            raise ModelError(f"{where}: unknown clause type {name!r}") from exc
        if label is ClauseType.OTHER:
            raise ModelError(f"{where}: 'other' is the below-threshold label, not a heading type")
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise ModelError(f"{where}: type {name!r} needs a list of pattern strings")
        patterns.extend((label, s, _compile(s, f"{where} type {name!r}")) for s in sources)
    ignore_sources = data.get("ignore", []) or []
    if not isinstance(ignore_sources, list):
        raise ModelError(f"{where}: 'ignore' must be a list of pattern strings")
    ignore = tuple(re.compile(s) for s in ignore_sources)
    return HeadingMap(tuple(patterns), ignore, int(data.get("version", 1)))


def load_heading_map(path: Path | None = None) -> HeadingMap:
    """Read, validate and compile a heading map file (default: the packaged one).

    Not cached: a corpus run reads it once and passes the ``HeadingMap`` on.
    """
    path = path or DEFAULT_MAP
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot read heading map: {exc}", str(path)) from exc
    return parse_heading_map(data, str(path))

