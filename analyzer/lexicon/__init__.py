"""The domain vocabulary, written once: money and currencies, KPIs, price cues, party roles.

Pure data and compiled patterns (stdlib and ``analyzer.types`` only); extractors, rule
predicates, compare, exports and the UI import it instead of keeping their own copies.
"""

from __future__ import annotations

from analyzer.lexicon.kpi import (
    ANY_METRIC,
    KPI_ELEMENTS,
    KPI_WORDS,
    METRIC_PATTERNS,
    METRICS,
    KpiElement,
    KpiMetric,
)
from analyzer.lexicon.money import (
    AMOUNT,
    CURRENCY_ADJECTIVE,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODE,
    CURRENCY_CODE_AFTER,
    CURRENCY_CODES,
    CURRENCY_NAME,
    CURRENCY_NAME_WORD,
    CURRENCY_NAMES,
    CURRENCY_PATTERN,
    CURRENCY_SYMBOL,
    CURRENCY_SYMBOLS,
    CURRENCY_WORD,
    MONEY,
    currency_of_adjective,
)
from analyzer.lexicon.parties import PARTY_ROLES
from analyzer.lexicon.pricing import PRICE_COLUMN, PRICE_HEADING, PRICE_WORDS, PRICING_TYPES

__all__ = [
    "AMOUNT",
    "ANY_METRIC",
    "CURRENCY_ADJECTIVE",
    "CURRENCY_ADJECTIVES",
    "CURRENCY_CODE",
    "CURRENCY_CODES",
    "CURRENCY_CODE_AFTER",
    "CURRENCY_NAME",
    "CURRENCY_NAMES",
    "CURRENCY_NAME_WORD",
    "CURRENCY_PATTERN",
    "CURRENCY_SYMBOL",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORD",
    "KPI_ELEMENTS",
    "KPI_WORDS",
    "METRICS",
    "METRIC_PATTERNS",
    "MONEY",
    "PARTY_ROLES",
    "PRICE_COLUMN",
    "PRICE_HEADING",
    "PRICE_WORDS",
    "PRICING_TYPES",
    "KpiElement",
    "KpiMetric",
    "currency_of_adjective",
]
