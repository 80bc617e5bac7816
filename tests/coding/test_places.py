"""Where events happened: the clause's own place, not every place the sentence mentions."""

from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2006, 11, 2)


def _places(coder, text):
    return [(e.code[:2], e.place.name if e.place else None, e.place.country if e.place else None, e.place_origin)
            for e in coder.code_text(text, WHEN).events]


@pytest.mark.parametrize(
    "text,name,country,origin",
    [
        ("The Israeli army attacked a checkpoint in Khan Younis on Monday.", "Khān Yūnis", "PSE", "clause"),
        ("A diplomat from Egypt met Jordanian officials in Amman on Monday.", "Amman", "JOR", "clause"),
        ("Insurgents attacked a convoy in the Gaza Strip on Monday.", "Gaza Strip", "PSE", "clause"),  # the alias index
        ("Protesters rallied against the US government in Washington on Monday.", "Washington", "USA", "clause"),
    ],
)
def test_event_place(coder, text, name, country, origin):
    assert (name, country, origin) in {p[1:] for p in _places(coder, text)}


def test_a_coordinated_act_with_no_place_of_its_own_shares_its_partners(coder):
    text = "Condoleezza Rice visited Tbilisi and voiced support for Georgia's territorial integrity."
    assert [p for p in _places(coder, text) if p[0] == "05"] == [("05", "Tbilisi", "GEO", "clause")]


def test_the_target_is_not_the_place_and_the_dateline_is_the_fallback(coder):
    assert [p[1:] for p in _places(coder, "KABUL - Hamas fired rockets at Israel on Monday.")] == [("Kabul", "AFG", "dateline")]


def test_no_place_named_gives_the_country_the_story_is_about(coder):
    text = "Iraq's parliament met in Baghdad. Iraqi leaders met on Sunday.\n\nThe prime minister condemned the US military."
    found = _places(coder, text)
    assert ("11", "Iraq", "IRQ", "story") in found


def test_events_store_their_place(db, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("The Israeli army attacked a checkpoint in Khan Younis on Monday.")
    db.ingest([str(path)], date=WHEN)
    rows = db.store.query("SELECT place_name, place_country, place_origin, place_start, place_end FROM current_events")
    assert rows and rows[0]["place_country"] == "PSE" and rows[0]["place_origin"] == "clause"
    assert path.read_text()[rows[0]["place_start"] : rows[0]["place_end"]] == "Khan Younis"


def test_a_visit_happened_where_it_went(coder):
    found = _places(coder, "Romania's foreign minister visited Damascus last week.")
    assert ("04", "Damascus", "SYR", "clause") in found


def test_a_locality_the_gazetteer_lacks_is_kept_by_name_in_the_story_country(coder):
    text = "Iraqi police arrested insurgents in Baghdad. Iraqi officials met on Monday. Insurgents attacked Iraqi soldiers in Dora on Saturday."
    assert any(name == "Dora" and country == "IRQ" for _, name, country, _ in _places(coder, text))


def test_lower_case_words_are_never_places(coder):
    # GeoNames lists lower-case alternate names ("east", "part"); only a capitalised name is a place
    found = _places(coder, "GAZA CITY - Israeli troops attacked Palestinian militants in the east of the town on Friday.")
    assert all(name in ("Gaza", "Gaza City", None) for _, name, _, _ in found)


def test_a_statement_with_no_place_is_made_where_the_speaker_is(coder):
    text = ("Gunmen attacked a hotel in Mumbai. Indian police fought the gunmen in Mumbai on Thursday. "
            "Indian officials met on Friday.\n\nPakistani President Asif Ali Zardari condemned the attack.")
    found = [p for p in _places(coder, text) if p[0] == "11"]
    assert found and found[0][2:] == ("PAK", "speaker")


def test_an_event_with_no_place_takes_the_place_its_story_is_in(coder):
    text = ("The minister spoke at a news conference in Lisbon on Friday. He said talks had gone well. "
            "Earlier that day a meeting was held between him and an Australian general.")
    meetings = [e for e in coder.code_text(text, date(2006, 6, 2)).events if e.trigger.text == "meeting"]
    assert meetings and all(e.place is not None and e.place.name == "Lisbon" for e in meetings)


def test_a_struck_village_is_finer_than_the_region_it_lies_in(coder):
    text = "U.S. aircraft bombed the village of Chechal in the east of Afghanistan."
    (bombing,) = coder.code_text(text, date(2005, 7, 4)).events
    assert bombing.place.name == "Chechal" and bombing.place.country == "AFG"


def test_a_struck_village_lies_in_the_country_its_clause_names(coder):
    text = ("U.S. aircraft bombed the village of Chechal in the east of Afghanistan, said a governor. "
            "The U.S. military said the U.S. team was still missing.")  # a story about the US, not Afghanistan
    bombing = next(e for e in coder.code_text(text, date(2005, 7, 4)).events if e.trigger.text == "bombed")
    assert bombing.place.name == "Chechal" and bombing.place.country == "AFG"


def test_the_story_s_place_carries_over_several_sentences(coder):
    text = ("The journalists arrived in Bucharest yesterday. They were greeted by their families in the Romanian capital. "
            "Romanian officials were also there. The three were embraced by their families. "
            "They were followed by a colleague. The journalists also embraced the President.")
    embraced = [e for e in coder.code_text(text, date(2005, 5, 24)).events if e.trigger.text == "embraced"]
    assert embraced and embraced[-1].place is not None and embraced[-1].place.name == "Bucharest"


@pytest.mark.parametrize("where,city", [("the Romanian capital", "Bucharest"), ("Kenya's capital", "Nairobi"), ("the Iraqi capital", "Baghdad")])
def test_a_country_s_capital_is_its_capital_city(coder, where, city):
    events = coder.code_text(f"Protesters clashed with police in {where} on Sunday.", date(2005, 1, 1)).events
    assert events and all(e.place.name == city and e.place.precision == "city" for e in events)


def test_the_place_of_a_topic_is_not_where_it_was_discussed(coder):
    text = "The Cuban foreign minister visited Brazil on Thursday. Roque and Amorim discussed the situation in Haiti."
    discussed = [e for e in coder.code_text(text, date(2005, 2, 6)).events if e.trigger.text == "discussed"]
    assert discussed and all(e.place is None or e.place.country != "HTI" for e in discussed)


def test_a_compass_word_is_no_place():
    from detente.coding.places import load_gazetteer

    assert load_gazetteer().lookup("North") is None  # GeoNames: another name of North Salt Lake, Utah


@pytest.mark.parametrize(
    "text,name,country",
    [
        # GeoNames lists "Bay" (Philippines) and "York" as towns: the whole name, or the name before its kind
        ("Rice visited Guantanamo Bay on Monday.", "Guantánamo", "CUB"),
        ("Rice visited New York City on Monday.", "New York City", "USA"),
        ("Thai soldiers fought insurgents in Yala province on Monday.", "Yala", "THA"),
    ],
)
def test_a_place_is_read_by_its_whole_name(coder, text, name, country):
    assert (name, country) in {(p[1], p[2]) for p in _places(coder, text)}


def test_months_surnames_and_continents_are_no_towns(coder):
    # GeoNames has towns called March (England), Arar (Saudi Arabia) and, as an old name, Africa (Tunisia)
    text = "Maher Arar met Rwandan refugees in March. Rice made her first trip to Africa."
    assert {p[2] for p in _places(coder, text)} <= {None, "RWA", "USA"}
    sides = {code for e in coder.code_text(text).events for code in (e.source_code, e.target_code)}
    assert not sides & {"GBR", "SAU", "TUN"}
