"""The one registry of named predicates a rule pack may call with ``condition: NAME``.

A predicate looks at a ``Scope`` (a sentence, a clause, the headings or the whole document)
and returns the spans that satisfy it; an empty list means "not met". A span starting at
-1 means "met, but there is nothing to quote" (e.g. a document is an amendment).
Predicates read the Extraction where the extractors know better (obligations, KPIs,
references) and fall back to their own cheap text checks where the Extraction is empty,
so a rule still works on a hand-built Document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from analyzer.lexicon.kpi import KPI_WORDS, KpiElement
from analyzer.lexicon.money import (
    AMOUNT,
    CURRENCY_CODE_AFTER,
    CURRENCY_NAME_WORD,
    CURRENCY_PATTERN,
    CURRENCY_WORD,
    MONEY,
)
from analyzer.lexicon.pricing import PRICE_COLUMN, PRICE_HEADING, PRICE_WORDS, PRICING_TYPES
from analyzer.types import Classification, Clause, ClauseType, Extraction

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext
    from analyzer.rules.units import TextArtifacts, Unit

Span = tuple[int, int]
NO_QUOTE: Span = (-1, -1)

# --------------------------------------------------------------------------- vocabulary

CURRENCY = CURRENCY_PATTERN  # one currency vocabulary (analyzer/lexicon/money.py)
# A numeric performance target: a percentage, or a time threshold in seconds/minutes.
NUMERIC_TARGET = re.compile(
    r"\d+(\.\d+)?\s*(%|percent\b)|\b(within|in|under|below|than)\s+(\w+\s+)?\(?\d+\)?\s*"
    r"(seconds?|secs?|minutes?|mins?|hours?|business hours|days|business days)\b"
    r"|\b\d+\s*(seconds?|secs?)\b",
    re.IGNORECASE,
)
_VOLUME_AFTER = re.compile(
    r"^\s*(\(\w+\)\s*)?((?!(?:fees?|charges?|rates?|prices?|costs?|per|for|of|in|and|or|a|an|the|is|are|"
    r"shall|will|to|at|on)\b)[a-z][a-z-]*\s+){0,3}?"
    r"(hours?|minutes?|mins?|seconds?|calls?|contacts?|days?|weeks?|months?|years?|agents?|"
    r"ftes?|seats?|transactions?|tickets?|emails?|sessions?|people|employees|staff|%|percent|"
    r"x\b|per cent|units?|words?|pages?|cardholders?|customers?|locations?)",
    re.IGNORECASE,
)
_UNIT_MARK = re.compile(
    r"\bper\b|/\s?(hour|hr|minute|min|call|month|fte|agent|transaction|contact|seat)|"
    r"\b(hourly|monthly|annually|annual|yearly|weekly|daily|each|one[- ]time|one[- ]off|"
    r"lump sum|fixed fee|flat fee)\b",
    re.IGNORECASE,
)

NEGATORS = {
    "no", "not", "n't", "never", "without", "neither", "nor", "none", "nothing", "cannot",
    "excluding", "excludes", "exclude", "excluded", "absorb", "absorbs", "absorbed", "waive",
    "waives", "waived",
}
# Quantifiers that contain a negator but do not negate ("not less than 7,000 hours").
_NOT_NEGATION_AFTER = {"less", "more", "later", "fewer", "exceed", "exceeding", "to", "only",
                       "earlier", "sooner"}
_NEGATION_AFTER_MATCH = re.compile(
    r"\b(not|never)\s+(be\s+)?(payable|billable|chargeable|charged|billed|invoiced|included|"
    r"apply|applicable|subject|required|be\s+charged|be\s+billed)\b|"
    r"\bat\s+no\s+(additional\s+|extra\s+)?(cost|charge|fee)|\bno\s+(additional\s+)?charge\b|"
    r"\bfree of charge\b|\b(is|are|be)\s+(also\s+)?included\b|\bincluded in\b|"
    r"\bat\s+(its|their|\w+'s|\w+’s)\s+(own\s+)?(cost|expense)(?!\s*(plus|\+|\w*[- ]?up))|"
    r"\bown\s+(cost|expense)s?\b|"
    r"\b(is|are)\s+waived\b|\bhas been paid\b|\bwithout\s+(charge|cost)\b",
    re.IGNORECASE,
)


# After a duty ("refresher training ... is not included"), only these deny that it exists;
# "at no extra cost" or "is not billable" deny a charge, and the duty is still there.
_ABSENT_AFTER_MATCH = re.compile(
    r"\b(not|never)\s+(be\s+)?(included|provided|offered|performed|required|applicable|apply|"
    r"in scope|part of)\b|\bout of scope\b|\b(is|are)\s+excluded\b",
    re.IGNORECASE,
)


def negated_at(
    art: TextArtifacts, unit: Unit, span: Span, window: int = 12, charge: bool = True
) -> bool:
    """Tell whether a match is negated: a negator shortly before it, or a 'not payable'-type
    phrase after it in the same clause part (stopping at ';').

    Hard negatives: "at no additional charge", "does not commit to any minimum volume",
    "is not payable again"; quantifiers such as "not less than" do not negate. With
    ``charge=False`` (is a duty present at all?) only "not included / not provided"-type
    phrases after the match negate it: "refresher training at no extra cost" is training.
    """
    doc = art.docs[unit.index]
    rel_start, rel_end = span[0] - unit.start, span[1] - unit.start
    first = next((t.i for t in doc if t.idx + len(t) > rel_start), len(doc))
    steps = 0
    i = first - 1
    while i >= 0 and steps < window:
        tok = doc[i]
        if tok.text in {";"}:
            break
        low = tok.lower_
        if low in NEGATORS:
            nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            prev = doc[i - 1].lower_ if i > 0 else ""
            if not (nxt in _NOT_NEGATION_AFTER or (low == "not" and prev == "or")
                    or _reduced_relative(doc, i, first)):
                return True
        i -= 1
        steps += 1
    text = art.text(unit)
    rest = text[rel_end:]
    cut = rest.find(";")
    rest = rest if cut < 0 else rest[:cut]
    return bool((_NEGATION_AFTER_MATCH if charge else _ABSENT_AFTER_MATCH).search(rest))


def _reduced_relative(doc: Any, i: int, first: int) -> bool:
    """'issues not resolved there are escalated': a 'not' between a noun and its past
    participle negates that participle (a reduced relative clause), not a later verb."""
    if doc[i].lower_ != "not" or i == 0 or i + 1 >= first:
        return False
    return doc[i - 1].pos_ in {"NOUN", "PROPN"} and doc[i + 1].tag_ == "VBN"


# --------------------------------------------------------------------------- scope


@dataclass(slots=True)
class Scope:
    """Where a condition is tested and everything a predicate may read."""

    level: str
    start: int
    end: int
    clause: Clause | None
    unit_ids: list[int]
    context: DocumentContext
    art: TextArtifacts
    extraction: Extraction
    classifications: dict[str, Classification]
    anchors: list[Span] = field(default_factory=list)
    heading: str = ""

    def units(self) -> list[Unit]:
        """Return the units in scope."""
        return [self.art.units[i] for i in self.unit_ids]

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether a document span overlaps this scope."""
        return start < self.end and end > self.start

    def classification(self) -> Classification | None:
        """Return the classification of the scope's clause."""
        return self.classifications.get(self.clause.id) if self.clause else None


