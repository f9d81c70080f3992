"""Rate-card lines and other priced items, with their unit.

Procurement compares bids line by line, so each price must carry what it is for (the row
label or the noun before it), its unit, and the exact text. Caps, insurance limits,
refund limits, service-credit examples and illustrative totals are amounts but not
prices, and are left out (samples/README.md conventions).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from analyzer.extract.money import Percent, find_money, find_percentages
from analyzer.extract.numbers import parse_digits
from analyzer.extract.quantities import _is_threshold, find_escalators
from analyzer.extract.text import CELL_SEP, ClauseIndex, Span, lines, sentences, split_cells
from analyzer.extract.units import unit_after, unit_in
from analyzer.types import Classification, ClauseType, Document, Money, RateItem, RateUnit

__all__ = ["extract_rates"]

logger = logging.getLogger(__name__)

_SKIP_TYPES = {ClauseType.LIMITATION_OF_LIABILITY, ClauseType.INSURANCE, ClauseType.INDEMNIFICATION}

# Amounts in these sentences are limits or examples, not prices.
_EXCLUDE_SENTENCE = re.compile(
    r"\b(?:insurance|insured|insurer|liabilit(?:y|ies)|indemni\w*|refunds?|goodwill|for example|"
    r"e\.g\.|illustrat\w*|exchange rate|deductible|damages|revenue|turnover|net worth|"
    r"service credits?|at-risk amount)\b",
    re.IGNORECASE,
)
# ... and amounts right after these words.
_EXCLUDE_BEFORE = re.compile(
    r"(?:\b(?:not to exceed|not exceed|exceeds?|exceeding|capped at|cap of|maximum of|limited to|"
    r"up to|no more than|not more than|in excess of|above|below|over|under|less than|more than|"
    r"at least|total(?:ling)?|aggregate|credit(?:ed)?|approximately|approx\.?|about|estimated?|"
    r"valued at|worth|budget of|charge at)\s*|\b[x×]\s*)$",
    re.IGNORECASE,
)
_FEE_CUE = re.compile(
    r"\b(?:fees?|charges?|price[sd]?|pricing|rates?|retainer|premium|surcharge|cost|costs|tariff|"
    r"payable|pay|paid|invoiced?|billed|billing|licen[cs]e|subscription)\b",
    re.IGNORECASE,
)
_ONE_TIME_CUE = re.compile(
    r"\b(?:one[- ]time|one[- ]off|set[- ]?up|implementation|onboarding|on-boarding|transition[- ]in|"
    r"start[- ]?up|mobili[sz]ation|non[- ]recurring|upfront|up-front|payable on signature|"
    r"on signature)\b",
    re.IGNORECASE,
)
_MONTHLY_CUE = re.compile(r"\b(?:per month|monthly|each month|a month|every month|per calendar month)\b", re.IGNORECASE)
_MINIMUM_CUE = re.compile(r"\bminimum\b", re.IGNORECASE)
_SURCHARGE_CUE = re.compile(
    r"\b(?:premium|surcharge|uplift|mark-?up|loading|supplement|surge)\b", re.IGNORECASE
)
_TERMINATION_CUE = re.compile(r"\b(?:early termination|terminat\w+ for convenience|termination fee|terminates?)\b", re.IGNORECASE)
_PERCENT_OF_CHARGES = re.compile(
    r"^\s*(?:of|on)\s+(?:the\s+|all\s+|any\s+|that\s+\w+'s\s+)?[\w'’/ -]{0,60}?"
    r"(?:fees|charges|rates?|price|amounts?|value|invoice|billings?|minutes|hours|calls)\b",
    re.IGNORECASE,
)
_BILLED_AT_PERCENT = re.compile(r"\b(?:billed|charged|invoiced|paid)\s+at\s*$", re.IGNORECASE)
_CREDIT_NEAR = re.compile(r"\b(?:credit|credits|credited|at-risk|service level|refund)\b", re.IGNORECASE)
_ILLUSTRATIVE_HEADER = re.compile(
    r"\b(?:total|annual charge|illustrat\w*|estimated?|example|scenario|charge at|basis|"
    r"share of|forecast|volumes?|target|service level|metric|credit|insurance|limit)\b",
    re.IGNORECASE,
)
_TOTAL_LABEL = re.compile(r"^\s*(?:sub-?)?totals?\b", re.IGNORECASE)
_PRICE_HEADER = re.compile(r"\b(?:rate|price|fee|charge|cost|amount|usd|eur|gbp|inr|\$|€|£)\b", re.IGNORECASE)
_ITEM_BEFORE = re.compile(
    r"([A-Za-z][\w/&'’ -]{0,60}?\b(?:fee|premium|surcharge|rate|charge|retainer|price|cost|increase|"
    r"escalator|adjustment|minimum|commitment|billing|subscription|licen[cs]e))s?\s*"
    r"(?:\([^()]{0,40}\)\s*)?(?:of|equal to|is|at|shall be|will be|:|-|–|=|amounting to)?\s*"
    r"(?:the greater of\s*(?:\(a\)\s*)?|an? |the )?$",
    re.IGNORECASE,
)
_BARE_AFTER_FEE = re.compile(
    r"\b(?:fee|charge|price|cost|retainer)s?\s*(?:of|:|is|=|will be|shall be|-|–)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{2})(?!\s*(?:%|percent|minutes?|calls?|hours?|"
    r"agents?|FTEs?|seats?|days?|months?|years?|contacts?|tickets?|transactions?))",
    re.IGNORECASE,
)


_MAYBE_PRICE = re.compile(r"\d|percent|per cent|dollars?|euros?|pounds|rupees|pesos", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Row:
    """A table row line with its cells (absolute offsets) and its table's header."""

    span: Span
    cells: tuple[tuple[int, str], ...]
    header: tuple[str, ...]
    intro: str


