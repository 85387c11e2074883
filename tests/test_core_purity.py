"""The pure core imports no IO layer."""
import subprocess
import sys

import pytest

# typer is imported by spaCy itself (spacy.cli), so it is not a test of our core.
FORBIDDEN = ["duckdb", "fastapi", "uvicorn", "pyspark", "datasketch", "trafilatura", "warcio", "matplotlib", "communique.store", "communique.cli",
             "communique.web", "communique.ingest", "communique.memory"]


@pytest.mark.parametrize("entry", ["import communique",
                                   "import communique; communique.extract('Kazakhstan and Oman met.')"])
def test_core_purity_no_io_imports(entry):
    code = f"{entry}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import json
    mods = set(json.loads(out.strip().splitlines()[-1]))
    bad = [m for m in FORBIDDEN if m in mods]
    assert not bad, f"core imported IO modules: {bad}"
