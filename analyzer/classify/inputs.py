"""The text of a clause as the models read it: one owner for training and run time.

A model is only as good as the agreement between what it was fitted on and what it is
given; training (``analyzer.training``) and classification both prepare headings and bodies
through these functions, so they cannot drift apart.
"""

from __future__ import annotations

import re

BODY_MAX_CHARS = 3000  # the word features read at most this much of a clause

_LEAD_NUMBER = re.compile(
    r"""^\s*(?:
        (?:section|article|clause|part|paragraph|sec|art)\.?\s+[0-9ivxlc]+[a-z]?(?:\.[0-9]+)*[.:)]?
      | §+\s*[0-9]+(?:\.[0-9]+)*[.:)]?
      | \(?[0-9]+(?:\.[0-9]+)*[a-z]?[.:)]?
      | \(?[ivxlc]+[.)]
      | \(?[a-z][.)]
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")


def normalise_heading(heading: str) -> str:
    """Return a heading in the form the models and the heading map are written against.

    Lower case, "&" spelt "and", leading numbering ("12.3", "Section 4", "Article IV",
    "(a)") removed, and every run of other characters collapsed to one space.
    """
    text = heading.strip()
    previous = None
    while previous != text:  # "ARTICLE 5 5.1 Term" has two numbering prefixes
        previous = text
        text = _LEAD_NUMBER.sub("", text, count=1)
    text = text.lower().replace("&", " and ").replace("’", "'").replace("'", " ")
    return _NON_WORD.sub(" ", text).strip()


def prepare_heading(heading: str | None) -> str:
    """Return a heading as the models read it: normalised words, no numbering."""
    return normalise_heading(heading) if heading else ""


def prepare_body(text: str | None) -> str:
    """Return a clause body as the models read it: one-spaced and bounded in length."""
    # collapse only the opening: a long clause would otherwise cost a regex pass over all
    # of it; the opening grows only when whitespace runs (PDF text) leave it too short
    text = text or ""
    take = BODY_MAX_CHARS + 200
    while True:
        out = _SPACE.sub(" ", text[:take]).strip()
        if len(out) >= BODY_MAX_CHARS or take >= len(text):
            return out[:BODY_MAX_CHARS]
        take *= 4
