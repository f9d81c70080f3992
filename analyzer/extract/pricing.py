"""Rate-card lines and other priced items, with their unit.

Procurement compares bids line by line, so each price must carry what it is for (the row
label or the noun before it), its unit, and the exact text. Caps, insurance limits,
refund limits, service-credit examples and illustrative totals are amounts but not
prices, and are left out (samples/README.md conventions).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.extract.money import Percent, find_money, find_percentages
from analyzer.extract.numbers import parse_digits
from analyzer.extract.quantities import _is_threshold, find_escalators
from analyzer.extract.text import CELL_SEP, Span, lines, split_cells
from analyzer.extract.units import unit_after, unit_in, unit_noun
from analyzer.lexicon.money import CURRENCY_CODES, CURRENCY_NAME_WORD, CURRENCY_SYMBOL, CURRENCY_SYMBOLS
from analyzer.lexicon.pricing import PRICE_COLUMN
from analyzer.types import ClauseType, RateItem, RateUnit

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext

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
    r"valued at|worth|budget of|charge at)\s*:?\s*|\b[x×]\s*)$",
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
_TERMINATION_CUE = re.compile(
    r"\b(?:early termination|terminat\w+ for convenience|termination fee|terminates?|for convenience|"
    r"(?:ends?|cancels?) (?:this|the) (?:agreement|contract|sow|statement of work))\b",
    re.IGNORECASE,
)
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
# A price column: the rules' price-column words (analyzer/lexicon/pricing.py) or a currency.
_PRICE_HEADER = re.compile(PRICE_COLUMN.pattern + r"|\b(?:usd|eur|gbp|inr|\$|€|£)\b", re.IGNORECASE)
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


_MAYBE_PRICE = re.compile(r"\d|percent|per cent|" + CURRENCY_NAME_WORD, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Row:
    """A table row line with its cells (absolute offsets) and its table's header."""

    span: Span
    cells: tuple[tuple[int, str], ...]
    header: tuple[str, ...]
    intro: str


def extract_rates(doc_ctx: DocumentContext) -> tuple[RateItem, ...]:
    """Return the priced items of the context's document in text order.

    Table rows are read with their header (a "Rate (USD per handled minute)" column
    gives the unit and currency of a bare "0.95"); prose sentences give money with a
    unit right after it, one-time and monthly fees, and percentages that are premiums,
    surcharges, escalators or early-termination shares.
    """
    skip_clauses = {
        c.clause_id for c in doc_ctx.classifications if c.label in _SKIP_TYPES and c.score >= 0.5
    }
    items: dict[tuple[int, int], RateItem] = {}

    def add(item: RateItem) -> None:
        key = (item.start, item.end)
        if key not in items:
            items[key] = item

    text = doc_ctx.text
    rows, prose = _split_rows(text, doc_ctx.sentences)
    for row in rows:
        if doc_ctx.clause_at(row.span.start) in skip_clauses:
            continue
        for item in _rates_in_row(doc_ctx, row):
            add(item)
    prev: tuple[str | None, str] = (None, "")
    for sent in prose:
        clause_id = sent.clause_id
        lead_in = prev[1] if prev[0] == clause_id else ""
        prev = (clause_id, sent.text)
        if clause_id in skip_clauses:
            continue
        heading = _heading(doc_ctx, clause_id)
        if _illustrative(doc_ctx, clause_id, heading):
            continue
        for item in _rates_in_sentence(doc_ctx, text, sent, clause_id, heading, lead_in):
            add(item)
    return tuple(sorted(items.values(), key=lambda r: r.start))


# ----------------------------------------------------------------------------- tables


def _split_rows(text: str, sents: Sequence[Span]) -> tuple[list[_Row], list[Span]]:
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
            body = line.text
            trailing = 0
            while body.endswith(" |"):  # empty last cells lose their separator to rstrip
                body = body[:-2].rstrip()
                trailing += 1
            cells = tuple((line.start + off, cell) for off, cell in split_cells(body))
            cells += tuple((line.start + len(body), "") for _ in range(trailing))
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
    prose = [s for s in sents if not s.is_row]
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


