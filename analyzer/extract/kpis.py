"""Service levels with a numeric target, and what each one lacks.

A KPI that cannot be scored is not a KPI (domain.md, "KPI completeness"): for each one we
record the metric, target, threshold, window, data source, reporting, remedy and credit
cap, and name the missing elements so the rules can say exactly what to ask for.
Vague performance promises ("high quality service") have no numeric target and are not
returned here; the rules flag them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.extract.money import Percent, find_percentages
from analyzer.extract.quantities import find_durations
from analyzer.extract.text import CELL_SEP, Span, lines, split_cells
from analyzer.lexicon.kpi import ANY_METRIC, METRICS, KpiElement
from analyzer.types import Extraction, Kpi

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext

__all__ = ["extract_kpis", "service_credit_exposure"]

logger = logging.getLogger(__name__)

# The metric vocabulary is analyzer.lexicon.kpi.METRICS.
_ANY_METRIC = ANY_METRIC
_METRIC_RES = tuple((name, re.compile(p, re.IGNORECASE), kinds, timed) for name, (p, kinds, timed) in METRICS.items())

# The general shape of a timed service level whose metric our list does not name: a share
# of work items handled within a time ("close 90% of Return Cases within two Business Days",
# "reply to 90% of messaging conversations within 3 minutes"). Only a fallback: a named
# metric wins. People, reports, money and systems are not work items (hiring, report due
# dates, payment terms and recovery times are deadlines, not KPIs).
_NUMBER_WORD = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-four|thirty|forty-eight|seventy-two)"
_NOT_WORK_ITEM = (
    r"(?:agents?|advisors?|advisers?|staff|personnel|employees?|FTEs?|seats?|positions?|vacanc(?:y|ies)|hires?|recruits?|"
    r"leavers?|trainees?|workstations?|reports?|deliverables?|milestones?|invoices?|fees?|charges?|amounts?|sums?|"
    r"payments?|deposits?|systems?|services?|backups?|data|sites?|the\s+(?:fees|charges|price))"
)
_TIMED_SHARE = re.compile(
    r"\b\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)\s+of\s+(?:all\s+|the\s+|its\s+)?(?!" + _NOT_WORK_ITEM + r"\b)"
    r"(?:[\w'’-]+\s+){0,3}?(?!" + _NOT_WORK_ITEM + r"\b)[A-Za-z][\w-]*s\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:with)?in\s+" + _NUMBER_WORD + r"\s*(?:\(\d+\)\s*)?(?:(?:business|working|calendar|clock)\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b",
    re.IGNORECASE,
)
_NOT_TIMED_SHARE = re.compile(
    r"\b(?:notif\w*|breach\w*|security incidents?|disaster|recover\w*|restor\w*|business continuity|pay|paid|payable)\b",
    re.IGNORECASE,
)
_TIMED_SHARE_METRIC = "timeliness"
_PROMISE = re.compile(r"\b(?:shall|will|must|commits?|undertakes?|guarantees?|ensures?)\b", re.IGNORECASE)

_SLA_HEADER = re.compile(
    r"\b(?:target|service levels?|metric|kpi|sla|measurement|standard|performance|objective|minimum)\b",
    re.IGNORECASE,
)
_NOT_KPI = re.compile(
    r"\b(?:assum\w*|estimat\w*|forecast\w*|illustrat\w*|for planning|scenario|surcharge|premium|"
    r"invoice\w*|billed|price|pricing|rates? (?:will|shall) increase|exceeds? \w+ percent)\b",
    re.IGNORECASE,
)
_COMMITMENT = re.compile(
    r"\b(?:shall|will|must|commits?|committed|target\w*|achieve\w*|maintain\w*|meet|guarantee\w*|ensure\w*|"
    r"at least|no more than|not more than|not exceed|or more|or less|or higher|or better|or lower|minimum|maximum|"
    r"measured\s+(?:daily|weekly|monthly|quarterly|per|each|every|over|across))\b",
    re.IGNORECASE,
)
_SENTENCE_VERB = re.compile(r"\b(?:shall|will|must|is|are|be|been|replaced|means|has|have)\b", re.IGNORECASE)
_COMPARATOR_BEFORE = re.compile(
    r"(?:at least|not less than|no less than|minimum(?: of)?|greater than|more than|no more than|"
    r"not more than|less than|maximum(?: of)?|not exceed(?:ing)?|below|above|≥|>=|<=|≤|<|>)\s*$",
    re.IGNORECASE,
)
_COMPARATOR_AFTER = re.compile(
    r"^\s*(?:or (?:more|less|higher|lower|better|greater|above|below)|and (?:above|below|higher)|"
    r"(?:or )?(?:at )?minimum|(?:or )?(?:at )?maximum)",
    re.IGNORECASE,
)
_THRESHOLD_RE = re.compile(
    r"\b(?:with)?in\s+(?P<d1>[\w()\s.-]{1,30}?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|business days?|days?))\b|"
    r"\b(?:after|over|longer than|exceeding)\s+(?P<d2>[\w()\s.-]{1,30}?\s*(?:seconds?|secs?|minutes?))\b",
    re.IGNORECASE,
)
# Contact-centre shorthand for a service level: "80/20" is 80% answered within 20 seconds.
_SLASH_TARGET = re.compile(r"(?<![\d/.,])(?:[5-9]\d|100)\s?%?\s?/\s?\d{1,3}(?:\s?(?:seconds?|secs?|s)\b)?(?![\d/]|[.,]\d)")
_THRESHOLD_FOR = re.compile(
    r"\b(?:with)?in\s+[\w().-]{1,12}(?:\s+[\w().-]{1,12})?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|business days?|working days?|days?)\s+"
    r"(?:for|in|on)\s+(?:at least\s+)?$",
    re.IGNORECASE,
)
_CREDIT_CTX = re.compile(r"\b(?:credit\w*|allocation|at[- ]risk|of (?:the |that )?\w*'?s? ?(?:monthly )?(?:fees|charges))\b", re.IGNORECASE)
_WINDOW_STRONG = re.compile(
    r"\b(?:measured|calculated|assessed|averaged|computed|reported|achieved?|met)\s+(?:\w+\s+){0,3}?"
    r"(?:over|per|each|every|in|for|on|during)\s+(?:an?\s+|each\s+|every\s+|the\s+|any\s+)?"
    r"(?:(?:calendar|business|contract|rolling)\s+)?(?:half[- ]hour(?:ly)?\s+interval|interval|day|week|month|quarter|year|"
    r"Measurement Period|measurement window|reporting period|Storm Event)s?\b|"
    r"\b(?:in|for|during|over)\s+(?:each|every|any|the|a)\s+(?:(?:calendar|business|contract|rolling|full)\s+)?"
    r"(?:half[- ]hour(?:ly)?\s+interval|interval|month|quarter|week|Measurement Period|measurement window|reporting period|Storm Event)s?\b|"
    r"\b(?:each|per|every)\s+(?:(?:calendar|business|full)\s+)?(?:half[- ]hour\s+interval|interval|day|week|month|quarter|Measurement Period|Storm Event)\b|"
    r"\b(?:daily|weekly|monthly|quarterly|intraday|half-hourly)\b|\bcalendar (?:month|quarter|week)\b|\bMeasurement Period\b",
    re.IGNORECASE,
)
_DATA_SOURCE = re.compile(
    r"\b(?:measured (?:by|from|using|on|in|with)\s+(?:[\w'’-]+\s+){0,4}?(?:data|reports?|system|platform|survey|form|audit|ACD|WFM|CRM|tool)\b|ACD|automatic call distributor|WFM|workforce management (?:system|tool|data)|CRM|"
    r"ticketing system|telephony (?:platform|system|data|reports?)|IVR data|call detail records?|CDRs?|"
    r"QA form|(?:post[- ](?:call|contact) )?surveys?|call recordings?|sample audit|monthly audit|"
    r"measured (?:by|from|using|on|in|with)\s+(?:[\w'’-]+\s+){0,4}?(?:data|reports?|system|platform|survey|form|audit|ACD|WFM|CRM|tool)|"
    r"measured (?:by|from|using|on|in|with)|data sources?|source data|system reports?|"
    r"\w+'s (?:\w+ )?(?:reports|data|system|form))\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:(?:real[- ]time|daily|weekly|monthly|quarterly|annual)\s+(?:\w+\s+){0,3}?(?:reports?|scorecards?|dashboards?|reviews?)|"
    r"(?:reports?|reported|reporting|scorecards?)\s+(?:\w+\s+){0,8}?(?:daily|weekly|monthly|quarterly|each month|every month|each week)|"
    r"reported to \w+)\b",
    re.IGNORECASE,
)
_PERF_WORDS = re.compile(r"\b(?:performance|service levels?|SLAs?|KPIs?|scorecard|metrics?|interval)\b", re.IGNORECASE)
_REMEDY = re.compile(
    r"\b(?:service credits?|credits?|credited|corrective action|root[- ]cause|remediation plan|improvement plan|"
    r"terminat\w+|fee reduction|price reduction|penalt\w+|liquidated damages|holdback|at[- ]risk)\b",
    re.IGNORECASE,
)
_VAGUE_REMEDY = re.compile(
    r"\b(?:to be agreed|will be agreed|shall be agreed|be agreed|TBD|to be determined|to be finali[sz]ed|"
    r"will be finali[sz]ed|to be discussed|may be agreed)\b",
    re.IGNORECASE,
)
_GENERIC_REMEDY = re.compile(
    r"\b(?:any (?:other )?(?:target|service level|kpi|metric|key measurement|critical service level)s?|"
    r"each (?:critical )?(?:service level|kpi|key measurement|target|metric)|(?:each|every|any) (?:such )?(?:miss|failure|breach)|the (?:service levels|targets|kpis|key measurements)|"
    r"a (?:key measurement|critical service level|service level)|"
    r"any of the (?:service levels|targets|kpis))\b",
    re.IGNORECASE,
)
_CAP = re.compile(
    r"\b(?:at[- ]risk amount|amount at risk|(?:shall|will|may) not exceed|not to exceed|capped at|cap(?:ped)? of|"
    r"maximum (?:aggregate |total )?(?:amount of )?(?:service )?credits?|in no event[^.]{0,80}exceed|"
    r"up to a maximum of|pool percentage)\b",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    "a an the of and or in on at to for by with from all any each per calls call rate level levels "
    "service months month line lines queue queues score target targets measurement window source metric "
    "credit credits allocation ref description kpi sla minimum standard period frequency remedy".split()
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    metric: str
    canonical: str
    target: str
    threshold: str | None
    cells: dict[str, str]
    intro: str
    header: str = ""


def extract_kpis(context: DocumentContext) -> tuple[Kpi, ...]:
    """Return one ``Kpi`` per measurable service level (one per SLA-table row)."""
    candidates = _table_candidates(context.text) + _prose_candidates(context.sentences, _performance_context(context))
    seen: set[tuple[int, int]] = set()
    kpis: list[Kpi] = []
    for cand in sorted(candidates, key=lambda c: c.start):
        if any(cand.start < e and s < cand.end for s, e in seen):
            continue
        seen.add((cand.start, cand.end))
        kpis.append(_complete(context, cand))
    return tuple(kpis)


# ----------------------------------------------------------------------------- candidates


def _metric_of(text: str) -> tuple[str, tuple[str, ...], bool] | None:
    if not _ANY_METRIC.search(text):
        if _TIMED_SHARE.search(text) and not _NOT_TIMED_SHARE.search(text):
            return _TIMED_SHARE_METRIC, ("percent",), True
        return None
    best = None
    for name, regex, kinds, timed in _METRIC_RES:
        m = regex.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name, kinds, timed)
    return (best[1], best[2], best[3]) if best else None


def _metric_sentences(context: DocumentContext) -> tuple[tuple[str, str], ...]:
    """Prose sentences of a document that name a metric, with that metric's name.

    Computed once per document: every KPI without a remedy in its own section looks here.
    """
    return context.memo("kpi_metric_sentences", lambda: _find_metric_sentences(context.sentences))


def _find_metric_sentences(sents: Sequence[Span]) -> tuple[tuple[str, str], ...]:
    out = []
    for x in sents:
        if x.is_row:
            continue
        info = _metric_of(x.text)
        if info:
            out.append((x.text, info[0]))
    return tuple(out)


def _metrics_named(text: str) -> set[str]:
    return {name for name, regex, _, _ in _METRIC_RES if regex.search(text)}


def _target(text: str, kinds: tuple[str, ...]) -> tuple[str, int, int] | None:
    """Return (target text, start, end) of the first numeric target that is not a credit."""
    if "percent" in kinds:
        slash = _SLASH_TARGET.search(text)
        if slash and not find_percentages(text[: slash.start()]):  # "80/20": 80% within 20 seconds
            return slash.group(0), slash.start(), slash.end()
        for p in find_percentages(text):
            if _is_credit(text, p):
                continue
            start, end = p.start, p.end
            cb = _COMPARATOR_BEFORE.search(text[max(0, start - 25) : start])
            if cb:
                start = start - (len(text[max(0, start - 25) : start]) - cb.start())
            tb = _THRESHOLD_FOR.search(text[max(0, start - 50) : start])
            if tb:  # "response within 15 minutes for 95% of tickets"
                start = start - (len(text[max(0, start - 50) : start]) - tb.start())
            ca = _COMPARATOR_AFTER.match(text[end:])
            if ca:
                end += ca.end()
            th = _THRESHOLD_RE.search(text, end, min(len(text), end + 70))
            if th and "|" not in text[end : th.end()]:
                end = th.end()
            return text[start:end].strip(), start, end
    if "duration" in kinds:
        for d in find_durations(text):
            if d.unit in ("second", "minute", "hour") or d.qualifier == "business":
                start = d.start
                pre = re.search(r"(?:(?:with)?in|under|less than|no more than|not more than|at most|maximum of)\s*$", text[max(0, start - 20) : start], re.IGNORECASE)
                if pre:
                    start -= len(text[max(0, start - 20) : start]) - pre.start()
                return text[start : d.end].strip(), start, d.end
    if "score" in kinds:
        m = re.search(r"\b\d(?:\.\d+)?\s*(?:out of|/)\s*\d+\b|[+-]?\d{1,2}\s+or (?:more|higher|above)|(?:at least|minimum of|not less than)\s+[+-]?\d+(?:\.\d+)?\b", text, re.IGNORECASE)
        if m:
            return m.group(0), m.start(), m.end()
    return None


def _is_credit(text: str, p: Percent) -> bool:
    before = text[max(0, p.start - 45) : p.start]
    after = text[p.end : p.end + 50]
    if re.search(r"\b(?:credit\w*|allocation|at[- ]risk|refund|(?<!to[- ])pay|deduct\w*|reduc\w+|surcharge|premium|fee)\b[^|]*$", before, re.IGNORECASE):
        return True
    return bool(re.match(r"\s*of\s+(?:the\s+|that\s+|all\s+)?[\w'’ -]{0,40}?(?:fees|charges|invoice|amount|price)", after, re.IGNORECASE))


def _table_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    header: list[str] = []
    intro = ""
    prev_cells = 0
    prev_line: Span | None = None
    for line in lines(text):
        if CELL_SEP not in line.text:
            prev_cells = 0
            prev_line = line
            continue
        cells = split_cells(line.text)
        names = [c for _, c in cells]
        if len(cells) != prev_cells:
            prev_cells = len(cells)
            intro = prev_line.text if prev_line is not None and CELL_SEP not in prev_line.text else ""
            joined = " ".join(names)
            if not find_percentages(joined) and sum(ch.isdigit() for ch in joined) <= 2:
                header = names if _SLA_HEADER.search(joined) else []
                prev_line = line
                continue
            header = []
        prev_line = line
        is_sla_table = bool(header) and not re.search(r"\b(?:rate|price|fee|charge|share of calls|volume)\b", " ".join(header), re.IGNORECASE)
        cand = _row_candidate(line, cells, header if is_sla_table else [], intro)
        if cand:
            out.append(cand)
    return out


def _column(header: list[str], pattern: str) -> int | None:
    for i, h in enumerate(header):
        if re.search(pattern, h, re.IGNORECASE):
            return i
    return None


def _row_candidate(line: Span, cells: list[tuple[int, str]], header: list[str], intro: str) -> _Candidate | None:
    names = [c for _, c in cells]
    row_text = " ".join(names)
    metric_info = _metric_of(row_text)
    if not header and metric_info is None:
        return None
    if not header and _NOT_KPI.search(row_text):
        return None
    kinds = metric_info[1] if metric_info else ("percent", "duration", "score")
    canonical = metric_info[0] if metric_info else "other"
    tcol = mcol = None
    if header:
        tcol = _column(header, r"\btarget")
        if tcol is None:
            tcol = _column(header, r"\b(?:standard|minimum|objective|requirement|expected|level)\b")
        mcol = _column(header, r"\b(?:metric|kpi|indicator|description)\b")
        if mcol is None:
            mcol = _column(header, r"\b(?:service level|measure\w*|sla)\b")
    if mcol == tcol:
        mcol = None
    target = None
    if tcol is not None and tcol < len(names) and tcol != 0:
        found = _target(names[tcol], ("percent", "duration", "score"))
        if found or re.search(r"\d", names[tcol]):
            target = names[tcol]
    if target is None:
        for i, cell in enumerate(names):
            if header and i < len(header) and re.search(r"credit|allocation|weight|remedy", header[i], re.IGNORECASE):
                continue
            found = _target(cell, kinds) or (_target(cell, ("percent", "duration")) if header else None)
            if found:
                target = found[0] if not header else cell
                break
    if target is None:
        return None
    if mcol is not None and mcol < len(names):
        metric = names[mcol]
    else:
        metric = next((n for n in names if n and not re.fullmatch(r"[A-Z]{1,5}-?\d+[a-z]?", n) and n != target), names[0])
    th = _THRESHOLD_RE.search(row_text)
    extra = {}
    for i, h in enumerate(header):
        if i < len(names):
            extra[h.lower()] = names[i]
    return _Candidate(line.start, line.end, line.text, metric, canonical, target, th.group(0) if th else None, extra, intro, " ".join(header))


_PERF_HEADING = re.compile(
    r"\b(?:service[- ]levels?|performance (?:standards?|levels?|targets?|measures?|metrics?|indicators?|requirements?|criteria)|"
    r"key performance|KPIs?|SLAs?|service standards?|quality standards?|standards of performance)\b",
    re.IGNORECASE,
)


def _performance_context(context: DocumentContext):
    """Return ``at(pos) -> bool``: whether ``pos`` lies in a service-level section.

    A list of standards under "Performance Standards" or "Service Levels" commits to
    its targets even when an item reads "Save rate: at least 25% of contacts", with no
    "shall" and a metric our list does not name.
    """
    clauses = context.clauses_by_id
    by_number: dict[str, str] = {}
    for c in context.document.clauses:
        if c.number:
            by_number.setdefault(c.number, c.id)
    cache: dict[str | None, bool] = {}

    def perf(clause_id: str | None) -> bool:
        if clause_id in cache:
            return cache[clause_id]
        found = False
        seen = 0
        cid = clause_id
        while cid is not None and cid in clauses and seen < 6:
            c = clauses[cid]
            head = c.heading or ""
            if not head and len(c.text) <= 80 and "\n" not in c.text.strip():
                head = c.text  # a heading line segmented as its own clause
            if _PERF_HEADING.search(head):
                found = True
                break
            cid = c.parent_id
            if cid is None and c.number and "." in c.number:  # flat numbering: "3.2" sits under "3"
                cid = by_number.get(c.number.split(".")[0])
            seen += 1
        cache[clause_id] = found
        return found

    return lambda pos: perf(context.clause_at(pos))


def _prose_candidates(sents: Sequence[Span], perf_at=None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for sent in sents:
        if sent.is_row:
            continue
        if not re.search(r"\d|percent|\b(?:zero|nil)\b", sent.text, re.IGNORECASE):
            continue
        units = [sent]
        sub = lines(sent.text, sent.start)
        rowlike = [ln for ln in sub if find_percentages(ln.text) and not _SENTENCE_VERB.search(ln.text)]
        as_rows = len(sub) > 1 and len(rowlike) >= 2
        if as_rows:
            units = sub  # a table printed as plain lines
        for unit in units:
            perf = perf_at is not None and perf_at(unit.start)
            cand = _prose_candidate(unit, as_rows, perf)
            if cand is None and perf:
                cand = _standard_candidate(unit)
            if cand:
                out.append(cand)
    return out


# "(a) Save rate: ...", "Early cancellation - ...": a short label naming the standard.
_LABEL = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<label>[A-Z][\w'’/&() -]{2,60}?)\s*(?::|\s[-–]\s)\s*(?P<body>\S.*)$",
    re.DOTALL,
)
_BOUNDED_TARGET = re.compile(
    r"\b(?:at least|not less than|no less than|a minimum of|minimum of|no more than|not more than|"
    r"a maximum of|maximum of|not (?:to )?exceed|fewer than|under|within)\s+(?:\w+\s+){0,2}?\d+(?:\.\d+)?\s*(?:%|percent|per cent)|"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+or\s+(?:more|less|higher|lower|better|fewer|above|below|greater)|"
    r"\b(?:zero|nil|no more than (?:zero|0))\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s|[.,;]|$)",
    re.IGNORECASE,
)
_CONDITION_START = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:if|where|when|in the event|should|unless|for each)\b", re.IGNORECASE)


# A bare "Label: 20%" is no standard when it weights credits or is a one-off deadline.
_NOT_STANDARD = re.compile(
    r"\b(?:weight\w*|allocation|pool|at[- ]risk|before|prior to|no later than|go-live|launch|ramp\w*)\b", re.IGNORECASE
)


def _standard_candidate(unit: Span) -> _Candidate | None:
    """A performance standard whose metric our list does not name, in a service-level section.

    It needs a bounded target ("at least 25%", "no more than 8%", "zero calls") and
    either a short label before a colon or a commitment word; remedy and cap sentences
    ("if ... falls below", "credits shall not exceed 10%") are not standards.
    """
    s = unit.text
    if len(s) > 300 or _NOT_KPI.search(s) or _CONDITION_START.match(s) or _REMEDY.search(s) or _CAP.search(s):
        return None
    label_m = _LABEL.match(s)
    label = None
    if label_m and len(label_m.group("label").split()) <= 6 and not _SENTENCE_VERB.search(label_m.group("label")):
        label = label_m.group("label").strip()
    if label is None and not _COMMITMENT.search(s):
        return None
    target_m = None
    for m in _BOUNDED_TARGET.finditer(s):
        pct = next((p for p in find_percentages(s) if m.start() <= p.start < m.end()), None)
        if pct is not None and _is_credit(s, pct):
            continue
        target_m = m
        break
    if target_m is None and label is not None and not _NOT_STANDARD.search(s):
        body_start = label_m.start("body")
        pct = next((p for p in find_percentages(s) if p.start >= body_start and not _is_credit(s, p)), None)
        if pct is not None:
            target_m = re.compile(re.escape(s[pct.start : pct.end])).search(s, pct.start)
    if target_m is None:
        return None
    start, end = target_m.start(), target_m.end()
    th = _THRESHOLD_RE.search(s, end, min(len(s), end + 70))
    if th and not re.search(r"\d", s[end : th.start()]):
        end = th.end()
    metric = label or _metric_phrase(s[: target_m.start()]) or "performance standard"
    return _Candidate(unit.start, unit.end, s, metric, "other", s[start:end].strip(), th.group(0) if th else None, {}, "")


def _metric_phrase(before: str) -> str | None:
    """The noun phrase a standard is about: "The save rate shall be" -> "save rate"."""
    m = re.search(r"([A-Za-z][\w'’ -]{2,50}?)\s+(?:shall|will|must|is|are)\b", before)
    if not m:
        return None
    return re.sub(r"^(?:the|a|an|each|all|supplier'?s?|vendor'?s?)\s+", "", m.group(1).strip(), flags=re.IGNORECASE) or None


def _prose_candidate(unit: Span, as_row: bool = False, perf: bool = False) -> _Candidate | None:
    """A sentence naming a known metric with a numeric target.

    Outside a service-level section it must also commit ("shall", "at least"); inside
    one, "Abandonment rate: 5% or less" lines are the commitments themselves.
    """
    s = unit.text
    if not re.search(r"\d|percent", s):
        return None
    info = _metric_of(s)
    if info is None or _NOT_KPI.search(s):
        return None
    if not as_row and not perf and not _COMMITMENT.search(s):
        return None
    name, kinds, timed = info
    if name == _TIMED_SHARE_METRIC and not as_row and not perf and not _PROMISE.search(s):
        return None  # an unnamed metric outside a service-level section needs an explicit promise
    found = _target(s, kinds)
    if found is None:
        return None
    target, tstart, tend = found
    th = None
    if timed:
        th = _THRESHOLD_RE.search(s, max(0, tstart - 5), min(len(s), tend + 70)) or _THRESHOLD_RE.search(s)
    metric_re = next((r for n, r, _, _ in _METRIC_RES if n == name), _TIMED_SHARE)
    metric_match = metric_re.search(s) or re.search(re.escape(target), s)
    start, end, quote = unit.start, unit.end, s
    if len(s) > 300:  # keep the quote on the KPI itself
        lo = max(0, min(metric_match.start(), tstart) - 40)
        hi = min(len(s), max(metric_match.end(), tend) + 60)
        start, end, quote = unit.start + lo, unit.start + hi, s[lo:hi]
    metric = name
    if name == _TIMED_SHARE_METRIC:  # "Early cancellation: no more than 8% of Saves cancelled within 30 days"
        label_m = _LABEL.match(s)
        if label_m and len(label_m.group("label").split()) <= 6 and not _SENTENCE_VERB.search(label_m.group("label")):
            metric = label_m.group("label").strip()
    if as_row:
        label = re.sub(r"^[A-Z]{1,5}-?\d+[a-z]?\s+", "", s[:tstart]).strip(" :-|")
        if 3 <= len(label) <= 90:
            metric = label
    return _Candidate(start, end, quote, metric, name, target, th.group(0) if th else None, {}, "")


# ----------------------------------------------------------------------------- completeness


def _prose(text: str) -> str:
    """Drop table rows: a window or source named in another row is not this KPI's."""
    return "\n".join(line for line in text.split("\n") if CELL_SEP not in line)


