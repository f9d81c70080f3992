"""Run the whole analysis: parse, classify, extract, apply rules, summarise risk.

``Analyzer.load`` builds every heavy resource once (spaCy, the classifier, the rule
packs compiled into matchers) and warms them on a tiny contract, so the first file costs
what the second does; ``analyze`` is then cheap per file (one ``DocumentContext`` per
document, shared by the extractors and the rules), and ``analyze_many`` turns failures
into values so one bad file never stops a batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import analyzer
from analyzer.errors import AnalyzerError
from analyzer.ingest import Limits, read_blocks
from analyzer.segment import segment_clauses
from analyzer.types import (
    AnalysisResult,
    Document,
    FileError,
    FileResult,
    FileStatus,
    RulePrecision,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from analyzer.classify.model import ClauseClassifier
    from analyzer.rules.engine import CompiledRuleSet
    from analyzer.rules.schema import RuleSet

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analyzer:
    """Loaded resources and the stages that use them."""

    classifier: ClauseClassifier
    rules: CompiledRuleSet
    nlp: Language
    limits: Limits = Limits()
    # rule id -> how often it was right on real labelled contracts (rules/precision.json)
    rule_precision: Mapping[str, RulePrecision] = field(default_factory=dict)

    @property
    def ruleset(self) -> RuleSet:
        """The validated rule packs behind the compiled matchers."""
        return self.rules.ruleset

    @classmethod
    def load(
        cls,
        model_dir: Path | None = None,
        rules_dir: Path | None = None,
        limits: Limits | None = None,
    ) -> Analyzer:
        """Load the classifier, the rule packs and spaCy once, compile the rules and warm
        every lazy part with a tiny analysis.

        Args:
            model_dir: folder of the shipped classifier (default: the repo's ``models/``).
            rules_dir: folder of rule packs (default: the repo's ``rules/``).
            limits: size and page limits for input files.

        Raises:
            ModelError: the classifier or spaCy model is missing.
            RulePackError: a rule pack is broken.
        """
        from analyzer.classify.model import ClauseClassifier
        from analyzer.nlp import load_nlp
        from analyzer.rules import load_rules
        from analyzer.rules.engine import compile_ruleset
        from analyzer.rules.precision import load_precision
        from analyzer.rules.schema import DEFAULT_RULES_DIR

        nlp = load_nlp()
        classifier = ClauseClassifier.load(model_dir)
        rules = compile_ruleset(load_rules(rules_dir), nlp)
        engine = cls(
            classifier=classifier, rules=rules, nlp=nlp, limits=limits or Limits(),
            rule_precision=load_precision(rules_dir or DEFAULT_RULES_DIR),
        )
        engine.warm_up()
        return engine

    def warm_up(self) -> None:
        """Analyse a tiny built-in contract and import the readers, so that nothing
        (imports, spaCy's first parse, lazy tables) is left for the first real file."""
        from analyzer.ingest import preload_readers
        from analyzer.rules.examples import document_from_text

        preload_readers()
        document, _ = document_from_text(_warm_up_text(), per_line=True)
        self.analyze_document(document)

    def parse(self, path: str | Path) -> Document:
        """Read and segment one file into numbered clauses."""
        return segment_clauses(read_blocks(path, self.limits))

    def analyze(self, path: str | Path) -> AnalysisResult:
        """Analyse one file.

        Raises:
            AnalyzerError: the file cannot be read (its subclass says why).
        """
        started = time.perf_counter()
        document = self.parse(path)
        parsed = time.perf_counter()
        result = self.analyze_document(document)
        timings = (("parse", parsed - started),) + result.timings
        return _with_timings(result, timings)

    def analyze_document(self, document: Document) -> AnalysisResult:
        """Classify, extract and flag an already parsed document."""
        from analyzer.context import build_context
        from analyzer.extract import extract_all
        from analyzer.risk import summarize_risk
        from analyzer.rules import apply_rules, missing_types
        from analyzer.rules.precision import with_precision

        t0 = time.perf_counter()
        classifications = self.classifier.classify(document)
        t1 = time.perf_counter()
        context = build_context(document, classifications, self.nlp, self.rules.lemmatizer)
        extraction = extract_all(context)
        t2 = time.perf_counter()
        findings = with_precision(apply_rules(context, extraction, self.rules), self.rule_precision)
        t3 = time.perf_counter()
        return AnalysisResult(
            document=document,
            classifications=classifications,
            findings=findings,
            extraction=extraction,
            risk=summarize_risk(findings),
            missing_types=missing_types(classifications, self.ruleset),
            versions=(
                ("analyzer", analyzer.__version__),
                ("model", str(getattr(self.classifier, "version", ""))),
                ("rules", str(getattr(self.ruleset, "version", ""))),
            ),
            timings=(("classify", t1 - t0), ("extract", t2 - t1), ("rules", t3 - t2)),
        )

    def analyze_many(self, paths: Iterable[str | Path]) -> Iterator[FileResult]:
        """Analyse files one by one, yielding one result per file, failures included."""
        for path in paths:
            yield self.try_analyze(path)

    def try_analyze(self, path: str | Path) -> FileResult:
        """Analyse one file and return its outcome as a value."""
        try:
            result = self.analyze(path)
        except AnalyzerError as error:
            return FileResult(
                path=str(path),
                status=FileStatus.FAILED,
                error=FileError(code=error.code, exit_code=error.exit_code, message=str(error)),
            )
        except Exception as error:  # noqa: BLE001 - batch boundary: report, never lose the batch
            logger.exception("unexpected failure on %s", path)
            return FileResult(
                path=str(path),
                status=FileStatus.FAILED,
                error=FileError(
                    code="internal",
                    exit_code=1,
                    message=f"{path}: internal error ({type(error).__name__}: {error}); "
                    "please report it with the file type and size",
                ),
            )
        status = FileStatus.PARTIAL if result.document.warnings else FileStatus.OK
        return FileResult(path=str(path), status=status, result=result)


# Short, but it reaches every stage: a heading, a table row, a KPI with a credit, a
# passive duty for the parser, a price and an attachment reference.
_WARM_UP_TEXT = """1. Services and Fees
Supplier shall answer 80% of calls within 20 seconds, measured monthly.
Reports will be provided to the Client each month as set out in Schedule 2.
Service | Rate (USD per hour) | Credit
Inbound support | 25.00 | 5% of monthly fees
The Client shall pay USD 1,000 per month; invoices are payable within 30 days."""
# Distinct passive duties: a full parser batch (64 windows), so the parser's first
# real batch is not the first one of that size.
_WARM_UP_DUTIES = 64


def _warm_up_text() -> str:
    duties = "\n".join(
        f"Report {i} will be delivered to the steering committee within {i + 2} days."
        for i in range(_WARM_UP_DUTIES)
    )
    return _WARM_UP_TEXT + "\n" + duties


def _with_timings(result: AnalysisResult, timings: tuple[tuple[str, float], ...]) -> AnalysisResult:
    from dataclasses import replace

    return replace(result, timings=timings)
