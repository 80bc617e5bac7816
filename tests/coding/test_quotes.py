"""Quotes: the speaker resolved to an actor, and events said inside a quote linked to it."""

from __future__ import annotations

from datetime import date


def test_speaker_after_the_quote(coder):
    coded = coder.code_text("“We will never accept these sanctions,” Iran's foreign minister said on Monday.", date(2010, 6, 1))
    (quote,) = coded.quotes
    assert quote.speaker is not None and quote.speaker.code == "IRNGOV"
    assert coded.article.text[quote.start : quote.end] == quote.text


def test_speaker_of_a_quoted_threat(coder):
    text = "On Monday, Hassan Nasrallah issued a statement warning that “if the blockade goes on, we will answer with force”."
    (quote,) = coder.code_text(text, date(2006, 8, 2)).quotes
    assert quote.speaker is not None and quote.speaker.name == "Hassan Nasrallah"


def test_event_inside_a_quote_points_at_it(coder):
    coded = coder.code_text("Syria's president said: “Israel attacked our army on Monday.”", date(2010, 6, 1))
    (quote,) = coded.quotes
    inside = [e for e in coded.events if e.trigger.text == "attacked"]
    assert inside and all(e.quote_id == quote.id for e in inside)


def test_the_first_person_in_a_quote_is_its_speaker(coder):
    text = "“We condemn the American raid on Sadr City,” Iraqi Prime Minister Nouri al-Maliki said."
    coded = coder.code_text(text, date(2006, 11, 2))
    assert ("IRQGOV", "111", "USA") in {(e.source_code, e.code, e.target_code) for e in coded.events}
    we = next(m for m in coded.mentions if m.text == "We")
    assert we.actor.code == "IRQGOV" and we.resolution.startswith("speaker:")


def test_a_country_abbreviation_in_a_quote_is_not_its_speaker(coder):
    coded = coder.code_text("“We will not let the US dictate to us,” Iraqi Prime Minister Nouri al-Maliki said.", date(2006, 11, 2))
    assert {m.text for m in coded.mentions if m.resolution.startswith("speaker:")} == {"We", "us"}
