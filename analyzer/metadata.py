"""Document metadata from the opening text: title, parties and dates.

Reviewers see the title and parties first; the dates of the preamble anchor terms such as
"the Effective Date". Everything here is a cheap regex pass over the first few thousand
characters, so a run-on text dump (one line per page) works as well as a clean DOCX.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from analyzer.types import ContractProfile, ContractType

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?:{_MONTHS}),?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b",
    re.IGNORECASE,
)
_TITLE_WORDS = (
    "AGREEMENT|CONTRACT|ORDER|STATEMENT OF WORK|AMENDMENT|ADDENDUM|PROPOSAL|RESPONSE|LICENSE"
    "|LICENCE|MEMORANDUM|TERMS|SCHEDULE|BID|QUOTATION|QUOTE|LEASE|PLAN|NOTE|DEED"
)
_CAPS_TITLE_RE = re.compile(
    rf"(?:[A-Z0-9][A-Z0-9&'’\-/]*,?\s+){{0,10}}(?:{_TITLE_WORDS})\b(?:\s+(?:NO\.?\s*\d+|\d+))?"
)
_NOT_TITLE_RE = re.compile(
    r"^(?:EXHIBIT|EX-)\s*[\d.]+|^EXHIBIT\s+[A-Z]{1,2}\s*$|CONFIDENTIAL|REDACTED|OMITTED|\[\*|PAGE \d"
    r"|EXECUTION (?:COPY|VERSION)|^TABLE OF CONTENTS",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = re.compile(r"^\[[^\]]*\]\s*$")
# a line that names a kind of agreement, in any case ("Master Service Agreement")
_TITLE_LINE_RE = re.compile(rf"\b(?:{_TITLE_WORDS})\b", re.IGNORECASE)
# a line that reads as a sentence of the preamble, not a title
_ENDS_CLAUSE_RE = re.compile(r"\b(?:is|are|made|entered|between|dated|by)\b|[.;]\s*$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:by\s+and\s+)?between\s*:?\s+", re.IGNORECASE)
_PARTY_END_RE = re.compile(
    r",?\s+(?:a|an)\s+(?=[A-Z\w])|\s+\(|,\s+(?:having|with|whose|located|organized|organised"
    r"|incorporated|registered|acting)\b|\s+(?:whose|having)\s|\s+of\s+(?=[(\d])|\s+of\s*$|\s*[;:]|\.?\s+(?=(?:This|The|WHEREAS|Each|In|Witnesseth)\b)"
    r"|\s+and\s+|,\s*$|,\s+(?=[a-z])"
)
_BETWEEN_AMONG_RE = re.compile(r"\b(?:by\s+and\s+)?(?:between|among)\s*:?\s+", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[a-z)”\"]\.\s+(?:[A-Z]|\d+\.\s)")
_LAST_AND_RE = re.compile(r"^.*\band\s+(?=[A-Z])", re.DOTALL)
_ONE_PARTY_END_RE = re.compile(_PARTY_END_RE.pattern.replace(r"|\s+and\s+", ""))
_SECOND_PARTY_RE = re.compile(r"(?:\)|\b)\s*,?\s*(?:and|&)\s+(?:also\s+)?(?=[A-Z\"“(\[])")
_LEADING_NOISE = re.compile(r"^(?:the\s+)?(?:[\"“(\[]+\s*)?", re.IGNORECASE)
_PARTY_WINDOW = 20000  # a table of contents can push the preamble far down
# a defined term in brackets: ("Supplier"), (the "Company"), (including its Affiliates,
# "Customer"), (hereinafter referred to as Party A); or unbracketed: , hereinafter referred
# to as "MMMW"
_ALIAS_DEF_RE = re.compile(
    r"\((?:[^()]{0,80}?[\s,(])?(?:the\s+|collectively,?\s+)?[\"“‘']+(?P<alias>[^\"”’'()]{1,40})[\"”’']+\s*\)"
    r"|\(\s*here(?:in)?after\s+(?:(?:referred\s+to|called|designated)\s+)?(?:as\s+)?(?:the\s+)?"
    r"[\"“‘']*(?P<bare>[A-Z][\w&.\- ]{0,30}?)[\"”’']*\s*\)"
    r"|,?\s+here(?:in)?after\s+(?:(?:referred\s+to|called|designated)\s+)?(?:as\s+)?(?:the\s+)?"
    r"[\"“‘']+(?P<alias2>[^\"”’']{1,40})[\"”’']+",
    re.IGNORECASE,
)
# defined terms that name a thing, not a party
_NOT_PARTY_ALIAS_RE = re.compile(
    r"^(?:party|parties)$|\b(?:agreement|date|services?|products?|term|territory|site|business|plan"
    r"|schedule|exhibit|law|act|information|materials?|fees?|price|effective|closing|documents?"
    r"|program|parties|affiliates?|work|project|property|premises|software|order|sow|msa|amendment"
    r"|addendum|proposal|rfp|contract)s?$",
    re.IGNORECASE,
)
# what opens a party's entry before its name: "and", "(1)", "Party A:", "Client Name:"
_LEAD_IN_RE = re.compile(
    r"^(?:(?:and|&|between|among)\s*[:,]?\s+|\(?\d{1,2}\)\s*|[A-Z][\w ]{0,25}?(?:Name|Covenanter|Party\s+[A-Z])\s*:\s*)+",
    re.IGNORECASE,
)
_NUMBER_ONLY_RE = re.compile(r"^[\d.()\s]+$")
# a sentence or a clause number where a name should be
_NOT_A_NAME_RE = re.compile(
    r"^(?:This|These|That|Each|Any|The\s+(?:Parties|Agreement))\b|^\d+(?:\.\d+)*\.?\s|^[a-z]\)"
    r"|\b(?:is|are|was|were|shall|will|has|have|issued|entered|made|dated|means)\b"
)


def find_title(lines: list[str]) -> str | None:
    """Return the contract's title among the opening lines.

    A line naming a kind of agreement ("OUTSOURCING AGREEMENT", "Master Service Agreement")
    wins over other capitals; bracketed placeholders ("[FORM]"), filing stamps ("EXHIBIT C")
    and confidentiality legends are never titles.

    Args:
        lines: the first paragraphs of the document, in order.
    """
    fallback: str | None = None
    for line in lines[:12]:
        text = line.strip()
        if not text or _PLACEHOLDER_RE.match(text):
            continue
        letters = [c for c in text if c.isalpha()]
        if len(text) <= 120 and len(letters) >= 4 and not _NOT_TITLE_RE.search(text):
            caps = sum(c.isupper() for c in letters) >= 0.9 * len(letters)
            named = _TITLE_LINE_RE.search(text) is not None and not _ENDS_CLAUSE_RE.search(text)
            if named and (caps or len(text.split()) <= 12):
                return text.rstrip(".:")
            if caps and fallback is None:
                fallback = text.rstrip(".:")
            continue
        # a run-on dump: find an ALL-CAPS run ending in a title word
        for m in _CAPS_TITLE_RE.finditer(text[:3000]):
            cand = m.group(0).strip(" ,.-")
            cand = _NOT_TITLE_RE.sub("", cand).strip(" ,.-")
            if len(cand) >= 6 and len(cand.split()) >= 2:
                return cand
    return fallback


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the preamble defines it: its name and the term the body uses for it."""

    name: str
    alias: str | None = None

    @property
    def term(self) -> str:
        """The name the contract's clauses use: the defined term, else the name."""
        return self.alias or self.name


