"""Ingest: streaming readers for every input format, and the (parallel, resumable) ingest loop.

`communique.ingest.readers.read_path(path)` yields records or one-line errors;
`communique.ingest.runner.ingest(paths, db)` codes them into the DuckDB store.
This package is an IO layer: the pure extraction core never imports it.
"""
