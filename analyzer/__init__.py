"""Contract and pricing-structure analyzer for outsourcing and services contracts."""

from analyzer.types import (
    AnalysisResult,
    Clause,
    ClauseType,
    Document,
    FileResult,
    Finding,
    FlagCategory,
)

__version__ = "0.1.0"

__all__ = [
    "AnalysisResult",
    "Clause",
    "ClauseType",
    "Document",
    "FileResult",
    "Finding",
    "FlagCategory",
    "__version__",
]