def find_parties(text: str, preamble: str | None = None) -> tuple[str, ...]:
    """Return party names from the opening text ("between X (\"Bank\") and Y")."""
    return tuple(p.name for p in find_party_definitions(text, preamble))


def find_party_definitions(text: str, preamble: str | None = None) -> tuple[Party, ...]:
    """Return the parties with their defined terms, in the order the contract names them.

    The first run of two or more party definitions in the opening of ``text`` ("X, a
    Delaware corporation (\"Supplier\")", "X, hereinafter referred to as \"MMMW\"", "X
    (hereinafter referred to as Party A)") wins; without one, "between X and Y" is read from
    ``preamble`` (default: ``text``), the text before the first clause.
    """
    head = text[:_PARTY_WINDOW]
    defs = [d for d in _alias_definitions(head) if d is not None]
    for i in range(len(defs) - 1):
        run = [defs[i]]
        for d in defs[i + 1 :]:
            gap = head[run[-1][1] : d[0]]
            if len(gap) > 900 or _SENTENCE_END_RE.search(gap):
                break
            run.append(d)
        parties = _parties_from_run(head, run)
        if len(parties) >= 2:
            return tuple(parties)
    return tuple(Party(name) for name in _between_names(head if preamble is None else preamble))


def _alias_definitions(text: str) -> list[tuple[int, int, str] | None]:
    """Return (start, end, alias) for every defined term that could name a party."""
    out: list[tuple[int, int, str] | None] = []
    for m in _ALIAS_DEF_RE.finditer(text):
        alias = m.group("alias") or m.group("bare") or m.group("alias2")
        alias = re.sub(r"^the\s+", "", " ".join(alias.split()).strip(" ,."), flags=re.IGNORECASE)
        if alias and alias[0].isalnum() and not _NOT_PARTY_ALIAS_RE.search(alias):
            out.append((m.start(), m.end(), alias))
    return out


