"""Dates: expressions resolved against the article date; narratives carry their date forward."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding.dates import normalise

BASE = date(2006, 11, 2)  # a Thursday


@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("Tuesday", date(2006, 10, 31), "day"),
        ("Thursday", date(2006, 11, 2), "day"),  # the article's own weekday is that day
        ("last Thursday", date(2006, 10, 26), "day"),
        ("Tuesday afternoon", date(2006, 10, 31), "day"),
        ("Monday", date(2006, 10, 30), "day"),
        ("Yesterday", date(2006, 11, 1), "day"),
        ("November 1, 1963", date(1963, 11, 1), "day"),
        ("October 20", date(2006, 10, 20), "day"),
        ("March 2003", date(2003, 3, 1), "month"),
        ("1991", date(1991, 1, 1), "year"),
    ],
)
def test_normalise(text, expected, precision):
    assert normalise(text, BASE) == (expected, precision)


def test_relative_dates_need_an_anchor_never_today():
    assert normalise("Tuesday", None) is None
    assert normalise("November 1, 1963", None) == (date(1963, 11, 1), "day")


def _dates(coder, text, when=BASE):
    coded = coder.code_text(text, when)
    return [(e.trigger.text, e.date, e.date_origin, e.modality) for e in coded.events]


def test_narrative_date_is_inherited_within_a_paragraph(coder):
    text = ("On September 11, 1973, army units attacked the presidential palace in Santiago. "
            "Hours later, the troops stormed the building.\n\n"
            "Iraq condemned the United States.")
    got = _dates(coder, text)
    assert [t for t, _, _, _ in got if t != "condemned"]
    assert all(d == date(1973, 9, 11) and m == "historical" for t, d, o, m in got if t != "condemned")
    assert [(d, o) for t, d, o, m in got if t == "condemned"] == [(BASE, "article")]


def test_anniversary_shifts_the_date(coder):
    got = _dates(coder, "Wednesday was the 25th anniversary of the army's coup against the Chilean government.")
    assert got and all(d == date(1981, 11, 1) for _, d, _, _ in got)


def test_duration_is_not_a_date(coder):
    got = _dates(coder, "For months now, Iraq has condemned the United States.")
    assert got and all(o == "article" for _, _, o, _ in got)


@pytest.mark.parametrize(
    "text,base,expected",
    [
        ("April 11", date(2005, 4, 5), (date(2005, 4, 11), "day")),  # a day and month with no year: the nearest
        ("February 15", date(2005, 11, 25), (date(2006, 2, 15), "day")),
        ("December 27", date(2006, 1, 3), (date(2005, 12, 27), "day")),
        ("in late March", date(2005, 5, 5), (date(2005, 3, 1), "month")),
        ("earlier this month", date(2005, 7, 22), (date(2005, 7, 1), "month")),
        ("earlier this year", date(2006, 3, 7), (date(2006, 1, 1), "year")),
        ("mid-June", date(2005, 7, 22), (date(2005, 6, 1), "month")),
    ],
)
def test_expressions_without_a_year(text, base, expected):
    from detente.coding.dates import normalise

    assert normalise(text, base) == expected


def test_a_date_after_for_is_a_point_in_time_not_a_duration(coder):
    from detente.coding.dates import expressions

    doc = coder.nlp("The vote was set for January 8, 2006. Talks went on for three weeks.")
    assert [(e.text, e.date) for e in expressions(doc, date(2005, 11, 25))] == [("January 8, 2006", date(2006, 1, 8))]


def test_a_range_of_days_is_its_first_day():
    from detente.coding.dates import normalise

    assert normalise("February 2-3", date(2005, 2, 6)) == (date(2005, 2, 2), "day")


def test_a_year_that_modifies_a_noun_does_not_date_the_story(coder):
    text = ("Obama spoke at Cairo University on Thursday. He acknowledged the American role in the 1953 overthrow "
            "of Iran's government. Obama met President Hosni Mubarak before the speech.")
    met = [e for e in coder.code_text(text, date(2009, 6, 4)).events if e.trigger.text == "met"]
    assert met and all(e.date == date(2009, 6, 4) and e.modality != "historical" for e in met)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministers will meet on Friday.", date(2006, 6, 9)),  # the future: the next Friday
        ("The ministers met on Friday.", date(2006, 6, 2)),  # the past: the last one
        ("A meeting was held this Friday in Lisbon.", date(2006, 6, 2)),
        ("Talks are to resume next Tuesday.", date(2006, 6, 6)),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(coder, text, expected):
    from detente.coding.dates import expressions

    assert [e.date for e in expressions(coder.nlp(text), date(2006, 6, 4))] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The candidate will be elected when the caucus meets on Tuesday.", [date(2006, 6, 6)]),  # a future when-clause
        ("Protests continued to disrupt the city on Saturday.", [date(2006, 6, 3)]),  # "to" alone is no future
    ],
)
def test_the_tense_of_a_governing_clause(coder, text, expected):
    from detente.coding.dates import expressions

    assert [e.date for e in expressions(coder.nlp(text), date(2006, 6, 4))] == expected


def test_relative_phrases_with_a_year_or_a_hedge():
    assert normalise("May of this year", date(2005, 11, 22)) == (date(2005, 5, 1), "month")
    assert normalise("as early as next week", date(2006, 4, 6)) == (date(2006, 4, 10), "week")


def test_an_entity_listing_dates_gives_each_of_them(coder):
    from detente.coding.dates import expressions

    text = "Castro has visited Brazil several times, most recently in September 1998, June 1999 and September 2001."
    found = [(e.text, e.date) for e in expressions(coder.nlp(text), date(2005, 2, 6))]
    assert ("September 1998", date(1998, 9, 1)) in found and ("June 1999", date(1999, 6, 1)) in found


@pytest.mark.parametrize(
    "text,expected",
    [
        # counted from the last day the story gave, not from the article date
        ("He arrived in Oslo on Tuesday after being released from prison the day before.", [date(2006, 10, 31), date(2006, 10, 30)]),
        ("The first report came out on May 27, 2003, and a final report three weeks later.", [date(2003, 5, 27), date(2003, 6, 16)]),
        ("The troops crossed on August 8th, 2002, after an air strike on the 6th.", [date(2002, 8, 8), date(2002, 8, 6)]),
        # a relative expression is not the anchor of the next one
        ("Talks began on March 3, 2004; a deal came two days later and a second one a week later.",
         [date(2004, 3, 3), date(2004, 3, 5), date(2004, 3, 8)]),
        ("The attempt on October 25 last week failed.", [date(2006, 10, 25), date(2006, 10, 23)]),
    ],
)
def test_expressions_counted_from_the_story_date(coder, text, expected):
    from detente.coding.dates import expressions

    assert [e.date for e in expressions(coder.nlp(text), BASE)] == expected


def test_an_ordinal_that_is_no_day_leaves_the_story_date_alone(coder):
    from detente.coding.dates import expressions

    text = "Talks began on March 3, 2004, for the second time, and a deal came two days later."
    assert [e.date for e in expressions(coder.nlp(text), BASE)] == [date(2004, 3, 3), date(2004, 3, 5)]


def test_the_story_goes_on_at_the_date_of_its_main_clause(coder):
    text = ("The Romanian journalists arrived in Bucharest yesterday afternoon, after being set free two days ago. "
            "They met President Traian Basescu.")
    met = [e for e in coder.code_text(text, date(2005, 5, 24)).events if e.trigger.text == "met"]
    assert met and all(e.date == date(2005, 5, 23) and e.date_origin == "narrative" for e in met)


def test_the_story_goes_back_to_the_present_with_the_tense(coder):
    """A year named in one sentence dates the past-tense acts after it, not the present perfect or the present."""
    text = ("U.S. forces withdrew from Lebanon in 1984 after a suicide attack. Ever since, Syria has had a strong hold. "
            "France has criticised the Syrian government. Syria attacked Lebanon.")
    dated = {e.trigger.text: (e.date, e.modality) for e in coder.code_text(text, date(2005, 3, 8)).events}
    assert dated["criticised"] == (date(2005, 3, 8), "asserted")
    assert dated["withdrew"][0].year == 1984


def test_the_edge_of_a_span_or_a_things_date_does_not_date_the_story(coder):
    text = ("Relations have been suspended since 1980, and the release of 800 prisoners in 1996 was the last. "
            "Israel freed 500 Palestinian prisoners.")
    freed = [e for e in coder.code_text(text, date(2005, 2, 21)).events if e.trigger.text == "freed"]
    assert freed and all(e.date_origin != "narrative" and e.modality != "historical" for e in freed)
