"""The unit a price is quoted in, read from the words around it.

"per productive agent hour", "/call", "per FTE-month", "per reserved agent per month" and
", one-time" each map to one ``RateUnit``; order matters ("per agent per month" is an
FTE-month, not a month).
"""

from __future__ import annotations

import re

from analyzer.types import RateUnit

__all__ = ["unit_after", "unit_in", "unit_noun"]

_PER = r"(?:\b(?:per|an?|each|for each|for every|every)\b\s*|/(?!\s))"
_MONTH = r"(?:calendar\s+)?month\b"
# Up to two free words between "per" and the unit noun ("per productive collector hour",
# "per Tier 2 agent seat per month"); never "per cent" or "per annum".
_FREE = r"(?:(?!(?:cent|centum|annum|the|of|and|or|in|on|for|to|with|at|by|from|year|week|day|quarter|month)\b)[A-Za-z][\w/-]*[\s-]+){0,2}?"
_FREE1 = _FREE.replace("{0,2}?", "?")
_FTE_NOUN = (
    r"(?:full[- ]time[- ]equivalent|FTEs?|(?:agent|advisor|adviser|associate|operator|collector|"
    r"representative|rep|seat|workstation|head(?:count)?|position|resource|team leader|supervisor|"
    r"staff member|person|employee|analyst|specialist)s?)"
)
_TXN_NOUN = (
    r"(?:transaction|case|e-?mail|chat(?: session)?|session|sale|ticket|order|claim|application|"
    r"record|document|item|account|letter|message|survey|appointment|booking|reservation|"
    r"enrol?ment|lead|payment|form|page|image|verification|collection|interaction|conversation|"
    r"web[- ]form|SMS|text|request|query|enquiry|inquiry|return|refund|invoice|piece|file|"
    r"review|check|task|work item|unit|save|conversion|retention|resolution|acquisition|activation|upgrade|"
    r"renewal|sign[- ]?up|referral|registration|enquir(?:y|ies)|incident|complaint|delivery|deliveries|"
    r"installation|visit|shipment|parcel|quote|donation|pledge|win[- ]?back|cure|polic(?:y|ies)|outcome)s?\b"
)
# Outcome-based units: "per device sold", "per customer retained", "per policy issued".
_OUTCOME_PARTICIPLE = (
    r"(?:sold|closed|processed|completed|resolved|booked|recovered|collected|activated|retained|saved|"
    r"converted|approved|submitted|issued|delivered|installed|fulfilled|enrolled|verified|placed|won|"
    r"upgraded|renewed|cured|acquired)\b"
)
# Defined terms after "per" ("per Save", "per Qualified Lead") name a counted outcome;
# never a period, a person, a place or a document ("per Month", "per Agent", "per Schedule").
_NOT_DEFINED_UNIT = (
    r"(?:Cent|Centum|Annum|Year|Quarter|Month|Week|Day|Hour|Minute|Second|Agent|Advisor|Adviser|FTE|Seat|"
    r"Head|Person|Employee|Resource|Position|Site|Location|Language|Client|Customer|Party|Parties|Supplier|"
    r"Vendor|Provider|Contractor|Schedule|Section|Clause|Article|Annex|Exhibit|Appendix|Attachment|SOW|"
    r"Statement|Agreement|Contract|Order|Work|Change|Invoice|Program|Programme|Project|User|Licen[cs]e|"
    r"Country|State|Region|Unit|Item|The|This|Each|Any|All)s?\b"
)
_PATTERNS: tuple[tuple[RateUnit, str], ...] = (
    (
        RateUnit.FTE_MONTH,
        _PER + r"(?:(?!per\b)[A-Za-z0-9][\w-]*[\s-]+){0,2}?" + _FTE_NOUN
        + r"\s*(?:[-/]\s*|per\s+|a\s+|each\s+|every\s+)" + _MONTH,
    ),
    (RateUnit.FTE_MONTH, _PER + r"(?:[A-Za-z][\w-]*\s+){0,2}?" + _FTE_NOUN + r"\s*,?\s*monthly\b"),
    (RateUnit.FTE_MONTH, _PER + r"(?:FTE|agent|seat|head|position)[- ]?months?\b"),
    (
        RateUnit.FTE_MONTH,
        r"(?:" + _PER + _MONTH + r"|monthly|a month)(?:\s+(?:fee|rate|charge|price|cost)s?)?\s*,?\s*(?:per|/|for each|each)\s*"
        r"(?:(?!per\b)[A-Za-z][\w-]*\s+){0,2}?" + _FTE_NOUN + r"\b",
    ),
    (RateUnit.PRODUCTIVE_HOUR, _PER + _FREE + _FREE1 + r"(?:hour|hr)s?\b"),
    (RateUnit.PRODUCTIVE_HOUR, r"hourly\b(?!\s+(?:basis\s+)?(?:for|on)\b)"),
    (RateUnit.MINUTE, _PER + _FREE + _FREE1 + r"min(?:ute)?s?\b"),
    (
        RateUnit.CALL,
        _PER + r"(?:(?:handled|answered|inbound|outbound|completed|connected|offered|billable|"
        r"resolved|voice|phone|telephone|escalated|transferred|successful|qualified)[\s-]+)*"
        r"(?:call|contact|dial)s?\b",
    ),
    # Dialler campaigns price each call attempt: "per attempt", "per unanswered dial attempt".
    (
        RateUnit.CALL,
        _PER + r"(?:(?:unanswered|unsuccessful|failed|outbound|additional|call|dial(?:l?ing)?|contact)[\s-]+){0,2}attempts?\b",
    ),
    # A fee paid once for each person brought on: "per agent hired", "per new hire".
    (
        RateUnit.ONE_TIME,
        _PER + r"(?:(?:new|additional|replacement)\s+)?(?:" + _FTE_NOUN + r"\s+(?:hired|recruited|onboarded|on-boarded|trained|"
        r"replaced|added)|(?:hire|recruit|starter|joiner)s?)\b",
    ),
    # "per Triage Call", "per customer contact": a free word naming the call type.
    (RateUnit.CALL, _PER + _FREE + r"(?:call|contact|dial)s?\b(?!\s*(?:cent(?:re|er)s?|details|list|person|points?)\b)"),
    (
        RateUnit.TRANSACTION,
        _PER + _FREE + _TXN_NOUN
        + r"(?:\s+(?:closed|handled|processed|completed|resolved|sold|booked|answered|recovered))?\b",
    ),
    (
        RateUnit.TRANSACTION,
        _PER + r"(?:(?!(?:cent|centum|annum|the|of|and|or|in|on|for|to|with|at|by|from|year|week|day|quarter|month|"
        r"hour|minute|agent|FTE|seat)\b)[A-Za-z][\w-]*\s+){1,2}?" + _OUTCOME_PARTICIPLE,
    ),
    (RateUnit.MONTH, _PER + _MONTH),
    (RateUnit.MONTH, r"(?:monthly|a month|per mensem)\b"),
    (
        RateUnit.ONE_TIME,
        r"(?:one[- ]time|one[- ]off|once[- ]off|non[- ]recurring|lump[- ]sum|payable once|"
        r"fixed (?:one[- ]time )?fee)\b",
    ),
    (
        RateUnit.TRANSACTION,
        r"(?<!\bas )(?:\bper\s+|\bfor each\s+)(?-i:(?!" + _NOT_DEFINED_UNIT + r")[A-Z][a-z][\w-]*(?:[ -][A-Z][\w-]*){0,2})\b",
    ),
)
_COMPILED = tuple((unit, re.compile(p, re.IGNORECASE)) for unit, p in _PATTERNS)
# What may sit between an amount and its unit: ",", "(excl. VAT)", "plus tax", "(USD)".
_GAP = re.compile(r"[\s,:;-]*(?:\([^()]{0,40}\)\s*)?(?:(?:plus|excl\.?|excluding|exclusive of) (?:VAT|GST|taxes|tax)\s*)?[\s,-]*")