def _parties_from_run(text: str, run: list[tuple[int, int, str]]) -> list[Party]:
    """Name each alias of a run from the text between it and the previous boundary."""
    parties: list[Party] = []
    floor = 0
    between = None
    for between in _BETWEEN_AMONG_RE.finditer(text, 0, run[0][0]):
        pass
    if between is not None and run[0][0] - between.end() < 1500:
        floor = between.end()
    else:  # no "between": the party list starts on its line, after the sentence before it
        floor = text.rfind("\n", 0, run[0][0]) + 1
        ends = list(_SENTENCE_END_RE.finditer(text, floor, run[0][0]))
        if ends:
            floor = ends[-1].end() - 2
    for start, end, alias in run:
        name = _name_before(text[floor:start])
        floor = end
        if name is None and len(parties) >= 2:
            break  # the party list is over; later defined terms name other things
        if name is None or any(p.alias == alias for p in parties):
            continue
        parties.append(Party(name, alias))
    return parties


def _name_before(segment: str) -> str | None:
    """Return the party name that opens ``segment`` (cut before its description)."""
    segment = _LEAD_IN_RE.sub("", segment.strip(" \n,;:\u037e"))
    for line in segment.split("\n"):
        line = line.strip()
        if line:
            segment = line
            break
    else:
        return None
    if not segment[0].isupper() and not segment[0].isdigit() and not re.match(r"\w+[-\d]", segment):
        # a sentence runs into the name ("hereby agrees to ... and MTS, INC."): keep its tail
        segment = _LAST_AND_RE.sub("", segment)
    return _party_name(segment, cut_at_and=False)


def _between_names(text: str) -> list[str]:
    """Return the names of "between X and Y" (the reading without defined terms)."""
    m = _BETWEEN_RE.search(text)
    if not m:
        return []
    rest = text[m.end() : m.end() + 1500]
    first = _party_name(_LEAD_IN_RE.sub("", rest.strip()))
    if not first:
        return []
    names = [first]
    sep = _SECOND_PARTY_RE.search(rest, rest.find(first) + len(first))
    if sep:
        second = _party_name(_LEAD_IN_RE.sub("", rest[sep.end() :].strip()))
        if second and second != first:
            names.append(second)
    return names


def _party_name(text: str, cut_at_and: bool = True) -> str | None:
    """Return the name at the start of ``text``, cut before its description.

    ``cut_at_and`` is off where the text is known to hold one party only, so "Country Club
    and Recreation Inc." keeps its "and".
    """
    text = _LEADING_NOISE.sub("", text.strip())
    text = text.split("\n", 1)[0]
    m = (_PARTY_END_RE if cut_at_and else _ONE_PARTY_END_RE).search(text)
    name = text[: m.start()] if m else text[:100]
    name = name.strip(" ,\"”“'")
    if (
        not name
        or len(name) > 120
        or cut_at_and and not name[0].isupper() and not name[0].isdigit()
        or not any(c.isalpha() for c in name)
        or _NUMBER_ONLY_RE.match(name)
        or _NOT_A_NAME_RE.search(name)
    ):
        return None
    return name


def find_dates(text: str) -> tuple[str, ...]:
    """Return the dates written in ``text`` ("March 1, 2026", "1 March 2026", "2026-03-01")."""
    seen: list[str] = []
    for m in _DATE_RE.finditer(text):
        value = " ".join(m.group(0).split())
        if value not in seen:
            seen.append(value)
    return tuple(seen)


