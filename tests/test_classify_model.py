"""ClauseClassifier: save/load round trip, classify contract, threshold, evaluate CLI on a tiny folder."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
import pytest

from analyzer.classify.card_schema import CARD_FILE
from analyzer.classify.model import SKLEARN_STEM, ClauseClassifier
from analyzer.classify.sklearn_model import LinearTextModel, SklearnParams
from analyzer.errors import ModelError
from analyzer.training.config import TrainingConfig
from analyzer.training.dataset import LabelledClause
from analyzer.training.fit import fit_sklearn
from analyzer.training.train import save_model
from analyzer.types import Clause, ClauseType, Document, FileFormat, SourceInfo

BODIES = {
    ClauseType.GOVERNING_LAW: [
        "This Agreement shall be governed by the laws of the State of {x}.",
        "The laws of {x} govern this Agreement and its interpretation.",
        "This Agreement is construed under and governed by the law of {x}.",
    ],
    ClauseType.TERMINATION: [
        "Either party may terminate this Agreement on {x} days notice for material breach.",
        "Customer may terminate this Agreement for convenience upon {x} days written notice.",
        "This Agreement may be terminated by either party if the other becomes insolvent ({x}).",
    ],
    ClauseType.NOTICES: [
        "All notices shall be in writing and delivered to the address in {x}.",
        "Any notice under this Agreement must be sent by courier or email to {x}.",
        "Notices are deemed given when delivered by hand at the address of {x}.",
    ],
    ClauseType.CONFIDENTIALITY: [
        "Each party shall keep the Confidential Information of the other secret ({x}).",
        "The receiving party shall not disclose Confidential Information to any third party, {x}.",
        "Confidential Information shall be used only to perform this Agreement in {x}.",
    ],
}
HEADINGS = {
    ClauseType.GOVERNING_LAW: "Governing Law",
    ClauseType.TERMINATION: "Termination",
    ClauseType.NOTICES: "Notices",
    ClauseType.CONFIDENTIALITY: "Confidentiality",
}
PLACES = ["New York", "Delaware", "Ohio", "Texas", "England", "Ontario", "Bavaria", "Utah"]
PARAMS = SklearnParams(min_df=1, C=1.0)


def _examples() -> list[LabelledClause]:
    out = []
    for label, bodies in BODIES.items():
        for i, place in enumerate(PLACES):
            for j, body in enumerate(bodies):
                out.append(LabelledClause(f"k{i}", f"{label}{i}{j}", HEADINGS[label],
                                          body.format(x=place), label))
    return out


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    examples = _examples()
    out = tmp_path_factory.mktemp("model")
    labels = sorted(str(label) for label in BODIES)
    config = TrainingConfig(sklearn=PARAMS, threshold=0.3)
    save_model(out, config, labels, fit_sklearn(examples, PARAMS, seed=1), None, temperature=0.5)
    return out


def _doc(parts: list[tuple[str | None, bool, str]]) -> Document:
    text, clauses = "", []
    for i, (heading, own, body) in enumerate(parts):
        start = len(text)
        text += body + "\n"
        clauses.append(Clause(f"c{i}", str(i + 1), heading, own, 1, None, body, 1, 1,
                              start, start + len(body)))
    return Document(SourceInfo("d.txt", "d.txt", "0", FileFormat.TXT, len(text), 1), text,
                    tuple(clauses), page_offsets=(0,))


def test_classifier_round_trip_gives_same_probabilities(tiny_model_dir: Path) -> None:
    model = ClauseClassifier.load(tiny_model_dir)
    bodies = ["This Agreement shall be governed by the laws of Nevada.", "Send notices to Paris."]
    before = model.predict_proba([None, None], bodies)
    linear = LinearTextModel.load(tiny_model_dir / SKLEARN_STEM)
    assert list(linear.classes_) == sorted(str(label) for label in BODIES)
    again = ClauseClassifier.load(tiny_model_dir).predict_proba([None, None], bodies)
    np.testing.assert_allclose(before, again)
    assert np.allclose(before.sum(axis=1), 1.0)


def test_classifier_load_reads_the_folder_each_time(tiny_model_dir: Path) -> None:
    # no module cache: the caller (Analyzer.load, st.cache_resource) holds the instance
    first, second = ClauseClassifier.load(tiny_model_dir), ClauseClassifier.load(tiny_model_dir)
    assert first is not second
    assert first.version == second.version and first.card == second.card


def test_classify_returns_one_classification_per_clause_in_order(tiny_model_dir: Path) -> None:
    model = ClauseClassifier.load(tiny_model_dir)
    doc = _doc([
        ("Governing Law", True, "This Agreement is governed by the laws of the State of Iowa."),
        ("Notices", False, "Either party may terminate this Agreement on 30 days notice for breach."),
        ("Confidentiality", True, ""),  # heading only: typed by the heading
    ])
    result = model.classify(doc)
    assert [c.clause_id for c in result] == ["c0", "c1", "c2"]
    assert [c.label for c in result] == [
        ClauseType.GOVERNING_LAW, ClauseType.TERMINATION, ClauseType.CONFIDENTIALITY]
    assert all(c.model_version == model.version and 0.0 <= c.score <= 1.0 for c in result)
    assert all(len(c.alternatives) == 3 for c in result)
    assert result[0].label not in {alt for alt, _ in result[0].alternatives}


def test_classify_labels_other_below_threshold(tiny_model_dir: Path) -> None:
    model = ClauseClassifier.load(tiny_model_dir)
    strict = ClauseClassifier(model.backend, [str(x) for x in model.labels], "v", threshold=0.999)
    (pred,) = strict.predict([None], ["Lorem ipsum dolor sit amet."])
    assert pred.label is ClauseType.OTHER
    assert pred.alternatives[0][1] == pred.score  # the best type is still offered


def test_load_refuses_missing_card(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="model_card.json"):
        ClauseClassifier.load(tmp_path)


def test_load_refuses_pickled_arrays(tiny_model_dir: Path, tmp_path: Path) -> None:
    import shutil

    for suffix in (".json", ".npz"):
        shutil.copy(tiny_model_dir / f"{SKLEARN_STEM}{suffix}", tmp_path / f"{SKLEARN_STEM}{suffix}")
    arrays = dict(np.load(tmp_path / f"{SKLEARN_STEM}.npz"))
    arrays["coef"] = np.array([{"not": "numbers"}], dtype=object)  # would need pickle
    np.savez(tmp_path / f"{SKLEARN_STEM}.npz", **arrays)
    with pytest.raises(ModelError, match="cannot read classifier"):
        LinearTextModel.load(tmp_path / SKLEARN_STEM)


def test_sklearn_export_matches_training_pipeline() -> None:
    from analyzer.classify.sklearn_model import make_inputs
    from analyzer.training.fit import build_pipeline, linear_model_from_pipeline, training_rows

    rows = training_rows(_examples())
    pipeline = build_pipeline(PARAMS, 0)
    x = make_inputs(rows.headings, rows.bodies, PARAMS)
    pipeline.fit(x, rows.labels)
    exported = linear_model_from_pipeline(pipeline)
    np.testing.assert_allclose(exported.decision_function(x), pipeline.decision_function(x),
                               rtol=1e-4, atol=1e-5)


def test_char_ngram_index_matches_tfidf_vectorizer() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analyzer.classify.fast_tfidf import CharNgramIndex

    train = ["The Supplier shall provide the Services.", "Customer pays within 30 days.",
             "Fees are fixed  for the Term; café prices excluded.", "x"]
    test = ["The Supplier  pays the Fees.", "", "Café\tservices 😀 and fees", "ab",
            "Customer shall provide the Services within 30 days."]
    v = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True).fit(train)
    index = CharNgramIndex.from_vectorizer(v)
    assert index is not None
    np.testing.assert_allclose(index.transform(test).toarray(), v.transform(test).toarray(),
                               atol=1e-12)


CONTRACTS = {
    "alpha services": """SERVICES AGREEMENT

