"""Modality: what an embedded or marked event is, so that threats and demands are not coded as acts."""

from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2010, 6, 1)


def _modalities(coder, text):
    return {(e.code[:2], e.modality) for e in coder.code_text(text, WHEN).events}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Israel did not attack Syria on Monday.", ("19", "negated")),
        ("Iran threatened to attack Israel on Monday.", ("19", "threatened")),
        ("The United States refused to lift the sanctions on Iran.", ("08", "negated")),
        ("Egypt demanded that Israel release Palestinian prisoners.", ("08", "demanded")),
        # an announced act is CAMEO's statement of intent for it: military aid 0332, freeing people 0353
        ("The United States will supply arms to Israel.", ("03", "asserted")),
        ("Syria said that Israel attacked Lebanon on Monday.", ("19", "reported")),
        ("If Iran attacks Israel, the United States will respond.", ("19", "conditional")),
        ("Iraq attacked Iran in 1980.", ("19", "historical")),
        # a noun governing an infinitive; "would" in reported speech is the future
        ("Obama faces pressure from Congress to help Iran.", ("07", "demanded")),
        ("Obama said he would not give permission to Russia to help Israel.", ("07", "demanded")),
        # what a speaker says another must do is demanded: the saying is the demand (100)
        ("Russia said that Sudan must return the captured helicopter.", ("08", "demanded")),
        ("Israel announced it would free Palestinian prisoners.", ("03", "asserted")),
        # "want" with no object of its own is the wanter's intention, with one a demand
        ("Obama wants Putin to attack Switzerland.", ("19", "demanded")),
        # an intended act of force is a threat of force in its own right
        ("Obama wants to attack Switzerland.", ("13", "asserted")),
        ("Russia said it will attack Georgia.", ("13", "asserted")),
        # nobody did it; an obligation is no act; what is campaigned or pushed for is only wanted
        ("So far no Australian soldiers have fired their weapons in Dili.", ("19", "negated")),
        ("All Syrian military forces must withdraw from Lebanon before the elections.", ("08", "demanded")),
        ("Thousands of Romanians rallied to campaign for the release of the Romanian journalists.", ("08", "demanded")),
        ("Sharon pushed for the Israeli pullout from Gaza.", ("08", "demanded")),
        # a denied intention is a refusal
        ("Britain does not intend to pull its troops out of Iraq.", ("12", "asserted")),
    ],
)
def test_modality(coder, text, expected):
    assert expected in _modalities(coder, text)


def test_refusal_is_itself_an_event(coder):
    codes = {(e.code[:2], e.modality) for e in coder.code_text("The United States refused to lift the sanctions on Iran.", WHEN).events}
    assert ("12", "asserted") in codes


def test_threat_is_itself_an_event(coder):
    codes = {(e.code[:2], e.modality) for e in coder.code_text("Iran threatened to attack Israel on Monday.", WHEN).events}
    assert ("13", "asserted") in codes


@pytest.mark.parametrize(
    "text,code",
    [
        ("The United States will supply arms to Israel.", "0332"),
        ("Israel announced it would free Palestinian prisoners.", "0353"),
        ("Russia said it will attack Georgia.", "138"),
        # an act announced by a frame ("is to", "set to"), and an event noun through the verb that carries it
        ("Norway is to withdraw its troops from Iraq.", "0356"),
        ("The Spanish government was set to begin talks with ETA.", "036"),
        ("Washington has offered to engage in a dialogue with India.", "036"),
        # announced support is diplomatic cooperation; an announced break, sanction or restriction is a threat
        ("Portugal will support Turkey's efforts to become a full member of the European Community.", "032"),
        ("Brazil and the United States are seeking to deepen a partnership in energy.", "032"),
        ("Iraq's interim government announced that it is prepared to impose martial law.", "1324"),
        ("Kofi Annan announced on Monday that he will withdraw weapons inspectors from Iraq.", "136"),
        # but an announced cut in aid keeps its code, flagged intended, as the field's gold codes it
        ("The United States announced it would prohibit all aid to Albanian rebels in Macedonia.", "162"),
    ],
)
def test_announced_acts_take_the_intent_code(coder, text, code):
    assert code in {e.code for e in coder.code_text(text, WHEN).events}


def test_an_intent_and_the_event_noun_it_governs_are_one_event(coder):
    events = coder.code_text("Washington has offered to engage in a dialogue with India.", WHEN).events
    assert [(e.source_code, e.code, e.target_code) for e in events] == [("USAGOV", "036", "INDGOV")]


def test_a_bomb_set_off_is_no_announced_act(coder):
    text = "The bomb was set off by an attacker from a truck after Iraqi police opened fire at him."
    assert all(e.modality != "intended" for e in coder.code_text(text, WHEN).events)


@pytest.mark.parametrize(
    "text,expected",
    [
        # the of-phrase of a withdrawal is who withdraws, and what a call is for is only demanded
        ("The resolution calls for the withdrawal of Syrian forces from Lebanon.", ("SYRMIL", "0874", "LBN", "demanded")),
        # an event noun a governor verb takes as its object has that verb's modality
        ("Israel denied the attack on Syria.", ("ISR", "190", "SYR", "negated")),
    ],
)
def test_an_event_noun_takes_the_modality_of_the_verb_that_governs_it(coder, text, expected):
    events = coder.code_text(text, date(2005, 3, 6)).events
    assert [(e.source_code, e.code, e.target_code, e.modality) for e in events] == [expected]


def test_a_charge_is_alleged_and_done_by_the_one_charged(coder):
    from datetime import date

    text = "Israel accused Syria of supplying weapons to Hezbollah."
    events = {(e.source_code, e.code, e.target_code, e.modality) for e in coder.code_text(text, date(2005, 3, 6)).events}
    assert ("ISRGOV", "112", "SYR", "asserted") in events
    assert ("SYR", "072", "LBNREBHEZ", "alleged") in events  # kept, flagged, and not counted as an event of its own
    assert "alleged" in coder.modality.not_events


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia will cut aid to Ukraine if Kiev does not pay its debts.", ("RUSGOV", "1311", "UKR")),
        ("Nigeria said it will withdraw its troops from Chad unless the rebels agree to a ceasefire.", ("NGAGOV", "130", "TCD")),
        ("Japan will provide aid to Indonesia if the government asks for it.", ("JPNGOV", "033", "IDN")),  # an offer
    ],
)
def test_an_announced_act_on_a_condition_is_a_threat_unless_it_helps(coder, text, expected):
    from datetime import date

    assert expected in [(e.source_code, e.code, e.target_code) for e in coder.code_text(text, date(2005, 3, 6)).events]


def test_a_hedged_act_is_a_guess_not_a_refusal(coder):
    events = coder.code_text("According to her, the United States probably will not extradite the men.", WHEN).events
    assert not [e for e in events if e.modality not in coder.modality.not_events]


def test_what_one_is_kept_from_doing_is_not_done(coder):
    events = coder.code_text("Israeli troops prevented Palestinian workers from entering Israel.", date(2006, 5, 1)).events
    assert all(e.modality == "negated" for e in events if e.trigger.text == "entering")
    # but making money from selling is selling
    sold = coder.code_text("Russia made billions from selling weapons to Syria.", date(2006, 5, 1)).events
    assert [(e.source_code, e.code, e.target_code, e.modality) for e in sold] == [("RUS", "072", "SYR", "asserted")]


def test_an_intention_denied_is_no_intention(coder):
    events = coder.code_text("In the past Russia had denied that it wanted to sell missiles to Syria.", date(2006, 5, 1)).events
    assert all(e.modality == "negated" for e in events)