# --------------------------------------------------------------------------- profile

# Defined terms that say the role outright. "Company" is left out: filers call themselves
# that whichever side they are on.
_VENDOR_TERMS = re.compile(
    r"^(?:service\s+provider|provider|supplier|vendor|contractor|sub-?contractor|consultant|seller"
    r"|licensor|manufacturer|cro|agency|agent|carrier|transporter|employee|executive|party\s+b)$",
    re.IGNORECASE,
)
_CUSTOMER_TERMS = re.compile(
    r"^(?:customer|client|buyer|purchaser|licensee|employer|shipper|party\s+a)$", re.IGNORECASE
)
_PROVIDE_VERBS = (
    r"(?:provide|perform|deliver|render|produce|host|maintain|supply|furnish|carry\s+out|manufacture"
    r"|transport|serve)"
)
_MODAL = r"(?:shall|will|agrees?\s+to|desires?\s+to|wishes\s+to|is\s+willing\s+to|hereby\s+agrees\s+to)"
_PROVIDES_RE = re.compile(rf"{_MODAL}\s+(?:\w+\s+){{0,3}}?{_PROVIDE_VERBS}\b")
_PAYS_RE = re.compile(r"(?:shall|will|agrees\s+to)\s+(?:\w+\s+){0,2}?(?:pay|reimburse)\b")
_OBTAINS_RE = re.compile(
    r"(?:desires?|wishes|wants|requires)\s+(?:to\s+)?(?:engage|obtain|retain|purchase|receive)\b"
)
_TO_BEFORE_RE = re.compile(r"\bto\s+(?:the\s+)?$")
_PAID_BEFORE_RE = re.compile(r"\b(?:paid|payable|pay)\s+(?:\w+\s+){0,3}?$")
_PROVIDED_BEFORE_RE = re.compile(rf"\b{_PROVIDE_VERBS}\w*\s+(?:\w+\s+){{0,5}}?$")
_EMPLOYEE_TERMS = re.compile(r"^(?:employee|executive)$", re.IGNORECASE)

# Contract-type cues: (type, pattern). A cue in the title counts _TITLE_WEIGHT, in the
# recitals _RECITAL_WEIGHT, and each use in the body _BODY_WEIGHT up to _BODY_CAP uses.
_TYPE_CUES: tuple[tuple[ContractType, str, re.Pattern[str]], ...] = tuple(
    (kind, label, re.compile(pattern))  # matched against lower-cased text
    for kind, label, pattern in (
        (ContractType.OUTSOURCING, "outsourcing", r"\boutsourc\w*"),
        (ContractType.HOSTING, "hosting", r"\bhost(?:ed|ing)\b|\bco-?location\b|\bdata\s+cent(?:er|re)\b"),
        (ContractType.MAINTENANCE, "maintenance", r"\bmaintenance\b|\btechnical\s+support\b"),
        (ContractType.CONSULTING, "consulting", r"\bconsult(?:ing|ancy)\s+(?:services|agreement)\b|\bconsultancy\b"),
        (ContractType.TRANSPORTATION, "transportation", r"\btransport(?:ation)?\b|\bshipper\b|\bpipeline\b|\bfreight\b"),
        (ContractType.SUPPLY, "supply", r"\bsupply\b|\belectricity\b|\bnatural\s+gas\b|\bpurchase\s+and\s+sale\b"),
        (ContractType.EMPLOYMENT, "employment", r"\byour\s+employment\b|\bemployment\b|\bsalary\b|\bthe\s+executive\b"),
        (ContractType.SERVICES, "services agreement", r"\bservices?\s+agreement\b|\bprofessional\s+services\b"),
    )
)
# The same cues as words and word pairs, counted in one pass over the body's words (a regex
# pass per cue doubled the segmentation time). A word ending in "*" is a prefix.
_BODY_CUES: dict[ContractType, tuple[str, ...]] = {
    ContractType.OUTSOURCING: ("outsourc*",),
    ContractType.HOSTING: ("hosted", "hosting", "co-location", "colocation", "data center", "data centre"),
    ContractType.MAINTENANCE: ("maintenance", "technical support"),
    ContractType.CONSULTING: ("consulting services", "consulting agreement", "consultancy"),
    ContractType.TRANSPORTATION: ("transport", "transportation", "shipper", "pipeline", "freight"),
    ContractType.SUPPLY: ("supply", "electricity", "natural gas"),
    ContractType.EMPLOYMENT: ("employment", "salary", "the executive"),
    ContractType.SERVICES: ("services agreement", "service agreement", "professional services"),
}
_WORDS_RE = re.compile(r"[a-z][a-z-]*")