_TABLE_SKIP_HEADER = re.compile(
    r"\b(?:total|annual (?:charges?|costs?|fees?)|illustrat\w*|charge at|target|metric|credit\w*|"
    r"estimated?|est\.|forecast|scenario|example|insur\w*|deductible|indemn\w*|limits?|cap)\b",
    re.IGNORECASE,
)
_TABLE_SKIP_INTRO = re.compile(
    r"\b(?:illustrat\w*|worked example|for example|scenario|estimated (?:annual|monthly|total))\b",
    re.IGNORECASE,
)
_CODE_HEADER = re.compile(r"^(?:line|ref\.?|reference|no\.?|nr\.?|number|#|id|code|item no\.?|sku|clin|s/n)$", re.IGNORECASE)
_CODE_CELL = re.compile(r"^(?:[A-Z]{0,4}[-.]?\d{1,3}(?:[.-]\d{1,3})*[a-z]?\.?|\(?[a-z]{1,2}\)|[ivx]{1,4}[.)]?|[A-Z][.)]?)$")
_BASIS_LAST = re.compile(
    r"\b(?:basis|unit|units|uom|frequency|per|measure|billed|charged|notes?|comments?|remarks?|"
    r"conditions?|applies|trigger)\s*(?:\([^()]*\))?\s*$",
    re.IGNORECASE,
)
_COMMISSION_CUE = re.compile(
    r"\b(?:commission|contingency fee|success fee|revenue share|gain[- ]?share|of (?:all |the )?"
    r"(?:sums?|amounts?|monies|moneys|debts?|balances?|arrears|revenue|sales|receipts|collections?)"
    r"(?:\s+\w+){0,2}\s+(?:recovered|collected|received|generated|cleared|sold|booked))\b",
    re.IGNORECASE,
)
_ESCALATOR_CUE = re.compile(r"\b(?:escalat\w*|increas\w*|ris(?:e|es|ing)|index\w*|CPI|RPI|HICP|inflation)\b", re.IGNORECASE)
_DISCOUNT_CUE = re.compile(r"\b(?:discount|rebate|reduction)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Columns:
    """What each column of a rate card holds: the row label, prices, or the basis."""

    label: int
    price: frozenset[int]
    basis: frozenset[int]


def _columns(row: _Row) -> _Columns:
    """Read the column roles from the header, falling back to the cells themselves.

    A header that ends in "basis", "unit" or "per" names the basis column even when it
    also says "rate" ("Rate unit"); one that names a price, a fee or a currency is a price
    column ("Rate (USD)", "Year 1", "Spanish" over money also count, via the cells).
    """
    price: set[int] = set()
    basis: set[int] = set()
    for col, head in enumerate(row.header):
        if _BASIS_LAST.search(head):
            basis.add(col)
        elif _PRICE_HEADER.search(head) or _header_currency(head):
            price.add(col)
    label = -1
    for col, (_, cell) in enumerate(row.cells):
        head = row.header[col] if col < len(row.header) else ""
        if col in price or col in basis:
            continue
        if not cell or _CODE_CELL.match(cell) or (_CODE_HEADER.match(head.strip()) and len(cell) <= 8):
            continue
        if re.fullmatch(r"(?:[A-Z]{3}|US\$|\$|€|£|₹)", cell) or re.match(r"\s*currency\b", head, re.IGNORECASE):
            continue
        if find_money(cell) or find_percentages(cell):
            continue
        label = col
        break
    if label < 0:  # no clean text column: the first one that is not a line code
        label = next((c for c, (_, cell) in enumerate(row.cells) if cell and not _CODE_CELL.match(cell)), 0)
    return _Columns(label, frozenset(price), frozenset(basis))


def _rates_in_row(doc_ctx: DocumentContext, row: _Row) -> list[RateItem]:
    """Price every priced cell of one rate-card row.

    Each cell with money (or a bare number under a price header, or a percentage that is a
    premium, escalator, commission or termination share) gives one ``RateItem``; when a
    row has several priced cells (English / Spanish, Year 1 / Year 2) the column header
    joins the item name. The unit comes from the cell itself, then the row's basis
    cells, the column header, the table header and intro, and finally the row label.
    """
    header_text = " ".join(row.header)
    if _TABLE_SKIP_HEADER.search(header_text) or _TABLE_SKIP_INTRO.search(row.intro):
        return []
    cells = row.cells
    if not cells:
        return []
    cols = _columns(row)
    label = cells[cols.label][1] if len(cells) > 1 else cells[0][1]
    if _TOTAL_LABEL.match(label) or (not header_text and re.search(r"\b(?:total|subtotal)\b", row.intro, re.IGNORECASE)):
        return []
    table_currency = _header_currency(header_text) or _header_currency(row.intro) or next(
        (_header_currency(c) for _, c in cells if re.fullmatch(r"\s*(?:[A-Z]{3}|US\$|\$|€|£|₹)\s*", c)), None
    )
    priced: list[tuple[int, int, str, list[tuple[float, str | None, int, int]]]] = []
    for col, (cstart, cell) in enumerate(cells):
        if (col == cols.label and len(cells) > 1) or col in cols.basis:
            continue
        col_header = row.header[col] if col < len(row.header) else ""
        if re.search(r"\b(?:x|×)\s", cell):  # "21 FTEs x 12 months x USD 3,650" is a computation
            continue
        amounts = [(m.amount, m.currency, m.start, m.end) for m in find_money(cell) if not _excluded_before(cell, m.start)]
        if not amounts and col in cols.price:
            bare = re.match(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d%])(?!\s*(?:%|percent|per cent))", cell)
            if bare and not _VOLUME_WORD.match(cell[bare.end() :]):
                amounts.append((parse_digits(bare.group(1)), _header_currency(col_header), bare.start(1), bare.end(1)))
        if amounts:
            priced.append((col, cstart, cell, amounts))
    out: list[RateItem] = []
    text_cells = [c for i, (_, c) in enumerate(cells) if i != cols.label and not find_money(c)]
    for col, cstart, cell, amounts in priced:
        col_header = row.header[col] if col < len(row.header) else ""
        item = label
        if len(priced) > 1 and col_header:
            item = label + " – " + _clean(re.sub(r"\s*\([^()]*\)", "", col_header))
        basis_cells = [c for i, (_, c) in enumerate(cells) if i != col and i != cols.label and c in text_cells]
        for amount, currency, s, e in amounts:
            after = unit_after(cell[e:])
            unit = after[0] if after else None
            qend = e + after[1] if after else e
            if unit is None:
                unit = unit_in(cell[e:])
            if unit is None:
                for source in (*basis_cells, col_header, header_text, row.intro):
                    unit = (unit_in(source) or _cue_unit(source)) if source else None
                    if unit:
                        break
            if unit is None:
                unit = unit_in(label) or _cue_unit(label) or unit_noun(label) or next(
                    (u for u in map(unit_noun, basis_cells) if u), None
                ) or RateUnit.UNKNOWN
            context = " ".join((label, cell, *basis_cells))
            kind = _kind(context, unit)
            cur = currency or _header_currency(col_header) or table_currency
            out.append(_item(doc_ctx, True, item, amount, cur, unit, kind, cstart + s, cstart + qend))
    priced_cols = {col for col, *_ in priced}
    row_context = " ".join(c for i, (_, c) in enumerate(cells))
    if re.search(r"\bcredit", header_text + " " + row_context, re.IGNORECASE):
        return out
    for col, (cstart, cell) in enumerate(cells):
        if col in priced_cols or (col == cols.label and len(cells) > 1) or col in cols.basis:
            continue
        for p in find_percentages(cell):
            if _is_threshold(cell, p.start):
                continue
            others = " ".join(c for i, (_, c) in enumerate(cells) if i != col)
            kind = _table_percent_kind(cell, p, others, col in cols.price)
            if kind is None:
                continue
            tail = re.match(r"[^|.;]{0,60}", cell[p.end :])
            qend = p.end + (len(tail.group(0).rstrip()) if tail else 0)
            qstart = p.start - 1 if p.start > 0 and cell[p.start - 1] == "+" else p.start
            out.append(_item(doc_ctx, True, label, p.value, None, RateUnit.PERCENT, kind, cstart + qstart, cstart + qend))
    return out


