"""Typed, frozen data that flows through the pipeline.

ingest -> Block -> segment -> Document(Clause, Table) -> classify -> Classification
-> extract (RateItem, Kpi, Obligation, Reference) -> rules -> Finding -> AnalysisResult.
Every stage maps immutable inputs to immutable outputs; serialisation lives in
``analyzer.report`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ClauseType(StrEnum):
    """Clause types of ``../shared/taxonomy.md`` plus ``other`` below the threshold."""

    PREAMBLE = "preamble"
    DEFINITIONS = "definitions"
    SCOPE_OF_SERVICES = "scope_of_services"
    SERVICE_LEVELS = "service_levels"
    REPORTING_GOVERNANCE = "reporting_governance"
    RESPONSIBILITIES = "responsibilities"
    PERSONNEL_TRAINING = "personnel_training"
    FEES_PRICING = "fees_pricing"
    PAYMENT_INVOICING = "payment_invoicing"
    EXPENSES = "expenses"
    TAXES = "taxes"
    PRICE_ADJUSTMENT = "price_adjustment"
    VOLUME_COMMITMENT = "volume_commitment"
    TERM_RENEWAL = "term_renewal"
    TERMINATION = "termination"
    EXIT_TRANSITION = "exit_transition"
    CONFIDENTIALITY = "confidentiality"
    DATA_PROTECTION = "data_protection"
    AUDIT_RECORDS = "audit_records"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    WARRANTIES = "warranties"
    INDEMNIFICATION = "indemnification"
    LIMITATION_OF_LIABILITY = "limitation_of_liability"
    INSURANCE = "insurance"
    COMPLIANCE = "compliance"
    DISPUTE_RESOLUTION = "dispute_resolution"
    GOVERNING_LAW = "governing_law"
    FORCE_MAJEURE = "force_majeure"
    ASSIGNMENT_SUBCONTRACTING = "assignment_subcontracting"
    RESTRICTIVE_COVENANTS = "restrictive_covenants"
    CHANGE_CONTROL = "change_control"
    NOTICES = "notices"
    GENERAL_PROVISIONS = "general_provisions"
    SIGNATURE = "signature"
    OTHER = "other"


class FlagCategory(StrEnum):
    """The public flag vocabulary (exact names)."""

    MISSING_KPI = "missing_kpi"
    UNDEFINED_RESPONSIBILITY = "undefined_responsibility"
    VAGUE_PRICING = "vague_pricing"
    HIDDEN_COST = "hidden_cost"
    TRAINING_GAP = "training_gap"
    GOVERNANCE_GAP = "governance_gap"
    DATA_SECURITY_GAP = "data_security_gap"
    EXIT_GAP = "exit_gap"


CORE_CATEGORIES = (
    FlagCategory.MISSING_KPI,
    FlagCategory.UNDEFINED_RESPONSIBILITY,
    FlagCategory.VAGUE_PRICING,
    FlagCategory.HIDDEN_COST,
)
GAP_CATEGORIES = (
    FlagCategory.TRAINING_GAP,
    FlagCategory.GOVERNANCE_GAP,
    FlagCategory.DATA_SECURITY_GAP,
    FlagCategory.EXIT_GAP,
)


class Severity(StrEnum):
    """How much a finding matters to a reviewer; members are declared from least to most."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Return the order of severity (LOW 0 < MEDIUM 1 < HIGH 2): the one severity order.

        Sorting, merging and "worst of" all read it, so a new level cannot leave one of
        them behind.
        """
        return tuple(Severity).index(self)


class FileFormat(StrEnum):
    """Input formats the analyzer reads."""

    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


class BlockKind(StrEnum):
    """What an ingested block is: a PDF/TXT line, a DOCX paragraph, or a table."""

    LINE = "line"
    PARAGRAPH = "paragraph"
    TABLE = "table"


class RateUnit(StrEnum):
    """Units a price is quoted in (the sample labels' vocabulary)."""

    PRODUCTIVE_HOUR = "productive_hour"
    MINUTE = "minute"
    CALL = "call"
    FTE_MONTH = "fte_month"
    TRANSACTION = "transaction"
    MONTH = "month"
    ONE_TIME = "one_time"
    PERCENT = "percent"
    UNKNOWN = "unknown"


class FileStatus(StrEnum):
    """Outcome of one file in a batch (Docling's ConversionStatus)."""

    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a document came from."""

    name: str
    path: str
    sha256: str
    file_format: FileFormat
    size_bytes: int
    page_count: int


@dataclass(frozen=True, slots=True)
class Table:
    """A table as rows of cell strings; rate cards and SLA tables live here."""

    index: int
    rows: tuple[tuple[str, ...], ...]
    page: int
    page_end: int
    clause_id: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit read from a file, in reading order, before segmentation.

    PDF and TXT give one block per text line (headers, footers and page numbers already
    removed); DOCX gives one block per paragraph, with Word's auto-number resolved into
    ``numbering``; tables are blocks of kind TABLE carrying a ``Table``.
    """

    index: int
    text: str
    page: int
    kind: BlockKind = BlockKind.LINE
    style: str | None = None
    is_bold: bool = False
    font_size: float | None = None
    numbering: str | None = None
    numbering_level: int | None = None
    docx_index: int | None = None
    table: Table | None = None
    gap_before: bool = False


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest returns: the blocks of one file plus its metadata."""

    source: SourceInfo
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- profile


class ContractType(StrEnum):
    """What kind of deal a contract is; the document-level checks depend on it."""

    OUTSOURCING = "outsourcing"
    SERVICES = "services"
    HOSTING = "hosting"
    MAINTENANCE = "maintenance"
    CONSULTING = "consulting"
    TRANSPORTATION = "transportation"
    SUPPLY = "supply"
    EMPLOYMENT = "employment"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ContractProfile:
    """The kind of contract and who buys and who sells, with the reasons for each.

    ``customer`` / ``vendor`` are the names the contract uses for the parties in its body:
    the defined term when there is one ("Company", "Supplier", "ION"), else the party's name.
    ``customer_name`` / ``vendor_name`` are the full names from the preamble, when found.
    ``evidence`` holds one short line per decision ("title: 'OUTSOURCING AGREEMENT'").
    """

    contract_type: ContractType = ContractType.OTHER
    customer: str | None = None
    vendor: str | None = None
    customer_name: str | None = None
    vendor_name: str | None = None
    evidence: tuple[str, ...] = ()


# --------------------------------------------------------------------------- segment


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered clause; ``text`` is ``Document.text[start:end]`` exactly."""

    id: str
    number: str | None
    heading: str | None
    own_heading: bool
    level: int
    parent_id: str | None
    text: str
    page_start: int
    page_end: int
    start: int
    end: int
    block_indices: tuple[int, ...] = ()
    table_indices: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A contract as numbered clauses over one text.

    ``text`` is the whole document text; every clause and every quote is a span of it.
    ``page_offsets[i]`` is the offset in ``text`` where page i+1 begins.
    """

    source: SourceInfo
    text: str
    clauses: tuple[Clause, ...]
    tables: tuple[Table, ...] = ()
    page_offsets: tuple[int, ...] = ()
    title: str | None = None
    parties: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    profile: ContractProfile = ContractProfile()

    def page_at(self, offset: int) -> int:
        """Return the 1-based page of a character offset."""
        page = 1
        for i, start in enumerate(self.page_offsets):
            if offset >= start:
                page = i + 1
            else:
                break
        return page

    def clause(self, clause_id: str) -> Clause:
        """Return the clause with this id."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)


# --------------------------------------------------------------------------- classify


@dataclass(frozen=True, slots=True)
class Provision:
    """A provision of another type inside a clause: its sentence and the tagger's score.

    One type per clause cannot say that a licence grant also makes the licensee exclusive
    or that a fee clause also sets a minimum purchase; ``start``/``end`` locate the
    sentence in ``Document.text``.
    """

    type: ClauseType
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Classification:
    """The type of one clause with a calibrated confidence, and the provisions inside it."""

    clause_id: str
    label: ClauseType
    score: float
    alternatives: tuple[tuple[ClauseType, float], ...] = ()
    model_version: str = ""
    provisions: tuple[Provision, ...] = ()

    @property
    def covered_types(self) -> frozenset[ClauseType]:
        """Return the clause's type plus the types of the provisions it holds."""
        return frozenset({self.label, *(p.type for p in self.provisions)})

    def covers(self, clause_type: ClauseType) -> bool:
        """Tell whether the clause is of ``clause_type`` or holds a provision of it."""
        return clause_type in self.covered_types


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money found in text."""

    amount: float
    currency: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RateItem:
    """A priced item: a rate-card line, a one-time fee, a surcharge or an escalator."""

    item: str
    amount: float
    currency: str | None
    unit: RateUnit
    quote: str
    clause_id: str | None
    page: int
    start: int
    end: int
    kind: str = "rate"  # rate | one_time | surcharge | escalator | minimum | fee
    condition: str | None = None


@dataclass(frozen=True, slots=True)
class Kpi:
    """A service level with what it has and what it lacks (domain.md completeness)."""

    metric: str
    target: str | None
    threshold: str | None
    window: str | None
    data_source: str | None
    reporting: str | None
    remedy: str | None
    cap: str | None
    quote: str
    clause_id: str | None
    page: int
    start: int
    end: int
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Obligation:
    """Who must do what; ``party`` is None for a passive duty with no agent."""

    party: str | None
    modal: str
    action: str
    quote: str
    clause_id: str
    page: int
    start: int
    end: int
    passive: bool = False
    joint: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a schedule, exhibit or annex, and whether the document has it."""

    label: str
    quote: str
    clause_id: str | None
    page: int
    start: int
    end: int
    present: bool


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractors found in one document.

    ``service_credit_exposure`` is the fees at risk from service credits (see
    ``analyzer.extract.kpis.service_credit_exposure``), computed once with the KPIs; treat
    it as read-only.
    """

    rates: tuple[RateItem, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    references: tuple[Reference, ...] = ()
    service_credit_exposure: dict[str, object] | None = None


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Evidence:
    """An exact span of the document text that a rule matched."""

    clause_id: str | None
    quote: str
    start: int
    end: int
    page: int
    matched: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a reviewer can act on (one per problem, duplicates merged)."""

    rule_id: str
    category: FlagCategory
    severity: Severity
    scope: str  # "clause" | "document"
    clause_id: str | None
    evidence: tuple[Evidence, ...]
    message: str
    recommendation: str
    explanation: tuple[tuple[str, str], ...] = ()
    merged_rule_ids: tuple[str, ...] = ()
    precision: RulePrecision | None = None

    @property
    def quote(self) -> str:
        """Return the first evidence quote, or an empty string for a pure gap."""
        return self.evidence[0].quote if self.evidence else ""

    @property
    def page(self) -> int | None:
        """Return the page of the first evidence."""
        return self.evidence[0].page if self.evidence else None


@dataclass(frozen=True, slots=True)
class RulePrecision:
    """How often a rule was right on real labelled contracts (``eval/cuad/rule_precision.py``).

    Shown with every flag so a reviewer knows how far to trust it.
    """

    right: int
    raised: int
    documents: int

    @property
    def share(self) -> float:
        """Return the share of the rule's flags that were right."""
        return self.right / self.raised if self.raised else 0.0

    def describe(self) -> str:
        """Return the reviewer-facing sentence, e.g. 'right in 12 of 14 flags on 34 real contracts'."""
        return (f"right in {self.right} of {self.raised} flags on {self.documents} "
                "labelled real contracts")


@dataclass(frozen=True, slots=True)
class RiskSummary:
    """A document risk score and how it was computed."""

    score: float
    level: str
    counts_by_category: tuple[tuple[str, int], ...]
    counts_by_severity: tuple[tuple[str, int], ...]
    method: str


# --------------------------------------------------------------------------- result


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """The full analysis of one document."""

    document: Document
    classifications: tuple[Classification, ...]
    findings: tuple[Finding, ...]
    extraction: Extraction
    risk: RiskSummary | None
    missing_types: tuple[ClauseType, ...] = ()
    versions: tuple[tuple[str, str], ...] = ()
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class FileError:
    """Why a file failed: the error code, exit code and a one-line message."""

    code: str
    exit_code: int
    message: str


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's outcome in a batch; a failure is a value, never a raised exception."""

    path: str
    status: FileStatus
    result: AnalysisResult | None = None
    error: FileError | None = None
