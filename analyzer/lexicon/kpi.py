"""KPI vocabulary: the completeness elements of a service level and the metrics contracts name.

domain.md, "KPI completeness": a KPI that cannot be scored is not a KPI. The extractor
records each element, the rules flag what is missing, and the report, compare, exports and
UI show the same seven fields, so the element names are one enum, used as-is everywhere.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

__all__ = [
    "ANY_METRIC",
    "KPI_ELEMENTS",
    "KPI_WORDS",
    "METRICS",
    "METRIC_PATTERNS",
    "KpiElement",
    "KpiMetric",
]


class KpiElement(StrEnum):
    """An element a scorable KPI states (the ``Kpi`` fields a reviewer checks), in report order."""

    TARGET = "target"
    THRESHOLD = "threshold"
    WINDOW = "window"
    DATA_SOURCE = "data_source"
    REPORTING = "reporting"
    REMEDY = "remedy"
    CAP = "cap"


KPI_ELEMENTS: tuple[KpiElement, ...] = tuple(KpiElement)


class KpiMetric(NamedTuple):
    """How the extractor recognises one canonical metric and what target it accepts."""

    pattern: str  # regex over a sentence or table row, case-insensitive
    kinds: tuple[str, ...]  # target kinds it accepts: "percent", "duration", "score"
    timed: bool  # whether a time threshold belongs to it ("80% within 20 seconds")


# canonical metric -> how the KPI extractor recognises it
METRICS: dict[str, KpiMetric] = {
    "average speed of answer": KpiMetric(r"average speed (?:of|to) answer|\bASA\b|speed of answer", ("duration", "percent"), True),
    "service level": KpiMetric(
        r"service[- ]level|\banswered (?:with)?in\b|\bcalls? (?:are |is |shall be |will be )?answered\b|\bTSF\b|"
        r"\banswer(?:s|ing)?\b[^.|]{0,40}\b(?:calls?|contacts?)\b[^.|]{0,20}\bwithin\b|"
        r"telephone service factor|\bgrade of service\b",
        ("percent",),
        True,
    ),
    "abandonment rate": KpiMetric(r"abandon\w*", ("percent",), True),
    "average handle time": KpiMetric(r"average hand(?:le|ling) time|\bAHT\b|talk time", ("duration",), False),
    "first contact resolution": KpiMetric(
        r"first[- ](?:contact|call|time)[- ]resolution|\bFCR\b|resolved (?:on|at) (?:the )?first",
        ("percent",),
        False,
    ),
    "customer satisfaction": KpiMetric(r"customer satisfaction|\bC-?SAT\b|satisfaction score", ("percent", "score"), False),
    "net promoter score": KpiMetric(r"net promoter|\bNPS\b", ("score", "percent"), False),
    "quality assurance score": KpiMetric(
        r"quality (?:assurance |monitoring |evaluation )?score|\bQA score|call quality score|quality assurance",
        ("percent", "score"),
        False,
    ),
    "schedule adherence": KpiMetric(r"schedule adherence|\badherence\b", ("percent",), False),
    "occupancy": KpiMetric(r"\boccupancy\b", ("percent",), False),
    "attrition": KpiMetric(r"\battrition\b|\bturnover\b", ("percent",), False),
    "response time": KpiMetric(
        r"response time|first response|respon\w*\s+(?:to\s+)?(?:\w+\s+){0,3}(?:e-?mails?|chats?|tickets?|messages?|web[- ]?forms?|written (?:enquiries|inquiries)|incidents?|requests?)|"
        r"(?:e-?mails?|chats?|tickets?|messages?|web[- ]?forms?)\b[^.|]{0,60}\bwithin\b|"
        r"\b(?:incidents?|requests?|tickets?)\b[^.|]{0,30}\brespon\w*\s+(?:with)?in\b|"
        r"\brespon\w*\s+within\b[^.|]{0,40}\bfor\s+\d+(?:\.\d+)?\s*%",
        ("percent", "duration"),
        True,
    ),
    "accuracy": KpiMetric(r"accura\w+|\bcorrectly\b|error[- ]free|error rate", ("percent",), False),
    "blocked calls": KpiMetric(r"blocked calls?|busy signals?|call blockage|\bblockage\b", ("percent",), False),
    "availability": KpiMetric(r"\buptime\b|availability|system(?:s)? (?:shall be |will be |are )?available", ("percent",), False),
    "resolution rate": KpiMetric(r"resolution rate|resolved within", ("percent",), True),
    "conversion rate": KpiMetric(
        r"\b(?:conversion|save|retention|cure|close|win|take[- ]up|upsell|cross[- ]sell|right[- ]party[- ]contact|"
        r"promise[- ]to[- ]pay|collection|recovery|cancellation|churn|complaint|repeat[- ]contact|transfer|escalation)\s+rates?\b",
        ("percent",),
        False,
    ),
}

# How bids line up in one comparison row: (row key, row label, regex over the KPI's own
# lower-cased wording), first match wins. Coarser than ``METRICS`` on purpose (CSAT and NPS
# share a row, "transfers" have one); kept apart from it because deriving the rows from
# ``METRICS`` would rename and regroup the rows of every comparison.
METRIC_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("service_level", "Service level",
     r"service level|answered (?:with)?in|\bgos\b|grade of service"),
    ("asa", "Average speed of answer", r"speed of answer|\basa\b"),
    ("abandonment", "Abandonment rate", r"abandon"),
    ("aht", "Average handle time", r"handle time|handling time|\baht\b"),
    ("fcr", "First contact resolution", r"first (?:contact|call) resolution|\bfcr\b"),
    ("csat", "Customer satisfaction", r"satisfaction|\bcsat\b|\bnps\b|net promoter"),
    ("qa", "Quality score", r"quality"),
    ("adherence", "Schedule adherence", r"adherence"),
    ("attrition", "Attrition", r"attrition|turnover"),
    ("blocked", "Blocked calls", r"blocked|busy signal"),
    ("response_time", "Email / chat response", r"e-?mail|chat|response time|written"),
    ("accuracy", "Accuracy", r"accura"),
    ("transfer", "Transfers", r"transfer"),
    ("availability", "Availability / uptime", r"availab|uptime"),
)

# Any metric of ``METRICS``: the extractor's first test of a sentence or row.
ANY_METRIC = re.compile("|".join(f"(?:{m.pattern})" for m in METRICS.values()), re.IGNORECASE)

# Words that make a sentence with a number a service metric, for the rule predicates that
# read text when the Extraction is empty (rule examples, hand-built documents): every
# metric the extractor knows, plus the looser cue words the rules used before ("quality",
# "score", "response", "transfers").
KPI_WORDS = re.compile(
    r"\b(answer\w*|abandon\w*|resolution|resolved|satisfaction|csat|nps|quality|qa\b|"
    r"adherence|accuracy|service level|response|respond\w*|attrition|transfer\w*|"
    r"speed of answer|asa\b|aht\b|handle time|first[- ]c\w+ resolution|fcr\b|score)|"
    + ANY_METRIC.pattern,
    re.IGNORECASE,
)
