"""CLI subcommands ``train`` and ``evaluate`` (cheap to import: heavy work inside run_*)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``train`` and ``evaluate`` to the ``contract-analyzer`` command line."""
    train = subparsers.add_parser(
        "train", help="train the clause-type model from a CUAD-layout folder of contracts"
    )
    train.add_argument("--corpus", type=Path, required=True,
                       help="folder with txt/ or pdf/ (and optionally master_clauses.csv)")
    train.add_argument("--out", type=Path, default=None, help="model folder (default: models/)")
    train.add_argument("--model", choices=("sklearn", "spacy", "ensemble"), default="sklearn")
    train.add_argument("--folds", type=int, default=5,
                       help="grouped cross-validation folds before the final fit (0: skip)")
    train.add_argument("--handwritten", type=Path, default=None,
                       help="hand-written examples JSONL (default: training/handwritten_examples.jsonl)")
    train.set_defaults(func=run_train)

    evaluate = subparsers.add_parser(
        "evaluate", help="score the clause model on a CUAD-layout folder it may never have seen"
    )
    evaluate.add_argument("--corpus", type=Path, required=True,
                          help="folder with txt/ or pdf/ (and optionally master_clauses.csv)")
    evaluate.add_argument("--model-dir", type=Path, default=None,
                          help="model folder (default: the shipped models/)")
    evaluate.set_defaults(func=run_evaluate)


def run_train(args: argparse.Namespace) -> int:
    """Build the training set, cross-validate, fit on everything and save; print the CV."""
    from analyzer.classify.model import DEFAULT_MODEL_DIR
    from analyzer.training.config import TrainingConfig
    from analyzer.training.train import train_and_save

    out = args.out or DEFAULT_MODEL_DIR
    config = TrainingConfig(kind=args.model, folds=args.folds)
    model, cv = train_and_save(args.corpus, out, config, handwritten_path=args.handwritten)
    if cv is not None:
        for fold in cv.folds:
            print(f"fold {fold['fold']}: train contracts {fold['train_contracts']}, "
                  f"test contracts {fold['test_contracts']}, test clauses {fold['test_clauses']}")
        for kind in cv.proba:
            body, head = cv.report(kind, "body"), cv.report(kind, "heading")
            print(f"{kind}: body-only macro F1 {body.macro_f1:.3f} (micro {body.micro_f1:.3f}); "
                  f"with heading macro F1 {head.macro_f1:.3f} (micro {head.micro_f1:.3f})")
    print(f"saved {model.version} to {out}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Print per-type scores, the CUAD-span check and, last, ``macro F1: X.XXX``."""
    from analyzer.training.evaluate import evaluate_folder, format_report

    print(format_report(evaluate_folder(args.corpus, args.model_dir)))
    return 0