@dataclass(frozen=True, slots=True)
class Hit:
    """A span a predicate found, with the note it gives the finding's message
    (``{details}``) and explanation, e.g. "Abandonment: no remedy"."""

    span: Span
    note: str = ""


Predicate = Callable[[Scope, Any], "list[Span] | list[Hit]"]


def split_hits(found: list[Span] | list[Hit]) -> tuple[list[Span], dict[Span, str]]:
    """Separate a predicate's answer into its spans and the notes of its hits."""
    spans: list[Span] = []
    notes: dict[Span, str] = {}
    for item in found:
        if isinstance(item, Hit):
            spans.append(item.span)
            if item.note:
                notes[item.span] = item.note
        else:
            spans.append(item)
    return spans, notes


class NoParams(BaseModel):
    """A predicate that takes no parameters."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True)
class PredicateSpec:
    """A registered predicate: its function, its parameter model and what it means."""

    name: str
    fn: Predicate
    params: type[BaseModel]
    doc: str


REGISTRY: dict[str, PredicateSpec] = {}


def predicate(name: str, params: type[BaseModel] = NoParams) -> Callable[[Predicate], Predicate]:
    """Register a predicate under a versionless public name (the YAML uses it)."""

    def wrap(fn: Predicate) -> Predicate:
        if name in REGISTRY:
            raise ValueError(f"predicate {name!r} registered twice")
        REGISTRY[name] = PredicateSpec(name, fn, params, (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return wrap


def _unit_spans(scope: Scope, pattern: re.Pattern[str]) -> list[Span]:
    """Return doc spans of a regex over the units in scope."""
    out: list[Span] = []
    for unit in scope.units():
        text = scope.art.text(unit)
        out.extend((unit.start + m.start(), unit.start + m.end()) for m in pattern.finditer(text))
    return out


# --------------------------------------------------------------------------- context


@predicate("negated")
def negated(scope: Scope, params: NoParams) -> list[Span]:
    """Any anchor match of the sentence is negated ("no set-up fee", "not billable")."""
    if scope.level != "sentence" or not scope.unit_ids:
        return []
    unit = scope.art.units[scope.unit_ids[0]]
    for span in scope.anchors:
        if span[0] >= 0 and negated_at(scope.art, unit, span):
            return [NO_QUOTE]
    return []


@predicate("pricing_context")
def pricing_context(scope: Scope, params: NoParams) -> list[Span]:
    """The sentence talks about price, or its clause is a pricing clause by heading or type."""
    if _unit_spans(scope, PRICE_WORDS) or _unit_spans(scope, MONEY):
        return [NO_QUOTE]
    if scope.heading and PRICE_HEADING.search(scope.heading):
        return [NO_QUOTE]
    cls = scope.classification()
    if cls is not None and cls.label in PRICING_TYPES and cls.score >= 0.5:
        return [NO_QUOTE]
    return []


_LABEL_LINE = re.compile(r"\s\|\s|\|\||\t|^[^.:;|]{2,80}:\s")


@predicate("price_sentence")
def price_sentence(scope: Scope, params: NoParams) -> list[Span]:
    """The sentence itself names a price, or it is a short rate-card line ("Item | TBC",
    "Bilingual: to be confirmed") in a clause that is about pricing by heading or type.

    Stricter than ``pricing_context``: a long sentence in a pricing clause that never
    mentions a price ("'Term' is defined in Section 3") does not count.
    """
    units = scope.units()
    if _unit_spans(scope, PRICE_WORDS) or _unit_spans(scope, MONEY):
        return [NO_QUOTE]
    if not units or any(
        len(scope.art.text(u)) > 160 or not _LABEL_LINE.search(scope.art.text(u)) for u in units
    ):
        return []
    return pricing_context(scope, params)


class ClauseTypeParams(BaseModel):
    """Clause types and the confidence needed."""

    model_config = ConfigDict(extra="forbid")
    types: list[ClauseType]
    min_score: float = Field(0.5, ge=0, le=1)
    alternatives: bool = False


@predicate("clause_type", ClauseTypeParams)
def clause_type(scope: Scope, params: ClauseTypeParams) -> list[Span]:
    """The scope's clause is classified as one of ``types`` (top label, or an alternative)."""
    cls = scope.classification()
    if cls is None:
        return []
    if cls.label in params.types and cls.score >= params.min_score:
        return [NO_QUOTE]
    if params.alternatives and any(
        t in params.types and s >= params.min_score for t, s in cls.alternatives
    ):
        return [NO_QUOTE]
    return []


