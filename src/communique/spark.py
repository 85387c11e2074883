"""Code large corpora with Spark: `communique spark-code INPUT... OUTPUT` (optional extra ``[spark]``).

- Input: files or folders of any format `communique.ingest.readers` reads (JSONL, Parquet,
  WARC/WARC.gz as in CC-NEWS, ...). Files are distributed one per task and read by the
  same streaming readers as `communique ingest` (same records, same one-line errors);
  records are then spread over `partitions` for coding.
- Coding: ``mapPartitions``: the pipeline is loaded once per Python worker (and reused by
  every partition that worker runs), articles are coded in batches.
- Output: one Parquet dataset per store table (``OUTPUT/articles``, ``actors``, ``mentions``,
  ``events``, ``quotes``) with the store's own columns, partitioned by publication date
  (``day=YYYY-MM-DD``, ``day=unknown``); the Spark schema is derived from
  `communique.store.schema` (itself derived from `communique.model`), so there is no second
  copy to keep in sync. ``communique load OUTPUT`` loads it into DuckDB.
- Errors: bad inputs become rows of ``OUTPUT/_errors`` (one line each) and are printed.
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from .store import schema

PARTITION_COLUMN = "day"
ERRORS_DIR = "_errors"
TABLES = tuple(schema.TABLES)


# --- schema ------------------------------------------------------------------------------------

def spark_type(sql: str):
    from pyspark.sql import types as T
    sql = sql.upper()
    if sql.endswith("[]"):
        return T.ArrayType(spark_type(sql[:-2]), containsNull=True)
    return {"VARCHAR": T.StringType(), "JSON": T.StringType(), "INTEGER": T.IntegerType(),
            "BIGINT": T.LongType(), "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(),
            "DATE": T.DateType(), "TIMESTAMP": T.TimestampType()}[sql]


def spark_schema(table: str):
    """The Spark schema of a store table (+ the date partition column)."""
    from pyspark.sql import types as T
    cols = [T.StructField(c.name, spark_type(c.type), nullable=True) for c in schema.TABLES[table]]
    return T.StructType(cols + [T.StructField(PARTITION_COLUMN, T.StringType(), nullable=False)])


# --- rows (what the store would insert, as Spark-typed values) ---------------------------------------

def _convert(value, sql: str):
    if value is None:
        return None
    sql = sql.upper()
    if sql == "DATE":
        return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])
    if sql == "DOUBLE":
        return float(value)
    if sql in ("INTEGER", "BIGINT"):
        return int(value)
    if sql.endswith("[]"):
        return [str(v) for v in value]
    return value


def article_rows(coded, source_path: Optional[str] = None, metadata: Optional[dict] = None,
                 ingested_at: Optional[_dt.datetime] = None) -> dict[str, list[tuple]]:
    """Rows per table for one coded article, in `schema.TABLES` column order (+ the day)."""
    aid = coded.article.id
    day = coded.article.published or "unknown"
    extra = {"source_path": source_path,
             "metadata": json.dumps(metadata, ensure_ascii=False, default=str) if metadata else None,
             "ingested_at": ingested_at or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)}

    def typed(table: str, values: list) -> tuple:
        return tuple(_convert(v, c.type) for v, c in zip(values, schema.TABLES[table])) + (day,)

    out: dict[str, list[tuple]] = {t: [] for t in TABLES}
    out["articles"].append(typed("articles", schema.row_values("articles", coded, extra)))
    key = {"article_id": aid}
    for table, items in (("actors", coded.actors), ("events", coded.events), ("quotes", coded.quotes)):
        out[table].extend(typed(table, schema.row_values(table, x, key)) for x in items)
    out["mentions"].extend(typed("mentions", [aid, a.id, int(s), int(e)]) for a in coded.actors for (s, e) in a.mentions)
    return out


# --- the partition functions (run on executors) ----------------------------------------------------

def read_file(path: str, fetch: bool = False) -> Iterator[tuple]:
    """("rec", record-json) or ("err", message) for every item of one input file."""
    from .errors import InputError
    from .ingest.readers import read_path
    from .ingest.records import NotEnglish
    for item in read_path(path, fetch=fetch):
        if isinstance(item, NotEnglish):
            yield ("skip", str(item))
        elif isinstance(item, InputError):
            yield ("err", str(item))
        else:
            yield ("rec", json.dumps(item, ensure_ascii=False, default=str))


def code_partition(items: Iterable[str], batch_size: int = 16) -> Iterator[tuple]:
    """Record JSON strings -> ("a", article id, {table: rows}) per coded article, ("e", message) per failure.

    The pipeline is loaded once per Python worker process (`communique.pipeline.get_pipeline`).
    """
    import communique
    from .ingest.runner import PIPELINE_KEYS

    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    batch: list[dict] = []

    def flush():
        payload = [{k: r.get(k) for k in PIPELINE_KEYS} for r in batch]
        try:
            coded_list = list(communique.extract_many(payload, batch_size=len(payload)))
        except Exception:
            coded_list = []
            for p in payload:
                try:
                    coded_list.append(next(communique.extract_many([p])))
                except Exception as exc:
                    coded_list.append(exc)
        for rec, coded in zip(batch, coded_list):
            if isinstance(coded, Exception):
                r = rec.get("record")
                where = rec.get("source_path") if r is None else f"{rec.get('source_path')} record {r}"
                yield ("e", f"{where}: coding failed ({type(coded).__name__}: {coded})")
                continue
            meta = dict(rec.get("metadata") or {})
            if rec.get("record") is not None:
                meta["record"] = rec["record"]
            yield ("a", coded.article.id, article_rows(coded, rec.get("source_path"), meta or None, now))

    for item in items:
        batch.append(json.loads(item))
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


# --- the driver --------------------------------------------------------------------------------------

def session(master: str = "local[2]", app_name: str = "communique", driver_memory: str = "1g"):
    """A small Spark session: 1 g driver, 2 shuffle partitions, no UI, UTC, workers on this Python."""
    import os
    import sys
    from pyspark.sql import SparkSession
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers must import communique
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.driver.memory", driver_memory)
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.python.worker.reuse", "true")
            .getOrCreate())


def input_files(paths: Sequence[str]) -> list[str]:
    from .ingest.readers import is_url, iter_files
    files: list[str] = []
    for p in paths:
        if is_url(p):
            files.append(str(p))
            continue
        q = Path(p)
        files.extend(str(f) for f in iter_files(q)) if q.is_dir() else files.append(str(q))
    return files


def code_to_parquet(inputs: Sequence[str], output: str, *, spark=None, master: str = "local[2]",
                    partitions: Optional[int] = None, batch_size: int = 16, fetch: bool = False) -> dict:
    """Code `inputs` with Spark into Parquet datasets under `output`; returns counts and errors."""
    own = spark is None
    spark = spark or session(master)
    try:
        sc = spark.sparkContext
        files = input_files(inputs)
        if not files:
            raise FileNotFoundError(f"no input files under {', '.join(map(str, inputs))}")
        parts = partitions or max(sc.defaultParallelism, 1)
        read = sc.parallelize(files, min(len(files), max(parts, 1))).flatMap(lambda f: read_file(f, fetch)).cache()
        records = read.filter(lambda kv: kv[0] == "rec").map(lambda kv: kv[1])
        input_errors = read.filter(lambda kv: kv[0] == "err").map(lambda kv: kv[1]).collect()
        skipped = read.filter(lambda kv: kv[0] == "skip").count()
        coded = records.repartition(parts).mapPartitions(lambda it: code_partition(it, batch_size)).cache()
        coding_errors = coded.filter(lambda x: x[0] == "e").map(lambda x: x[1]).collect()
        # one article, however many inputs carried it: keep one copy of its rows
        bundles = (coded.filter(lambda x: x[0] == "a").map(lambda x: (x[1], x[2]))
                   .reduceByKey(lambda a, b: a, parts).values().cache())
        out = Path(output)
        for table in TABLES:
            rdd = bundles.flatMap(lambda b, t=table: b[t])
            df = spark.createDataFrame(rdd, schema=spark_schema(table), verifySchema=False)
            df.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(str(out / table))
        counts = bundles.map(lambda b: {t: len(b[t]) for t in TABLES}).fold(
            {t: 0 for t in TABLES}, lambda x, y: {t: x[t] + y[t] for t in TABLES})
        errors = input_errors + coding_errors
        (out / ERRORS_DIR).mkdir(parents=True, exist_ok=True)
        (out / ERRORS_DIR / "errors.txt").write_text("".join(e + "\n" for e in errors), encoding="utf-8")
        bundles.unpersist()
        coded.unpersist()
        read.unpersist()
        return {"counts": counts, "errors": errors, "non_english": skipped, "files": len(files)}
    finally:
        if own:
            spark.stop()
