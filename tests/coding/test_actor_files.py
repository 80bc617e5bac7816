"""Users' actor files and the Phoenix/PETRARCH-2 actor importer: names, dated terms, any-case matching."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from detente.coding.actor_files import import_phoenix_actors, read_actor_file
from detente.coding.tables import load_actors, search_actors
from detente.errors import DataError

from ..conftest import SHARED, shared

MINE = """name: desk-actors
version: "3"
match: any-case
actors:
  - names: [Ahmad Qasim Shahwani, Shahwani]
    code: IRQELI
    terms:
      - {code: IRQGOV, start: 2005-01-01, end: 2007-12-31, role: Minister of Planning}
  - names: [Sadr City Council]
    code: IRQGOV
agents:
  tribal sheikh: ELI
"""


@pytest.fixture(scope="module")
def mine(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "mine.yaml"
    path.write_text(MINE)
    return path


def test_user_file_adds_people_organisations_and_agents(mine):
    tables = load_actors(None, (mine,))
    person = tables.people["Ahmad Qasim Shahwani"]
    assert person.office_at(date(2006, 1, 1)).code == "IRQGOV" and person.default_code == "IRQELI"
    assert tables.organizations["Sadr City Council"] == "IRQGOV"
    assert tables.sectors["tribal sheikh"] == "ELI"
    assert "desk-actors@3" in tables.version


def test_user_names_match_whatever_their_case_and_use_the_default_code_outside_terms(mine):
    from detente.coding import Coder
    from detente.config import Settings

    coder = Coder(Settings(actors=str(mine)))
    inside = coder.code_text("SHAHWANI condemned Iran on Monday.", date(2006, 3, 1)).events
    outside = coder.code_text("Shahwani condemned Iran on Monday.", date(2010, 3, 1)).events
    assert [e.source_code for e in inside] == ["IRQGOV"] and [e.source_code for e in outside] == ["IRQELI"]


@pytest.mark.parametrize(
    "body",
    [
        "actors:\n  - {names: [X], code: irqgov}\n",  # not capitals
        "actors:\n  - {names: [X]}\n",  # no code, no terms
        "actors:\n  - {names: [X], terms: [{code: IRQGOV, start: 2006-13-01}]}\n",  # bad date
    ],
)
def test_bad_user_files_are_named(tmp_path, body):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(DataError, match="E030.*bad.yaml"):
        read_actor_file(path)


def test_search_finds_people_by_name_code_and_date():
    tables = load_actors()
    rows = search_actors(tables, "maliki", when=date(2006, 11, 2))
    assert rows[0]["name"] == "Nouri al-Maliki" and rows[0]["offices"][0]["code"] == "IRQGOV"
    in_office = {r["name"] for r in search_actors(tables, code="IRQGOV", when=date(2006, 11, 2))}
    assert {"Nouri al-Maliki", "Jalal Talabani"} <= in_office
    assert any(r["kind"] == "capital" and r["code"] == "IRQGOV" for r in search_actors(tables, "Baghdad"))


def test_regional_tables_give_heads_of_state_of_every_region():
    tables = load_actors()
    for name, when, code in [
        ("Michel Suleiman", date(2010, 1, 1), "LBNGOV"),
        ("Paul Kagame", date(2015, 1, 1), "RWAGOV"),
        ("Angela Merkel", date(2010, 1, 1), "DEUGOV"),
        ("Luiz Inácio Lula da Silva", date(2005, 1, 1), "BRAGOV"),
        ("Junichiro Koizumi", date(2005, 1, 1), "JPNGOV"),
        ("Vladimir Putin", date(2010, 1, 1), "RUSGOV"),
    ]:
        assert tables.people[name].office_at(when).code == code, name


PHOENIX = SHARED / "reference" / "petrarch2"


def test_phoenix_import_keeps_names_codes_and_dates(tmp_path):
    files = [shared(PHOENIX / f) for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")]
    data, stats = import_phoenix_actors(files)
    # Measured on the PETRARCH-2 files: 26,757 actors, 35,025 names, 26,103 dated terms, 2,223 agent nouns.
    assert stats.actors >= 26000 and stats.terms >= 26000 and stats.agents >= 2000
    maliki = next(a for a in data["actors"] if "nouri al-maliki" in a["names"])
    assert {"code": "IRQGOV", "start": "2006-05-20", "end": "2014-09-08"} in maliki["terms"]
    out = tmp_path / "phoenix.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    tables = load_actors(None, (out,))
    assert tables.people["nuri al maliki"].office_at(date(2007, 1, 1)).code == "IRQGOV"
    assert tables.sectors["riot police"] == "COP"


def test_countries_carry_their_gleditsch_ward_codes():
    tables = load_actors()
    assert tables.gleditsch_ward["USA"] == "2" and tables.gleditsch_ward["IRQ"] == "645" and tables.gleditsch_ward["SUN"] == "365"
    assert search_actors(tables, "Iraq")[0]["gw"] == "645"


def test_parties_are_government_only_in_the_years_they_led_it():
    tables = load_actors()
    kmt = tables.people["Kuomintang"]
    assert kmt.kind == "party" and kmt.office_at(date(2010, 1, 1)).code == "TWNGOV" and kmt.office_at(date(2005, 1, 1)) is None
    assert kmt.default_code == "TWNOPP" and "detente-parties@" in tables.version


def test_context_gold_can_be_scored_by_split(coder):
    from detente.coding.evaluation import article_texts
    from detente.coding.scoring import score_dates

    from ..conftest import CORPUS, ROOT

    texts = article_texts([str(shared(CORPUS))])
    path = ROOT / "tests" / "gold" / "date_gold.jsonl"
    held, dev = (score_dates(coder, path, texts, {"split": s}) for s in ("heldout", "dev"))
    assert held.items and dev.items and held.items + dev.items == score_dates(coder, path, texts).items