def _body_cue_counts(body: str) -> Counter[ContractType]:
    """Count each type's cue words and word pairs in lower-cased ``body``."""
    words = Counter(_WORDS_RE.findall(body))
    counts: Counter[ContractType] = Counter()
    for kind, cues in _BODY_CUES.items():
        for cue in cues:
            if cue.endswith("*"):
                counts[kind] += sum(n for word, n in words.items() if word.startswith(cue[:-1]))
            elif " " not in cue:
                counts[kind] += words[cue]
    for m in _PAIR_CUES_RE.finditer(body):
        counts[_PAIR_KIND[" ".join(m.group(0).split())]] += 1
    return counts


_PAIR_KIND = {cue: kind for kind, cues in _BODY_CUES.items() for cue in cues if " " in cue}
_PAIR_CUES_RE = re.compile(r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _PAIR_KIND) + r")\b")
_TYPE_SCAN = 150_000  # characters of the body read for cues; the counts are capped anyway
_TITLE_WEIGHT = 6.0
_RECITAL_WEIGHT = 2.0
_BODY_WEIGHT = 0.25
_BODY_CAP = 40
_MIN_SCORE = 3.0
_SERVICES_RE = re.compile(r"\bservices?\b")  # on lower-cased text
_MIN_SERVICES_USES = 3
_RECITALS_RE = re.compile(r"\b(?:WHEREAS|RECITALS?|BACKGROUND|WITNESSETH)\b")


def contract_profile(title: str | None, text: str, parties: tuple[Party, ...]) -> ContractProfile:
    """Return the contract's type and which party buys and which sells, with the reasons.

    The type is a vote of weighted keyword cues: the title weighs most, then the recitals,
    then the body (capped, so a long contract does not drown its title). The roles come
    from the defined terms ("Supplier", "Customer"), then from who provides the services
    and who pays.
    """
    body = _without_names(text, parties)
    contract_type, type_evidence = _contract_type(title, body, parties)
    customer, vendor, role_evidence = _roles(body, parties)
    return ContractProfile(
        contract_type=contract_type,
        customer=customer.term if customer else None,
        vendor=vendor.term if vendor else None,
        customer_name=customer.name if customer else None,
        vendor_name=vendor.name if vendor else None,
        evidence=type_evidence + role_evidence,
    )


def _without_names(text: str, parties: tuple[Party, ...]) -> str:
    """Blank the parties' names, so "CRO Consulting (Pty)" is no consulting cue."""
    for party in parties:
        text = text.replace(party.name, " ")
    return text


def _contract_type(
    title: str | None, body: str, parties: tuple[Party, ...]
) -> tuple[ContractType, tuple[str, ...]]:
    scores: dict[ContractType, float] = {}
    why: dict[ContractType, list[str]] = {}
    for party in parties:  # a party defined as "the Employee" makes it an employment contract
        if party.alias and _EMPLOYEE_TERMS.match(party.alias):
            scores[ContractType.EMPLOYMENT] = _TITLE_WEIGHT
            why[ContractType.EMPLOYMENT] = [f"a party is defined as {party.alias!r}"]
    recitals = _recital_text(body).lower()
    low_title = (title or "").lower()
    body = body[:_TYPE_SCAN].lower()
    counts = _body_cue_counts(body)
    for kind, label, pattern in _TYPE_CUES:
        score = 0.0
        if low_title and pattern.search(low_title):
            score += _TITLE_WEIGHT
            why.setdefault(kind, []).append(f"title {title!r}")
        if recitals and pattern.search(recitals):
            score += _RECITAL_WEIGHT
            why.setdefault(kind, []).append("recitals")
        uses = counts[kind]
        if uses:
            score += _BODY_WEIGHT * min(uses, _BODY_CAP)
            why.setdefault(kind, []).append(f"{uses} {label} words in the text")
        if score:
            scores[kind] = scores.get(kind, 0.0) + score
    if title and re.search(r"\bservices?\b", title, re.IGNORECASE) and ContractType.SERVICES not in why:
        scores[ContractType.SERVICES] = scores.get(ContractType.SERVICES, 0.0) + _TITLE_WEIGHT / 2
        why.setdefault(ContractType.SERVICES, []).append(f"title {title!r}")
    if not scores or max(scores.values()) < _MIN_SCORE:
        # no kind named: a statement of work or a bid for services is for services
        uses = len(_SERVICES_RE.findall(body))
        if uses >= _MIN_SERVICES_USES:
            return ContractType.SERVICES, (f"type services: no kind named, {uses} uses of 'service(s)'",)
        return ContractType.OTHER, ("type other: no kind of contract named",)
    best = max(scores, key=lambda k: scores[k])
    return best, (f"type {best.value} ({scores[best]:.1f}): " + "; ".join(why[best]),)


