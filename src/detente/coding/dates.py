"""Event dates: date expressions resolved against the article date, with narrative inheritance.

dateparser runs only on spaCy DATE entities that pass a cheap keyword filter,
and each (expression, base date) pair is parsed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Token

from ..nlp import paragraph_of_sentences

_KEYWORDS = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|(mon|tues|wednes|thurs|fri|satur|sun)day|jan(uary)?|feb(ruary)?|mar(ch)?|"
    r"apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|\d{4}|ago|last|next|this|earlier|week|month|year)\b",
    re.I,
)
_DAY_WORDS = re.compile(r"\b(yesterday|today|tonight|(mon|tues|wednes|thurs|fri|satur|sun)day|last night|this (morning|afternoon|evening))\b", re.I)
#: a month, weekday or year makes an expression a point in time even after "for", "since" or "until"
_ANCHOR = re.compile(r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
                     r"nov(ember)?|dec(ember)?|(mon|tues|wednes|thurs|fri|satur|sun)day|1[6-9]\d\d|20\d\d|"
                     r"(this|next|last)\s+(week|month|year))\b", re.I)
_MONTH_DAY = re.compile(r"\b(\d{1,2}(st|nd|rd|th)?\s+[a-z]{3,}|[a-z]{3,}\.?\s+\d{1,2}(st|nd|rd|th)?)\b", re.I)
_DURATION = re.compile(r"^(for|during|over|within|throughout|since|until|up to|nearly|almost|about|close to)\b|\b(days|weeks|months|years|decades)\b(?! ago)", re.I)
_HEDGE = re.compile(r"^(?:(?:in|on|at)\s+)?(?:as\s+(?:early|late|soon)\s+as\s+|(?:early|earlier|late|later)\s+|mid-?\s*|the\s+(?:end|beginning|middle)\s+of\s+)", re.I)
#: "May of this year", "June of last year": the year itself
_OF_YEAR = re.compile(r"\s+of\s+(this|last|next)\s+year\b", re.I)
#: a list or range in one entity: "September 1998, June 1999 and January 2002", "between January and July 31, 2005"
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|to|until|through)\s+|^between\s+|^from\s+|\s+(?=(?:last|this|next)\s+(?:week|month|year)\b)", re.I)
_DAY_RANGE = re.compile(r"(\b[A-Za-z]{3,}\.?\s+\d{1,2})\s*[-–]\s*\d{1,2}\b|(?<=\b)(\d{1,2})\s*[-–]\s*\d{1,2}(?=\s+[A-Za-z]{3,})")
#: a date expression in these roles modifies a noun ("the 1953 overthrow") instead of dating the clause
_NOUN_MODIFIER = frozenset({"compound", "nummod", "amod", "nmod", "poss"})
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_THIS_PERIOD = re.compile(r"^this\s+(week|month|year)$", re.I)
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)} | {"thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "hundredth": 100}
HISTORICAL_AFTER = timedelta(days=365)
#: prepositions that make a date the edge of a span, not the time of an act
_SPAN_PREPS = frozenset({"since", "until", "till", "through", "throughout", "before"})
#: modals that do not make a clause present or future: "said it would free" is told from the past
_PAST_MODALS = frozenset({"would", "could", "might", "should", "'d"})
#: counted from the date the story last gave, not from the article date: "the day before", "three weeks later"
_RELATIVE = re.compile(
    r"^(?:the\s+(?:(?P<follow>following|next|previous)\s+(?P<unit1>day|week|month|year)|(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after|earlier|later))"
    r"|(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?P<unit3>day|week|month|year)s?\s+(?P<dir3>before|after|earlier|later))$",
    re.I,
)
_DIRECTIONS = frozenset({"before", "after", "earlier", "later"})
_COUNTS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)} | {"a": 1, "an": 1}
_DAY_OF_MONTH = re.compile(r"^(\d{1,2})(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class DateExpr:
    root: int  # token index of the expression's root
    start: int  # char offsets
    end: int
    text: str
    date: date
    precision: str  # day | week | month | year


@dataclass(frozen=True)
class EventDate:
    date: date | None
    precision: str
    origin: str  # explicit | narrative | article | unknown
    expression: str | None = None


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+|next\s+|early\s+|late\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?$", re.I
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=20000)
def normalise(text: str, base: date | None, ahead: bool = False) -> tuple[date, str] | None:
    """Calendar date and precision of one expression, relative to ``base``; ``ahead`` when its clause
    speaks of the future ("will meet on Friday")."""
    if base is None and not _YEAR.search(text):
        return None  # relative expressions need an anchor; never today's date
    weekday = _WEEKDAY.match(text.strip())
    if weekday and base is not None:
        day = _WEEKDAYS.index(weekday.group(1).lower())
        if ahead or text.strip().lower().startswith("next"):  # the next such day after the article date
            return base + timedelta(days=(day - base.weekday()) % 7 or 7), "day"
        # news convention: a bare weekday is the latest such day on or before the article date
        back = (base.weekday() - day) % 7
        if text.strip().lower().startswith("last") and back == 0:
            back = 7
        return base - timedelta(days=back), "day"
    text = _HEDGE.sub("", text.strip()) or text  # "in late March" is March, "earlier this month" this month
    if base is not None:
        text = _OF_YEAR.sub(lambda m: f" {base.year + {'this': 0, 'last': -1, 'next': 1}[m.group(1).lower()]}", text)
    text = _DAY_RANGE.sub(lambda m: m.group(1) or m.group(2), text)  # "February 2-3", "1-2 August": the first day
    period_of_base = _THIS_PERIOD.match(text)
    if period_of_base and base is not None:
        unit = period_of_base.group(1).lower()
        if unit == "year":
            return date(base.year, 1, 1), "year"
        if unit == "month":
            return date(base.year, base.month, 1), "month"
        return base - timedelta(days=base.weekday()), "week"
    data = _parser(base).get_date_data(text)
    when = data.date_obj if data else None
    if when is None:
        return None
    period = data.period or "day"
    if period == "time":
        period = "day"
    if period == "year":
        return date(when.year, 1, 1), "year"
    if period == "month":
        return date(when.year, when.month, 1), "month"
    day = when.date()
    if period == "week":
        day -= timedelta(days=day.weekday())  # a week is dated by its Monday, as "this week" is
    if base is not None and not _YEAR.search(text) and _MONTH_DAY.search(text):
        day = _nearest_year(day, base)  # "April 11" in an article of 5 April 2005 is 2005-04-11, not 2004
    return day, "day" if period == "part_of_day" else period


def _nearest_year(day: date, base: date) -> date:
    """A day and month with no year: the occurrence nearest the article date."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda d: abs((d - base).days))