@predicate("has_clause_type", ClauseTypeParams)
def has_clause_type(scope: Scope, params: ClauseTypeParams) -> list[Span]:
    """Some clause of the document is classified as one of ``types``."""
    for cls in scope.classifications.values():
        if cls.label in params.types and cls.score >= params.min_score:
            return [NO_QUOTE]
    return []


_AMENDMENT = re.compile(
    r"^\W*(amendment|addendum|variation|change order|amending agreement)\b", re.IGNORECASE
)


@predicate("is_amendment")
def is_amendment(scope: Scope, params: NoParams) -> list[Span]:
    """The document amends another one (gaps are then judged with the base agreement)."""
    doc = scope.art.document
    head = (doc.title or "") + "\n" + doc.text[:200].lstrip()
    if _AMENDMENT.match(doc.title or "") or _AMENDMENT.match(doc.text[:200].lstrip()):
        return [NO_QUOTE]
    return [NO_QUOTE] if re.search(r"\bamendment no\.?\s*\d", head[:120], re.I) else []


# --------------------------------------------------------------------------- money


@predicate("money")
def money(scope: Scope, params: NoParams) -> list[Span]:
    """The scope states an amount of money with its currency."""
    return _unit_spans(scope, MONEY)


_BARE_AMOUNT = re.compile(
    r"(?<![\w.,/$€£₹-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})(?![\w%]|\.\d)"
)
# A count or threshold, not a price: "volumes above 4,500 per month", "more than 1,200 calls".
_VOLUME_BEFORE = re.compile(
    r"\b(volumes?|tickets?|calls?|contacts?|minutes|hours|above|below|exceed(s|ing)?|more than|"
    r"fewer than|less than|over|under)\s+(of\s+)?$",
    re.IGNORECASE,
)
_SECTION_BEFORE = re.compile(
    r"\b(sections?|clauses?|articles?|paragraphs?|schedules?|exhibits?|annex|appendix|§)\s*$",
    re.IGNORECASE,
)


