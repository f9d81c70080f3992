"""Clause-type classification: ``ClauseClassifier`` in ``analyzer.classify.model``.

Kept empty of imports so ``analyzer.classify.commands`` stays cheap to import.
"""