def expressions(doc: Doc, base: date | None) -> list[DateExpr]:
    found: list[DateExpr] = []
    counted: set[int] = set()  # relative expressions, which are not anchors for the next ones
    for ent in doc.ents:
        anchor = next((e.date for e in reversed(found) if e.precision == "day" and e.start not in counted), base)
        if ent.label_ == "ORDINAL":  # "an air strike on the 6th" after "August 8th, 2002"
            days = _day_of_anchor_month(ent, anchor)
            found += days
            counted.update(e.start for e in days)
            continue
        # "Wednesday night" comes out as TIME: keep it when it names a day
        if ent.label_ not in ("DATE", "TIME"):
            continue
        relative = _relative(ent, anchor)
        if relative is not None:
            found.append(relative)
            counted.add(relative.start)
            continue
        if not _KEYWORDS.search(ent.text) or ent.label_ == "TIME" and not _DAY_WORDS.search(ent.text):
            continue
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if (before in ("for", "during", "over", "within", "since", "until") or _DURATION.search(ent.text)) and not _ANCHOR.search(ent.text):
            continue  # "for three weeks", but not "set for January 8, 2006" or "since September 1998"
        parsed = normalise(ent.text, base, _future(ent.root))
        if parsed is not None:
            found.append(DateExpr(ent.root.i, ent.start_char, ent.end_char, ent.text, parsed[0], parsed[1]))
            continue
        found += _listed(ent, base)
    return found


