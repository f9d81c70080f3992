"""Currencies as contracts write them: ISO codes, symbols, names and the patterns built from them.

One currency vocabulary for the whole analyzer: the money extractor and the rule predicates
match with these, so a price the extractor reads ("SGD 1,200") is never invisible to a rule
and a currency a rule accepts is one the extractor can name.
"""

from __future__ import annotations

import re

__all__ = [
    "AMOUNT",
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
    "MONEY",
    "currency_of_adjective",
]

CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "INR", "COP", "MXN", "CAD", "PHP", "AUD", "JMD", "JPY", "CHF", "BRL",
    "ZAR", "NZD", "SGD", "HKD", "CNY", "PEN", "CLP", "ARS", "DOP", "GTQ", "CRC", "PLN", "RON",
    "EGP", "MAD", "KES", "NGN", "MYR", "IDR", "VND", "THB", "AED", "SAR", "SEK", "NOK", "DKK",
    "CZK", "HUF", "TRY", "UYU",
)
# symbol -> ISO code; "$" alone is read as US dollars (the contracts' convention).
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "MX$": "MXN",
    "NZ$": "NZD",
    "S$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "COL$": "COP",
    "J$": "JMD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₱": "PHP",
    "¥": "JPY",
}
# currency name (singular, lower case) -> ISO code; a bare "peso" is read as Mexican.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "rupee": "INR",
    "peso": "MXN",
}
# adjective before a currency name, as written ("Canadian dollars") -> ISO code.
CURRENCY_ADJECTIVES: dict[str, str] = {
    "US": "USD",
    "U.S.": "USD",
    "United States": "USD",
    "American": "USD",
    "Canadian": "CAD",
    "Australian": "AUD",
    "Jamaican": "JMD",
    "Mexican": "MXN",
    "Colombian": "COP",
    "Philippine": "PHP",
    "Indian": "INR",
    "New Zealand": "NZD",
}
_ADJECTIVE_CODES = {adjective.lower(): code for adjective, code in CURRENCY_ADJECTIVES.items()}

# Pattern fragments (strings, so callers can embed them in larger patterns).
CURRENCY_SYMBOL = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
CURRENCY_CODE = r"\b(?:" + "|".join(CURRENCY_CODES) + r")\b"
# a code or a symbol, not glued to a preceding word ("USD 5", "$5", never "xUSD")
CURRENCY_PATTERN = r"(?<![A-Za-z])(?:" + CURRENCY_CODE + r"|" + CURRENCY_SYMBOL + r")"
# "US dollars", "Canadian dollar": the optional adjective (group ``adj``) before a name
CURRENCY_ADJECTIVE = r"(?:(?P<adj>" + "|".join(a.replace(".", r"\.") for a in CURRENCY_ADJECTIVES) + r")\s+)?"
# "dollars", "pounds sterling": a currency name (group ``name``, singular)
CURRENCY_NAME = r"(?P<name>" + "|".join(CURRENCY_NAMES) + r")s?(?:\s+sterling)?\b"

# A digit amount as the rule predicates read it: "1,200.50", "27.40", "45".
AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2}\b|\d+"
# "dollars", "euro", "pesos": a currency name, singular or plural (no group)
CURRENCY_NAME_WORD = r"(?:" + "|".join(CURRENCY_NAMES) + r")s?"
# An ISO code after an amount inside a case-insensitive pattern: any code in capitals, as
# the money extractor reads it ("1,200 SGD"; "5 try" is no money), and USD, EUR and GBP
# in any case.
CURRENCY_CODE_AFTER = rf"(?-i:{CURRENCY_CODE})|USD|EUR|GBP"
# An amount with its currency, before or after it ("USD 27.40", "27.40 USD", "500 dollars").
MONEY = re.compile(
    rf"{CURRENCY_PATTERN}\s?(?:{AMOUNT})(?:\s?(?:million|m|k|thousand))?"
    rf"|(?:{AMOUNT})\s?(?:{CURRENCY_CODE_AFTER}|{CURRENCY_NAME_WORD})\b",
    re.IGNORECASE,
)
# Currency names that name money on their own; a bare "pound" may be a weight.
_MONEY_NAMES = "|".join(f"{name}s?" for name in CURRENCY_NAMES if name != "pound") + r"|pounds? sterling"
# A currency named anywhere (a code, a symbol or a name).
CURRENCY_WORD = re.compile(rf"{CURRENCY_PATTERN}|\b({_MONEY_NAMES})\b", re.IGNORECASE)


def currency_of_adjective(adjective: str) -> str | None:
    """Return the ISO code a currency adjective names ("us", "Canadian"), any case."""
    return _ADJECTIVE_CODES.get(adjective.lower())