def extract_rates(document: Document, classifications: tuple[Classification, ...] = ()) -> tuple[RateItem, ...]:
    """Return the priced items of ``document`` in text order.

    Table rows are read with their header (a "Rate (USD per handled minute)" column
    gives the unit and currency of a bare "0.95"); prose sentences give money with a
    unit right after it, one-time and monthly fees, and percentages that are premiums,
    surcharges, escalators or early-termination shares.
    """
    index = ClauseIndex(document)
    skip_clauses = {
        c.clause_id for c in classifications if c.label in _SKIP_TYPES and c.score >= 0.5
    }
    items: dict[tuple[int, int], RateItem] = {}

    def add(item: RateItem) -> None:
        key = (item.start, item.end)
        if key not in items:
            items[key] = item

    text = document.text
    rows, prose = _split_rows(document.text)
    for row in rows:
        if index.at(row.span.start) in skip_clauses:
            continue
        for item in _rates_in_row(document, index, row):
            add(item)
    for sent in prose:
        clause_id = index.at(sent.start)
        if clause_id in skip_clauses:
            continue
        heading = _heading(document, clause_id)
        if _illustrative(document, clause_id, heading):
            continue
        for item in _rates_in_sentence(document, text, sent, clause_id, heading):
            add(item)
    return tuple(sorted(items.values(), key=lambda r: r.start))


# ----------------------------------------------------------------------------- tables


def _split_rows(text: str) -> tuple[list[_Row], list[Span]]:
    """Separate table rows (with their header) from prose sentences.

    A table is a run of row lines; a change in the number of cells starts a new one
    (two tables printed back to back).
    """
    rows: list[_Row] = []
    header: tuple[str, ...] = ()
    intro = ""
    prev_line: Span | None = None
    prev_cells = 0
    for line in lines(text):
        if CELL_SEP in line.text:
            cells = tuple((line.start + off, cell) for off, cell in split_cells(line.text))
            if len(cells) != prev_cells:
                intro = prev_line.text if prev_line and CELL_SEP not in prev_line.text else ""
                if _is_header([c for _, c in cells]):
                    header = tuple(c for _, c in cells)
                    prev_cells = len(cells)
                    prev_line = line
                    continue
                header = ()
            rows.append(_Row(line, cells, header, intro))
            prev_cells = len(cells)
        else:
            prev_cells = 0
        prev_line = line
    prose = [s for s in sentences(text) if not s.is_row]
    return rows, prose


_HEADER_WORDS = re.compile(
    r"^(?:period|item|items|service|services|component|description|queue|resource|role|metric|"
    r"channel|category|type|position|activity|month|year|phase|milestone|deliverable|fee|fees|"
    r"charge|charges|line|program|programme|language|skill|rate|rates|price|pricing|unit|"
    r"product|tier|band|volume|site|location|level)\b",
    re.IGNORECASE,
)


