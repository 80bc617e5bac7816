"""Evaluation gate: accuracy on the gold sets in ../shared/gold may not drop below pinned floors.

Floors are the measured baseline, rounded down; raise them as the coder improves,
never lower them to go green (fix the code, or say why in the issue).
"""

from __future__ import annotations

import pytest

from detente.coding.evaluation import coder_predictions, evaluate, read_gold

from detente.coding.evaluation import article_texts

from ..conftest import CORPUS, EXAMPLE, GOLD, ROOT, shared

# (gold set, level) -> minimum F1;  plus a ceiling on extra events per sentence
FLOORS = {
    # our own set (tests/gold/own_gold.jsonl), real news, 64% without events; held-out: never tuned on.
    # Re-pinned after the 15 coder A/B disagreements were adjudicated (the reference changed).
    # raised 2026-12-07 (detente-events 0.6.0, detente-modality 0.5.0): held-out quad 0.32 -> 0.35 with CAMEO's intent
    # and threat codes for announced acts; dev root 0.47 -> 0.54; PLOVER root 0.70 -> 0.72
    # 2026-12-07 (force grounded by the story's country, weapons as no doer): held-out root 0.24 -> 0.32, quad 0.35 -> 0.45,
    # country 0.17 -> 0.19; its code/exact floor 0.14 -> 0.13 and extra ceiling 0.08 -> 0.09 because four more events are
    # coded (three right at root, all four at QuadClass) with the story's guess of their actors, none exact; said in issue 4
    # raised 2026-12-07 (coder 0.5.0: nobody's acts, obligations, denied intentions and acts referred to are not
    # events): held-out root 0.32 -> 0.33 (precision 0.56 -> 0.62), quad 0.45 -> 0.47, country 0.19 -> 0.20, extra
    # ceiling 0.09 -> 0.07 (measured only, never tuned on)
    # then 0.33 -> 0.37 (precision 0.69) and extra 0.07 -> 0.06 when force by crowds became riots and by civilians 18x
    "own:heldout": {"root/ignored": 0.37, "quad/ignored": 0.47, "root/country": 0.20, "code/exact": 0.13},
    # raised again 2026-12-07 (modality 0.6.0: charges alleged, owners as targets, threat and refusal codes): dev root
    # 0.54 -> 0.55, extra events 0.05 -> 0.04; PETR2 country 0.44 -> 0.49, exact 0.24 -> 0.30; PLOVER country 0.36 -> 0.46
    # 2026-12-07 (people of no stated role are civilians; hedged acts are guesses): dev country 0.37 -> 0.40, quad 0.65 ->
    # 0.66; its extra ceiling 0.04 -> 0.05: "insurgents ... killed her translator" is now coded (190, the translator a
    # civilian), which the gold codes 1823, so the event counts as extra though it is the gold's event at QuadClass
    # raised 2026-12-07 (coder 0.4.0: force on demonstrators is 175, killings by irregulars 1823): dev root 0.60 -> 0.62,
    # country 0.39 -> 0.41, exact 0.25 -> 0.27, extra ceiling 0.05 -> 0.04
    "own:dev": {"root/ignored": 0.62, "quad/ignored": 0.65, "root/country": 0.41, "code/exact": 0.27},
    # a second random sample of 160 corpus sentences, coded blind and never read (2026-12-08; 44% with events): the
    # honest figure on what users see; coder 0.7.0 had root 0.29, country 0.15, quad 0.32, exact 0.06 on it
    "own:sample-heldout": {"root/ignored": 0.30, "quad/ignored": 0.33, "root/country": 0.16, "code/exact": 0.07},
    # a random sample of 160 corpus sentences coded blind (2026-12-08; 44% with events): pinned at coder 0.8.0, where its
    # misses are what this coder still cannot do (root 0.26 at coder 0.7.0, when it was drawn); raised at coder 0.9.0
    # (US legislators, capitalised plurals, more words of disapproval in what is said): root 0.30 -> 0.35, quad 0.36 ->
    # 0.41, country 0.16 -> 0.22, exact 0.11 -> 0.14
    "own:sample": {"root/ignored": 0.35, "quad/ignored": 0.41, "root/country": 0.22, "code/exact": 0.14},
    # PETRARCH-2 and PLOVER gold follow Phoenix conventions (a country named alone keeps its bare code)
    # raised 2026-12-07 (announced diplomatic cooperation is 032): news root 0.60 -> 0.66, country 0.50 -> 0.57
    # raised 2026-12-07 (claims and condolences aimed where the act was done, one doer for a split subject, "in Israeli
    # shelling" read as the shelling's doer): news root 0.66 -> 0.68, quad 0.69 -> 0.71, country 0.57 -> 0.62, exact 0.28 -> 0.31
    "petr2_gsr:news": {"root/ignored": 0.68, "quad/ignored": 0.71, "root/country": 0.62, "code/exact": 0.31},  # 35 real wire sentences
    # code/exact 0.25 -> 0.24 with 112.evidence-against (detente-events 0.5.0): "presented evidence against Russia"
    # is now coded 112 where the gold has 1124 (accuse of espionage), which the sentence does not say; root 0.53 -> 0.55
    # raised 2026-12-07 (same changes; agents placed by the domestic agent they face): root 0.59 -> 0.61, quad 0.67 -> 0.69,
    # country 0.52 -> 0.54, exact 0.30 -> 0.31
    # raised 2026-12-07 (coder 0.4.0): root 0.61 -> 0.62, country 0.54 -> 0.55, extra ceiling 0.29 -> 0.27
    # then root 0.62 -> 0.63, country 0.55 -> 0.57, extra ceiling 0.27 -> 0.26 (rioters clashing riot, 145)
    "petr2_gsr": {"root/ignored": 0.63, "quad/ignored": 0.69, "root/country": 0.57, "code/exact": 0.31},
    # plover/ignored 0.69 -> 0.68 and its extra-events ceiling 0.28 -> 0.29 with the subject-first pronoun rule
    # (2026-12-07): "they had taken hostage", "they rose up against", "they blew themselves up" now resolve to the
    # rebels and bombers, real events that these one-event examples do not list (root F1 0.682 -> 0.684)
    # quad 0.73 -> 0.72 (2026-12-07): "a prominent anti-Syria journalist has been killed" no longer makes the victim
    # Syrian (SYRMED), which had matched the gold's QuadClass by accident; with no country, no event is coded
    # raised 2026-12-07 ("must" in what is said is demanded, hedged acts are guesses): PLOVER root 0.73 -> 0.74, quad
    # 0.76 -> 0.77, country 0.46 -> 0.47, type 0.73 -> 0.74; extra-events ceilings PLOVER 0.27 -> 0.24, PETR2 0.33 -> 0.31
    # raised 2026-12-07 (protests aimed by their purpose, threats by their condition, counterparts, owners of what an act
    # answers, ethnic groups): PLOVER root 0.74 -> 0.75, quad 0.77 -> 0.78, country 0.47 -> 0.52, type 0.74 -> 0.75;
    # extra-events ceiling 0.24 -> 0.23
    # raised 2026-12-08 (coder 0.8.0: towns only from words tagged places, acts kept from or intentions denied are not
    # done, owners through "of"): root 0.75 -> 0.76, quad 0.78 -> 0.79, country 0.52 -> 0.54, exact 0.17 -> 0.18, type 0.75 -> 0.76;
    # extra-events ceiling 0.23 -> 0.21
    "plover_gsr": {"root/ignored": 0.76, "quad/ignored": 0.79, "root/country": 0.54, "code/exact": 0.18, "plover/ignored": 0.76},
}
MAX_EXTRA_PER_SENTENCE = {"petr2_gsr": 0.26, "plover_gsr": 0.21, "petr2_gsr:news": 0.26, "own:heldout": 0.06, "own:dev": 0.04, "own:sample": 0.08, "own:sample-heldout": 0.06}