def _first(regex: re.Pattern[str], *texts: str) -> str | None:
    for t in texts:
        if t:
            m = regex.search(t)
            if m:
                return m.group(0).strip()
    return None


def _cell(cells: dict[str, str], pattern: str) -> str | None:
    for head, value in cells.items():
        if re.search(pattern, head, re.IGNORECASE) and value:
            return value
    return None


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in _STOPWORDS}


def _remedy(cand: _Candidate, section_sents: list[str]) -> str | None:
    """Pick the remedy sentence that names this KPI best, else a generic one.

    A sentence about another metric ("if the service level is missed ...") is never
    given to this one; table header and intro words ("Key Measurement") count as names.
    """
    canonical = cand.canonical if cand.canonical != "other" else ""
    label = _words(cand.metric + " " + canonical + " " + cand.header)
    best: tuple[int, str] | None = None
    generic: tuple[int, str] | None = None
    for s in section_sents:
        if not _REMEDY.search(s) or _VAGUE_REMEDY.search(s):
            continue
        if not _FAILURE.search(s):
            continue
        named = _metrics_named(s)
        is_generic = bool(_GENERIC_REMEDY.search(s))
        overlap = len(label & _words(s))
        if cand.text.strip() and cand.text.strip() in s:  # "..., measured monthly; for each month below target, credit 3%"
            overlap += 3
        if cand.canonical in named:
            overlap += 2
        elif named and not is_generic and (cand.canonical != "other" or overlap < 2):
            continue
        if is_generic:
            if generic is None or overlap > generic[0]:
                generic = (overlap, s)
        elif overlap and (best is None or overlap > best[0]):
            best = (overlap, s)
    if best and (generic is None or best[0] >= generic[0]):
        return best[1]
    return generic[1] if generic else None


