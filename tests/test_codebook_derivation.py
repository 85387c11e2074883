"""The shipped codebook and gazetteer files are what the derivation scripts produce (needs ../shared)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "communique" / "data"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_codebooks_are_up_to_date(shared, tmp_path):
    mod = _script("derive_codebooks")
    mod.build(shared, tmp_path)
    for name in ("cameo.tsv", "plover.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / "codebook" / name).read_text(encoding="utf-8"), name


def test_gazetteer_is_up_to_date(shared, tmp_path):
    mod = _script("build_gazetteer")
    out = tmp_path / "gazetteer.tsv"
    assert mod.main(["--shared", str(shared), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DATA / "gazetteer.tsv").read_text(encoding="utf-8")
