"""Provision tagger: sentence split, span labels, fit/save/load, tags in classify, span check."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from analyzer.classify.provisions import SENTENCE_MAX_CHARS, ProvisionTagger, sentence_spans
from analyzer.errors import ModelError
from analyzer.training.config import THRESHOLD_GRID, ProvisionParams, TrainingConfig
from analyzer.training.dataset import ContractText, ExpertSpan
from analyzer.training.evaluate import LocatedSpan, covered_types, span_check
from analyzer.training.provisions import PROVISION_TYPES, SentenceRow, fit_tagger, sentence_rows
from analyzer.training.span_cv import OutOfFold, choose_cuts, score
from analyzer.types import (
    Classification,
    Clause,
    ClauseType,
    Document,
    FileFormat,
    Provision,
    SourceInfo,
)

RC, LL = ClauseType.RESTRICTIVE_COVENANTS, ClauseType.LIMITATION_OF_LIABILITY
IP = ClauseType.INTELLECTUAL_PROPERTY


def _doc(parts: list[tuple[str, str]]) -> Document:
    """Build a Document from (heading, body) pairs, one clause each."""
    text, clauses = "", []
    for i, (heading, body) in enumerate(parts):
        text += heading + "\n"
        start = len(text)
        text += body + "\n"
        clauses.append(Clause(f"c{i}", str(i + 1), heading, True, 1, None, body, 1, 1,
                              start, start + len(body)))
    return Document(SourceInfo("d.txt", "d.txt", "0", FileFormat.TXT, len(text), 1), text,
                    tuple(clauses), page_offsets=(0,))


def test_sentence_spans_split_drop_fragments_and_cut_run_ons() -> None:
    text = "Licensor grants a licence. (a) Ok. Licensee shall not sell rival products; and"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["Licensor grants a licence.", "Licensee shall not sell rival products; and"]
    long = "word " * (SENTENCE_MAX_CHARS // 2)
    cut = sentence_spans(long)
    assert len(cut) >= 2 and all(e - s <= SENTENCE_MAX_CHARS for s, e in cut)
    assert sentence_spans("") == []


def test_sentence_rows_label_sentences_by_overlapping_expert_spans() -> None:
    body = ("Licensor grants Licensee a licence to use the Software. Licensee shall not market "
            "any competing product during the Term.")
    doc = _doc([("License", body)])
    spans = [ExpertSpan("k", "Non-Compete", "Licensee shall not market any competing product",
                        frozenset({RC}))]
    rows = sentence_rows(ContractText("k", Path("k.txt"), doc, ()), spans)
    assert [(r.text.split()[0], set(r.types)) for r in rows] == [("Licensor", set()),
                                                                  ("Licensee", {RC})]
    assert rows[1].heading == "license"
    assert doc.text[rows[1].start:rows[1].end] == rows[1].text


def _rows() -> list[SentenceRow]:
    positives = {
        RC: ["Licensee shall not sell any competing product in {x}.",
             "Distributor will not solicit the customers of Company in {x}.",
             "Supplier shall sell the products exclusively to Buyer in {x}."],
        LL: ["In no event shall either party's liability exceed the fees paid in {x}.",
             "Neither party is liable for indirect or consequential damages in {x}.",
             "The total liability of Vendor is capped at the amounts paid in {x}."],
    }
    neutral = ["Notices shall be sent to the address in {x}.",
               "This Agreement is governed by the laws of {x}.",
               "Licensor grants a licence to use the software in {x}."]
    rows = []
    for n, place in enumerate(["Ohio", "Texas", "Utah", "Iowa", "Maine", "Idaho"]):
        for label, texts in positives.items():
            rows += [SentenceRow(f"k{n}", 0, 0, 0, "", t.format(x=place), frozenset({label}))
                     for t in texts]
        rows += [SentenceRow(f"k{n}", 0, 0, 0, "", t.format(x=place), frozenset())
                 for t in neutral]
    return rows


@pytest.fixture(scope="module")
def tagger() -> ProvisionTagger:
    model = fit_tagger(_rows(), ProvisionParams(min_df=1, C=1.0), seed=0, types=(LL, RC))
    return ProvisionTagger(model, {"limitation_of_liability": 0.0, "restrictive_covenants": 0.0})


def test_tagger_finds_a_provision_inside_a_clause_of_another_type(tagger: ProvisionTagger) -> None:
    body = ("Licensor grants a licence to use the software in Nevada. Licensee shall not sell "
            "any competing product in Nevada.")
    doc = _doc([("License", body), ("Notices", "Notices shall be sent to the address in Peru.")])
    labels = (Classification("c0", IP, 0.9), Classification("c1", ClauseType.NOTICES, 0.9))
    found = tagger.tag(doc, labels)
    assert [p.type for p in found[0]] == [RC]
    assert doc.text[found[0][0].start:found[0][0].end].startswith("Licensee shall not sell")
    assert found[1] == ()


def test_tagger_leaves_out_the_clause_own_type(tagger: ProvisionTagger) -> None:
    doc = _doc([("Non-Compete", "Licensee shall not sell any competing product in Peru.")])
    assert tagger.tag(doc, (Classification("c0", RC, 0.9),)) == ((),)


def test_tagger_save_load_round_trip(tagger: ProvisionTagger, tmp_path: Path) -> None:
    tagger.save(tmp_path)
    again = ProvisionTagger.load(tmp_path, {"restrictive_covenants": 0.0})
    texts = ["Neither party is liable for consequential damages in Peru.", "Notices in Peru."]
    np.testing.assert_allclose(again.sentence_scores(["", ""], texts),
                               tagger.sentence_scores(["", ""], texts), atol=1e-5)
    assert again.types == (LL, RC)
    assert again.thresholds[0] == np.inf  # no threshold: the type is never tagged


def test_fit_tagger_leaves_out_a_type_without_examples() -> None:
    model = fit_tagger(_rows(), ProvisionParams(min_df=1), seed=0,
                       types=(ClauseType.INSURANCE, RC))
    assert list(model.classes_) == ["restrictive_covenants"]
    with pytest.raises(ModelError, match="no provision type"):
        fit_tagger(_rows(), ProvisionParams(min_df=1), seed=0, types=(ClauseType.INSURANCE,))


def test_span_check_counts_a_provision_as_a_hit_only_with_provisions() -> None:
    body = "Licensor grants a licence. Licensee shall not sell any competing product here."
    doc = _doc([("License", body)])
    quote = "Licensee shall not sell any competing product here."
    start = doc.text.index(quote)
    cls = Classification("c0", IP, 0.9, provisions=(Provision(RC, start, start + len(quote), 0.4),))
    spans = {"k": [ExpertSpan("k", "Non-Compete", quote, frozenset({RC}))]}
    assert span_check([("k", doc, [covered_types(cls)])], spans).recall == 1.0
    assert span_check([("k", doc, [covered_types(cls, False)])], spans).recall == 0.0
    assert cls.covers(RC) and cls.covers(IP) and not cls.covers(LL)


def _oof(best_rc: float, best_ll: float, label: ClauseType) -> OutOfFold:
    best = np.full((1, len(PROVISION_TYPES)), -np.inf)
    best[0, PROVISION_TYPES.index(RC)] = best_rc
    best[0, PROVISION_TYPES.index(LL)] = best_ll
    span = LocatedSpan("Non-Compete", frozenset({RC}), (0,))
    return OutOfFold("k", [label], best, [span])


def test_choose_cuts_takes_the_highest_threshold_reaching_the_target() -> None:
    # ten contracts: a non-compete inside an IP clause scored 0.2 .. 1.1 by the RC model
    oof = [_oof(0.2 + 0.1 * i, 2.0, IP) for i in range(10)]
    cuts = choose_cuts(oof, target=0.5, grid=THRESHOLD_GRID)
    assert np.allclose(cuts, 0.7)  # 0.7 .. 1.1: five of ten found
    check, tags, confirmed = score(oof, cuts)
    assert check.recall == 0.5
    assert tags["restrictive_covenants"] == confirmed["restrictive_covenants"] == 5
    assert tags["limitation_of_liability"] == 10 and confirmed["limitation_of_liability"] == 0


def test_score_counts_a_label_hit_without_any_tag() -> None:
    check, tags, _ = score([_oof(-5.0, -5.0, RC)], np.zeros(len(PROVISION_TYPES)))
    assert check.recall == 1.0 and sum(tags.values()) == 0


PLACES = ["Ohio", "Texas", "Utah", "Iowa", "Maine", "Idaho"]


def _contract(place: str) -> str:
    return f"""SERVICES AGREEMENT