@predicate("money_without_currency")
def money_without_currency(scope: Scope, params: NoParams) -> list[Span]:
    """A price sentence states an amount with no currency anywhere in it ("fee: 15,000"),
    or a price-table cell holds a bare amount under a "Price" / "Rate" / "Fee" column."""
    out: list[Span] = []
    for unit in scope.units():
        text = scope.art.text(unit)
        if CURRENCY_WORD.search(text):
            continue
        if _TABLE_ROW.search(text):
            out.extend(_bare_price_cells(scope, unit, text))
            continue
        if not PRICE_WORDS.search(text):
            continue
        for m in _BARE_AMOUNT.finditer(text):
            before = text[: m.start()]
            if (_VOLUME_AFTER.match(text[m.end() :]) or _SECTION_BEFORE.search(before)
                    or _VOLUME_BEFORE.search(before)):
                continue
            out.append((unit.start + m.start(), unit.start + m.end()))
    return out


_TABLE_ROW = re.compile(r"\s\|\s|\|\||\t")
_CELL_SPLIT = re.compile(r"\s*(?:\|\|?|\t)\s*")
_BARE_CELL = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")


def _header_cells(scope: Scope, unit: Unit) -> list[str] | None:
    """Return the header cells of the table a row belongs to: the first table line of the
    row's paragraph run in its clause (the row itself when it is the header)."""
    clause_units = scope.art.by_clause.get(unit.clause_id, [])
    header: Unit | None = None
    for i in clause_units:
        u = scope.art.units[i]
        if u.start > unit.start:
            break
        if _TABLE_ROW.search(scope.art.text(u)):
            if header is None:
                header = u
        else:
            header = None
    if header is None or header.index == unit.index:
        return None
    return _CELL_SPLIT.split(scope.art.text(header).strip(" |\t"))


_CURRENCY_STATED = re.compile(
    rf"\b(amounts?|prices?|rates?|fees?|charges?|sums?|figures?)\b[^.\n]{{0,60}}\b(in|expressed in|"
    rf"stated in|denominated in|payable in|quoted in)\s+(US |U\.S\. )?({CURRENCY}|{CURRENCY_NAME_WORD})",
    re.IGNORECASE,
)


def _currency_stated(scope: Scope) -> bool:
    """Tell whether the document states one currency for all its amounts (memoised)."""
    memo = scope.art.memo
    if "currency_stated" not in memo:
        memo["currency_stated"] = bool(_CURRENCY_STATED.search(scope.art.document.text))
    return bool(memo["currency_stated"])


def _bare_price_cells(scope: Scope, unit: Unit, text: str) -> list[Span]:
    """Bare amounts (no currency, no unit) in cells whose column header names a price."""
    header = _header_cells(scope, unit)
    if not header or CURRENCY_WORD.search(" ".join(header)) or _currency_stated(scope):
        return []
    out: list[Span] = []
    pos = 0
    for col, cell in enumerate(_CELL_SPLIT.split(text)):
        at = text.find(cell, pos) if cell else pos
        pos = at + len(cell) if at >= 0 else pos
        value = cell.strip()
        if not value or col >= len(header) or not _BARE_CELL.match(value):
            continue
        if not PRICE_COLUMN.search(header[col]) or "%" in header[col]:
            continue
        out.append((unit.start + at, unit.start + at + len(cell)))
    return out


_RATE_WORD = re.compile(r"\brates?\b", re.IGNORECASE)


@predicate("rate_without_unit")
def rate_without_unit(scope: Scope, params: NoParams) -> list[Span]:
    """A rate is stated as an amount with no unit (per hour? per FTE?)."""
    out: list[Span] = []
    for unit in scope.units():
        text = scope.art.text(unit)
        if not _RATE_WORD.search(text) or _UNIT_MARK.search(text):
            continue
        if re.search(r"exchange|currency|interest|\bfx\b", text, re.IGNORECASE):
            continue
        out.extend((unit.start + m.start(), unit.start + m.end()) for m in MONEY.finditer(text))
    for rate in scope.extraction.rates:
        if rate.unit.value == "unknown" and rate.kind == "rate" and scope.overlaps(rate.start, rate.end):
            out.append((rate.start, rate.end))
    return out


