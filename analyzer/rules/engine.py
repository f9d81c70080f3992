"""Apply a RuleSet to a classified, extracted document and return merged findings.

Reads top to bottom like Presidio's ``AnalyzerEngine.analyze``: annotate the text once
(``units.annotate``), run one PhraseMatcher and one Matcher over every sentence for all
rules at once, evaluate each rule's conditions (sentence, clause, heading or document
level), turn hits into Findings with an exact quote and an explanation, then merge
duplicates so there is one finding per problem.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from analyzer.rules.conditions import NO_QUOTE, REGISTRY, Scope, Span, negated_at, split_hits
from analyzer.rules.prefilter import literal_starts, scan
from analyzer.rules.schema import VOCAB_REF, ConditionModel, Rule, RuleSet, token_patterns
from analyzer.rules.units import LookupLemmatizer, TextArtifacts, Unit, tokenize
from analyzer.types import (
    Classification,
    Clause,
    ClauseType,
    Evidence,
    Extraction,
    Finding,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from analyzer.context import DocumentContext

logger = logging.getLogger(__name__)

MAX_QUOTE = 300
MIN_QUOTE = 10
ALT_MIN_SCORE = 0.2  # an alternative label this likely still puts a clause in scope
EXCLUDE_MIN_SCORE = 0.5  # only a confident label takes a clause out of scope
MAX_EVIDENCE = 3


@dataclass(slots=True)
class _Cond:
    """A condition compiled for matching."""

    key: str
    model: ConditionModel
    within: str
    regex: re.Pattern[str] | None = None
    lower_regex: re.Pattern[str] | None = None  # same pattern, no IGNORECASE, for lowered text
    starts: frozenset[str] | None = None  # literals every lower_regex match starts with


@dataclass(slots=True)
class _CompiledRule:
    rule: Rule
    all_: list[_Cond]
    any_: list[_Cond]
    unless: list[_Cond]
    headings: re.Pattern[str] | None
    exclude_headings: re.Pattern[str] | None

    @property
    def sentence_level(self) -> bool:
        return any(c.within == "sentence" for c in self.all_ + self.any_)


@dataclass(slots=True)
class CompiledRuleSet:
    """Matchers for all rules of a RuleSet on one spaCy vocabulary, built once by
    ``compile_ruleset`` (``Analyzer.load`` does it), with the lookup lemmatizer that
    tokenises the rule units the same way as the phrase patterns."""

    ruleset: RuleSet
    nlp: Language
    lemmatizer: LookupLemmatizer
    rules: list[_CompiledRule]
    phrase_matcher: Any
    matcher: Any
    keys: dict[int, str] = field(default_factory=dict)
    gate: set[str] | None = None  # words one of which a sentence needs for the Matcher
    # The same token patterns split by trigger words: each Matcher only runs on sentences
    # holding one of its own words (None: every sentence), far fewer than the union gate.
    gated: list[tuple[frozenset[str] | None, Any]] = field(default_factory=list)


def _join(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _case_free(pattern: str) -> bool:
    """Tell whether a pattern names no upper-case letter and never turns IGNORECASE off.

    Such a pattern matches the lowercased text exactly where it matches the original text
    case-insensitively (given ``_lowered``'s guard), and Python's ``re`` scans without
    IGNORECASE markedly faster.
    """
    if "(?-" in pattern or "(?" in pattern.replace("(?:", "").replace("(?=", "").replace(
        "(?!", ""
    ).replace("(?<=", "").replace("(?<!", "").replace("(?i", ""):
        return False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt.isalpha() and nxt not in "bBwWsSdDAZ" or nxt.isdigit():
                return False  # \N{...}, \x41, \1 backreferences: keep the exact engine
            i += 2
            continue
        if ch.isupper() or ch.isalpha() and not ch.isascii():
            return False
        i += 1
    return True


try:  # characters that IGNORECASE pairs beyond str.lower() (e.g. long s, dotless i)
    from re._casefix import _EXTRA_CASES

    _CASE_EXTRAS = frozenset(
        chr(c) for k, v in _EXTRA_CASES.items() for c in (k, *v) if c > 127
    )
except ImportError:  # pragma: no cover - other Python versions
    _CASE_EXTRAS = None


def _lowered(text: str) -> str | None:
    """Return ``text.lower()`` when it keeps every offset and case-folds like IGNORECASE."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if _CASE_EXTRAS is None:
        return low if text.isascii() else None
    if not text.isascii() and not _CASE_EXTRAS.isdisjoint(text):
        return None
    return low


def _phrases(cond: ConditionModel, ruleset: RuleSet) -> list[str]:
    items = [cond.phrase] if isinstance(cond.phrase, str) else list(cond.phrase or [])
    out: list[str] = []
    for item in items:
        ref = VOCAB_REF.match(item)
        out.extend(ruleset.vocabulary(ref.group(1)) if ref else [item])
    return out


def compile_ruleset(
    ruleset: RuleSet, nlp: Language, lemmatizer: LookupLemmatizer | None = None
) -> CompiledRuleSet:
    """Compile every phrase and token pattern of a RuleSet into one matcher each.

    Costly (seconds): call it once per (ruleset, nlp) and keep the result, as
    ``Analyzer.load`` does. ``lemmatizer`` lets several rule sets on one pipeline share
    its lookup lemmatizer (the rule examples); a new one is built when omitted.
    """
    from spacy.matcher import Matcher, PhraseMatcher

    lemmatizer = lemmatizer or LookupLemmatizer(nlp)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher = Matcher(nlp.vocab, validate=True)
    keys: dict[int, str] = {}
    rules: list[_CompiledRule] = []
    for rule in ruleset.rules:
        m = rule.model
        groups: dict[str, list[_Cond]] = {"all": [], "any": [], "unless": []}
        for name, conds in (("all", m.when.all_), ("any", m.when.any_), ("unless", m.unless)):
            for i, cm in enumerate(conds):
                key = f"{m.id}#{name}{i}"
                within = cm.within or "sentence"
                cond = _Cond(key, cm, within)
                if cm.phrase is not None:
                    docs = tokenize(nlp, _phrases(cm, ruleset), lemmatizer)
                    phrase_matcher.add(key, docs)
                elif cm.tokens is not None:
                    matcher.add(key, token_patterns(cm.tokens))
                elif cm.regex is not None:
                    patterns = [cm.regex] if isinstance(cm.regex, str) else cm.regex
                    cond.regex = _join(patterns)
                    if all(_case_free(p) for p in patterns):
                        cond.lower_regex = re.compile(cond.regex.pattern)
                        cond.starts = literal_starts(cond.lower_regex)
                keys[nlp.vocab.strings.add(key)] = key
                groups[name].append(cond)
        rules.append(
            _CompiledRule(
                rule, sorted(groups["all"], key=_cost), sorted(groups["any"], key=_cost),
                sorted(groups["unless"], key=_cost),
                _join(m.headings), _join(m.exclude_headings),
            )
        )
    by_gate: dict[frozenset[str] | None, Any] = {}
    for cr in rules:
        for cond in cr.all_ + cr.any_ + cr.unless:
            if cond.model.tokens is None:
                continue
            words = _gate([_CompiledRule(cr.rule, [cond], [], [], None, None)])
            gate_key = frozenset(words) if words is not None else None
            if gate_key not in by_gate:
                by_gate[gate_key] = Matcher(nlp.vocab, validate=True)
            by_gate[gate_key].add(cond.key, token_patterns(cond.model.tokens))
    return CompiledRuleSet(
        ruleset, nlp, lemmatizer, rules, phrase_matcher, matcher, keys, _gate(rules),
        list(by_gate.items()),
    )


_LITERAL_ATTRS = ("LOWER", "LEMMA", "ORTH", "TEXT", "NORM")


def _literals(token: dict[str, Any]) -> set[str] | None:
    """Return the lowercase literal values a token spec accepts, or None if it is open."""
    for attr in _LITERAL_ATTRS:
        value = token.get(attr, token.get(attr.lower()))
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return {str(v).lower() for v in value["IN"]}
    return None


def _gate(rules: list[_CompiledRule]) -> set[str] | None:
    """Words that must occur in a sentence for any token pattern to match (None: always run).

    Tokens up to the first required one must all carry literal values; the Matcher then
    only runs on sentences containing one of them (a large saving: most sentences hold
    none of the trigger words).
    """
    gate: set[str] = set()
    for cr in rules:
        for cond in cr.all_ + cr.any_ + cr.unless:
            if cond.model.tokens is None:
                continue
            for pattern in token_patterns(cond.model.tokens):
                for token in pattern:
                    values = _literals(token)
                    if values is None:
                        return None
                    gate |= values
                    if token.get("OP") not in ("?", "*"):
                        break
    return gate


_COST = {"tokens": 0, "phrase": 0, "regex": 1, "condition": 2}
_LEVEL_COST = {"sentence": 0, "heading": 1, "clause": 2, "document": 3}


def _cost(cond: _Cond) -> tuple[int, int]:
    return (_COST[cond.model.kind], _LEVEL_COST[cond.within])


class _Run:
    """State of one apply_rules call: matches per unit and cached condition results."""

    def __init__(
        self, compiled: CompiledRuleSet, context: DocumentContext, extraction: Extraction
    ) -> None:
        self.c = compiled
        self.context = context
        self.art = art = context.units
        self.cls = context.classifications_by_id
        self.extraction = extraction
        self.clauses = context.clauses_by_id
        self.unit_matches: list[dict[str, list[Span]]] = [
            self._match(d, w) for d, w in zip(art.docs, art.words, strict=True)
        ]
        self.heading_matches = {
            h: self._match(d, art.heading_words.get(h, set())) for h, d in art.heading_docs.items()
        }
        self._cache: dict[tuple[str, str, str], list[Span]] = {}
        self.notes: dict[Span, str] = {}  # the notes predicates returned with their hits
        self._regex_index: dict[str, dict[int, list[Span]]] = {}
        self._lower_text: str | None | bool = False  # False: not computed yet

    def _match(self, doc: Any, words: set[str]) -> dict[str, list[Span]]:
        """Run both matchers once over a Doc: spans are offsets in the Doc's text."""
        found: dict[str, list[Span]] = {}
        matches = list(self.c.phrase_matcher(doc)) if len(self.c.phrase_matcher) else []
        if len(self.c.matcher) and (self.c.gate is None or not self.c.gate.isdisjoint(words)):
            for gate, matcher in self.c.gated:
                if gate is None or not gate.isdisjoint(words):
                    matches += list(matcher(doc))
        for match_id, start, end in matches:
            span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            found.setdefault(self.c.keys[match_id], []).append(span)
        return found

    # ----------------------------------------------------------------- conditions

    def _unit_spans(self, cond: _Cond, unit: Unit) -> list[Span]:
        """Spans (document offsets) of a matcher/regex condition in one unit."""
        if cond.regex is not None:
            spans = self._regex_spans(cond).get(unit.index, [])
        else:
            spans = [(unit.start + s, unit.start + e) for s, e in self.unit_matches[unit.index].get(cond.key, [])]
        if cond.model.exclude_negated:
            spans = [s for s in spans if not negated_at(self.art, unit, s, charge=False)]
        return spans

    def _regex_spans(self, cond: _Cond) -> dict[int, list[Span]]:
        """Scan the whole text once per regex and bucket the matches by unit."""
        index = self._regex_index.get(cond.key)
        if index is None:
            assert cond.regex is not None
            index = {}
            units, starts = self.art.units, self.art.starts
            if self._lower_text is False:
                self._lower_text = _lowered(self.art.document.text)
            if cond.lower_regex is not None and self._lower_text is not None:
                if cond.starts is not None:
                    found = scan(cond.lower_regex, cond.starts, self._lower_text)
                else:
                    found = cond.lower_regex.finditer(self._lower_text)
            else:
                found = cond.regex.finditer(self.art.document.text)
            for m in found:
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0 and m.end() <= units[i].end:
                    index.setdefault(i, []).append((m.start(), m.end()))
            self._regex_index[cond.key] = index
        return index

    def evaluate(
        self, cond: _Cond, unit: Unit | None, clause: Clause | None, anchors: list[Span]
    ) -> list[Span]:
        """Return the spans satisfying a condition at its level (empty: not met)."""
        level = cond.within
        if level == "sentence" and unit is None:
            level = "clause" if clause is not None else "document"
        if level == "clause" and clause is None:
            level = "document"
        heading = self.art.headings.get(clause.id, "") if clause else ""
        cache_key: tuple[str, str, str] | None = None
        if cond.model.condition != "negated":
            shared = cond.key
            if cond.model.condition is not None:  # predicates are pure: share across rules
                shared = cond.model.condition + repr(sorted(cond.model.params.items()))
            scope_id = {
                "sentence": str(unit.index) if unit else "",
                "clause": clause.id if clause else "",
                "heading": heading,
                "document": "",
            }[level]
            cache_key = (shared, level, scope_id)
            if cache_key in self._cache:
                return self._cache[cache_key]
        if level == "sentence" and unit is not None:
            unit_ids = [unit.index]
        elif level == "clause" and clause is not None:
            unit_ids = self.art.by_clause.get(clause.id, [])
        elif level == "document":
            unit_ids = list(range(len(self.art.units)))
        else:
            unit_ids = []
        if cond.model.condition is not None:
            spec = REGISTRY[cond.model.condition]
            start, end = _bounds(self.art, unit_ids)
            scope = Scope(
                level, start, end, clause, unit_ids, self.context, self.art, self.extraction, self.cls,
                anchors, heading,
            )
            result, notes = split_hits(spec.fn(scope, spec.params(**cond.model.params)))
            self.notes.update(notes)
        elif level == "heading":
            result = self._heading_spans(cond, heading)
        else:
            result = [s for i in unit_ids for s in self._unit_spans(cond, self.art.units[i])]
        if cache_key is not None:
            self._cache[cache_key] = result
        return result

    def _cond_units(self, cond: _Cond) -> set[int] | None:
        """Return the units where a sentence-level matcher/regex condition can hold."""
        if cond.within != "sentence" or cond.model.kind == "condition":
            return None
        if cond.regex is not None:
            return set(self._regex_spans(cond))
        return {i for i, found in enumerate(self.unit_matches) if cond.key in found}

    def candidates(self, cr: _CompiledRule) -> set[int] | None:
        """Return the only units a sentence-level rule can fire on (None: every unit).

        Matcher and regex indexes are already computed, so rules skip the many sentences
        that hold none of their trigger words.
        """
        out: set[int] | None = None
        for cond in cr.all_:  # cheapest first: once nothing is left, skip the regex scans
            units = self._cond_units(cond)
            if units is not None:
                out = units if out is None else out & units
                if not out:
                    return out
        if out is None and cr.any_:
            union: set[int] = set()
            for cond in cr.any_:
                units = self._cond_units(cond)
                if units is None:
                    return None
                union |= units
            out = union
        return out

    def _heading_spans(self, cond: _Cond, heading: str) -> list[Span]:
        if not heading:
            return []
        if cond.regex is not None:
            return [NO_QUOTE] if cond.regex.search(heading) else []
        return [NO_QUOTE] if self.heading_matches.get(heading, {}).get(cond.key) else []

    # ----------------------------------------------------------------- scoping

    def applies(self, cr: _CompiledRule, clause: Clause) -> bool:
        """Tell whether a rule looks at a clause (type, alternatives, or heading)."""
        m = cr.rule.model
        heading = self.art.headings.get(clause.id, "")
        if cr.exclude_headings is not None and cr.exclude_headings.search(heading):
            return False
        cls = self.cls.get(clause.id)
        if cls is not None and cls.label in m.exclude_clause_types and cls.score >= EXCLUDE_MIN_SCORE:
            return False
        if m.clause_types == "any":
            return True
        if cls is not None:
            if cls.label in m.clause_types:
                return True
            if any(t in m.clause_types and s >= ALT_MIN_SCORE for t, s in cls.alternatives):
                return True
        return bool(cr.headings is not None and cr.headings.search(heading))

    def _require(
        self, cond: _Cond, unit: Unit | None, clause: Clause | None, anchors: list[Span],
        met: list[str],
    ) -> bool:
        """Evaluate one ``all`` condition, recording what it matched."""
        spans = self.evaluate(cond, unit, clause, anchors)
        if not spans:
            return False
        met.append(cond.model.describe())
        if cond.within == "sentence" or not any(a[0] >= 0 for a in anchors):
            anchors.extend(s for s in spans if s[0] >= 0)
        return True

    def check(
        self, cr: _CompiledRule, unit: Unit | None, clause: Clause | None
    ) -> tuple[list[Span], list[str], list[str]] | None:
        """Evaluate a rule at one unit (or clause/document); return anchors, met, unmet."""
        met: list[str] = []
        unmet: list[str] = []
        anchors: list[Span] = []
        cheap = [c for c in cr.all_ if _COST[c.model.kind] < 2]
        costly = [c for c in cr.all_ if _COST[c.model.kind] >= 2]
        for cond in cheap:  # matcher and regex conditions first: they fail fast
            if not self._require(cond, unit, clause, anchors, met):
                return None
        if cr.any_:
            hit = False
            for cond in cr.any_:
                spans = self.evaluate(cond, unit, clause, anchors)
                if spans:
                    hit = True
                    met.append(cond.model.describe())
                    anchors.extend(s for s in spans if s[0] >= 0)
                else:
                    unmet.append(cond.model.describe())
            if not hit:
                return None
        for cond in costly:
            if not self._require(cond, unit, clause, anchors, met):
                return None
        if cr.rule.model.expects_any_clause_type:
            want = set(cr.rule.model.expects_any_clause_type)
            if any(c.label in want and c.score >= EXCLUDE_MIN_SCORE for c in self.cls.values()):
                return None
            met.append("no clause of type " + "/".join(sorted(want)))
        for cond in cr.unless:
            if self.evaluate(cond, unit, clause, anchors):
                return None
            unmet.append("unless " + cond.model.describe())
        return anchors, met, unmet


def _bounds(art: TextArtifacts, unit_ids: list[int]) -> tuple[int, int]:
    if not unit_ids:
        return (0, 0)
    return art.units[unit_ids[0]].start, art.units[unit_ids[-1]].end


def _quote_bounds(text: str, unit: Unit, anchor: Span | None) -> tuple[int, int]:
    """Return the smallest readable span showing the problem: the sentence, or a window
    of at most 300 characters around the match, never crossing a paragraph break."""
    s, e = unit.start, unit.end
    if e - s > MAX_QUOTE:
        a0 = anchor[0] if anchor and s <= anchor[0] < e else s
        a1 = min(anchor[1], e) if anchor and s <= anchor[0] < e else s
        ws = max(s, min(a0 - 100, a1 - MAX_QUOTE + 20))
        we = min(e, ws + MAX_QUOTE)
        if ws > s:
            sp = text.find(" ", ws, a0) if a0 > ws else -1
            ws = sp + 1 if sp >= 0 else ws
        if we < e:
            sp = text.rfind(" ", max(a1, ws + MIN_QUOTE), we)
            we = sp if sp > ws else we
        s, e = ws, we
    if e - s < MIN_QUOTE:
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        s, e = max(line_start, e - MAX_QUOTE), min(line_end, s + MAX_QUOTE)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _evidence(run: _Run, unit: Unit, anchors: list[Span], matched: str) -> Evidence:
    doc = run.art.document
    inside = [a for a in anchors if unit.start <= a[0] < unit.end]
    anchor = inside[0] if inside else None
    s, e = _quote_bounds(doc.text, unit, anchor)
    hit = doc.text[anchor[0] : anchor[1]] if anchor else ""
    return Evidence(unit.clause_id, doc.text[s:e], s, e, run.context.page_at(s), f"{matched}: {hit}"[:200])


def _explain(
    run: _Run, cr: _CompiledRule, clause: Clause | None, met: list[str], unmet: list[str]
) -> tuple[tuple[str, str], ...]:
    rule = cr.rule
    out = [
        ("pack", f"{rule.pack}@{rule.version}"),
        ("rule", rule.id),
        ("conditions_met", "; ".join(met)),
        ("conditions_unmet", "; ".join(unmet)),
    ]
    if clause is not None:
        cls = run.cls.get(clause.id)
        if cls is not None:
            out.append(("clause_type", f"{cls.label.value} ({cls.score:.2f})"))
        heading = run.art.headings.get(clause.id, "")
        if heading:
            out.append(("heading", heading))
    return tuple(out)


def _finding(
    cr: _CompiledRule,
    clause_id: str | None,
    evidence: tuple[Evidence, ...],
    explanation: tuple[tuple[str, str], ...],
) -> Finding:
    m = cr.rule.model
    return Finding(
        rule_id=m.id,
        category=m.category,
        severity=m.severity,
        scope=m.scope,
        clause_id=clause_id,
        evidence=evidence,
        message=m.message.strip(),
        recommendation=m.recommendation.strip(),
        explanation=explanation,
    )


def _clause_findings(run: _Run, cr: _CompiledRule) -> list[Finding]:
    out: list[Finding] = []
    candidates = run.candidates(cr) if cr.sentence_level else None
    for clause in run.art.document.clauses:
        unit_ids = run.art.by_clause.get(clause.id, [])
        if candidates is not None:
            unit_ids = [i for i in unit_ids if i in candidates]
            if not unit_ids:
                continue
        if not run.applies(cr, clause):
            continue
        if cr.sentence_level:
            for i in unit_ids:
                unit = run.art.units[i]
                res = run.check(cr, unit, clause)
                if res is None:
                    continue
                anchors, met, unmet = res
                ev = _evidence(run, unit, anchors, met[0] if met else "")
                out.append(_finding(cr, clause.id, (ev,), _explain(run, cr, clause, met, unmet)))
        else:
            res = run.check(cr, None, clause)
            if res is None or not unit_ids:
                continue
            anchors, met, unmet = res
            units = [run.art.units[i] for i in unit_ids]
            hit_units = [u for u in units if any(u.start <= a[0] < u.end for a in anchors)]
            unit = hit_units[0] if hit_units else None
            if unit is None:
                unit = next((u for u in units if u.end - u.start >= 20), units[0])
            finding = _finding(cr, clause.id, (_evidence(run, unit, anchors, met[0] if met else ""),),
                               _explain(run, cr, clause, met, unmet))
            if DETAILS in finding.message:
                finding = _with_details(run, finding, anchors, hit_units, met)
            out.append(finding)
    return out


DETAILS = "{details}"


def _with_details(
    run: _Run, finding: Finding, anchors: list[Span], hit_units: list[Unit], met: list[str]
) -> Finding:
    """Fill a message's ``{details}`` with the notes predicates returned for the anchors (e.g.
    "Abandonment: no remedy") and quote each listed row, one evidence per table row."""
    notes: list[str] = []
    for a in anchors:
        note = run.notes.get(a)
        if note and note not in notes:
            notes.append(note)
    evidence = tuple(_evidence(run, u, anchors, met[0] if met else "") for u in hit_units[:MAX_EVIDENCE])
    message = finding.message.replace(DETAILS, "; ".join(notes) if notes else "see the quoted rows")
    return replace(finding, message=message, evidence=evidence or finding.evidence,
                   explanation=finding.explanation + (("missing", "; ".join(notes)),))


def _document_findings(run: _Run, cr: _CompiledRule) -> list[Finding]:
    evidence: list[Evidence] = []
    met_all: list[str] = []
    unmet_all: list[str] = []
    if cr.sentence_level:
        candidates = run.candidates(cr)
        for unit in run.art.units:
            if candidates is not None and unit.index not in candidates:
                continue
            clause = run.clauses.get(unit.clause_id)
            if clause is None or not run.applies(cr, clause):
                continue
            res = run.check(cr, unit, clause)
            if res is None:
                continue
            anchors, met, unmet = res
            met_all, unmet_all = met, unmet
            evidence.append(_evidence(run, unit, anchors, met[0] if met else ""))
            if len(evidence) >= MAX_EVIDENCE:
                break
        if not evidence:
            return []
    else:
        res = run.check(cr, None, None)
        if res is None:
            return []
        _, met_all, unmet_all = res  # a pure gap: nothing in the text to quote
    return [_finding(cr, None, tuple(evidence), _explain(run, cr, None, met_all, unmet_all))]


def _overlap(a: Finding, b: Finding, art: TextArtifacts) -> bool:
    """Same problem: overlapping quotes, the same paragraph of the same clause, or two
    document-level findings of one category."""
    if a.scope == "document" and b.scope == "document":
        return True
    if a.scope != b.scope:
        return False
    for ea in a.evidence:
        for eb in b.evidence:
            if ea.start < eb.end and eb.start < ea.end:
                return True
            if ea.clause_id == eb.clause_id and "\n" not in art.document.text[
                min(ea.end, eb.end) : max(ea.start, eb.start)
            ]:
                return True
            if _continues(art.document.text, ea, eb) or _continues(art.document.text, eb, ea):
                return True
    return False


_TABLE_ROW = re.compile(r"\s\|\s|\|\||\t")
_GAP = re.compile(r"^\s*(\(?[a-z0-9ivx]{1,4}[.)])?\s*$", re.IGNORECASE)


def _continues(text: str, first: Evidence, second: Evidence) -> bool:
    """Tell whether ``second`` continues the sentence of ``first`` across a list break,
    e.g. "... the greater of (a) 4.5% and" / "(b) the annual change in CPI"."""
    if first.end > second.start or text[first.end - 1 : first.end] in {".", "!", "?", ";", '"'}:
        return False
    if _TABLE_ROW.search(first.quote) or _TABLE_ROW.search(second.quote):
        return False  # table rows are separate items, never one sentence across a break
    return bool(_GAP.match(text[first.end : second.start]))


def merge_findings(findings: list[Finding], art: TextArtifacts) -> list[Finding]:
    """Merge duplicates (same category, same problem): keep the most severe, list the others."""
    order = sorted(
        range(len(findings)), key=lambda i: (-findings[i].severity.rank, i)
    )
    kept: list[Finding] = []
    for i in order:
        f = findings[i]
        for k, g in enumerate(kept):
            if g.category == f.category and _overlap(g, f, art):
                ids = g.merged_rule_ids
                if f.rule_id != g.rule_id and f.rule_id not in ids:
                    ids = ids + (f.rule_id,)
                extra = tuple(
                    e for e in f.evidence
                    if not any(e.start < x.end and x.start < e.end for x in g.evidence)
                )
                evidence = g.evidence
                if g.scope == "document":
                    evidence = (g.evidence + extra)[:MAX_EVIDENCE]
                kept[k] = replace(g, merged_rule_ids=ids, evidence=evidence)
                break
        else:
            kept.append(f)
    kept.sort(key=lambda f: (f.scope == "document", f.evidence[0].start if f.evidence else 0,
                             f.category.value))
    return kept


def apply_rules(
    context: DocumentContext, extraction: Extraction, compiled: CompiledRuleSet
) -> tuple[Finding, ...]:
    """Flag a document's problems, one Finding per problem.

    Args:
        context: the classified document, its rule units tokenised once
            (``analyzer.context.build_context`` with the same ``nlp`` as ``compiled``).
        extraction: rates, KPIs, obligations and references found by the extractors.
        compiled: from ``compile_ruleset`` (clauses without a classification count as
            ``other``).

    Returns:
        Findings in document order, document-level gaps last.
    """
    run = _Run(compiled, context, extraction)
    art = run.art
    raw: list[Finding] = []
    for cr in compiled.rules:
        if cr.rule.model.scope == "document":
            raw.extend(_document_findings(run, cr))
        else:
            raw.extend(_clause_findings(run, cr))
    merged = merge_findings(raw, art)
    merged = merge_into_sections(merged, context, {cr.rule.id: cr.rule for cr in compiled.rules})
    logger.debug("%d raw findings, %d after merging", len(raw), len(merged))
    return tuple(merged)


def merge_into_sections(
    findings: list[Finding], context: DocumentContext, rules: dict[str, Rule]
) -> list[Finding]:
    """Fold findings of ``merge_into_section`` rules into a finding of the same category in
    the same section whose quote already covers the gap (one flag per problem): e.g. an SLA
    table whose rows lack credits, next to "service credits for the other service levels
    will be agreed". Without such a finding the flag stays on its own."""
    out = list(findings)
    for f in findings:
        rule = rules.get(f.rule_id)
        if rule is None or not rule.model.merge_into_section or f.scope != "clause":
            continue
        covers = [re.compile(p, re.IGNORECASE) for p in rule.model.covers]
        section = context.family(f.clause_id)
        target = None
        for k, g in enumerate(out):
            if g is f or g.category != f.category or g.scope != "clause" or g.clause_id not in section:
                continue
            quote = " ".join(e.quote for e in g.evidence)
            if covers and not any(c.search(quote) for c in covers):
                continue
            target = k
            break
        if target is None:
            continue
        g = out[target]
        ids = g.merged_rule_ids + ((f.rule_id,) if f.rule_id not in g.merged_rule_ids else ())
        detail = next((v for k2, v in f.explanation if k2 == "missing"), f.message)
        out[target] = replace(g, merged_rule_ids=ids,
                              explanation=g.explanation + (("merged", f"{f.rule_id}: {detail}"),))
        out = [x for x in out if x is not f]
    return out


def missing_types(
    classifications: tuple[Classification, ...], ruleset: RuleSet
) -> tuple[ClauseType, ...]:
    """Return the expected clause types (the packs' checklist) that no clause has."""
    present = {c.label for c in classifications}
    return tuple(t for t in ruleset.expected_clause_types if t not in present)
