"""Side-by-side comparison of bids under one volume scenario the user states.

Procurement asks three questions of three to five bids answering the same request: which is
cheapest for *our* volumes, what does each vendor commit to, and where are the extras. This
module answers them with pure functions over ``AnalysisResult``s, following the
normalisation formulas of ``domain.md``:

- productive (logged-in) hours needed ``H = contacts x AHT / 60 / occupancy``;
- an hourly rate per handled minute ``R / (60 x occupancy)``;
- a per-FTE monthly fee per productive hour ``F / (paid hours x (1 - shrinkage))``.

Every number carries the assumption that produced it (``Comparison.assumptions``) because a
comparison whose assumptions are hidden cannot be checked or negotiated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from analyzer.lexicon.kpi import KPI_ELEMENTS, METRIC_PATTERNS
from analyzer.types import (
    AnalysisResult,
    ClauseType,
    FlagCategory,
    Kpi,
    RateItem,
    RateUnit,
    Severity,
)

# Units whose cost grows with the workload; one of them is a bid's headline price.
VOLUME_UNITS = (
    RateUnit.PRODUCTIVE_HOUR,
    RateUnit.MINUTE,
    RateUnit.CALL,
    RateUnit.TRANSACTION,
    RateUnit.FTE_MONTH,
)
RECURRING_UNITS = VOLUME_UNITS + (RateUnit.MONTH,)
FEE_BEARING_TYPES = (ClauseType.EXPENSES, ClauseType.PRICE_ADJUSTMENT, ClauseType.TAXES)
# "Team leader (1 per 12 agents)": a supervisor priced per FTE but staffed at a ratio
RATIO_PATTERN = re.compile(r"\b1\s*(?:per|:|for every|for each|to)\s*(\d{1,3})\b", re.IGNORECASE)
# reserved / standby capacity is billed per reserved agent, a number the scenario lacks
RESERVED_PATTERN = re.compile(r"\b(?:reserved|retainer|standby|stand-by|on[- ]call)\b",
                              re.IGNORECASE)


def staffing_ratio(rate: RateItem) -> int | None:
    """Return N when a per-FTE line is staffed one per N agents (team leaders, QA)."""
    if rate.unit != RateUnit.FTE_MONTH:
        return None
    for text in (rate.item, rate.condition or "", rate.quote):
        match = RATIO_PATTERN.search(text)
        if match and int(match.group(1)) > 1:
            return int(match.group(1))
    return None


def is_reserved_capacity(rate: RateItem) -> bool:
    """Return True for a charge per reserved (standby) agent rather than per working FTE."""
    return bool(RESERVED_PATTERN.search(f"{rate.item} {rate.condition or ''}"))


# --------------------------------------------------------------------------- scenario


@dataclass(frozen=True, slots=True)
class VolumeScenario:
    """The buyer's volume assumptions; every cost in a comparison follows from them.

    Attributes:
        contacts_per_month: handled contacts (calls, chats, emails) per month.
        aht_minutes: average handle time (talk + wrap) in minutes.
        occupancy: share of logged-in time spent handling contacts (0-1].
        shrinkage: share of paid time not logged in (breaks, training, absence) [0-1).
        hours_of_operation: hours per month the service is open; at least one agent is
            staffed for all of them (24x7 is about 730).
        term_months: contract term the total cost is computed over.
        paid_hours_per_fte_month: paid hours of one full-time agent per month.
    """

    contacts_per_month: float = 30_000.0
    aht_minutes: float = 6.0
    occupancy: float = 0.80
    shrinkage: float = 0.30
    hours_of_operation: float = 730.0
    term_months: int = 36
    paid_hours_per_fte_month: float = 173.0

    def __post_init__(self) -> None:
        """Reject values that make the formulas meaningless, naming the field to fix."""
        if self.contacts_per_month < 0:
            raise ValueError("contacts_per_month must be >= 0")
        if self.aht_minutes <= 0:
            raise ValueError("aht_minutes must be > 0")
        if not 0 < self.occupancy <= 1:
            raise ValueError("occupancy must be in (0, 1], e.g. 0.8 for 80%")
        if not 0 <= self.shrinkage < 1:
            raise ValueError("shrinkage must be in [0, 1), e.g. 0.3 for 30%")
        if self.hours_of_operation < 0:
            raise ValueError("hours_of_operation must be >= 0")
        if self.term_months < 1:
            raise ValueError("term_months must be >= 1")
        if self.paid_hours_per_fte_month <= 0:
            raise ValueError("paid_hours_per_fte_month must be > 0")

    @property
    def handled_minutes(self) -> float:
        """Return handled minutes per month (contacts x AHT)."""
        return self.contacts_per_month * self.aht_minutes

    @property
    def workload_hours(self) -> float:
        """Return productive hours the workload needs: contacts x AHT / 60 / occupancy."""
        return self.handled_minutes / 60.0 / self.occupancy

    @property
    def productive_hours(self) -> float:
        """Return billable productive hours: the workload, but never below opening hours."""
        return max(self.workload_hours, self.hours_of_operation)

    @property
    def productive_hours_per_fte(self) -> float:
        """Return productive hours one FTE gives per month: paid hours x (1 - shrinkage)."""
        return self.paid_hours_per_fte_month * (1.0 - self.shrinkage)

    @property
    def fte(self) -> float:
        """Return FTEs needed to staff the productive hours."""
        return self.productive_hours / self.productive_hours_per_fte

    def scaled(self, volume: float = 1.0, aht: float = 1.0) -> VolumeScenario:
        """Return this scenario with volume and AHT multiplied (for sensitivity)."""
        return replace(
            self,
            contacts_per_month=self.contacts_per_month * volume,
            aht_minutes=self.aht_minutes * aht,
        )

    def describe(self) -> tuple[str, ...]:
        """Return the assumptions and derived quantities as sentences a reader can check."""
        return (
            f"Volume: {self.contacts_per_month:,.0f} handled contacts per month at an average "
            f"handle time of {self.aht_minutes:g} minutes ({self.handled_minutes:,.0f} handled "
            "minutes).",
            f"Occupancy {self.occupancy:.0%}: productive hours needed = contacts x AHT / 60 / "
            f"occupancy = {self.workload_hours:,.1f} h per month.",
            f"Hours of operation: {self.hours_of_operation:,.0f} h per month; at least one agent "
            f"is staffed throughout, so billable productive hours = {self.productive_hours:,.1f}.",
            f"Shrinkage {self.shrinkage:.0%} on {self.paid_hours_per_fte_month:g} paid hours per "
            f"FTE-month = {self.productive_hours_per_fte:,.1f} productive hours per FTE, so "
            f"{self.fte:,.2f} FTE are needed.",
            f"Term: {self.term_months} months; escalators compound on each contract anniversary.",
        )


# --------------------------------------------------------------------------- rates


@dataclass(frozen=True, slots=True)
class NormalisedRate:
    """One priced item expressed in the common units under a scenario.

    ``per_contact`` is the common unit bids are ranked by; ``None`` where a unit cannot be
    converted (one-time fees, percentages, unknown units).
    """

    bid: str
    item: str
    amount: float
    currency: str | None
    unit: RateUnit
    kind: str
    per_productive_hour: float | None
    per_handled_minute: float | None
    per_contact: float | None
    monthly_cost: float | None
    role: str  # headline | alternative | add-on | one-time | escalator | minimum | formula
    quote: str
    clause_id: str | None
    page: int


def normalise_rate(rate: RateItem, scenario: VolumeScenario, bid: str = "") -> NormalisedRate:
    """Express one rate in cost per productive hour, per handled minute and per contact.

    Args:
        rate: the extracted rate item.
        scenario: the volume assumptions.
        bid: the bid name carried into the row.

    Returns:
        The normalised rate; ``role`` is set to its kind until a bid model assigns one.
    """
    s = scenario
    hour = minute = contact = monthly = None
    unit = rate.unit
    if unit == RateUnit.PRODUCTIVE_HOUR:
        hour = rate.amount
        monthly = rate.amount * s.productive_hours
    elif unit == RateUnit.MINUTE:
        minute = rate.amount
        hour = rate.amount * 60.0 * s.occupancy
        monthly = rate.amount * s.handled_minutes
    elif unit in (RateUnit.CALL, RateUnit.TRANSACTION):
        contact = rate.amount
        minute = rate.amount / s.aht_minutes
        hour = minute * 60.0 * s.occupancy
        monthly = rate.amount * s.contacts_per_month
    elif unit == RateUnit.FTE_MONTH:
        hour = rate.amount / s.productive_hours_per_fte
        ratio = staffing_ratio(rate)
        monthly = rate.amount * s.fte / (ratio or 1)
    elif unit == RateUnit.MONTH:
        monthly = rate.amount
        if s.productive_hours:
            hour = rate.amount / s.productive_hours
    if hour is not None and minute is None:
        minute = hour / (60.0 * s.occupancy)
    if minute is not None and contact is None:
        contact = minute * s.aht_minutes
    return NormalisedRate(
        bid=bid,
        item=rate.item,
        amount=rate.amount,
        currency=rate.currency,
        unit=unit,
        kind=rate.kind,
        per_productive_hour=hour,
        per_handled_minute=minute,
        per_contact=contact,
        monthly_cost=monthly,
        role=rate.kind,
        quote=rate.quote,
        clause_id=rate.clause_id,
        page=rate.page,
    )


# --------------------------------------------------------------------------- bid cost


@dataclass(frozen=True, slots=True)
class BidCost:
    """The cost of one bid under a scenario, with the pieces that make it up."""

    bid: str
    currency: str | None
    headline_item: str | None
    headline_unit: RateUnit | None
    base_monthly: float | None
    addons_monthly: float
    minimum_monthly: float | None
    monthly_year1: float | None
    one_time_total: float
    escalator_pct: float
    term_cost: float | None
    average_monthly: float | None
    cost_per_contact: float | None
    notes: tuple[str, ...] = ()


def _is_percent(rate: RateItem) -> bool:
    return rate.unit == RateUnit.PERCENT


def _is_one_time(rate: RateItem) -> bool:
    return rate.unit == RateUnit.ONE_TIME or rate.kind == "one_time"


def _is_escalator(rate: RateItem) -> bool:
    return rate.kind == "escalator" and _is_percent(rate)


def classify_rates(
    rates: Sequence[RateItem], headline_index: int | None = None
) -> tuple[str, ...]:
    """Give each rate its role in the cost model, in input order.

    The headline is the first rate-card line priced in a volume unit (the document's main
    price; vendors list the primary language or service first) unless ``headline_index``
    picks another. Other rate-card lines are alternatives shown for reference, not added,
    because adding them would count the same contacts twice. Two exceptions: a per-FTE line
    staffed at a ratio ("team leader, 1 per 12 agents") is added at that ratio, and a charge
    per reserved or standby agent stays a formula, since the scenario has no such count.

    Returns:
        One of ``headline``, ``alternative``, ``add-on``, ``one-time``, ``escalator``,
        ``minimum`` or ``formula`` per rate.
    """
    if headline_index is None:
        for i, rate in enumerate(rates):
            if rate.kind == "rate" and rate.unit in VOLUME_UNITS and not rate.condition:
                headline_index = i
                break
        else:
            for i, rate in enumerate(rates):
                if rate.kind == "rate" and rate.unit in VOLUME_UNITS:
                    headline_index = i
                    break
    roles = []
    for i, rate in enumerate(rates):
        if i == headline_index:
            roles.append("headline")
        elif staffing_ratio(rate) and not rate.condition:
            roles.append("add-on")  # supervisors on top of the agents, at their ratio
        elif rate.unit == RateUnit.FTE_MONTH and is_reserved_capacity(rate):
            roles.append("formula")
        elif _is_escalator(rate):
            roles.append("escalator")
        elif _is_one_time(rate):
            roles.append("one-time")
        elif _is_percent(rate) or rate.unit == RateUnit.UNKNOWN or rate.condition:
            roles.append("formula")
        elif rate.kind == "minimum":
            roles.append("minimum" if rate.unit == RateUnit.MONTH else "formula")
        elif rate.kind == "rate":
            roles.append("alternative")
        elif rate.unit in RECURRING_UNITS:
            roles.append("add-on")
        else:
            roles.append("formula")
    return tuple(roles)


def cost_bid(
    bid: str,
    rates: Sequence[RateItem],
    scenario: VolumeScenario,
    headline_index: int | None = None,
) -> BidCost:
    """Compute a bid's monthly and term cost under the scenario.

    Monthly cost = headline rate x normalised units + recurring add-ons, floored at a
    monthly minimum; the term cost compounds the largest escalator on each anniversary and
    adds one-time fees. Percent surcharges and conditional charges are not guessed: they
    stay in the hidden-cost ledger as formulas.

    Args:
        bid: the bid name.
        rates: the bid's extracted rate items.
        scenario: the volume assumptions.
        headline_index: index in ``rates`` of the headline price, to override the default.

    Returns:
        The bid cost; ``None`` totals when the bid has no volume-priced headline.
    """
    roles = classify_rates(rates, headline_index)
    notes: list[str] = []
    currencies = sorted({r.currency for r in rates if r.currency})
    currency = currencies[0] if currencies else None
    if len(currencies) > 1:
        notes.append(f"Mixed currencies {', '.join(currencies)}: amounts are not converted.")
    base = None
    headline_item = None
    headline_unit = None
    addons = 0.0
    minimum = None
    one_time = 0.0
    escalator = 0.0
    for rate, role in zip(rates, roles):
        norm = normalise_rate(rate, scenario, bid)
        if role == "headline":
            base = norm.monthly_cost
            headline_item, headline_unit = rate.item, rate.unit
        elif role == "add-on" and norm.monthly_cost is not None:
            addons += norm.monthly_cost
        elif role == "one-time":
            one_time += rate.amount
        elif role == "escalator":
            escalator = max(escalator, rate.amount)
        elif role == "minimum":
            minimum = max(minimum or 0.0, rate.amount)
    alternatives = roles.count("alternative")
    if headline_item is not None:
        notes.append(f"Headline price: '{headline_item}' applied to all contacts.")
    else:
        notes.append("No rate-card line priced per hour, minute, call, transaction or FTE.")
    if alternatives:
        notes.append(
            f"{alternatives} other rate-card line(s) shown for reference, not added "
            "(choose another headline to price a different mix)."
        )
    if roles.count("formula"):
        notes.append(
            f"{roles.count('formula')} percentage or conditional charge(s) not in the total: "
            "see the hidden-cost ledger."
        )
    if escalator:
        notes.append(f"Escalator of {escalator:g}% compounded on each anniversary.")
    if base is None:
        return BidCost(
            bid, currency, None, None, None, addons, minimum, None, one_time, escalator,
            None, None, None, tuple(notes),
        )
    monthly = base + addons
    if minimum is not None and minimum > monthly:
        notes.append(f"Monthly minimum of {minimum:,.2f} applies at this volume.")
        monthly = minimum
    term = one_time
    for month in range(scenario.term_months):
        term += monthly * (1.0 + escalator / 100.0) ** (month // 12)
    per_contact = monthly / scenario.contacts_per_month if scenario.contacts_per_month else None
    return BidCost(
        bid=bid,
        currency=currency,
        headline_item=headline_item,
        headline_unit=headline_unit,
        base_monthly=base,
        addons_monthly=addons,
        minimum_monthly=minimum,
        monthly_year1=monthly,
        one_time_total=one_time,
        escalator_pct=escalator,
        term_cost=term,
        average_monthly=term / scenario.term_months,
        cost_per_contact=per_contact,
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------- sensitivity


SENSITIVITY_CASES = (
    ("base", 1.0, 1.0),
    ("volume -20%", 0.8, 1.0),
    ("volume +20%", 1.2, 1.0),
    ("AHT -10%", 1.0, 0.9),
    ("AHT +10%", 1.0, 1.1),
)


@dataclass(frozen=True, slots=True)
class SensitivityRow:
    """A bid's cost when volume or AHT moves away from the scenario."""

    bid: str
    case: str
    monthly_year1: float | None
    term_cost: float | None
    change_pct: float | None