_PRICED_AT = re.compile(
    rf"\b(charged|billed|invoiced|priced|chargeable|rate of|unit price of)\s+"
    rf"(at\s+|of\s+)?(?:{CURRENCY}\s?(?:{AMOUNT})|(?:{AMOUNT})\s?(?:{CURRENCY_CODE_AFTER})\b)",
    re.IGNORECASE,
)
_ONCE_MARK = re.compile(
    r"\b(on|at|upon) (signature|signing|go[- ]live|launch|completion|acceptance)\b|"
    r"\b(up[- ]?front|in advance|in arrears|once|one[- ]off|single)\b|\btotal\b|\bin aggregate\b",
    re.IGNORECASE,
)
_NOT_A_PRICE = re.compile(
    r"\b(illustrat\w*|estimat\w*|example|insurance|liabilit\w*|cap(ped)?|not (to )?exceed|"
    r"up to|maximum|credit\w*|penalt\w*|damages|refund\w*|threshold|interest|exchange|"
    r"terminat\w*|cancell?at\w*|late payment|deposit|retainer|lump sum|fixed (fee|sum|price))\b",
    re.IGNORECASE,
)


@predicate("price_without_unit")
def price_without_unit(scope: Scope, params: NoParams) -> list[Span]:
    """A priced item has an amount but no unit: an extracted rate or fee whose unit is
    unknown, or "charged at GBP 0.42" with no per-what (per letter? per batch?)."""
    out: list[Span] = []
    for rate in scope.extraction.rates:
        if (rate.unit.value == "unknown" and rate.kind in ("rate", "fee") and rate.amount > 0
                and scope.overlaps(rate.start, rate.end)):
            out.append((rate.start, rate.end))
    if out:
        return [s for s in out if not _unit_marked(scope, s)]
    for unit in scope.units():
        text = scope.art.text(unit)
        m = _PRICED_AT.search(text)
        if m is not None:
            out.append((unit.start + m.start(), unit.start + m.end()))
    return [s for s in out if not _unit_marked(scope, s)]


def _unit_marked(scope: Scope, span: Span) -> bool:
    """Tell whether the sentence around a span states a unit or a one-off basis."""
    for unit in scope.units():
        if unit.start <= span[0] < unit.end:
            text = scope.art.text(unit)
            return bool(_UNIT_MARK.search(text) or _ONCE_MARK.search(text)
                        or _NOT_A_PRICE.search(text))
    return False


@predicate("numeric_target")
def numeric_target(scope: Scope, params: NoParams) -> list[Span]:
    """The scope states a numeric target: a percentage or a time threshold."""
    return _unit_spans(scope, NUMERIC_TARGET)


class PricedItemParams(BaseModel):
    """Which kinds of extracted price lines count (see ``RateItem.kind``)."""

    model_config = ConfigDict(extra="forbid")
    kinds: list[str] = Field(default_factory=lambda: ["one_time", "surcharge"])


_ONE_TIME_ROW = re.compile(r"\bone[- ]?(time|off)\b|\bnon[- ]recurring\b|\bonce\b", re.IGNORECASE)
_ROW_AMOUNT = re.compile(rf"(?:{CURRENCY}\s?)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?")
_PERCENT_ON_RATE = re.compile(
    r"[+]?\d+(\.\d+)?\s*(%|percent\b|per cent\b)\s+(on|above|over|on top of|added to|in addition to|"
    r"uplift on|surcharge on|premium on)\s+(the\s+|all\s+)?([\w-]+\s+){0,2}(rates?|prices?|fees?|charges?)\b",
    re.IGNORECASE,
)


@predicate("priced_item", PricedItemParams)
def priced_item(scope: Scope, params: PricedItemParams) -> list[Span]:
    """A price line of the given kinds lies in scope: a one-time fee or a surcharge on the
    rates, as the pricing extractor read it (rate-card rows included)."""
    kinds = set(params.kinds)
    return [(r.start, r.end) for r in scope.extraction.rates
            if r.kind in kinds and r.amount > 0 and scope.overlaps(r.start, r.end)]


# --------------------------------------------------------------------------- expenses

