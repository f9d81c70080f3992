"""Who must do what: party, modal and action of every duty in the contract.

"Reports will be provided" names nobody; "reports will be provided by Supplier" does;
"the Parties will work together" binds nobody in particular. Those differences come from
the dependency parse, but parsing every sentence would cost more than the whole analysis
may take (a contract is mostly "shall" sentences, and the parser reads ~5,000 words/s).
So each duty is read in two ways:

- the plain active form "Supplier shall deliver the reports" (a known party or a short
  noun phrase right before the modal, then a verb) is read from the words themselves;
- everything else (passives, "is responsible for", "agrees to", joint duties, subjects
  we cannot delimit) is parsed by spaCy, one short window per sentence, in one
  batch through ``DocumentContext.parse`` (memoised on the document's context).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.extract.text import Span
from analyzer.lexicon.parties import PARTY_ROLES
from analyzer.types import Document, Obligation

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext

__all__ = ["extract_obligations", "party_names"]

logger = logging.getLogger(__name__)

_CUE = re.compile(
    r"\b(?:shall|will|must|agrees? to|agreed to|undertakes? to|(?:is|are) (?:solely |fully )?responsible for|"
    r"(?:is|are) required to|(?:is|are) obliged to|be provided|be made available)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?P<modal>shall|will|must)(?P<neg>\s+not)?\b(?!\s+(?:be\s+)?(?:deemed|construed|interpreted)\b)", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(
    r"^\s+(?:not\s+)?(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:made\s+available|[a-z]+(?:ed|en|wn|ght|id|ne|de|ut|un|pt|lt|nt)\b)",
    re.IGNORECASE,
)
_JOINT = re.compile(
    r"\b(?:together|jointly|mutually|in good faith to agree|co-?operate with each other|collaborate|"
    r"cooperate with each other|both parties|the parties)\b",
    re.IGNORECASE,
)
_JOINT_SUBJECT = re.compile(r"^(?:the\s+|both\s+)?parties\b|\band\b", re.IGNORECASE)
_ROLE_RES = [(role, re.compile(r"\b" + role + r"\b")) for role in PARTY_ROLES]
_ALIAS_RE = re.compile(r"\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?|each\s+a\s+)?[\"“](?P<alias>[A-Z][\w&.'’\- ]{1,40}?)[\"”]\s*\)")
_COMPANY_RE = re.compile(
    r"\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|plc|PLC|S\.A\.S|S\.A|GmbH|AG|N\.A|Corp|Corporation|Company|Co|LLP|LP|Pvt|B\.V|N\.V|SpA|S\.r\.l)\b\.?",
)
_BOUNDARY_BEFORE = re.compile(r"(?:^|[;:,(]\s*|\b(?:and|or|that|which|who|where|then|but)\s+)(?=[^;:,(]*$)", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|each|either|any|every|such|all|its|their|this|that)\s+", re.IGNORECASE)
_OBJECT_STOP = re.compile(
    r"[,;:.()\"“”]|\s(?:within|by|to|in|for|on|at|after|before|from|with|and|or|if|unless|until|as|under|"
    r"that|which|who|so|no later|upon|during|per|of)\s",
    re.IGNORECASE,
)
_NON_ACTOR = re.compile(
    r"^(?:this|the|such|any|each|all|these)?\s*(?:agreement|sow|statement of work|amendment|term|schedule|"
    r"exhibit|annex|section|provision|clause|fees?|rates?|prices?|invoices?|payments?|it|there|nothing|"
    r"notice|notices|obligations?)\b",
    re.IGNORECASE,
)


_SKIP = object()  # a modal that binds nobody: neither a duty nor worth parsing
_ENUMERATOR = re.compile(r"\s*(?:\(?[a-z0-9]{1,4}\)|\d+(?:\.\d+)*\.?)\s+")


@dataclass(frozen=True, slots=True)
class _Window:
    """A slice of a cue sentence to parse, with where it sits in the document."""

    start: int
    text: str
    clause_id: str | None


def party_names(document: Document) -> dict[str, str]:
    """Map lower-cased names and aliases of the parties to how the contract writes them.

    Aliases are the defined terms in parentheses after a company name ("Meridian Contact
    Solutions S.A.S. ("Supplier")"), plus the usual role words when the text uses them.
    """
    names: dict[str, str] = {}
    text = document.text
    for m in _ALIAS_RE.finditer(text[:20000]):
        alias = m.group("alias").strip()
        before = text[max(0, m.start() - 160) : m.start()]
        is_party = bool(_COMPANY_RE.search(before)) or any(p and p.split(",")[0] in before for p in document.parties)
        if is_party or alias in PARTY_ROLES:
            names.setdefault(alias.lower(), alias)
    for party in document.parties:
        short = party.split(",")[0].strip()
        if short:
            names.setdefault(short.lower(), short)
    for role, regex in _ROLE_RES:
        if _occurs(regex, role, text):
            names.setdefault(role.lower(), role)
    for word in ("party", "parties"):
        names.setdefault(word, word.capitalize() if word == "party" else "the Parties")
    return names


def _occurs(regex: re.Pattern[str], word: str, text: str) -> bool:
    """``regex.search(text)`` for a regex whose matches all start with ``word``, tried only
    where ``word`` occurs (``re`` cannot skip ahead past a leading ``\\b`` by itself)."""
    i = text.find(word)
    while i >= 0:
        if regex.match(text, i):
            return True
        i = text.find(word, i + 1)
    return False


def _resolve(subject: str, names: dict[str, str]) -> str | None:
    """Turn a subject phrase into a party name ("Supplier's Account Director" -> "Supplier")."""
    s = re.sub(r"\s+", " ", subject).strip(" ,;:()\"“”")
    if not s:
        return None
    low = _DETERMINER.sub("", s.lower())
    if low in names:
        return names[low]
    if re.match(r"^(?:the\s+|both\s+)?parties\b", s, re.IGNORECASE):
        return "the Parties"
    m = re.match(r"^(.+?)['’]s?\b", low)
    if m and m.group(1) in names:
        return names[m.group(1)]
    for key in sorted(names, key=len, reverse=True):
        if len(key) > 2 and re.search(r"\b" + re.escape(key) + r"\b", low):
            return names[key]
    words = s.split()
    return " ".join(words[:6]) if words else None


def extract_obligations(context: DocumentContext) -> tuple[Obligation, ...]:
    """Return the duties of the context's document in text order.

    Without a spaCy pipeline in the context only the plain active form is read and
    passive or joint duties are not returned.
    """
    names = party_names(context.document)
    out: list[Obligation] = []
    to_parse: list[_Window] = []
    for sent in context.sentences:
        if sent.is_row or not _CUE.search(sent.text):
            continue
        clause_id = sent.clause_id
        if clause_id is None:
            continue
        needs_parse = False
        for m in _MODAL.finditer(sent.text):
            ob = _fast(context, sent, m, names, clause_id)
            if ob is None:
                needs_parse = True
            elif ob is not _SKIP:
                out.append(ob)
        if not _MODAL.search(sent.text) or needs_parse:
            to_parse.append(_window(sent, clause_id))
    if context.nlp is not None and to_parse:
        out.extend(_parsed(context, to_parse, names))
    unique: dict[tuple[int, str], Obligation] = {}
    for ob in sorted(out, key=lambda o: (o.start, o.end)):
        unique.setdefault((ob.start, ob.action), ob)
    return tuple(unique.values())


def _window(sent: Span, clause_id: str | None) -> _Window:
    """Cut a sentence to what the parse needs: ~15 words before the first cue (the
    subject) to ~12 words after the last one (verb, object and a "by" agent)."""
    cues = list(_CUE.finditer(sent.text))
    if not cues:
        return _Window(sent.start, sent.text, clause_id)
    head = sent.text[: cues[0].start()]
    boundary = max(head.rfind(";"), head.rfind(":"))
    begin = boundary + 1 if boundary >= 0 else 0
    words = list(re.finditer(r"\S+", head[begin:]))
    if len(words) > 15:
        begin += words[-15].start()
    tail = re.match(r"\s*(?:\S+\s+){0,12}\S*", sent.text[cues[-1].end() :])
    end = min(len(sent.text), cues[-1].end() + (tail.end() if tail else 0))
    text = sent.text[begin:end]
    lead = len(text) - len(text.lstrip())
    return _Window(sent.start + begin + lead, text.strip(), clause_id)


# ----------------------------------------------------------------------------- fast path


def _fast(context: DocumentContext, sent: Span, m: re.Match[str], names: dict[str, str], clause_id: str | None):
    """Read "<subject> shall [not] <verb> <object>" without parsing.

    Returns an ``Obligation``, ``_SKIP`` when the modal binds nobody, or None when the
    sentence needs the parser.
    """
    s = sent.text
    after = s[m.end() :]
    if _PASSIVE_AFTER.match(after) or re.match(r"\s+(?:jointly|together|mutually)\b", after, re.IGNORECASE):
        return None
    head = s[: m.start()]
    b = _BOUNDARY_BEFORE.search(head)
    subject = head[b.end() :] if b else head
    subject = re.sub(r"^\s*(?:\(?[a-z0-9]{1,4}\)|\d+(?:\.\d+)*\.?)\s+", "", subject)
    subject = re.sub(r"^[A-Z][A-Za-z /&-]{2,40}\.\s+", "", subject)  # inline heading "Fees. "
    subject = subject.strip()
    if not subject or len(subject.split()) > 6 or re.search(r"\b(?:if|when|unless|where|whether|provided)\b", subject, re.IGNORECASE):
        return None
    if _JOINT_SUBJECT.search(subject):
        return None
    if _NON_ACTOR.match(subject):
        return _SKIP  # "This Agreement will continue ..." states a fact, binds no one
    verb_m = re.match(r"\s+(?:not\s+)?(?:\w+ly\s+)?(?P<verb>[a-z][a-z-]+)\b", after)
    if not verb_m or verb_m.group("verb") in ("been", "also", "only"):
        return None
    if verb_m.group("verb") in ("be", "have") and not re.match(
        r"\s+(?:responsible|liable|obliged|required)\b", after[verb_m.end() :]
    ):
        return None if verb_m.group("verb") == "be" else _SKIP  # "shall have the right" is a right
    verb = verb_m.group("verb")
    rest = after[verb_m.end() :]
    stop = _OBJECT_STOP.search(rest)
    obj = rest[: stop.start()] if stop else rest
    obj_words = obj.split()[:5]
    action = " ".join([("not " if m.group("neg") else "") + verb] + obj_words).strip()
    party = _resolve(subject, names)
    start = sent.start + (len(head) - len(head.lstrip()) if not b else b.end())
    start = sent.start + s.index(subject, b.end() if b else 0)
    end = sent.start + m.end() + verb_m.end() + (len(" ".join(obj_words)) + (len(rest) - len(rest.lstrip())) if obj_words else 0)
    end = _fit_end(context.text, start, end)
    modal = m.group("modal").lower() + (" not" if m.group("neg") else "")
    return Obligation(
        party=party,
        modal=modal,
        action=action,
        quote=context.text[start:end],
        clause_id=clause_id or "",
        page=context.page_at(start),
        start=start,
        end=end,
        passive=False,
        joint=bool(_JOINT.search(action)),
    )


def _fit_end(text: str, start: int, end: int) -> int:
    end = min(end, len(text))
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return end


# ----------------------------------------------------------------------------- parse path


def _parsed(context: DocumentContext, windows: list[_Window], names: dict[str, str]) -> list[Obligation]:
    """Parse the windows in one batch with tagger and parser only (``PARSE_PIPES``).

    The attribute ruler and lemmatizer cost more than the parser here (a Matcher over
    every token), so they are skipped and only the verbs we report are lemmatised.
    """
    nlp = context.nlp
    assert nlp is not None  # checked by the caller
    out: list[Obligation] = []
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    docs = context.parse([w.text for w in windows])
    for doc, win in zip(docs, windows, strict=True):
        out.extend(_from_doc(context, doc, win, names, lemmatizer))
    return out


def _lemma(token, lemmatizer) -> str:
    """Lemmatise one verb with the rule lemmatizer (POS set from the fine tag)."""
    if lemmatizer is None or not token.tag_.startswith("VB"):
        return token.lower_
    token.pos_ = "VERB"
    try:
        lemmas = lemmatizer.rule_lemmatize(token)
    except Exception:  # a lookup table missing from an odd model build
        return token.lower_
    return (lemmas[0] if lemmas else token.lower_).lower()


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _phrase(token) -> str:
    """The text of a token's subtree as written (keeps "real-time" whole)."""
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1].text