def sensitivity(
    bid: str,
    rates: Sequence[RateItem],
    scenario: VolumeScenario,
    headline_index: int | None = None,
) -> tuple[SensitivityRow, ...]:
    """Return the bid's cost for volume +/-20% and AHT +/-10% against the base case."""
    rows = []
    base_term = None
    for case, volume, aht in SENSITIVITY_CASES:
        cost = cost_bid(bid, rates, scenario.scaled(volume, aht), headline_index)
        if case == "base":
            base_term = cost.term_cost
        change = None
        if cost.term_cost is not None and base_term:
            change = (cost.term_cost / base_term - 1.0) * 100.0
        rows.append(SensitivityRow(bid, case, cost.monthly_year1, cost.term_cost, change))
    return tuple(rows)


# --------------------------------------------------------------------------- ledger


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One fee-bearing item of a bid: priced, a formula, or referenced but unpriced."""

    bid: str
    item: str
    status: str  # priced | formula | unpriced
    amount: float | None
    currency: str | None
    unit: str | None
    monthly_estimate: float | None
    in_total: bool
    source: str  # rate card | flag | clause
    clause_id: str | None
    clause_label: str
    page: int | None
    quote: str


def _clause_label(result: AnalysisResult, clause_id: str | None) -> str:
    if not clause_id:
        return ""
    try:
        clause = result.document.clause(clause_id)
    except KeyError:
        return clause_id
    parts = [p for p in (clause.number, clause.heading) if p]
    return " ".join(parts) if parts else clause_id


def hidden_cost_ledger(
    bid: str,
    result: AnalysisResult,
    scenario: VolumeScenario,
    headline_index: int | None = None,
) -> tuple[LedgerEntry, ...]:
    """List every fee-bearing item of a bid beyond its headline rate.

    Three sources, so nothing fee-bearing is silently dropped: priced extras from the rate
    card (in the total unless they are formulas), ``hidden_cost`` and ``vague_pricing``
    flags whose quote is not already a priced item (referenced but unpriced), and expense,
    tax and price-adjustment clauses with neither an amount nor a flag.
    """
    rates = result.extraction.rates
    roles = classify_rates(rates, headline_index)
    entries: list[LedgerEntry] = []
    for rate, role in zip(rates, roles):
        if role in ("headline", "alternative"):
            continue
        norm = normalise_rate(rate, scenario, bid)
        formula = role == "formula"
        entries.append(
            LedgerEntry(
                bid=bid,
                item=rate.item + (f" ({rate.condition})" if rate.condition else ""),
                status="formula" if formula or role == "escalator" else "priced",
                amount=rate.amount,
                currency=rate.currency,
                unit=rate.unit.value,
                monthly_estimate=norm.monthly_cost if role in ("add-on", "minimum") else None,
                in_total=not formula,
                source="rate card",
                clause_id=rate.clause_id,
                clause_label=_clause_label(result, rate.clause_id),
                page=rate.page,
                quote=rate.quote,
            )
        )
    spans = [(r.start, r.end) for r in rates]
    flagged_clauses: set[str] = set()
    for finding in result.findings:
        if finding.category not in (FlagCategory.HIDDEN_COST, FlagCategory.VAGUE_PRICING):
            continue
        if finding.clause_id:
            flagged_clauses.add(finding.clause_id)
        ev = finding.evidence[0] if finding.evidence else None
        if ev is not None and any(s < ev.end and ev.start < e for s, e in spans):
            continue  # already a priced or formula line above
        entries.append(
            LedgerEntry(
                bid=bid,
                item=finding.message,
                status="unpriced",
                amount=None,
                currency=None,
                unit=None,
                monthly_estimate=None,
                in_total=False,
                source=f"flag {finding.rule_id}",
                clause_id=finding.clause_id,
                clause_label=_clause_label(result, finding.clause_id),
                page=finding.page,
                quote=finding.quote,
            )
        )
    priced_clauses = {r.clause_id for r in rates if r.clause_id}
    for cls in result.classifications:
        if cls.label not in FEE_BEARING_TYPES:
            continue
        if cls.clause_id in priced_clauses or cls.clause_id in flagged_clauses:
            continue
        try:
            clause = result.document.clause(cls.clause_id)
        except KeyError:
            continue
        entries.append(
            LedgerEntry(
                bid=bid,
                item=f"{cls.label.value.replace('_', ' ')} clause without an amount",
                status="unpriced",
                amount=None,
                currency=None,
                unit=None,
                monthly_estimate=None,
                in_total=False,
                source="clause",
                clause_id=clause.id,
                clause_label=_clause_label(result, clause.id),
                page=clause.page_start,
                quote=clause.text[:200],
            )
        )
    return tuple(entries)


# --------------------------------------------------------------------------- KPIs


def metric_key(metric: str) -> tuple[str, str]:
    """Map a KPI's own wording to a canonical metric so bids line up in one row."""
    low = metric.lower()
    for key, label, pattern in METRIC_PATTERNS:
        if re.search(pattern, low):
            return key, label
    text = re.sub(r"\s+", " ", metric).strip()
    return "other:" + low.strip(), text[:60] or "Other"


