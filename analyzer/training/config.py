"""Every setting of a training run in one frozen ``TrainingConfig``, passed explicitly.

A trained model is reproducible only if everything that shaped it is known: seeds, folds,
the ``other`` threshold, the span recall the tagger's threshold aims at, the feature windows
of both models. They were module constants and keyword defaults in four files (some
repeated with different defaults); here they are one value that ``train_and_save`` takes and
hands on, and the parts that shape a shipped model are written into its card.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from analyzer.classify.card_schema import DEFAULT_THRESHOLD, Kind
from analyzer.classify.sklearn_model import SklearnParams


@dataclass(frozen=True, slots=True)
class ProvisionParams:
    """Feature and model settings of the provision tagger; stored in the model card."""

    C: float = 0.5
    min_df: int = 2
    max_features: int = 200000
    heading_weight: float = 0.5  # the clause heading's block, relative to the sentence's
    max_iter: int = 2000
    drop_partial: bool = True  # leave out of a type's training the sentences a span grazes

    def to_json(self) -> dict[str, Any]:
        """Return the settings as plain JSON values."""
        return asdict(self)


# candidate thresholds of the provision tagger (decision values), highest first is tried
THRESHOLD_GRID = tuple(round(float(t), 2) for t in np.arange(-1.5, 1.001, 0.05))


@dataclass(frozen=True, slots=True)
class TrainingConfig:
    """The settings of one training run (``contract-analyzer train``).

    ``folds`` > 1 cross-validates the chosen kind (and, for ``ensemble``, both members) and
    writes ``MODEL_CARD.md``; 0 or 1 skips it, except for the quick grouped run
    (``temperature_folds``) that the SVM's softmax temperature needs.
    """

    kind: Kind = "sklearn"
    folds: int = 0
    seed: int = 13  # splits, SVMs, spaCy and the span check's fold assignment
    threshold: float = DEFAULT_THRESHOLD  # top probability below which a clause is ``other``
    temperature_folds: int = 3  # grouped folds for the temperature when ``folds`` < 2
    span_folds_min: int = 3  # the span check uses max(folds, this) folds
    # the provision tagger's operating point: span recall above the 0.90 goal, a margin
    # for contracts it has not seen
    target_recall: float = 0.91
    threshold_grid: tuple[float, ...] = THRESHOLD_GRID
    # share of the sentence, or of the expert span, that must overlap for a positive sentence
    sentence_min_overlap: float = 0.5
    inherited: bool = False  # sub-clauses take their parent's heading label (training only)
    spacy_epochs: int | None = None  # None: textcat.cfg's max_epochs
    sklearn: SklearnParams = field(default_factory=SklearnParams)
    provisions: ProvisionParams = field(default_factory=ProvisionParams)

    @property
    def span_folds(self) -> int:
        """Return the number of folds of the cross-validated span check."""
        return max(self.folds, self.span_folds_min)

    @property
    def kinds(self) -> tuple[str, ...]:
        """Return the model kinds that are fitted (both members for an ensemble)."""
        return ("sklearn", "spacy") if self.kind == "ensemble" else (self.kind,)
