"""Imported once by the forkserver of the ingest pool: load the pipeline there, so every coding
worker forked from it starts with the model already in memory (shared copy-on-write)."""
try:
    from communique.pipeline import get_pipeline

    get_pipeline()
except Exception:  # the workers load it themselves (and report any error) in their initializer
    pass
