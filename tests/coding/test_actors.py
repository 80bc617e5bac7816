"""Actors: names, agents, people in office at the event date, metonyms, pronouns."""

from __future__ import annotations

from datetime import date

import pytest


def _pairs(coder, text, when):
    return [(e.source_code, e.root, e.target_code) for e in coder.code_text(text, when).events]


@pytest.mark.parametrize(
    "text,when,expected",
    [
        ("Iraqi Prime Minister Nouri al-Maliki condemned the US military.", date(2006, 11, 2), ("IRQGOV", "11", "USAMIL")),
        ("Washington condemned Tehran on Monday.", date(2006, 11, 2), ("USAGOV", "11", "IRNGOV")),
        ("Iraqi members of parliament denounced the Maliki government.", date(2006, 11, 2), ("IRQLEG", "11", "IRQGOV")),
        ("Senator Hillary Clinton criticised the Iraqi government.", date(2006, 10, 31), ("USALEG", "11", "IRQGOV")),
        ("Hillary Clinton criticised the Iraqi government.", date(2010, 3, 1), ("USAGOV", "11", "IRQGOV")),
        ("Syrian rebels attacked government forces.", date(2013, 5, 1), ("SYRREB", "19", "---MIL")),
    ],
)
def test_actor_codes(coder, text, when, expected):
    assert expected in _pairs(coder, text, when)


def test_pronoun_takes_the_last_person(coder):
    text = "Moqtada al-Sadr spoke in Kufa on Monday. He condemned Iraqi members of parliament."
    events = [e for e in coder.code_text(text, date(2006, 11, 2)).events if e.trigger.text == "condemned"]
    assert events and events[0].source.name == "Moqtada al-Sadr"
    assert events[0].source_resolution.startswith("pronoun:he")


def test_coordinated_subjects_give_one_event_each(coder):
    got = _pairs(coder, "France and Germany condemned Russia on Monday.", date(2014, 3, 3))
    assert ("FRA", "11", "RUS") in got and ("DEU", "11", "RUS") in got


def test_passive_voice(coder):
    got = _pairs(coder, "Israel was condemned by Egypt on Monday.", date(2009, 1, 5))
    assert ("EGY", "11", "ISR") in got