_FAILURE = re.compile(
    r"\b(?:miss\w*|fail\w*|below|breach\w*|not (?:met|achieved)|not \w+ed|short of|falls?|failure)\b",
    re.IGNORECASE,
)


# A numbered section larger than this is a whole schedule without numbering, not one SLA part.
_SECTION_MAX_CLAUSES = 40


def _complete(context: DocumentContext, cand: _Candidate) -> Kpi:
    """Find a candidate's window, data source, reporting, remedy and cap in its clause,
    its sibling group (``DocumentContext.sibling_group``) or the whole document."""
    document = context.document
    clause_id = context.clause_at(cand.start)
    section = context.sibling_group(clause_id)
    own = _prose(context.clause(clause_id).text) if clause_id else ""
    section_text = "\n".join(_prose(c.text) for c in section)
    section_sents = [s.text for c in section for s in context.clause_sentences(c.id) if not s.is_row]

    window = _cell(cand.cells, r"window|period|frequency|measured over") or _first(
        _WINDOW_STRONG, cand.text, cand.intro, own, section_text
    )
    data_source = _cell(cand.cells, r"source|measured by|data|tool|method") or _first(
        _DATA_SOURCE, cand.text, cand.intro, own, section_text
    )
    reporting = _first(_REPORTING, cand.text, own, section_text) or _doc_reporting(context)
    remedy_cell = _cell(cand.cells, r"credit|remedy|consequence|penalt|allocation|at[- ]risk")
    remedy_sentence = _remedy(cand, section_sents)
    remedy = None
    if remedy_cell and remedy_sentence:
        remedy = f"{remedy_cell} ({remedy_sentence})"
    else:
        remedy = remedy_cell or remedy_sentence
    if remedy is None and clause_id:  # the whole numbered section: "each breach of standard (d)..."
        numbered = context.section(clause_id)
        if len(numbered) <= _SECTION_MAX_CLAUSES:
            remedy = _remedy(cand, [s.text for c in numbered for s in context.clause_sentences(c.id)
                                    if not s.is_row])
    if remedy is None:
        doc_sents = [t for t, name in _metric_sentences(context) if name == cand.canonical]
        remedy = _remedy(cand, doc_sents)
    cap = None
    if remedy:
        for s in section_sents:
            if _CAP.search(s) and re.search(r"credit|at[- ]risk", s, re.IGNORECASE):
                cap = s
                break
    _, _, timed = METRICS.get(cand.canonical, ("", (), cand.canonical == _TIMED_SHARE_METRIC))
    missing = [] if cand.target else [KpiElement.TARGET]
    if timed and not cand.threshold and not re.search(r"\d\s*(?:seconds?|secs?|minutes?|mins?|hours?|days?)", cand.target, re.IGNORECASE):
        missing.append(KpiElement.THRESHOLD)
    for name, value in (
        (KpiElement.WINDOW, window),
        (KpiElement.DATA_SOURCE, data_source),
        (KpiElement.REPORTING, reporting),
        (KpiElement.REMEDY, remedy),
    ):
        if not value:
            missing.append(name)
    if remedy and re.search(r"credit", remedy, re.IGNORECASE) and not cap:
        missing.append(KpiElement.CAP)
    return Kpi(
        metric=_norm(cand.metric),
        target=_norm(cand.target),
        threshold=_norm(cand.threshold),
        window=_norm(window),
        data_source=_norm(data_source),
        reporting=_norm(reporting),
        remedy=_norm(remedy),
        cap=_norm(cap),
        quote=document.text[cand.start : cand.end],
        clause_id=clause_id,
        page=context.page_at(cand.start),
        start=cand.start,
        end=cand.end,
        missing=tuple(missing),
    )