def _recital_text(text: str) -> str:
    """Return the recitals (WHEREAS ... NOW, THEREFORE) of the opening, or ''."""
    m = _RECITALS_RE.search(text[:20000])
    if not m:
        return ""
    end = re.search(r"NOW,?\s+THEREFORE|IT\s+IS\s+AGREED|AGREE\s+AS\s+FOLLOWS", text[m.end() : m.end() + 6000], re.IGNORECASE)
    return text[m.start() : m.end() + (end.start() if end else 2000)]


def _subject_counts(text: str, term: str) -> tuple[int, int, int]:
    """Count "<term> shall provide", "<term> shall pay" and "<term> desires to obtain".

    The pattern starts with the term itself, so the scan jumps between its uses.
    """
    provides = pays = obtains = 0
    for m in re.finditer(rf"{re.escape(term)}\W{{0,3}}\s+(?P<rest>[^.;]{{0,80}})", text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        rest = m.group("rest")
        if _PROVIDES_RE.match(rest):
            provides += 1
        elif _PAYS_RE.match(rest):
            pays += 1
        elif _OBTAINS_RE.match(rest):
            obtains += 1
    return provides, pays, obtains


def _object_counts(text: str, term: str) -> tuple[int, int]:
    """Count "paid ... to <term>" and "provide ... to <term>" (the words before "to")."""
    paid = receives = 0
    for m in re.finditer(re.escape(term), text):  # a literal: the scan jumps between its uses
        to = _TO_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        if to is None or text[m.end() : m.end() + 1].isalnum():
            continue
        before = text[max(0, to.start() - 60) : to.start()]
        if _PAID_BEFORE_RE.search(before):
            paid += 1
        elif _PROVIDED_BEFORE_RE.search(before):
            receives += 1
    return paid, receives


def _roles(text: str, parties: tuple[Party, ...]) -> tuple[Party | None, Party | None, tuple[str, ...]]:
    """Pick the customer and the vendor among the parties; say why."""
    if len(parties) < 2:
        return None, None, ("roles: fewer than two parties found",)
    score: dict[int, float] = {}
    why: dict[int, list[str]] = {}
    for i, party in enumerate(parties):
        s = 0.0
        reasons = why.setdefault(i, [])
        if party.alias and _VENDOR_TERMS.match(party.alias):
            s += 5
            reasons.append(f"defined as {party.alias!r}")
        if party.alias and _CUSTOMER_TERMS.match(party.alias):
            s -= 5
            reasons.append(f"defined as {party.alias!r}")
        provides, pays, obtains = _subject_counts(text, party.term)
        paid, receives = _object_counts(text, party.term)
        obtains += receives
        s += min(provides, 5) + min(paid, 3) - min(pays, 3) - min(obtains, 5)
        for n, label in ((provides, "provides"), (paid, "is paid"), (pays, "pays"), (obtains, "receives")):
            if n:
                reasons.append(f"{label} ({n}x)")
        score[i] = s
    vendor_i = max(score, key=lambda i: score[i])
    customer_i = min(score, key=lambda i: score[i])
    if vendor_i == customer_i or score[vendor_i] == score[customer_i]:
        return None, None, ("roles: no evidence tells the parties apart",)
    customer, vendor = parties[customer_i], parties[vendor_i]
    return customer, vendor, (
        f"customer {customer.term!r}: " + (", ".join(why[customer_i]) or "the other party"),
        f"vendor {vendor.term!r}: " + (", ".join(why[vendor_i]) or "the other party"),
    )