_EXPENSE = re.compile(
    r"\b(travel\w*|lodging|accommodation|hotel|airfare|per diem|subsistence|"
    r"out[- ]of[- ]pocket|disbursements?)\b",
    re.IGNORECASE,
)
_GENERIC_EXPENSE = re.compile(r"\bexpenses\b.{0,80}\breimburs\w*|\breimburs\w*.{0,80}\bexpenses\b", re.I)
_OWN_EXPENSES = re.compile(r"\b(its|their|his|her) own (costs? and )?expenses\b", re.IGNORECASE)
_EXPENSE_BILLING = re.compile(
    r"\b(reimburs\w*|bill(ed|able)?|invoic\w*|charg\w*|pa(y|id|yable)|recharg\w*|"
    r"re-charg\w*|at (actuals?|cost))\b",
    re.IGNORECASE,
)
_CAP = re.compile(
    r"\bnot\s+(to\s+)?exceed\w*|\bup to (a\s+)?(total|maximum|aggregate|cap)?|\bcap(ped|s)?\b|"
    r"\bmaximum of\b|\blimited to\b|\bceiling\b|\bno more than\b|\bbudget\b",
    re.IGNORECASE,
)
_APPROVAL = re.compile(
    r"\b(prior|advance|pre)[- ]?(written\s+)?(approv\w*|consent|authori[sz]\w*)|"
    r"\bapprov\w*\s+(\w+\s+){0,6}(in advance|beforehand|in writing)|\bpre-?approv\w*|"
    r"\b(requested|authori[sz]ed) and approved\b|"
    r"\b(client|customer|buyer|purchaser|authority|agency|bank|company|council|department|"
    r"approved|agreed)(['’]s)?\s+([\w-]+\s+){0,2}(travel|expenses?)\s+(and expenses?\s+)?polic\w*",
    re.IGNORECASE,
)
# Only the client's (or an agreed) travel policy controls the spend; the vendor's own
# policy ("as per Zentrix travel policy", "our travel policy") lets the vendor decide.


@predicate("expense_uncapped")
def expense_uncapped(scope: Scope, params: NoParams) -> list[Span]:
    """The client reimburses travel or out-of-pocket expenses with no cap, no prior approval
    and no expense policy anywhere in the clause (hard negative: capped and pre-approved)."""
    hits: list[Span] = []
    unit_list = scope.units()
    for unit in unit_list:
        text = scope.art.text(unit)
        m = _EXPENSE.search(text)
        if m is None or not _EXPENSE_BILLING.search(text):
            m = _GENERIC_EXPENSE.search(text)
        if m is not None and not _OWN_EXPENSES.search(text):
            if negated_at(scope.art, unit, (unit.start + m.start(), unit.start + m.end())):
                continue
            hits.append((unit.start, unit.end))
    if not hits:
        return []
    whole = " ".join(scope.art.text(u) for u in unit_list)
    if _CAP.search(whole) or _APPROVAL.search(whole):
        return []
    return hits


# --------------------------------------------------------------------------- obligations

_PASSIVE_MODALS = {"will", "shall", "must", "should", "to", "would"}
_IRREGULAR = {
    "set", "put", "cut", "let", "read", "held", "kept", "sent", "made", "paid", "met", "given",
    "taken", "done", "shown", "written", "brought", "built", "bought", "sold", "told", "found",
    "run", "led", "spent", "drawn", "known", "seen", "undertaken", "borne", "chosen", "sought",
    "dealt", "struck", "taught", "caught", "lent", "won", "begun", "fed", "laid",
}
_NON_AGENT = {
    "hand", "courier", "mail", "email", "e-mail", "post", "fax", "telephone", "phone",
    "reference", "law", "means", "way", "virtue", "then", "no", "not", "close", "end",
    "which", "when", "whom", "this", "that", "such", "registered", "certified", "electronic",
    "midnight", "noon", "operation", "default", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
}
_RAISING = {"deemed", "considered", "intended", "expected", "likely", "required", "need",
            "needs", "appears", "seems", "appear", "seem", "ought", "going", "unlikely"}
_SKIP_BEFORE_AGENT = {"the", "its", "their", "each", "either", "both", "a", "an", "any", "one"}


class PassiveParams(BaseModel):
    """Verbs (lemmas) whose agentless passive is not an undefined duty."""

    model_config = ConfigDict(extra="forbid")
    exclude_verbs: list[str] = Field(default_factory=list)


def _is_participle(tok: Any) -> bool:
    low = tok.lower_
    if low in _IRREGULAR:
        return True
    return (low.endswith("ed") or low.endswith("en")) and tok.lemma_ != low


@predicate("passive_without_agent", PassiveParams)
def passive_without_agent(scope: Scope, params: PassiveParams) -> list[Span]:
    """A duty in the passive with no one to do it: "reports will be provided", "to be
    arranged"; "shall be delivered by Supplier" names its actor and is fine."""
    excluded = set(params.exclude_verbs)
    out: list[Span] = []
    for unit in scope.units():
        doc = scope.art.docs[unit.index]
        n = len(doc)
        for i, tok in enumerate(doc):
            if tok.lower_ != "be" or i == 0 or doc[i - 1].lower_ not in _PASSIVE_MODALS:
                continue
            if doc[i - 1].lower_ == "to" and i >= 2 and doc[i - 2].lower_ in _RAISING:
                continue  # "deemed to be accepted", "intended to be": not a duty
            j = i + 1
            while j < n and (doc[j].lower_.endswith("ly") or doc[j].lower_ in {"also", "then"}):
                j += 1
            if j >= n or doc[j].lower_ == "not" or not _is_participle(doc[j]):
                continue
            if doc[j].lemma_ in excluded or doc[j].lower_ in excluded:
                continue
            if _has_agent(doc, j + 1):
                continue
            start = doc[i - 1].idx
            end = doc[j].idx + len(doc[j])
            out.append((unit.start + start, unit.start + end))
    return out