@pytest.fixture(scope="module")
def phoenix_coder():
    """PETRARCH-2 and PLOVER gold keep a country named alone as its bare code ("Iran said" is IRN)."""
    from detente.coding import Coder
    from detente.config import Settings

    return Coder(Settings(conventions="phoenix"))


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, coder, phoenix_coder):
    name, _, subset = request.param.partition(":")
    if name == "own":
        texts = article_texts([str(shared(CORPUS)), str(shared(EXAMPLE))])
        gold = read_gold(ROOT / "tests" / "gold" / "own_gold.jsonl", {"split": subset}, texts)
    else:
        coder = phoenix_coder
        gold = read_gold(shared(GOLD / f"{name}.jsonl"), {"nature": subset} if subset else None)
    return request.param, evaluate(gold, lambda gs: coder_predictions(coder, gs))


def test_f1_floors(scored):
    name, result = scored
    scores = result.as_dict()["scores"]
    low = {level: scores[level]["f1"] for level, floor in FLOORS[name].items() if scores[level]["f1"] < floor}
    assert not low, f"{name}: below floor: {low}"


def test_extra_events_ceiling(scored):
    name, result = scored
    assert result.extra_per_sentence <= MAX_EXTRA_PER_SENTENCE[name]


def test_offset_keyed_gold_resolves_text(tmp_path):
    import json

    from detente.coding.evaluation import article_texts

    src = tmp_path / "arts.jsonl"
    src.write_text(json.dumps({"id": "w1", "text": "Intro. Ukraine condemned Russia on Monday. End."}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"uid": "k1", "article": "w1", "start": 7, "end": 42, "split": "heldout", "events": []}) + "\n")
    (sentence,) = read_gold(gold, {"split": "heldout"}, article_texts([str(src)]))
    assert sentence.text == "Ukraine condemned Russia on Monday."