This Services Agreement is made between Alpha Corp ("Customer") and Beta Ltd ("Supplier").

1. Governing Law. This Agreement shall be governed by the laws of the State of New York.

2. Termination. Either party may terminate this Agreement on thirty days notice for material breach.

3. Notices. All notices shall be in writing and delivered to the address set out above.
""",
    "gamma supply": """SUPPLY AGREEMENT

This Supply Agreement is made between Gamma Inc and Delta GmbH.

1. Confidentiality. Each party shall keep the Confidential Information of the other secret.

2. Notices. Any notice under this Agreement must be sent by courier to the registered office.

3. Governing Law. The laws of England govern this Agreement and its interpretation.
""",
}


def _tiny_cuad(root: Path) -> Path:
    (root / "txt").mkdir(parents=True)
    for name, text in CONTRACTS.items():
        (root / "txt" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "master_clauses.csv").write_text(
        "Filename,Governing Law,Governing Law-Answer\n"
        "alpha services.pdf,\"['This Agreement shall be governed by the laws of the State of New York.']\",NY\n"
        "gamma supply.PDF,\"['The laws of England govern this Agreement']\",England\n",
        encoding="utf-8",
    )
    return root


def test_evaluate_command_on_tiny_cuad_folder_prints_macro_f1_last(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from analyzer.training.commands import register, run_evaluate

    corpus = _tiny_cuad(tmp_path / "cuad")
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["evaluate", "--corpus", str(corpus), "--model-dir", str(tiny_model_dir)])
    assert args.func is run_evaluate
    assert args.func(args) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(r"macro F1: \d\.\d{3}", out[-1])
    assert any(line.startswith("governing_law") for line in out)
    assert any("CUAD-span recall: 1.000 (2/2" in line for line in out)


def test_evaluate_folder_counts_heading_labelled_clauses(tiny_model_dir: Path, tmp_path: Path) -> None:
    from analyzer.training.evaluate import evaluate_folder

    ev = evaluate_folder(_tiny_cuad(tmp_path / "cuad"), tiny_model_dir, min_support=2)
    rows = {r.label: r for r in ev.body.rows}
    assert rows["governing_law"].support == 2 and rows["notices"].support == 2
    assert rows["preamble"].support == 2  # the segmenter names the unnumbered opening
    assert ev.contracts == 2
    # the tiny model knows no preamble, so those two are its only misses
    assert ev.body.micro_f1 == pytest.approx(6 / 8)
    assert rows["governing_law"].recall == rows["notices"].f1 == 1.0


def test_model_card_written_next_to_artefacts(tiny_model_dir: Path) -> None:
    assert (tiny_model_dir / CARD_FILE).is_file()
    assert (tiny_model_dir / f"{SKLEARN_STEM}.json").is_file()
    assert (tiny_model_dir / f"{SKLEARN_STEM}.npz").is_file()


def test_classify_child_without_heading_leans_on_parent(tiny_model_dir: Path) -> None:
    model = ClauseClassifier.load(tiny_model_dir)
    parent_body = "Either party may terminate this Agreement on 30 days notice for breach."
    child_body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    text = parent_body + "\n" + child_body
    clauses = (
        Clause("p", "7", "Termination", True, 1, None, parent_body, 1, 1, 0, len(parent_body)),
        Clause("k", "7(a)", "Termination", False, 2, "p", child_body, 1, 1,
               len(parent_body) + 1, len(text)),
    )
    doc = Document(SourceInfo("d.txt", "d.txt", "0", FileFormat.TXT, len(text), 1), text,
                   clauses, page_offsets=(0,))
    strict = ClauseClassifier(model.backend, [str(x) for x in model.labels], "v", threshold=0.4)
    assert strict.predict([None], [child_body])[0].label is ClauseType.OTHER  # alone: unsure
    parent, child = strict.classify(doc)
    assert parent.label is child.label is ClauseType.TERMINATION


def test_cross_validate_tests_every_clause_once_with_disjoint_contracts() -> None:
    from analyzer.training.train import cross_validate

    examples = _examples()
    cv = cross_validate(examples, [], ("sklearn",), 4, TrainingConfig(seed=2, sklearn=PARAMS))
    assert len(cv.folds) == 4
    assert sum(f["test_clauses"] for f in cv.folds) == len(examples)
    assert all(f["train_contracts"] + f["test_contracts"] == len(PLACES) for f in cv.folds)
    body = cv.report("sklearn", "body")
    assert body.n == len(examples) and 0.0 <= body.macro_f1 <= 1.0
    assert cv.proba["sklearn"]["body"].sum(axis=1) == pytest.approx(1.0)
    assert 0.02 <= cv.temperature <= 5.0


def test_prepare_body_equals_collapsing_the_whole_text() -> None:
    import random

    from analyzer.classify.inputs import BODY_MAX_CHARS, prepare_body

    rng = random.Random(0)
    for _ in range(500):
        n = rng.choice([0, 10, 500, BODY_MAX_CHARS + 100, 5 * BODY_MAX_CHARS])
        pieces = ["a", "b", " ", "  \n", "c", " " * rng.randint(1, 3000)]
        weights = [30, 30, 20, 10, 9, 1]
        text = "".join(rng.choices(pieces, weights, k=n))
        assert prepare_body(text) == re.sub(r"\s+", " ", text).strip()[:BODY_MAX_CHARS]