This Agreement is made between Acme {place} Inc and Buyer {place} LLC.

1. Services. Acme shall provide the support services described in Schedule A in {place}.

2. License Grant. Acme grants Buyer a licence to use the software in {place}. Buyer shall not sell any product that competes with the software in {place}.

3. Notices. All notices shall be in writing and delivered to the address in {place}.

4. Governing Law. This Agreement is governed by the laws of {place}.
"""


def _tiny_cuad_with_spans(root: Path, with_spans: bool = True) -> Path:
    (root / "txt").mkdir(parents=True)
    lines = ["Filename,Non-Compete,Governing Law"]
    for place in PLACES:
        (root / "txt" / f"acme {place}.txt").write_text(_contract(place), encoding="utf-8")
        compete = f"Buyer shall not sell any product that competes with the software in {place}"
        law = f"This Agreement is governed by the laws of {place}"
        lines.append(f"acme {place}.pdf,\"['{compete}']\",\"['{law}']\"" if with_spans
                     else f"acme {place}.pdf,[],[]")
    (root / "master_clauses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_train_on_a_cuad_folder_ships_a_tagger_that_finds_the_buried_non_compete(
    tmp_path: Path,
) -> None:
    from analyzer.classify.model import ClauseClassifier
    from analyzer.classify.sklearn_model import SklearnParams
    from analyzer.ingest import load_document
    from analyzer.training.train import train_and_save

    corpus = _tiny_cuad_with_spans(tmp_path / "cuad")
    out = tmp_path / "model"
    config = TrainingConfig(sklearn=SklearnParams(min_df=1), provisions=ProvisionParams(min_df=1))
    model, _ = train_and_save(corpus, out, config)
    assert (out / "provision_model.npz").is_file()
    assert model.provisions is not None
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert set(card["provisions"]["thresholds"]) >= {"restrictive_covenants", "governing_law"}
    doc = load_document(corpus / "txt" / "acme Ohio.txt")
    found = {p.type for c in ClauseClassifier.load(out).classify(doc) for p in c.provisions}
    assert RC in found

    # retrained on a folder without expert spans: no tagger, and the old one is removed
    again = train_and_save(_tiny_cuad_with_spans(tmp_path / "plain", with_spans=False), out,
                           TrainingConfig(sklearn=SklearnParams(min_df=1)))[0]
    assert again.provisions is None and not (out / "provision_model.npz").exists()


def test_train_and_evaluate_commands_run_on_a_tiny_cuad_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    from analyzer.classify.card_schema import read_model_card
    from analyzer.cli import main

    corpus = _tiny_cuad_with_spans(tmp_path / "cuad")
    out = tmp_path / "model"
    assert main(["train", "--corpus", str(corpus), "--out", str(out), "--folds", "2"]) == 0
    printed = capsys.readouterr().out
    assert "fold 2:" in printed and f"to {out}" in printed
    card = read_model_card(out)
    assert card.data is not None and card.data.contracts_read == len(PLACES)
    assert card.provisions is not None and (out / "MODEL_CARD.md").is_file()
    assert main(["evaluate", "--corpus", str(corpus), "--model-dir", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(r"macro F1: \d\.\d{3}", lines[-1])
    assert any(line.startswith("CUAD-span recall:") for line in lines)
