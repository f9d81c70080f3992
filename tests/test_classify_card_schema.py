"""model_card.json through its pydantic model: the shipped card, and broken cards named by field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from analyzer.classify.card_schema import CARD_FILE, ModelCard, read_model_card
from analyzer.classify.model import DEFAULT_MODEL_DIR, ClauseClassifier
from analyzer.classify.sklearn_model import LEGACY_DEFAULTS, SklearnParams
from analyzer.errors import ModelError
from analyzer.types import ClauseType

SHIPPED = DEFAULT_MODEL_DIR / CARD_FILE


def _shipped() -> dict[str, Any]:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def _write(folder: Path, card: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    return folder


def test_shipped_card_validates_and_writes_back_unchanged(tmp_path: Path) -> None:
    card = read_model_card(DEFAULT_MODEL_DIR)
    assert card.kind == "sklearn" and ClauseType.TERMINATION in card.labels
    assert card.provisions is not None and card.data is not None
    assert card.to_json() == _shipped()
    card.write(tmp_path)
    assert (tmp_path / CARD_FILE).read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: c.update(threshold="high"), "threshold"),
        (lambda c: c.pop("labels"), "labels"),
        (lambda c: c.pop("kind"), "kind"),
        (lambda c: c.update(kind="xgboost"), "kind"),
        (lambda c: c["labels"].__setitem__(1, "warranty"), "labels[1]"),
        (lambda c: c["provisions"]["thresholds"].update(termination="low"),
         "provisions.thresholds.termination"),
        (lambda c: c["provisions"]["thresholds"].update(terminaton=0.1),
         "provisions.thresholds.terminaton"),
        (lambda c: c["data"].pop("seed"), "data.seed"),
        (lambda c: c["sklearn_params"].update(word_ngrams="1-2"), "sklearn_params.word_ngrams"),
        (lambda c: c["sklearn_params"].update(char_window=9), "sklearn_params"),
        (lambda c: c.update(treshold=0.3), "treshold"),
    ],
    ids=["wrong-type", "missing-labels", "missing-kind", "unknown-kind", "unknown-label",
         "nested-threshold", "unknown-type-key", "missing-nested", "bad-setting", "unknown-setting", "typo-field"],
)
def test_broken_card_names_the_file_and_the_field(change: Any, field: str, tmp_path: Path) -> None:
    card = _shipped()
    change(card)
    folder = _write(tmp_path / "model", card)
    with pytest.raises(ModelError) as caught:
        read_model_card(folder)
    assert caught.value.path == str(folder / CARD_FILE)
    assert f"field '{field}'" in caught.value.message
    assert len(caught.value.message) < 200  # one readable line, not the enum's every value


def test_classifier_load_refuses_a_broken_card_before_reading_artefacts(tmp_path: Path) -> None:
    card = _shipped()
    card["temperature"] = [0.2]
    folder = _write(tmp_path / "model", card)
    with pytest.raises(ModelError, match=r"model_card\.json: model card field 'temperature'"):
        ClauseClassifier.load(folder)


def test_card_that_is_not_json_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / CARD_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="unreadable model card"):
        read_model_card(tmp_path)


def test_card_without_newer_settings_reads_their_legacy_values() -> None:
    card = ModelCard.model_validate({"kind": "sklearn", "version": "v1", "labels": ["notices"],
                                     "sklearn_params": {"C": 1.0}})
    assert card.sklearn_params == SklearnParams(C=1.0, **LEGACY_DEFAULTS)
    bare = ModelCard.model_validate({"kind": "sklearn", "version": "v1", "labels": ["notices"]})
    assert bare.sklearn_params == SklearnParams(**LEGACY_DEFAULTS)


def test_shipped_folder_copy_with_valid_card_loads(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, folder)
    model = ClauseClassifier.load(folder)
    assert model.card == read_model_card(DEFAULT_MODEL_DIR)
    assert model.provisions is not None
