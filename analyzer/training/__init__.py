"""Training, cross-validation, dataset building, evaluation and the model card.

Depends on the run-time ``analyzer.classify`` and never the reverse: analysis imports
nothing from here. Kept empty of imports so ``analyzer.training.commands`` stays cheap to
import for the command line.
"""