_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to|and)\s*(?:(?:" + "|".join(CURRENCY_CODES) + r")\s?|" + CURRENCY_SYMBOL + r")?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b"
)
_PROJECTION = re.compile(r"\b(?:estimat\w*|forecast\w*|projected|anticipated|expected|totals?|totalling)\b", re.IGNORECASE)
_VOLUME_WORD = re.compile(
    r"\s*(?:%|percent|minutes?|calls?|hours?|agents?|FTEs?|seats?|days?|weeks?|months?|years?|contacts?|"
    r"tickets?|transactions?|cases?|accounts?|items?|emails?|e-mails?|chats?|x\b|×)",
    re.IGNORECASE,
)


def _table_percent_kind(cell: str, p: Percent, others: str, price_column: bool) -> str | None:
    """Classify a percentage in a rate-card row (None when it is not a price component).

    A commission on sums collected is the outcome-based price of the service itself, so
    it is a ``rate`` with unit percent (samples/README.md has no "share of collections"
    unit); premiums and uplifts are surcharges; an escalator row is an escalator.
    """
    context = cell + " " + others
    after = cell[p.end :]
    if re.match(r"\s*(?:of|in)\s+(?:calls?|contacts?|interactions?|cases?|tickets?|agents?|staff|volume)", after, re.IGNORECASE):
        return None
    if _COMMISSION_CUE.search(context):
        return "rate"
    if _TERMINATION_CUE.search(context):
        return "fee"
    if _ESCALATOR_CUE.search(context):
        return "escalator"
    if _SURCHARGE_CUE.search(context) or re.match(r"\s*(?:uplift|premium|surcharge|mark-?up)", after, re.IGNORECASE):
        return "surcharge"
    if _PERCENT_OF_CHARGES.match(after) or cell[: p.start].rstrip().endswith("+"):
        return "surcharge"
    if _DISCOUNT_CUE.search(context):
        return "fee"
    return "fee" if price_column else None


