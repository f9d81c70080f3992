"""Numbers as contracts write them: digits with separators, and number words.

Contracts state amounts as "1,250.00", "1.250,00", "fifty thousand" or "three and
one-half"; every other extractor reads its numbers through here so they agree.
Integer number words are converted by ``text2num`` (a maintained parser); the fractions
lawyers append ("and one-half") are added here.
"""

from __future__ import annotations

import functools
import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = "hundred thousand million billion".split()
_WORD = r"(?:" + "|".join(sorted(_UNITS + _TENS + _SCALES, key=len, reverse=True)) + r")"
_FRACTION = r"(?:[\s-]+and[\s-]+(?:a|one)[\s-]+(?:half|quarter)|[\s-]+and[\s-]+three[\s-]+quarters)"

# "fifty", "twenty-four", "one hundred and twenty", "three and one-half"
NUMBER_WORDS = (
    r"\b" + _WORD + r"(?:(?:[\s-]+|[\s-]+and[\s-]+)" + _WORD + r")*" + _FRACTION + r"?\b"
)
# "1,250.00", "1.250,00", "1 250", "0.95", "27", ".5"
NUMBER_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+(?:\.\d+)?|\.\d+)(?![\d])"

_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
_SCALE_WORDS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
}


def scale_of(word: str | None) -> float:
    """Return the multiplier of a magnitude word ("million" -> 1e6), 1.0 for none."""
    if not word:
        return 1.0
    return _SCALE_WORDS.get(word.lower().rstrip("."), 1.0)


def parse_digits(text: str) -> float:
    """Parse a digit string with thousands separators (US or European style).

    Raises:
        ValueError: when the text is not a number.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}", s):  # 1.250,00
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", s):  # 12,50 (decimal comma, no thousands)
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


@functools.lru_cache(maxsize=4096)
def parse_words(text: str) -> float | None:
    """Return the value of English number words, or None when they are not a number."""
    from text_to_num import text2num  # local import: keeps package import cheap

    s = re.sub(r"[\s-]+", " ", text.lower()).strip()
    frac = 0.0
    m = re.search(r" and (?:a|one|three) (half|quarter|quarters)$", s)
    if m:
        frac = _FRACTIONS[m.group(1)]
        s = s[: m.start()].strip()
    if not s:
        return None
    try:
        whole = float(text2num(s, "en"))
    except ValueError:
        return None
    return whole + frac


def parse_number(text: str) -> float | None:
    """Parse digits or number words; None when neither reads as a number."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] == ".":
        try:
            return parse_digits(text)
        except ValueError:
            return None
    return parse_words(text)