def _is_header(cells: list[str]) -> bool:
    """A header row names columns: no money, no percentages, few digits."""
    joined = " ".join(cells)
    if find_percentages(joined):
        return False
    if not find_money(joined) and sum(ch.isdigit() for ch in joined) <= 2:
        return True
    first = cells[0] if cells else ""
    return bool(_HEADER_WORDS.match(first)) and len(first.split()) <= 3 and not any(ch.isdigit() for ch in first)


def _rates_in_row(document: Document, index: ClauseIndex, row: _Row) -> list[RateItem]:
    header_text = " ".join(row.header)
    if _ILLUSTRATIVE_HEADER.search(header_text) and not _PRICE_HEADER.search(header_text):
        return []
    if re.search(r"\b(?:total|annual charge|illustrat|charge at|basis|target|metric|credit)\b", header_text, re.IGNORECASE):
        return []
    cells = row.cells
    if not cells:
        return []
    label = cells[0][1]
    if _TOTAL_LABEL.match(label) or re.search(r"\b(?:illustrat|total)\b", row.intro, re.IGNORECASE) and not header_text:
        return []
    out: list[RateItem] = []
    row_unit_cells = [c for _, c in cells[1:] if unit_in(c) and not find_money(c)]
    for col, (cstart, cell) in enumerate(cells):
        if col == 0 and len(cells) > 1:
            continue
        col_header = row.header[col] if col < len(row.header) else ""
        money = find_money(cell)
        amounts: list[tuple[float, str | None, int, int]] = [
            (m.amount, m.currency, m.start, m.end) for m in money if not _excluded_before(cell, m.start)
        ]
        if not amounts and _PRICE_HEADER.search(col_header):
            bare = re.match(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b", cell)
            if bare and not find_percentages(cell):
                currency = _header_currency(col_header) or next(
                    (_header_currency(c) for _, c in cells if re.fullmatch(r"\s*(?:[A-Z]{3}|US\$|\$|€|£|₹)\s*", c)), None
                )
                amounts.append((parse_digits(bare.group(1)), currency, bare.start(1), bare.end(1)))
        for amount, currency, s, e in amounts:
            after = unit_after(cell[e:])
            unit = after[0] if after else None
            qend = e + after[1] if after else e
            if unit is None:
                for source in (*row_unit_cells, col_header, header_text, row.intro):
                    unit = unit_in(source) if source else None
                    if unit:
                        break
            if unit is None:
                unit = _context_unit(label + " " + cell)
            kind = _kind(label + " " + cell, unit)
            quote_start, quote_end = cstart + s, cstart + qend
            out.append(_item(document, index, label, amount, currency or _header_currency(header_text), unit, kind, quote_start, quote_end))
        if not amounts:
            joined = label + " " + cell
            shift = len(label) + 1
            for p in find_percentages(cell):
                if _is_threshold(cell, p.start):
                    continue
                shifted = Percent(p.value, p.start + shift, p.end + shift, p.text)
                kind = _percent_kind(joined, label + " " + row.intro, shifted)
                if kind is None:
                    continue
                tail = re.match(r"[^|.;]{0,60}", cell[p.end:])
                qend = p.end + (len(tail.group(0).rstrip()) if tail else 0)
                out.append(_item(document, index, label, p.value, None, RateUnit.PERCENT, kind, cstart + p.start, cstart + qend))
    return out


def _header_currency(header: str) -> str | None:
    m = re.search(r"\b(USD|EUR|GBP|INR|COP|MXN|CAD|PHP|AUD|JMD)\b|(US\$|\$|€|£|₹)", header)
    if not m:
        return None
    return m.group(1) or {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR"}[m.group(2)]


# ----------------------------------------------------------------------------- prose


def _rates_in_sentence(
    document: Document, text: str, sent: Span, clause_id: str | None, heading: str | None
) -> list[RateItem]:
    s = sent.text
    if not _MAYBE_PRICE.search(s) or _EXCLUDE_SENTENCE.search(s):
        return []
    out: list[RateItem] = []
    money = find_money(s)
    for m in money:
        if _excluded_before(s, m.start):
            continue
        after = unit_after(s[m.end :])
        line = _line_of(s, m.start)
        context = (heading or "") + " " + s
        if after:
            unit, length = after
            qend = m.end + length
        else:
            if not _FEE_CUE.search(context):
                continue
            # "x USD 3,650 919,800.00": a computed figure on an illustration line
            if re.search(r"\d[\d,.]*\s*$", s[m.end : m.end + 15]) and re.search(r"\bx\b", line, re.IGNORECASE):
                continue
            unit = _context_unit(s[max(0, m.start - 80) : m.end + 60], heading)
            qend = m.end
            tail = re.match(r",?\s*(?:one[- ]time|one[- ]off)\b|\s*(?:per|each|a)\s+\w+", s[m.end :], re.IGNORECASE)
            if tail:
                qend = m.end + tail.end()
        if re.match(r"\s*(?:x|×)\s", s[qend : qend + 3]):  # "USD 3,650 x 12" is a computation
            continue
        item = _item_name(s, m.start, heading)
        kind = _kind(item + " " + s[max(0, m.start - 40) : qend], unit)
        out.append(_item(document, None, item, m.amount, m.currency, unit, kind, sent.start + m.start, sent.start + qend, clause_id))
    for bare in _BARE_AFTER_FEE.finditer(s):
        start, end = bare.start("num"), bare.end("num")
        if any(m.start <= start < m.end for m in money) or re.search(r"[$€£₹]\s*$|\b[A-Z]{3}\s*$", s[:start]):
            continue
        after = unit_after(s[end:])
        if after:
            unit, length = after
            qend = end + length
        else:
            unit = _context_unit(s[max(0, start - 80) : end + 60], heading)
            tail = re.match(r"\s*\((?:one[- ]time|one[- ]off)\)|,?\s*(?:one[- ]time|one[- ]off)\b", s[end:], re.IGNORECASE)
            qend = end + (tail.end() if tail else 0)
        item = _item_name(s, start, heading)
        kind = _kind(item + " " + s[max(0, start - 40) : qend], unit)
        out.append(
            _item(document, None, item, parse_digits(bare.group("num")), None, unit, kind, sent.start + start, sent.start + qend, clause_id)
        )
    escalators = find_escalators(s)
    for p in find_percentages(s):
        if _is_threshold(s, p.start):
            continue
        kind = _percent_kind(s, (heading or "") + " " + s, p, bool(escalators))
        if kind is None:
            continue
        qstart = _cue_start(s, p.start)
        tail = _PERCENT_OF_CHARGES.match(s[p.end :]) or re.match(r"\s*(?:above|on|over)\s+the\s+[\w -]{0,30}?(?:rate|price)s?\b", s[p.end :], re.IGNORECASE)
        qend = p.end + (tail.end() if tail else 0)
        item = _item_name(s, p.start, heading)
        out.append(_item(document, None, item, p.value, None, RateUnit.PERCENT, kind, sent.start + qstart, sent.start + qend, clause_id))
    return out


def _percent_kind(near_text: str, context: str, p: Percent, has_escalator: bool = False) -> str | None:
    """Classify a percentage as a price component, or None when it is not one."""
    before = near_text[max(0, p.start - 70) : p.start]
    after = near_text[p.end : p.end + 60]
    if _CREDIT_NEAR.search(before) or re.search(r"\bcredit", after, re.IGNORECASE):
        return None
    if has_escalator and re.search(r"\b(?:increas|escalat|adjust|uplift|greater of|higher of)\w*", before, re.IGNORECASE):
        return "escalator"
    if _SURCHARGE_CUE.search(before) or (_SURCHARGE_CUE.search(context[:80]) and _PERCENT_OF_CHARGES.match(after)):
        return "surcharge"
    if _BILLED_AT_PERCENT.search(before) and re.match(r"\s*of\s+the\b", after):
        return "surcharge"
    if _TERMINATION_CUE.search(context) and re.search(r"\b(?:pay|fee|charge)\w*", before, re.IGNORECASE) and _PERCENT_OF_CHARGES.match(after):
        return "fee"
    return None


def _cue_start(s: str, pos: int) -> int:
    """Start a percentage quote at its cue word ("premium of ...") when one is close."""
    window_start = max(0, pos - 60)
    m = None
    for m in re.finditer(
        r"\b(?:premium|surcharge|uplift|mark-?up|increase\w*|escalat\w*|pay|billed|charged|greater of)\b",
        s[window_start:pos],
        re.IGNORECASE,
    ):
        pass
    return window_start + m.start() if m else pos


def _excluded_before(s: str, pos: int) -> bool:
    return bool(_EXCLUDE_BEFORE.search(s[max(0, pos - 40) : pos]))


def _line_of(s: str, pos: int) -> str:
    start = s.rfind("\n", 0, pos) + 1
    end = s.find("\n", pos)
    return s[start : end if end >= 0 else len(s)]


def _context_unit(context: str, heading: str | None = None) -> RateUnit:
    if _ONE_TIME_CUE.search(context) or (heading and _ONE_TIME_CUE.search(heading)):
        return RateUnit.ONE_TIME
    if _MONTHLY_CUE.search(context):
        return RateUnit.MONTH
    return RateUnit.UNKNOWN


def _kind(context: str, unit: RateUnit) -> str:
    if unit == RateUnit.ONE_TIME:
        return "one_time"
    if _MINIMUM_CUE.search(context):
        return "minimum"
    if _SURCHARGE_CUE.search(context):
        return "surcharge"
    if re.search(r"\b(?:fee|retainer|licen[cs]e|subscription|platform|technology)\b", context, re.IGNORECASE):
        return "fee"
    return "rate" if unit != RateUnit.UNKNOWN else "fee"


_STOP = re.compile(
    r"^(?:a|an|the|its|any|all|each|this|that|such|of|at|by|to|for|on|in|with|and|or|is|are|be|"
    r"shall|will|may|must|pay|pays|paid|invoice|charge|billed|charged|invoiced|following|"
    r"client|supplier|vendor|customer|provider)$",
    re.IGNORECASE,
)
_FEE_NOUN = re.compile(
    r"\b(?:fee|premium|surcharge|rate|charge|retainer|price|cost|increase|escalator|adjustment|"
    r"minimum|commitment|billing|subscription|licen[cs]e|uplift)s?\b",
    re.IGNORECASE,
)


def _item_name(s: str, pos: int, heading: str | None) -> str:
    """Name a priced item: a short label leading its line, the fee noun before it, or the heading."""
    line_start = s.rfind("\n", 0, pos) + 1
    prefix = s[line_start:pos].strip(" :-–,\t")
    prefix = re.sub(r"^\(?\d+(?:\.\d+)*[.)]?\s+|^\([a-z0-9]{1,4}\)\s+", "", prefix)
    if prefix and len(prefix) <= 70 and not re.search(
        r"\b(?:shall|will|must|may|pay|is|are|be|of|at|by|to|the following)\b", prefix, re.IGNORECASE
    ):
        return _clean(prefix)
    if heading and _FEE_NOUN.search(heading):
        return _clean(heading)
    window = s[max(0, pos - 120) : pos]
    nouns = list(_FEE_NOUN.finditer(window))
    if nouns:
        last = nouns[-1]
        words = re.findall(r"[\w/&'’-]+", window[: last.start()])
        kept: list[str] = []
        for word in reversed(words[-3:]):
            if _STOP.match(word) or word[0].isdigit():
                break
            kept.insert(0, word)
        return _clean(" ".join(kept + [last.group(0)]))
    if heading:
        return _clean(heading)
    return _clean(s[:pos][-60:]) or "price"


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .:;,-–(")
    return name[:1].upper() + name[1:] if name else name


def _illustrative(document: Document, clause_id: str | None, heading: str | None) -> bool:
    """True for an illustration or worked example: its figures are not prices."""
    if clause_id is None:
        return False
    try:
        head = heading or document.clause(clause_id).text[:80]
    except KeyError:
        return False
    first = head if heading else head.split(".")[0]
    return bool(re.search(r"\b(?:illustrat\w*|worked example|example|scenario|estimated (?:annual|monthly) charges)\b", first, re.IGNORECASE))


def _heading(document: Document, clause_id: str | None) -> str | None:
    if clause_id is None:
        return None
    try:
        return document.clause(clause_id).heading
    except KeyError:
        return None


def _item(
    document: Document,
    index: ClauseIndex | None,
    item: str,
    amount: float,
    currency: str | None,
    unit: RateUnit,
    kind: str,
    start: int,
    end: int,
    clause_id: str | None = None,
) -> RateItem:
    if index is not None:
        clause_id = index.at(start)
    return RateItem(
        item=item,
        amount=float(amount),
        currency=currency,
        unit=unit,
        quote=document.text[start:end],
        clause_id=clause_id,
        page=document.page_at(start),
        start=start,
        end=end,
        kind=kind,
    )
