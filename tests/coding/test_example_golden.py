"""Golden test: the example article (US–Iraq, 2 November 2006) is coded as an analyst would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

GOLDEN = yaml.safe_load((Path(__file__).parents[1] / "golden" / "example_events.yaml").read_text())


def _fits(event, want: dict) -> bool:
    checks = [
        want.get("source") is None or event.source_code.startswith(want["source"]),
        want.get("target") is None or event.target_code.startswith(want["target"]),
        want.get("source_name") is None or (event.source is not None and event.source.name == want["source_name"]),
        want.get("target_name") is None or (event.target is not None and event.target.name == want["target_name"]),
        want.get("root") is None or event.root == want["root"],
        want.get("date") is None or event.date == want["date"],
        want["sentence_has"] in event.sentence.text,
    ]
    return all(checks)


@pytest.mark.parametrize("want", GOLDEN["events"], ids=[w["what"] for w in GOLDEN["events"]])
def test_expected_event_is_coded(example_coded, want):
    found = [e for e in example_coded.events if _fits(e, want)]
    near = [(e.source_code, e.code, e.target_code, str(e.date)) for e in example_coded.events if want["sentence_has"] in e.sentence.text]
    assert found, f"missing: {want['what']}; events in that sentence: {near}"


def test_evidence_slices_the_article(example_coded):
    text = example_coded.article.text
    for e in example_coded.events:
        assert text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end


def test_nothing_from_footer_or_byline(example_coded):
    for bad in GOLDEN["never_in_evidence"]:
        assert bad not in example_coded.article.text
        assert not [e for e in example_coded.events if bad in e.sentence.text]


def test_the_1963_coup_is_never_dated_2006(example_coded):
    saigon = [e for e in example_coded.events if any(w in e.sentence.text for w in ("1963", "Diem surrendered", "rang the US ambassador"))]
    assert saigon
    assert all(e.date is not None and e.date.year == 1963 for e in saigon)
    assert all(e.modality == "historical" for e in saigon)


def test_article_metadata(example_article):
    assert example_article.date == date(2006, 11, 2)
    assert example_article.date_origin == "dateline"
    assert example_article.title.startswith("Relations between")
    assert "the Bush administration is plotting" in example_article.text
