"""Clause-type classification at run time: ``ClauseClassifier`` in ``analyzer.classify.model``.

Only what analysis needs; training and evaluation live in ``analyzer.training``. Kept empty
of imports so importing a submodule stays cheap.
"""