def _norm(value: str | None) -> str | None:
    return re.sub(r"\s+", " ", value).strip() if value else value


def _doc_reporting(context: DocumentContext) -> str | None:
    """A performance-reporting duty anywhere in the document (a governance section),
    looked for once per document."""
    return context.memo("kpi_doc_reporting", lambda: _reporting_in(context.sentences))


def _reporting_in(sents: Sequence[Span]) -> str | None:
    for sent in sents:
        m = _REPORTING.search(sent.text)
        if m and _PERF_WORDS.search(sent.text) and not m.group(0).lower().startswith("reported to"):
            return m.group(0)
    return None


# ----------------------------------------------------------------------------- exposure


_AT_RISK = re.compile(
    r"\b(?:at[- ]risk amount|amount at risk|pool percentage|maximum (?:aggregate |total |monthly )?(?:amount of )?(?:service )?credits?|"
    r"(?:service )?credits?[^.]{0,80}(?:shall|will|may) not exceed|(?:service )?credits?[^.]{0,60}capped at|"
    r"in no event[^.]{0,80}credits?[^.]{0,60}exceed)",
    re.IGNORECASE,
)


def service_credit_exposure(extraction: Extraction, context: DocumentContext) -> dict | None:
    """Return the fees at risk from service credits, or None when the document has no credits.

    Keys: ``at_risk_percent`` (the stated at-risk amount or credit cap, as a percent of
    the fees of the measurement period, or None), ``basis`` (what that percent is of),
    ``quote``/``start``/``end``/``page``/``clause_id`` (where it is stated),
    ``credits`` (per KPI: metric and credit percent of fees, when a remedy states one),
    ``max_credit_percent`` (the most a period's credits can reach: the cap when stated,
    else the sum of the per-KPI credits) and ``capped`` (a cap or at-risk amount exists).
    """
    at_risk = None
    for sent in context.sentences:
        if sent.is_row:
            continue
        m = _AT_RISK.search(sent.text)
        if not m:
            continue
        pcts = [p for p in find_percentages(sent.text) if p.start >= m.start()]
        if not pcts:
            continue
        p = pcts[0]
        basis = re.match(r"\s*of\s+(?:the\s+)?([^.;]{0,80}?(?:fees|charges|invoice\w*|amounts?)(?:\s+(?:invoiced|payable|paid)[^.;]{0,40})?)", sent.text[p.end :], re.IGNORECASE)
        at_risk = {
            "at_risk_percent": p.value,
            "basis": basis.group(1).strip() if basis else None,
            "quote": sent.text,
            "start": sent.start,
            "end": sent.end,
            "page": context.page_at(sent.start),
            "clause_id": sent.clause_id,
        }
        break
    credits = []
    for kpi in extraction.kpis:
        if not kpi.remedy:
            continue
        percent = None
        for p in find_percentages(kpi.remedy):
            before = kpi.remedy[max(0, p.start - 40) : p.start]
            if re.search(r"credit|allocation", before, re.IGNORECASE) or re.fullmatch(r"\d+(?:\.\d+)?%", kpi.remedy[: p.end].strip()):
                percent = p.value
                break
        if percent is None and re.search(r"credit", kpi.remedy, re.IGNORECASE):
            m = re.match(r"\s*(\d+(?:\.\d+)?)\s*%", kpi.remedy)
            percent = float(m.group(1)) if m else None
        if percent is None:
            continue
        is_allocation = at_risk is not None and re.search(r"at[- ]risk|allocation", kpi.remedy, re.IGNORECASE)
        effective = percent * at_risk["at_risk_percent"] / 100 if is_allocation else percent
        credits.append({"metric": kpi.metric, "credit_percent": round(effective, 4), "stated": percent})
    if at_risk is None and not credits:
        return None
    total = round(sum(c["credit_percent"] for c in credits), 4)
    cap = at_risk["at_risk_percent"] if at_risk else None
    result = dict(at_risk or {"at_risk_percent": None, "basis": None, "quote": None, "start": None, "end": None, "page": None, "clause_id": None})
    result["credits"] = credits
    result["max_credit_percent"] = min(cap, total) if cap is not None and total else (cap if cap is not None else total)
    result["capped"] = at_risk is not None
    return result