def kpi_completeness(kpi: Kpi) -> tuple[float, tuple[str, ...]]:
    """Return the share of the seven completeness fields present, and the ones missing.

    domain.md: a scorable KPI has target, threshold, window, data source, reporting,
    remedy and cap; a KPI missing them cannot be enforced.
    """
    missing = tuple(e for e in KPI_ELEMENTS if not getattr(kpi, e))
    return (len(KPI_ELEMENTS) - len(missing)) / len(KPI_ELEMENTS), missing


@dataclass(frozen=True, slots=True)
class KpiCommitment:
    """One KPI a bid commits to, with its completeness."""

    bid: str
    metric_key: str
    metric_label: str
    metric: str
    target: str | None
    window: str | None
    remedy: str | None
    completeness: float
    missing: tuple[str, ...]
    clause_id: str | None
    page: int
    quote: str


def kpi_commitments(bid: str, result: AnalysisResult) -> tuple[KpiCommitment, ...]:
    """Return the bid's KPIs mapped to canonical metrics with their completeness."""
    rows = []
    for kpi in result.extraction.kpis:
        key, label = metric_key(kpi.metric)
        share, missing = kpi_completeness(kpi)
        rows.append(
            KpiCommitment(
                bid, key, label, kpi.metric, kpi.target, kpi.window, kpi.remedy, share,
                missing, kpi.clause_id, kpi.page, kpi.quote,
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------- RACI


@dataclass(frozen=True, slots=True)
class RaciEntry:
    """Who is responsible for one obligation, under a topic (the clause's type)."""

    bid: str
    topic: str
    party: str
    role: str  # R | R (joint) | right | unassigned
    modal: str
    action: str
    clause_id: str | None
    clause_label: str
    page: int
    quote: str


def _topic(result: AnalysisResult, clause_id: str | None) -> str:
    for cls in result.classifications:
        if cls.clause_id == clause_id:
            return cls.label.value.replace("_", " ")
    return "other"


def raci(bid: str, result: AnalysisResult) -> tuple[RaciEntry, ...]:
    """Return the obligations as responsibility entries.

    A duty with a named agent is ``R``; a joint duty ("the parties will work together")
    is ``R (joint)``; a passive duty with no agent ("reports will be provided") is
    ``unassigned``, the undefined responsibility a reviewer must fix; a permissive modal
    ("may") is a ``right``, not a duty.
    """
    rows = []
    for ob in result.extraction.obligations:
        if ob.party is None or (ob.passive and not ob.party):
            party, role = "(nobody named)", "unassigned"
        elif ob.joint:
            party, role = ob.party, "R (joint)"
        elif ob.modal.lower() in ("may", "can", "is entitled to", "may elect to"):
            party, role = ob.party, "right"
        else:
            party, role = ob.party, "R"
        rows.append(
            RaciEntry(
                bid, _topic(result, ob.clause_id), party, role, ob.modal, ob.action,
                ob.clause_id, _clause_label(result, ob.clause_id), ob.page, ob.quote,
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------- flags


@dataclass(frozen=True, slots=True)
class FlagCell:
    """Flags of one category in one bid: how many and the worst severity."""

    bid: str
    category: FlagCategory
    count: int
    worst: Severity | None


def flag_matrix(bid: str, result: AnalysisResult) -> tuple[FlagCell, ...]:
    """Return one cell per flag category (all eight, zeros included) for a bid."""
    cells = []
    for category in FlagCategory:
        found = [f for f in result.findings if f.category == category]
        worst = max((f.severity for f in found), key=lambda s: s.rank, default=None)
        cells.append(FlagCell(bid, category, len(found), worst))
    return tuple(cells)


# --------------------------------------------------------------------------- compare


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything procurement needs to line bids up, with the assumptions used."""

    scenario: VolumeScenario
    bids: tuple[str, ...]
    costs: tuple[BidCost, ...]
    rates: tuple[NormalisedRate, ...]
    sensitivity: tuple[SensitivityRow, ...]
    ledger: tuple[LedgerEntry, ...]
    kpis: tuple[KpiCommitment, ...]
    raci: tuple[RaciEntry, ...]
    flags: tuple[FlagCell, ...]
    assumptions: tuple[str, ...]


def bid_names(results: Sequence[AnalysisResult]) -> tuple[str, ...]:
    """Return a unique, readable name per bid (the file name, numbered on a clash)."""
    names: list[str] = []
    for result in results:
        name = result.document.source.name or result.document.title or "bid"
        candidate, n = name, 2
        while candidate in names:
            candidate, n = f"{name} ({n})", n + 1
        names.append(candidate)
    return tuple(names)


def compare_bids(
    results: Sequence[AnalysisResult],
    scenario: VolumeScenario,
    headlines: Mapping[str, int] | None = None,
) -> Comparison:
    """Compare two to five bids under one scenario.

    Args:
        results: the analysed bids, in the order to show them.
        scenario: the buyer's volume assumptions.
        headlines: optional bid name -> index of the rate item to use as headline price.

    Returns:
        The comparison with costs, normalised rates, sensitivity, hidden-cost ledger,
        KPI commitments, responsibilities, the category x bid flag matrix and assumptions.

    Raises:
        ValueError: fewer than two or more than five bids.
    """
    if not 2 <= len(results) <= 5:
        raise ValueError(f"compare needs 2 to 5 bids, got {len(results)}")
    headlines = dict(headlines or {})
    names = bid_names(results)
    costs, rates, sens, ledger, kpis, resp, flags = [], [], [], [], [], [], []
    for name, result in zip(names, results):
        head = headlines.get(name)
        items = result.extraction.rates
        roles = classify_rates(items, head)
        costs.append(cost_bid(name, items, scenario, head))
        rates.extend(
            replace(normalise_rate(r, scenario, name), role=role) for r, role in zip(items, roles)
        )
        sens.extend(sensitivity(name, items, scenario, head))
        ledger.extend(hidden_cost_ledger(name, result, scenario, head))
        kpis.extend(kpi_commitments(name, result))
        resp.extend(raci(name, result))
        flags.extend(flag_matrix(name, result))
    assumptions = scenario.describe() + (
        "Rates are normalised to cost per handled contact; an hourly rate per handled minute "
        "is R / (60 x occupancy) and an FTE-month fee per productive hour is "
        "F / (paid hours x (1 - shrinkage)).",
        "Monthly cost = headline rate x normalised units + recurring fees (floored at a monthly "
        "minimum); term cost adds one-time fees and compounds escalators yearly.",
        "Percentage surcharges, premiums and conditional charges are not priced: they depend "
        "on volumes the scenario does not state. They are listed in the hidden-cost ledger.",
        "Each vendor's own definition of a 'productive hour' may differ; an undefined "
        "productive hour is itself a pricing risk.",
        "Volume is the same every month: for seasonal peaks enter the average month and use "
        "the sensitivity rows for the peaks.",
    )
    currencies = {c.currency for c in costs if c.currency}
    if len(currencies) > 1:
        assumptions += (
            f"Bids are in different currencies ({', '.join(sorted(currencies))}); "
            "no exchange rate is applied.",
        )
    return Comparison(
        scenario=scenario,
        bids=names,
        costs=tuple(costs),
        rates=tuple(rates),
        sensitivity=tuple(sens),
        ledger=tuple(ledger),
        kpis=tuple(kpis),
        raci=tuple(resp),
        flags=tuple(flags),
        assumptions=assumptions,
    )
