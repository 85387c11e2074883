"""The embedded DuckDB store. (stub: to be built)

API the rest of the project codes against:

    store = Store(path)                       # opens/creates; schema derived from communique.model
    store.add_article(coded, metadata=None)   # -> True if new, False if already stored (idempotent);
                                              #    one transaction per article
    store.has_article(article_id) -> bool
    store.con                                 # the duckdb connection (read queries in store.queries)
    store.close()
"""
