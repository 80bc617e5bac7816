"""Data flows one way (ingest → nlp → coding → store → analysis → core → cli), checked by import-linter."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layers_are_respected():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_library_never_prints():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src" / "detente").rglob("*.py")
        if "cli" not in p.parts and re.search(r"(?<![\w.])print\(", p.read_text())
    ]
    assert offenders == []
