"""Pydantic model of ``model_card.json``: the one description of a model folder.

The card says which artefacts a folder holds, the label order, the threshold and the
settings the inputs are built with, so a wrong value changes every classification without
an error. It is therefore validated like a rule pack (``analyzer.rules.schema``): a broken
card comes back as one ``ModelError`` naming the file and the field. Training writes the
card through the same model (``ModelCard.write``), so what is written is what loads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analyzer.classify.sklearn_model import LEGACY_DEFAULTS, SklearnParams
from analyzer.errors import ModelError
from analyzer.types import ClauseType

CARD_FILE = "model_card.json"
DEFAULT_THRESHOLD = 0.25  # a card without a threshold: below this top probability, ``other``

Kind = Literal["sklearn", "spacy", "ensemble"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TrainingData(_Strict):
    """What the model was trained on (written by training, read by the Markdown card)."""

    corpus: str
    contracts_read: int
    contracts_with_labels: int
    labelled_clauses: int
    inherited_clauses: int
    evaluable_clauses: int
    handwritten_examples: int
    seed: int


class ProvisionsEntry(_Strict):
    """The provision tagger's thresholds per type and what its span check measured.

    A type whose threshold is ``null`` is never tagged.
    """

    thresholds: dict[ClauseType, float | None]
    params: dict[str, Any] = Field(default_factory=dict)  # the training settings, as recorded
    target_recall: float | None = None
    cv_contracts: int | None = None
    cv_span_recall: float | None = None
    cv_span_recall_type_only: float | None = None
    cv_split_span_recall: float | None = None
    cv_split_confirmed_share: float | None = None
    cv_tags: dict[ClauseType, int] = Field(default_factory=dict)
    cv_tags_confirmed: dict[ClauseType, int] = Field(default_factory=dict)


class ModelCard(_Strict):
    """``model_card.json``; fields in the order they are written."""

    kind: Kind
    version: str
    labels: list[ClauseType] = Field(min_length=1)
    threshold: float = DEFAULT_THRESHOLD
    # a card written before a setting existed was trained with that setting's old value
    sklearn_params: SklearnParams = Field(default_factory=lambda: SklearnParams(**LEGACY_DEFAULTS))
    created: str | None = None
    python: str | None = None
    data: TrainingData | None = None
    temperature: float = 1.0
    provisions: ProvisionsEntry | None = None
    ensemble_weights: list[float] | None = None
    comparison_note: str | None = None

    @field_validator("sklearn_params", mode="before")
    @classmethod
    def _legacy_defaults(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        unknown = sorted(set(value) - set(SklearnParams.__dataclass_fields__))
        if unknown:
            raise ValueError(f"unknown settings {unknown}")
        return {**LEGACY_DEFAULTS, **value}

    def to_json(self) -> dict[str, Any]:
        """Return the card as plain JSON values (unset optional fields left out)."""
        return self.model_dump(mode="json", exclude_none=True)

    def write(self, model_dir: Path) -> Path:
        """Write ``model_card.json`` into ``model_dir``; return its path."""
        path = model_dir / CARD_FILE
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")
        return path


def _field(loc: tuple[int | str, ...]) -> str:
    """Render a Pydantic error location as a dotted field path (``labels[3]``)."""
    out = ""
    for part in loc:
        if part == "[key]":  # a bad mapping key: the key itself is the last part already
            continue
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def _message(err: Any) -> str:
    """Return Pydantic's message, short for a clause type (the enum lists every value)."""
    if err["type"] == "enum":
        return f"unknown clause type {err['input']!r} (see analyzer.types.ClauseType)"
    return str(err["msg"]).removeprefix("Value error, ")


def parse_model_card(raw: object, where: str) -> ModelCard:
    """Validate a card already read from JSON.

    Raises:
        ModelError: naming ``where`` and the first bad field.
    """
    try:
        return ModelCard.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field, message = _field(tuple(err["loc"])), _message(err)
        raise ModelError(f"model card field '{field}': {message}" if field
                         else f"model card: {message}", where) from exc


def read_model_card(model_dir: Path) -> ModelCard:
    """Read and validate ``model_dir/model_card.json``.

    Raises:
        ModelError: the card is missing, not JSON, or names a bad field.
    """
    path = model_dir / CARD_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError("no clause model here (model_card.json missing); run "
                         "`contract-analyzer train --corpus DIR`", str(model_dir)) from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable model card: {exc}", str(path)) from exc
    return parse_model_card(raw, str(path))
