"""Price cues: the words that make a sentence, a heading or a table column about price.

The vague-pricing and hidden-cost rules and the rate-card reader must agree on what talks
about price, so the cue words are written here once.
"""

from __future__ import annotations

import re

from analyzer.types import ClauseType

__all__ = ["PRICE_COLUMN", "PRICE_HEADING", "PRICE_WORDS", "PRICING_TYPES"]

# A sentence that names a price, a charge or a bill.
PRICE_WORDS = re.compile(
    r"\b(rates?|fees?|pric(e|es|ed|ing)|charges?|charged|chargeable|costs?|tariffs?|"
    r"invoic\w*|bill(ed|able|ing)?|payable|surcharges?|premiums?|commercials?|"
    r"reimburs\w*|pass(ed)?[- ]through)\b",
    re.IGNORECASE,
)
# A clause heading that puts everything under it about price ("Fees and Expenses").
PRICE_HEADING = re.compile(
    r"\b(rates?|fees?|pric\w*|charges?|commercials?|compensation|payment|expenses|"
    r"invoic\w*|costs?)\b",
    re.IGNORECASE,
)
# A table column header over amounts that are prices ("Rate", "Monthly fee", "Price (EUR)").
PRICE_COLUMN = re.compile(
    r"\b(rates?|fees?|pric(e|es|ing)|charges?|costs?|amounts?|tariffs?)\b", re.IGNORECASE
)
# Clause types whose text is about price even where a sentence names no price word.
PRICING_TYPES: frozenset[ClauseType] = frozenset({
    ClauseType.FEES_PRICING, ClauseType.PRICE_ADJUSTMENT, ClauseType.PAYMENT_INVOICING,
    ClauseType.EXPENSES, ClauseType.VOLUME_COMMITMENT,
})