def _has_agent(doc: Any, k: int) -> bool:
    """Look for 'by <someone>' after a participle, up to the end of the clause part."""
    n = len(doc)
    while k < n and doc[k].text != ";":
        if doc[k].lower_ == "by":
            m = k + 1
            while m < n and doc[m].lower_ in _SKIP_BEFORE_AGENT:
                m += 1
            if m < n and not doc[m].like_num and doc[m].lower_ not in _NON_AGENT and doc[m].is_alpha:
                return True
        k += 1
    return False


@predicate("obligation_without_agent")
def obligation_without_agent(scope: Scope, params: NoParams) -> list[Span]:
    """The extractor found a passive obligation with no party in scope."""
    return [
        (o.start, o.end)
        for o in scope.extraction.obligations
        if o.passive and o.party is None and scope.overlaps(o.start, o.end)
    ]


@predicate("joint_obligation")
def joint_obligation(scope: Scope, params: NoParams) -> list[Span]:
    """The extractor found a joint obligation ("the parties will") in scope."""
    return [
        (o.start, o.end)
        for o in scope.extraction.obligations
        if o.joint and scope.overlaps(o.start, o.end)
    ]


# --------------------------------------------------------------------------- references

_REF = re.compile(
    r"\b(Schedule|Exhibit|Annex|Appendix|Attachment|Addendum|SCHEDULE|EXHIBIT|ANNEX|APPENDIX)"
    r"\s+(?:No\.\s*)?([A-Z]{1,2}|\d{1,2}|[IVX]{1,4})(?!\w|\.\d)"
)
# An amendment citing "Schedule 3 (Charges) of the Agreement" points at the base agreement,
# which is read together with it and is not expected to be attached.
_OF_BASE_AGREEMENT = re.compile(
    r"\s*(\([^)]{0,60}\))?\s*(of|to|in|under)\s+the\s+(master |main |base |principal |original |"
    r"framework |services? )?(agreement|msa|contract)\b",
    re.IGNORECASE,
)
_HEADING_VERB = re.compile(r"\b(shall|will|may|must|applies|apply|is|are|was|were|has|have)\b")


def attachment_present(text: str, kind: str, label: str, headings: list[str]) -> bool:
    """Tell whether the document contains the attachment: a line or heading that starts
    with its label ('SCHEDULE 3', 'Schedule A - Call Types'), not a sentence citing it."""
    pattern = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?{kind}\s+(?:No\.\s*)?{re.escape(label)}(?!\w|\.\d)(.*)$", re.I | re.M)
    for m in pattern.finditer(text):
        if not _HEADING_VERB.search(m.group(1)):
            return True
    caps = re.compile(rf"\b{kind.upper()}\s+(?:NO\.\s*)?{re.escape(label)}(?!\w|\.\d)")
    if caps.search(text):  # "EXHIBIT A" in capitals is a heading, even glued to a line
        return True
    head = re.compile(rf"^\W*{kind}\s+(?:No\.\s*)?{re.escape(label)}(?!\w)", re.I)
    return any(head.match(h) for h in headings)


def _present(scope: Scope, kind: str, label: str, headings: list[str]) -> bool:
    """Memoised ``attachment_present`` for one document."""
    key = ("attachment", kind.lower(), label)
    memo = scope.art.memo
    if key not in memo:
        memo[key] = attachment_present(scope.art.document.text, kind, label, headings)
    return bool(memo[key])


@predicate("missing_attachment")
def missing_attachment(scope: Scope, params: NoParams) -> list[Span]:
    """The scope cites a schedule, exhibit or annex the document does not contain: an
    extracted reference not present, whose label no heading or line of the text starts."""
    refs = scope.extraction.references
    doc = scope.art.document
    headings = [c.heading or "" for c in doc.clauses] + [doc.title or ""]
    amendment = bool(is_amendment(scope, NoParams()))
    out: list[Span] = []
    for r in refs:
        if r.present or not scope.overlaps(r.start, r.end):
            continue
        if amendment and _OF_BASE_AGREEMENT.match(doc.text[r.end : r.end + 80]):
            continue
        m = _REF.search(r.label) or _REF.search(r.quote)
        if m and _present(scope, m.group(1), m.group(2), headings):
            continue  # both the extractor and the text must agree the attachment is missing
        out.append((r.start, r.end))
    return out