def _cue_unit(text: str) -> RateUnit | None:
    """One-time and monthly cues in a basis cell or a row label ("payable on signature")."""
    unit = _context_unit(text)
    return None if unit == RateUnit.UNKNOWN else unit


def _header_currency(header: str) -> str | None:
    """The currency a column header or table intro names: "Rate (USD)", "in EUR", "US$"."""
    m = re.search(r"(?<![A-Za-z])(" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z])|(US\$|C\$|A\$|\$|€|£|₹)", header)
    if not m:
        return None
    return m.group(1) or CURRENCY_SYMBOLS[m.group(2)]


# ----------------------------------------------------------------------------- prose


def _rates_in_sentence(
    doc_ctx: DocumentContext, text: str, sent: Span, clause_id: str | None, heading: str | None, lead_in: str = ""
) -> list[RateItem]:
    """Price the money and percentages of one prose sentence.

    ``lead_in`` is the previous sentence of the same clause: "Client may terminate for
    convenience. If it does, it shall pay 30% of the remaining charges" names its trigger
    one sentence earlier.
    """
    s = sent.text
    if not _MAYBE_PRICE.search(s) or _EXCLUDE_SENTENCE.search(s):
        return []
    out: list[RateItem] = []
    money = find_money(s)
    for m in money:
        if _excluded_before(s, m.start):
            continue
        after = unit_after(s[m.end :])
        high = _RANGE_TAIL.match(s, m.end) if after is None else None
        if high:
            after = unit_after(s[high.end() :])
            if after:
                unit, length = after
                hs, he = high.start("num"), high.end("num")
                if not any(x.start <= hs < x.end for x in money):
                    hi_item = _item_name(s, m.start, heading)
                    out.append(_item(doc_ctx, False, hi_item, parse_digits(high.group("num")), m.currency, unit,
                                     _kind(hi_item + " " + s[max(0, m.start - 40) : he + length], unit),
                                     sent.start + hs, sent.start + high.end() + length, clause_id))
                after = (unit, high.end() - m.end + length)
        line = _line_of(s, m.start)
        context = (heading or "") + " " + s
        if after:
            unit, length = after
            qend = m.end + length
        else:
            if not _FEE_CUE.search(context) or _PROJECTION.search(s[max(0, m.start - 50) : m.start]):
                continue
            # "x USD 3,650 919,800.00": a computed figure on an illustration line
            if re.search(r"\d[\d,.]*\s*$", s[m.end : m.end + 15]) and re.search(r"\bx\b", line, re.IGNORECASE):
                continue
            unit = _unit_before(s, m.start) or _context_unit(s[max(0, m.start - 80) : m.end + 60], heading)
            qend = m.end
            tail = re.match(r",?\s*(?:one[- ]time|one[- ]off)\b|\s*(?:per|each|a)\s+\w+", s[m.end :], re.IGNORECASE)
            if tail:
                qend = m.end + tail.end()
        if re.match(r"\s*(?:x|×)\s", s[qend : qend + 3]):  # "USD 3,650 x 12" is a computation
            continue
        item = _item_name(s, m.start, heading)
        kind = _kind(item + " " + s[max(0, m.start - 40) : qend], unit)
        out.append(_item(doc_ctx, False, item, m.amount, m.currency, unit, kind, sent.start + m.start, sent.start + qend, clause_id))
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
            _item(doc_ctx, False, item, parse_digits(bare.group("num")), None, unit, kind, sent.start + start, sent.start + qend, clause_id)
        )
    escalators = find_escalators(s)
    for p in find_percentages(s):
        if _is_threshold(s, p.start):
            continue
        kind = _percent_kind(s, (heading or "") + " " + lead_in + " " + s, p, bool(escalators))
        if kind is None:
            continue
        qstart = _cue_start(s, p.start)
        tail = (
            _PERCENT_OF_CHARGES.match(s[p.end :])
            or re.match(r"\s*(?:above|on|over)\s+the\s+[\w -]{0,30}?(?:rate|price)s?\b", s[p.end :], re.IGNORECASE)
            or _SURCHARGE_AFTER.match(s[p.end :])
        )
        qend = p.end + (tail.end() if tail else 0)
        item = _item_name(s, p.start, heading)
        out.append(_item(doc_ctx, False, item, p.value, None, RateUnit.PERCENT, kind, sent.start + qstart, sent.start + qend, clause_id))
    return out