def unit_after(text: str) -> tuple[RateUnit, int] | None:
    """Return the unit that directly follows an amount and the length it spans.

    ``text`` starts right after the amount. The unit must come first (after at most a
    parenthetical or a tax note), so "USD 500 for training per month" is not read as
    a monthly rate of the training.
    """
    gap = _GAP.match(text)
    skip = gap.end() if gap else 0
    spaced = re.match(r"\s*/(\s+)(?=[A-Za-z])", text[skip:])
    if spaced:  # "USD 22 / hour": read as "/hour", the quote still spans the spaces
        pad = len(spaced.group(1))
        cut = skip + spaced.start(1)
        found = unit_after(text[:cut] + text[cut + pad :])
        return (found[0], found[1] + pad) if found and found[1] > cut else found
    for unit, regex in _COMPILED:
        m = regex.match(text, skip)
        if m:
            return unit, m.end()
    return None


def unit_in(text: str) -> RateUnit | None:
    """Return the first unit named anywhere in ``text`` (a header cell or a unit column)."""
    best: tuple[int, RateUnit] | None = None
    for unit, regex in _COMPILED:
        m = regex.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), unit)
    return best[1] if best else None


# Unit nouns without "per", as rate-card row labels name them ("Handled minute",
# "Tier 1 case resolved", "Agent FTE-month"); only a last resort for a table row.
_NOUN_PATTERNS: tuple[tuple[RateUnit, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(p, re.IGNORECASE))
    for unit, p in (
        (RateUnit.FTE_MONTH, r"\b(?:FTE|agent|seat|head|position)[- ]?months?\b"),
        (RateUnit.PRODUCTIVE_HOUR, r"\b(?:productive|billable|billed|agent|logged[- ]in|staffed)\s+hours?\b"),
        (RateUnit.MINUTE, r"\b(?:handled|billable|billed|talk|connected|handle)\s+minutes?\b|\bminutes?\s+handled\b"),
        (RateUnit.CALL, r"\b(?:calls?|contacts?)\b(?!\s+(?:cent(?:re|er)s?|details|list|person|point)\b)"),
        (RateUnit.TRANSACTION, r"\b(?:cases?|tickets?|transactions?|e-?mails?|letters?|claims?|orders?|web[- ]forms?|chats?)\b"),
    )
)


def unit_noun(text: str) -> RateUnit | None:
    """Return the unit a bare noun phrase names ("Tier 1 case resolved" -> transaction)."""
    for unit, regex in _NOUN_PATTERNS:
        if regex.search(text):
            return unit
    return None
