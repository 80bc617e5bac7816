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
        ("The United States will supply arms to Israel.", ("07", "intended")),
        ("Syria said that Israel attacked Lebanon on Monday.", ("19", "reported")),
        ("If Iran attacks Israel, the United States will respond.", ("19", "conditional")),
        ("Iraq attacked Iran in 1980.", ("19", "historical")),
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