_LEADS_TO_AMOUNT = re.compile(
    r"(?:\b(?:is|are|shall be|will be|of|at|amounts? to|costs?)|[:=–-])\s*(?:an? |the )?$", re.IGNORECASE
)


def _unit_before(s: str, pos: int) -> RateUnit | None:
    """A unit named just before the amount: "the price per handled minute is USD 0.95",
    "Hourly rate: USD 24.00", "each handled call is billed at USD 3.10"."""
    pre = s[max(0, pos - 80) : pos]
    if not _LEADS_TO_AMOUNT.search(pre):
        return None
    pre = re.split(r"[;,.](?:\s|$)", pre)[-1]
    return unit_in(pre)


def _percent_kind(near_text: str, context: str, p: Percent, has_escalator: bool = False) -> str | None:
    """Classify a percentage as a price component, or None when it is not one."""
    before = near_text[max(0, p.start - 70) : p.start]
    after = near_text[p.end : p.end + 60]
    if _CREDIT_NEAR.search(before) or re.search(r"\bcredit", after, re.IGNORECASE):
        return None
    if has_escalator and (
        re.search(r"\b(?:increas|escalat|adjust|uplift|greater of|higher of)\w*", before, re.IGNORECASE)
        or (_ESCALATOR_CUE.search(near_text[: p.start]) and re.search(r"\b(?:plus|\+|and|or|by)\s*$", before, re.IGNORECASE))
    ):
        return "escalator"
    if _COMMISSION_CUE.search(before[-40:] + near_text[p.start : p.end + 60]) and not re.search(
        r"\b(?:achiev\w*|reach\w*|attain\w*|target\w*|average)\b", before[-40:] + after[:30], re.IGNORECASE
    ) and re.search(
        r"\b(?:fee|fees|commission|paid|pay|payable|charge[sd]?|remunerat\w*|entitled|earn\w*|retain\w*|invoice\w*)\b",
        before + after,
        re.IGNORECASE,
    ):
        return "rate"
    if _SURCHARGE_CUE.search(before) or (_SURCHARGE_CUE.search(context[:80]) and _PERCENT_OF_CHARGES.match(after)):
        return "surcharge"
    if _COST_PLUS.search(before) or _HANDLING_AFTER.match(after) or _SURCHARGE_AFTER.match(after):
        return "surcharge"
    if _BILLED_AT_PERCENT.search(before) and re.match(r"\s*of\s+the\b", after):
        return "surcharge"
    if _TERMINATION_CUE.search(context) and re.search(r"\b(?:pay|fee|charge)\w*", before, re.IGNORECASE) and _PERCENT_OF_CHARGES.match(after):
        return "fee"
    return None