def _relative(ent, anchor: date | None) -> DateExpr | None:
    """ "the day before", "three weeks later", "the following month": counted from ``anchor``, the last
    day the story gave (else the article date). spaCy often leaves the direction word out of the entity."""
    end = ent.end
    if end < len(ent.doc) and ent.doc[end].lower_ in _DIRECTIONS:
        end += 1
    span = ent.doc[ent.start:end]
    m = _RELATIVE.match(span.text)
    if m is None or anchor is None:
        return None
    unit = (m.group("unit1") or m.group("unit2") or m.group("unit3")).lower()
    if m.group("follow"):
        steps = -1 if m.group("follow").lower() == "previous" else 1
    else:
        count = (m.group("count") or "1").lower()
        steps = int(count) if count.isdigit() else _COUNTS[count]
        if (m.group("dir2") or m.group("dir3")).lower() in ("before", "earlier"):
            steps = -steps
    if unit == "day":
        when, precision = anchor + timedelta(days=steps), "day"
    elif unit == "week":
        when = anchor + timedelta(weeks=steps)
        when, precision = when - timedelta(days=when.weekday()), "week"
    elif unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + steps
        when, precision = date(months // 12, months % 12 + 1, 1), "month"
    else:
        when, precision = date(anchor.year + steps, 1, 1), "year"
    return DateExpr(span.root.i, span.start_char, span.end_char, span.text, when, precision)


def _day_of_anchor_month(ent, anchor: date | None) -> list[DateExpr]:
    """ "on the 6th": that day of the month the story is in."""
    m = _DAY_OF_MONTH.match(ent.text)
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if m is None or anchor is None or before != "the" or ent.root.dep_ != "pobj" or ent.root.head.lower_ not in ("on", "by", "until"):
        return []
    try:
        when = anchor.replace(day=int(m.group(1)))
    except ValueError:
        return []
    return [DateExpr(ent.root.i, ent.start_char - 4, ent.end_char, f"the {ent.text}", when, "day")]


def _listed(ent, base: date | None) -> list[DateExpr]:
    """The dates of an entity that lists or spans several ("in September 1998, June 1999 and January 2002",
    "between January and July 31, 2005"), each with its own offsets, when the whole will not parse."""
    out = []
    cuts = [0, *(x for m in _LIST_SEPARATOR.finditer(ent.text) for x in (m.start(), m.end())), len(ent.text)]
    for start, end in zip(cuts[::2], cuts[1::2]):
        piece = ent.text[start:end].strip()
        if not piece or not _KEYWORDS.search(piece) or piece == ent.text.strip():
            continue
        offset = ent.start_char + ent.text.index(piece, start)
        span = ent.doc.char_span(offset, offset + len(piece), alignment_mode="expand")
        parsed = normalise(piece, base, _future(ent.root))
        if parsed is not None and span is not None:
            out.append(DateExpr(span.root.i, offset, offset + len(piece), piece, parsed[0], parsed[1]))
    return out


def _future(tok: Token) -> bool:
    """Whether the clause a date expression belongs to speaks of the future: "will meet on Friday",
    "is to visit on Monday", "scheduled for Tuesday"."""
    verb = _clause_verb(tok)
    for _ in range(2):  # "will be elected when the caucus meets on Tuesday": the governing clause's tense
        children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        # "is to visit on Monday" speaks of the future; "continued to be disturbed on Saturday" does not
        to_be_done = "to" in children and verb.head.lemma_.lower() in ("be", "schedule", "plan", "expect", "due")
        if children & {"will", "shall", "'ll"} or to_be_done or verb.lemma_.lower() in ("schedule", "plan", "expect"):
            return True
        if verb.dep_ != "advcl" or children or verb.tag_ not in ("VBZ", "VBP"):
            return False
        verb = verb.head
    return False


class SentenceDates:
    """Date expressions of one article, by sentence, with the narrative date carried forward."""

    def __init__(self, doc: Doc, article_date: date | None):
        self.article_date = article_date
        self.by_sentence: dict[int, list[DateExpr]] = {}
        self.narrative: dict[int, DateExpr | None] = {}
        exprs = expressions(doc, article_date)
        current: DateExpr | None = None
        paragraphs = paragraph_of_sentences(doc)
        for index, sent in enumerate(doc.sents):
            if index and paragraphs[index] != paragraphs[index - 1]:
                current = None  # a new paragraph starts no earlier story
            self.narrative[index] = current
            mine = [e for e in exprs if sent.start <= e.root < sent.end]
            self.by_sentence[index] = mine
            anchors = [e for e in mine if _dates_an_act(doc[e.root])]
            if anchors:  # "On November 1, 1963, ..." carries the story; "the 1953 overthrow", "since 1996" do not
                main = [e for e in anchors if _in_main_clause(doc[e.root], sent.root)]
                current = (main or anchors)[-1]  # "arrived yesterday, after being set free two days ago": yesterday
            elif not mine and not _told_in_past(sent.root):
                current = None  # "Ever since, Syria has had a strong hold": the story is back in the present

    def for_trigger(self, sentence_index: int, trigger: Token) -> EventDate:
        found = self._for_trigger(sentence_index, trigger)
        years = _anniversary_years(trigger)
        if years and found.date is not None:
            try:
                shifted = found.date.replace(year=found.date.year - years)
            except ValueError:  # 29 February
                shifted = found.date.replace(year=found.date.year - years, day=28)
            return EventDate(shifted, found.precision, "anniversary", found.expression)
        return found

    def _for_trigger(self, sentence_index: int, trigger: Token) -> EventDate:
        mine = self.by_sentence.get(sentence_index, [])
        node = trigger
        while mine:
            for expr in mine:
                if node.left_edge.i <= expr.root <= node.right_edge.i:
                    return EventDate(expr.date, expr.precision, "explicit", expr.text)
            if node.head.i == node.i:
                break
            node = node.head
        inherited = self.narrative.get(sentence_index)
        if inherited is not None and _told_in_past(trigger):
            return EventDate(inherited.date, inherited.precision, "narrative", inherited.text)
        if self.article_date is not None:
            return EventDate(self.article_date, "week", "article")
        return EventDate(None, "unknown", "unknown")

    def is_historical(self, when: date | None) -> bool:
        return bool(when and self.article_date and when < self.article_date - HISTORICAL_AFTER)


def _told_in_past(trigger: Token) -> bool:
    """Whether an act is told in a past tense, so it may belong to the time the story last gave: "Diem
    surrendered", "had been killed", "said it would free". The present perfect, present and future speak of now,
    whatever year the sentence before named: "France has made similar calls", "the UN is investigating"."""
    verb = _clause_verb(trigger)
    for _ in range(4):
        if present_perfect(verb):
            return False  # "has criticised", "have been wounded"
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" and a.lower_ not in _PAST_MODALS for a in auxiliaries):
            return False  # "will meet", "can", "must"
        if any(a.tag_ == "VBD" for a in auxiliaries):
            return True  # "had met", "was killed", "did not"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries) or verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and not _mistagged(verb)):
            return False
        if verb.tag_ == "VBD" or verb.head.i == verb.i:
            return True
        verb = _clause_verb(verb.head)  # an infinitive, participle or noun: the tense of the clause it sits in
    return True


def present_perfect(verb: Token) -> bool:
    """"has criticised", "have been wounded": done before now and told as part of now."""
    return any(a.dep_ in ("aux", "auxpass") and a.lemma_.lower() == "have" and a.tag_ != "VBD" for a in verb.children)


def _mistagged(verb: Token) -> bool:
    """A plural present with a singular subject is the tagger's guess at a past it does not know: "Diem rang"."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _dates_an_act(tok: Token) -> bool:
    """Whether a date expression says when an act happened, so that the story may go on at that time: "withdrew in
    1984", "On Monday, police said", "a news conference this Friday" — not a thing's date ("the 1953 overthrow", "the
    release of 800 prisoners in 1996") nor the start or end of a span ("suspended since 1980")."""
    if _modifies_noun(tok):
        return False
    if tok.head.lower_ in _TIMES_OF_DAY:
        tok = tok.head  # "yesterday afternoon"
    if tok.dep_ != "pobj":
        return True  # "withdrew on Monday", "a news conference this Friday"
    preposition = tok.head
    return preposition.lower_ not in _SPAN_PREPS and (preposition.head.pos_ in ("VERB", "AUX") or preposition.head.i == preposition.i)


def _modifies_noun(tok: Token) -> bool:
    """"the 1953 overthrow" dates a thing, not the story; "yesterday afternoon" is still a time."""
    return tok.dep_ in _NOUN_MODIFIER and tok.head.lower_ not in _TIMES_OF_DAY


def _clause_verb(tok: Token) -> Token:
    """The verb (or auxiliary) of the clause a token sits in: itself, or its nearest verb head; else the root."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_main_clause(tok: Token, root: Token) -> bool:
    """Whether the verb a token hangs from is the sentence's root or coordinated with it."""
    node = _clause_verb(tok.head)
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node == root


def _anniversary_years(trigger: Token) -> int:
    """'the 43rd anniversary of the coup': the coup happened 43 years before that date."""
    node = trigger
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() == "anniversary":
            for child in node.children:
                text = child.lower_
                m = _ORDINAL.match(text)
                if m:
                    return int(m.group(1))
                if text in _ORDINAL_WORDS:
                    return _ORDINAL_WORDS[text]
            return 0
    return 0
