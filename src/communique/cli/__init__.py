"""The `communique` command line (Typer).

Each command lives in a small module of this package and follows one rule:
parse the arguments, make one library call, format the result.  Modules add
their commands to `app` in `register(app)`.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="communique",
    help="Code news about international relations into traceable events, and remember each relationship.\n\n"
         "The default database is communique.duckdb in your user data directory "
         "(override with --db or the COMMUNIQUE_DB environment variable).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# command modules, each with register(app); a module that is not there yet is skipped
COMMAND_MODULES = (
    "extract_cmd",   # extract
    "store_cmds",    # events, actors, export, report
    "ingest_cmd",    # ingest, load
    "eval_cmd",      # eval
    "actors_cmd",    # kb coverage, actors --learned
    "relation_cmd",  # relation
    "serve_cmd",     # serve
    "spark_cmd",     # spark-code
)

for _mod in COMMAND_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_mod}").register(app)
    except ModuleNotFoundError as exc:  # only tolerate the module itself being absent
        if exc.name != f"{__name__}.{_mod}":
            raise


def main() -> None:
    app()
