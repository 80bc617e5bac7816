"""Shared fixtures. Reference material is read from ../shared (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "2006-11-02-us-iraq-relations-breaking-point.md"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpora" / "wikinews-politics-2004-2006.jsonl"
DEMO = ROOT / "demo" / "corpus"


def shared(path: Path) -> Path:
    """A file from ../shared; in CI its absence fails, elsewhere it skips."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with shared/ beside the repo")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def coder():
    from detente.coding import Coder

    return Coder()


@pytest.fixture(scope="session")
def example_article():
    from detente.ingest import read_inputs

    (article,) = list(read_inputs([str(shared(EXAMPLE))]))
    return article


@pytest.fixture(scope="session")
def example_coded(coder, example_article):
    (coded,) = list(coder.code_articles([example_article]))
    return coded


@pytest.fixture
def db(tmp_path):
    import detente

    return detente.open(tmp_path / "test.duckdb")