# --------------------------------------------------------------------------- KPIs

class KpiParams(BaseModel):
    """Which missing KPI elements make the condition true."""

    model_config = ConfigDict(extra="forbid")
    any_of: list[KpiElement] = Field(default_factory=list)
    all_of: list[KpiElement] = Field(default_factory=list)


@predicate("kpi_missing", KpiParams)
def kpi_missing(scope: Scope, params: KpiParams) -> list[Span]:
    """An extracted KPI in scope lacks some of its elements (target, window, remedy...)."""
    out: list[Span] = []
    for kpi in scope.extraction.kpis:
        if not scope.overlaps(kpi.start, kpi.end):
            continue
        missing = set(kpi.missing)
        if (params.any_of and missing & set(params.any_of)) or (
            params.all_of and set(params.all_of) <= missing
        ):
            out.append((kpi.start, kpi.end))
    return out


class IncompleteKpiParams(BaseModel):
    """Which missing elements count (only those a reviewer can act on)."""

    model_config = ConfigDict(extra="forbid")
    elements: list[KpiElement] = Field(
        default_factory=lambda: [KpiElement.WINDOW, KpiElement.REMEDY]
    )


@predicate("kpi_incomplete", IncompleteKpiParams)
def kpi_incomplete(scope: Scope, params: IncompleteKpiParams) -> list[Hit]:
    """An extracted KPI with a target lacks its measurement window or its remedy, as the
    KPI extractor judged it over the KPI's section (``Kpi.missing``, the one owner), so
    the report and the flag agree. Each hit carries its "metric: no remedy" note."""
    wanted = [e for e in (KpiElement.WINDOW, KpiElement.REMEDY) if e in set(params.elements)]
    out: list[Hit] = []
    for kpi in scope.extraction.kpis:
        if not kpi.target or not scope.overlaps(kpi.start, kpi.end):
            continue
        missing = [e for e in wanted if e in kpi.missing]
        if not missing:
            continue
        gaps = " and ".join(
            f"no {'measurement window' if m == KpiElement.WINDOW else m.value}" for m in missing
        )
        out.append(Hit((kpi.start, kpi.end), f"{kpi.metric.strip() or 'a service level'}: {gaps}"))
    return out


_KPI_EXCLUDE = re.compile(r"\b(occupancy|assum\w*|estimate\w*|illustrat\w*)\b", re.IGNORECASE)


@predicate("measurable_kpi")
def measurable_kpi(scope: Scope, params: NoParams) -> list[Span]:
    """The scope holds a measurable KPI: a service metric with a numeric target."""
    out = [(k.start, k.end) for k in scope.extraction.kpis
           if k.target and scope.overlaps(k.start, k.end)]
    for unit in scope.units():
        text = scope.art.text(unit)
        if _KPI_EXCLUDE.search(text) or not KPI_WORDS.search(text):
            continue
        if re.search(r"\d+(\.\d+)?\s*(%|percent\b)|\b\d+\s*(seconds?|secs?)\b", text, re.I):
            out.append((unit.start, unit.end))
    return out


# --------------------------------------------------------------------------- groups


class GroupsParams(BaseModel):
    """Named groups of regexes; the condition holds when at least ``min`` groups match."""

    model_config = ConfigDict(extra="forbid")
    groups: dict[str, list[str]]
    min: int = Field(1, ge=1)
    exclude_negated: bool = True


def _group_pattern(scope: Scope, patterns: list[str]) -> re.Pattern[str]:
    """One alternation per group, compiled once per document (on its context)."""
    key = ("group_pattern", "\x00".join(patterns))
    return scope.context.memo(
        key, lambda: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    )


@predicate("groups_present", GroupsParams)
def groups_present(scope: Scope, params: GroupsParams) -> list[Span]:
    """At least ``min`` of the named groups occur (not negated) in scope: e.g. reporting
    cadence, governance meetings and an escalation path."""
    found: list[Span] = []
    count = 0
    for patterns in params.groups.values():
        pat = _group_pattern(scope, patterns)
        hit: Span | None = None
        for unit in scope.units():
            text = scope.art.text(unit)
            for m in pat.finditer(text):
                span = (unit.start + m.start(), unit.start + m.end())
                if params.exclude_negated and negated_at(scope.art, unit, span, charge=False):
                    continue
                hit = (unit.start, unit.end)
                break
            if hit:
                break
        if hit:
            count += 1
            found.append(hit)
    return found if count >= params.min else []
