"""The test suite of interviewkit (a package, so modules import each other as
``tests.samples`` and ``tests.strategies``)."""
