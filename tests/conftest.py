"""The one conftest: shared fixtures for every test module."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "communique" / "data" / "corpus"


def _shared() -> Path | None:
    from communique.evaluation import find_shared
    return find_shared()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or skip the test when it is absent."""
    p = _shared()
    if p is None:
        pytest.skip("../shared is absent")
    return p


@pytest.fixture(scope="session")
def seed_text(shared) -> str:
    return (shared / "seeds" / "000_f8d464c467906139.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """The process-wide communique pipeline (loaded once)."""
    from communique.pipeline import get_pipeline
    return get_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    import communique
    return communique.extract


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture()
def tmp_db(tmp_path) -> Path:
    return tmp_path / "test.duckdb"
