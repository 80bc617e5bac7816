"""Importing PETRARCH-2 / TABARI verb dictionaries into detente's pattern format."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.coding.importers import OBJECT_TARGETS, import_petrarch_verbs, read_petrarch_verbs
from detente.coding.patterns import load_patterns, parse_patterns
from detente.coding.tables import load_cameo
from detente.errors import DataError

from ..conftest import SHARED, shared

PETRARCH = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"

SYNTHETIC = """\
# A tiny dictionary in the PETRARCH-2 format.
####### SYNONYM SETS #######

&FOOD
+FOOD
+FOODSTUFF
+CASH_
+DRY_GOODS

####### VERB PATTERNS #######

---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * (TO)                   [042:043]     # RUSH
- * &FOOD                  [073]         # RUSH
- * POLICE (TO BORDER)     [153]         # RUSH
- &MILITARY *              [154]         # RUSH

---  SCOLD   [111]  ---
SCOLD
UPBRAID [112]
+CALL_OUT
+TAKE_LEAVE {+TAKES_LEAVE}
- * +                      [111]
- * OFF TALKS              [0999]
- * (AGAINST) +            [120]

---  MEET   [040]  ---
MEET {MEETS MET MEETING}
CONSULT [040:040]  # a verb with its own code
- * (WITH)                 [040:040]
- * {TOP OFFICIALS}        [043]
- * &FOOD                  [---]
- * %                      [040]

---  IGNORE   [---]  ---
IGNORE

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""

EXPECTED = [
    {"id": "petr.042.1", "code": "042", "verbs": ["rush", "speed"], "target": ["prep:to"], "note": "PETRARCH RUSH: * (TO) [042:043] (RUSH)"},
    {
        "id": "petr.073.1", "code": "073", "verbs": ["rush", "speed"], "object": ["food", "foodstuff", "cash"],
        "target": list(OBJECT_TARGETS), "note": "PETRARCH RUSH: * &FOOD [073] (RUSH)",
    },
    {"id": "petr.111.1", "code": "111", "verbs": ["scold", "call out"], "note": "PETRARCH verb block SCOLD"},
    {"id": "petr.112.1", "code": "112", "verbs": ["upbraid"], "note": "PETRARCH verb block SCOLD"},
    {"id": "petr.111.2", "code": "111", "verbs": ["scold", "upbraid", "call out"], "target": ["dobj"], "note": "PETRARCH SCOLD: * + [111]"},
    {"id": "petr.120.1", "code": "120", "verbs": ["scold", "upbraid", "call out"], "target": ["prep:against"], "note": "PETRARCH SCOLD: * (AGAINST) + [120]"},
    {"id": "petr.040.1", "code": "040", "verbs": ["meet"], "note": "PETRARCH verb block MEET"},
    {"id": "petr.040.2", "code": "040", "verbs": ["consult"], "reciprocal": True, "note": "PETRARCH verb block MEET"},
    {
        "id": "petr.040.3", "code": "040", "verbs": ["meet", "consult"], "target": ["prep:with"], "reciprocal": True,
        "note": "PETRARCH MEET: * (WITH) [040:040]",
    },
]


@pytest.fixture
def synthetic(tmp_path) -> Path:
    path = tmp_path / "verbs.txt"
    path.write_text(SYNTHETIC, "utf-8")
    return path


def test_synthetic_dictionary_exact(synthetic):
    data, stats = import_petrarch_verbs(synthetic)
    assert data["patterns"] == EXPECTED
    assert data["name"] == "petrarch-verbs"
    assert data["version"] and "verbs.txt" in data["description"]
    assert stats.patterns_read == 12 and stats.patterns_imported == 5
    assert dict(stats.skipped) == {
        "prepositional phrase with words": 1, "words before the verb": 1, "code not in detente's table": 1,
        "noun phrase": 1, "no code [---]": 1, "compound marker": 1, "transformation": 1,
    }
    assert stats.verbs_read == 9 and dict(stats.verbs_skipped) == {"multi-word verb with a non-particle": 1}
    assert stats.verbs_imported == 7  # IGNORE is in a [---] block with no patterns: nothing comes of it
    assert stats.verb_patterns == 4 and stats.reverse_dropped == 1
    assert "5 of 12 patterns imported" in data["description"]
    assert read_petrarch_verbs(synthetic) == data
    # The structure is our YAML format: the loader accepts it as is.
    loaded = parse_patterns(data, synthetic, load_cameo())
    assert {p.id for p in loaded} == {e["id"] for e in EXPECTED}


def test_unreadable_file(tmp_path):
    with pytest.raises(DataError, match="E030"):
        read_petrarch_verbs(tmp_path / "missing.txt")
    (tmp_path / "actors.txt").write_text("UNITED_STATES [USA]\n", "utf-8")
    with pytest.raises(DataError, match="E030"):
        read_petrarch_verbs(tmp_path / "actors.txt")


@pytest.fixture(scope="module")
def petrarch_import(tmp_path_factory):
    path = shared(PETRARCH)
    data, stats = import_petrarch_verbs(path)
    out = tmp_path_factory.mktemp("petrarch") / "cameo2.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return data, stats, out


def test_real_dictionary_imports(petrarch_import):
    data, stats, out = petrarch_import
    # Measured on CAMEO.2.0.txt: 4676 patterns read, 2500 imported, 1567 verbs, 2769 YAML patterns.
    assert stats.patterns_read >= 4600
    assert stats.patterns_imported >= 2400
    assert stats.verbs_imported >= 1500
    assert len(data["patterns"]) >= 2700
    cameo = load_cameo()
    assert all(p["code"] in cameo and len(p["code"]) in (3, 4) for p in data["patterns"])
    assert all(p["id"].startswith("petr.") for p in data["patterns"])
    patterns = load_patterns(cameo, (out,))
    assert patterns.count == load_patterns(cameo).count + len(data["patterns"])
    assert data["name"] in patterns.version


def test_real_dictionary_codes_a_verb_ours_lacks(petrarch_import):
    from detente.coding import Coder
    from detente.config import Settings

    _, _, out = petrarch_import
    sentence = "France imitated Germany."  # "imitate" is not in the bundled dictionary
    assert not Coder().code_text(sentence).events
    events = Coder(Settings(patterns=str(out))).code_text(sentence).events
    assert [(e.code, e.pattern_id.split(".")[0]) for e in events] == [("010", "petr")]


def test_cli_import(synthetic, tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(app, ["patterns", "import", str(synthetic), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 of 12 patterns imported" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert yaml.safe_load(out.read_text("utf-8"))["patterns"] == EXPECTED
    assert load_patterns(load_cameo(), (out,)).count == load_patterns(load_cameo()).count + len(EXPECTED)

    missing = CliRunner().invoke(app, ["patterns", "import", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert missing.exit_code == 3