def test_agreement_is_symmetric_and_perfect_on_itself():
    from detente.coding.evaluation import GoldSentence, agreement

    gold = [GoldSentence("a", "x", None, (("USA", "IRQ", "111"),)), GoldSentence("b", "y", None, ())]
    same = agreement(gold, {g.uid: g.events for g in gold})
    assert same["event_presence"]["kappa"] == 1.0 and same["f1"]["code/exact"] == 1.0
    other = agreement(gold, {"a": (("USA", "IRQ", "112"),), "b": ()})
    assert other["f1"]["root/exact"] == 1.0 and other["f1"]["code/exact"] == 0.0


def test_second_coder_file_matches_the_gold():
    import json

    from detente.coding.tables import load_cameo

    own = {json.loads(line)["uid"] for line in (ROOT / "tests" / "gold" / "own_gold.jsonl").read_text().splitlines()}
    second = [json.loads(line) for line in (ROOT / "tests" / "gold" / "own_gold_coder_b.jsonl").read_text().splitlines()]
    assert len(second) == 70 and {r["uid"] for r in second} <= own
    assert all(e["code"] in load_cameo() for r in second for e in r["events"])
    assert not any("text" in r for r in second)


# Who, when and where (offset-keyed gold written for detente; tests/gold/actor_gold_README.md and
# dates_places_README.md). Measured floors; the targets are 0.92 / 0.85 (actors), 0.95 (dates),
# 0.85 exact day and 0.90 / 0.75 country / city (event places): all met on the whole sets (2026-12-07).
CONTEXT_FLOORS = {
    "actor_gold.jsonl": {"country": 0.92, "sector": 0.87},
    "date_gold.jsonl": {"normalised": 0.95},
    # "(found events)" measures are conditional on the coder finding the event; detente-events@0.4.0 found one
    # more (evt-0028, "bombing ... late last week", whose day only the next sentence gives), so the date measure
    # went 17/19 -> 17/20 with no found event losing its date; the floor follows the denominator, not a regression
    # 2026-12-07: force grounded by the story's country finds 5 more events (38 -> 43); city right 15/19 -> 17/22, the new
    # miss being "at Doomdooma in Tinsukia district", a town the gazetteer lacks (coded India): again the denominator
    # 2026-12-08 (coder 0.8.0): "I"/"we" in a quote are its speaker, which finds one more gold event (43 -> 44 of 144; a
    # held-out one, not read) whose place country is not the gold's: 40/41 -> 40/42, the denominator again; "event
    # found" raised 0.29 -> 0.30
    "event_place_gold.jsonl": {"event found": 0.30, "date, exact day (found events)": 0.90, "place country (found events)": 0.95, "place city (found events)": 0.77},
}


@pytest.fixture(scope="module")
def context_texts():
    return article_texts([str(shared(CORPUS)), str(shared(EXAMPLE))])


@pytest.mark.parametrize("name", sorted(CONTEXT_FLOORS))
def test_who_when_where_floors(coder, context_texts, name):
    from detente.coding.scoring import gold_kind, score_actors, score_dates, score_event_places

    path = ROOT / "tests" / "gold" / name
    scorer = {"actors": score_actors, "dates": score_dates, "event-places": score_event_places}[gold_kind(path)]
    report = scorer(coder, path, context_texts)
    low = {m: round(report.measures[m].accuracy, 4) for m, floor in CONTEXT_FLOORS[name].items() if report.measures[m].accuracy < floor}
    assert not low, f"{name}: below floor: {low}"