# A pass-through billed with a margin on top: "at cost plus 10%", "cost + 12%",
# "plus a handling fee of 8%", "plus 5% administration charge".
_COST_PLUS = re.compile(
    r"(?:\bcosts?\b(?:\s+\w+){0,3}?\s*(?:plus|\+)|\bplus\s+(?:an?\s+)?(?:(?:handling|administration|administrative|admin|"
    r"management|processing|service)\s+(?:fee|charge|margin|mark-?up)|margin|mark-?up)\s+of)\s*(?:an?\s+)?$",
    re.IGNORECASE,
)
_HANDLING_AFTER = re.compile(
    r"\s*(?:handling|administration|administrative|admin|management|processing)\s+(?:fee|charge|margin|mark-?up)\b", re.IGNORECASE
)
# "carries a 35% premium", "a 20% weekend uplift applies": the cue word right after the
# percentage; never a customer segment ("15% premium customers") or a rate of people.
_SURCHARGE_AFTER = re.compile(
    r"\s*(?:(?:weekend|holiday|overtime|night|out[- ]of[- ]hours|peak|short[- ]notice)\s+)?"
    r"(?:premium|surcharge|uplift|mark-?up|loading)\b"
    r"(?!\s+(?:customers?|members?|accounts?|clients?|tiers?|segments?|queues?|lines?|callers?|cardholders?|cards?|"
    r"products?|brands?|subscribers?|policyholders?|users?)\b)",
    re.IGNORECASE,
)


def _cue_start(s: str, pos: int) -> int:
    """Start a percentage quote at its cue word ("premium of ...") when one is close."""
    window_start = max(0, pos - 60)
    m = None
    for m in re.finditer(
        r"\b(?:premium|surcharge|uplift|mark-?up|margin|increase\w*|escalat\w*|pay|billed|charged|greater of)\b|"
        r"\bat\s+(?:[\w'’]+\s+){0,2}?costs?\b",
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
    if unit == RateUnit.MONTH:  # a fixed monthly charge, not a volume rate
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


def _illustrative(doc_ctx: DocumentContext, clause_id: str | None, heading: str | None) -> bool:
    """True for an illustration or worked example: its figures are not prices."""
    if clause_id is None:
        return False
    try:
        head = heading or doc_ctx.clause(clause_id).text[:80]
    except KeyError:
        return False
    first = head if heading else head.split(".")[0]
    return bool(re.search(r"\b(?:illustrat\w*|worked example|example|scenario|estimated (?:annual|monthly) charges)\b", first, re.IGNORECASE))


def _heading(doc_ctx: DocumentContext, clause_id: str | None) -> str | None:
    if clause_id is None:
        return None
    try:
        return doc_ctx.clause(clause_id).heading
    except KeyError:
        return None


def _item(
    doc_ctx: DocumentContext,
    find_clause: bool,
    item: str,
    amount: float,
    currency: str | None,
    unit: RateUnit,
    kind: str,
    start: int,
    end: int,
    clause_id: str | None = None,
) -> RateItem:
    if find_clause:  # table cells; sentences pass their clause
        clause_id = doc_ctx.clause_at(start)
    return RateItem(
        item=item,
        amount=float(amount),
        currency=currency,
        unit=unit,
        quote=doc_ctx.text[start:end],
        clause_id=clause_id,
        page=doc_ctx.page_at(start),
        start=start,
        end=end,
        kind=kind,
    )