def _object_text(verb) -> str:
    """A few words after the verb that say what is done ("the monthly report", "together")."""
    doc = verb.doc
    words = []
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        if t.is_punct or t.dep_ in ("agent", "mark", "cc") or (t.dep_ == "prep" and t.head == verb):
            break
        if t.head != verb and not any(a == verb for a in t.ancestors):
            break
        words.append(t)
    if not words:
        return ""
    return doc[words[0].i : words[-1].i + 1].text


def _from_doc(context: DocumentContext, doc, win: _Window, names: dict[str, str], lemmatizer=None) -> list[Obligation]:
    out: list[Obligation] = []
    for tok in doc:
        low = tok.lower_
        verb = None
        modal = None
        if low in ("shall", "will", "must") and tok.dep_ == "aux":
            verb = tok.head
            modal = low
            if any(c.dep_ == "neg" for c in verb.children):
                modal += " not"
        elif low in ("agree", "agrees", "agreed", "undertake", "undertakes") and any(
            c.dep_ == "xcomp" for c in tok.children
        ) and not any(c.lower_ in ("shall", "will", "must") for c in tok.children):
            modal = ("agrees" if low.startswith("agree") else "undertakes") + " to"
            verb = next(c for c in tok.children if c.dep_ == "xcomp")
            subject = _subject(tok)
        elif low in ("responsible", "required", "obliged") and tok.head.lower_ in ("is", "are", "be", "was", "were"):
            modal = f"{tok.head.text.lower()} {low} {'for' if low == 'responsible' else 'to'}"
            target = next((c for c in tok.children if c.dep_ in ("prep", "xcomp")), None)
            if target is not None and target.dep_ == "prep":
                target = next((c for c in target.children if c.dep_ in ("pcomp", "pobj")), target)
            verb = target if target is not None else tok
            subject = _subject(tok.head)
        if verb is None:
            continue
        if modal in ("shall", "will", "must", "shall not", "will not", "must not"):
            subject = _subject(verb)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent_name = None
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                agent_name = _resolve(_phrase(pobj), names)
        subject_text = _phrase(subject) if subject is not None else ""
        if passive:
            party = agent_name
            patient = subject_text
            action = " ".join(x for x in (_lemma(verb, lemmatizer), patient.lower() if patient else "") if x)
        else:
            party = _resolve(subject_text, names) if subject_text else None
            conj = [c for c in subject.children if c.dep_ == "conj"] if subject is not None else []
            if conj and subject.tag_.startswith("NN"):
                parties = [_resolve(subject.text, names)] + [_resolve(c.text, names) for c in conj]
                party = " and ".join(p for p in parties if p)
            action = " ".join(x for x in (_lemma(verb, lemmatizer), _object_text(verb)) if x)
        if party is None and not passive:
            continue
        if not passive and party and _NON_ACTOR.match(subject_text or ""):
            continue
        if not passive and party not in names.values() and len(subject_text.split()) > 4:
            continue  # a long non-party subject is usually a misparse
        joint = bool(
            (party == "the Parties")
            or (not passive and subject is not None and any(c.dep_ == "conj" for c in subject.children) and subject.tag_.startswith("NN"))
            or any(c.lower_ in ("together", "jointly", "mutually") for c in verb.subtree if c.i <= verb.i + 4)
        )
        span_start = min((min(t.left_edge.idx for t in [subject]) if subject is not None else tok.idx), tok.idx)
        right = verb
        obj_tokens = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "agent", "prt", "advmod", "acomp")]
        end_tok = max([right] + [t.right_edge for t in obj_tokens], key=lambda t: t.i)
        if end_tok.i - verb.i > 25:
            end_tok = verb
        span_end = end_tok.idx + len(end_tok.text)
        start = win.start + span_start
        lead = _ENUMERATOR.match(context.text, start, win.start + span_end)
        if lead:
            start = lead.end()
        end = _fit_end(context.text, start, win.start + span_end)
        if end <= start:
            continue
        out.append(
            Obligation(
                party=party,
                modal=modal,
                action=action.strip(),
                quote=context.text[start:end],
                clause_id=win.clause_id or "",
                page=context.page_at(start),
                start=start,
                end=end,
                passive=passive,
                joint=joint,
            )
        )
    return out
