"""Ingest: every format, every kind of bad input, and offsets that stay true."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import Defaults, read_inputs
from detente.ingest._clean import build_clean_text, split_paragraphs

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Talks</title><link>https://x.invalid/1</link><guid>g1</guid><pubDate>Tue, 18 Mar 2014 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia annexed Crimea on Tuesday.&lt;/p&gt;&lt;p&gt;Ukraine condemned the move.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://x.invalid/2</link></item>
</channel></rss>"""

HTML = """<html lang="en"><head><title>Sanctions - Meridian</title>
<meta property="article:published_time" content="2014-03-18T09:00:00Z"><meta name="author" content="Ana Ruiz">
<meta property="og:site_name" content="Meridian Daily"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Sanctions</h1><p>The European Union imposed sanctions on Russian officials on Monday after the vote in Crimea.</p>
<p>Moscow said the measures would not change its course and warned of a response.</p></article>
<footer>Copyright 2014 Meridian Daily</footer></body></html>"""


def _read(tmp_path, name, data, **defaults):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return list(read_inputs([str(path)], Defaults(**defaults)))


def test_markdown_header_dateline_byline_and_footer(tmp_path):
    md = "# Title here\n\nAna Ruiz, Bo Chen  \n2 November 2006\n\nIraq condemned the\n\nraid on Tuesday.\n\nTo contact the Harbour Post visit:\n\n**[harbour.invalid/contact](http://harbour.invalid/contact)**\n"
    (a,) = _read(tmp_path, "a.md", md)
    assert (a.title, a.author, a.date, a.date_origin) == ("Title here", "Ana Ruiz, Bo Chen", date(2006, 11, 2), "dateline")
    assert a.text == "Iraq condemned the raid on Tuesday."


def test_front_matter(tmp_path):
    (a,) = _read(tmp_path, "f.md", "---\ntitle: T\ndate: 2011-03-14\nsource: Harbour Post\n---\nBody text here.\n")
    assert (a.title, a.date, a.source, a.date_origin, a.text) == ("T", date(2011, 3, 14), "Harbour Post", "front-matter", "Body text here.")


def test_no_date_is_unknown_not_today(tmp_path):
    (a,) = _read(tmp_path, "n.txt", "Just a body sentence with no date at all.\n")
    assert a.date is None and a.date_origin == "unknown"
    (b,) = _read(tmp_path, "n2.txt", "Just a body sentence with no date at all.\n", date=date(2001, 1, 2))
    assert b.date == date(2001, 1, 2) and b.date_origin == "flag"


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Iran rejected the offer.", "date": "2006-01-02", "title": "T", "url": "u", "source": "S", "lang": "en"}),
        "{not json",
        json.dumps({"id": "x2", "text": ""}),
        json.dumps({"id": "x3", "text": "Fine.", "date": "the day after never"}),
        json.dumps({"id": "x4", "text": "Syria accused Israel."}),
    ]
    got = _read(tmp_path, "d.jsonl", "\n".join(lines))
    ok = [g for g in got if not isinstance(g, InputError)]
    bad = [g for g in got if isinstance(g, InputError)]
    assert [a.external_id for a in ok] == ["x1", "x4"]
    assert ok[0].source == "S" and ok[0].date == date(2006, 1, 2) and ok[0].url == "u" and ok[0].lang == "en"
    assert [(b.line, b.reason[:6]) for b in bad] == [(2, "[E004]"), (3, "[E005]"), (4, "[E009]")]
    assert all("d.jsonl" in str(b) for b in bad)


def test_html_metadata(tmp_path):
    (a,) = _read(tmp_path, "p.html", HTML)
    assert a.source == "Meridian Daily" and a.date == date(2014, 3, 18) and a.author == "Ana Ruiz"
    assert a.text.startswith("The European Union imposed sanctions") and "Copyright" not in a.text


def test_feed_entries(tmp_path):
    got = _read(tmp_path, "f.rss", RSS)
    arts = [g for g in got if not isinstance(g, InputError)]
    assert len(arts) == 1
    assert arts[0].date == date(2014, 3, 18) and arts[0].source == "Harbour Post" and arts[0].external_id == "g1"
    assert arts[0].text == "Russia annexed Crimea on Tuesday.\n\nUkraine condemned the move."


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("empty.txt", b"", "[E001]"),
        ("blank.md", b"  \n\n ", "[E001]"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "[E002]"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "[E003]"),
        ("broken.html", b"<html><body><div><p></div></body", "[E006]"),
        ("bad.rss", b"<rss><channel><item><title>x</ti", "[E00"),
        ("data.pdf", b"%PDF-1.4", "[E012]"),
    ],
)
def test_bad_input_names_file_and_problem(tmp_path, name, data, code):
    (problem,) = _read(tmp_path, name, data)
    assert isinstance(problem, InputError)
    assert problem.path.endswith(name) and problem.reason.startswith(code)


def test_huge_file_is_rejected_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    (problem,) = list(read_inputs([str(path)], max_bytes=100))
    assert problem.reason.startswith("[E010]")


def test_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("Iraq condemned the raid.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("Syria accused Israel.")
    got = list(read_inputs([str(tmp_path), str(tmp_path / "nothing*.txt")]))
    assert sum(isinstance(g, InputError) for g in got) == 2
    assert sorted(a.text for a in got if not isinstance(a, InputError)) == ["Iraq condemned the raid.", "Syria accused Israel."]


def test_stdin(tmp_path):
    data = io.BytesIO(b'{"id": "s1", "text": "Iran rejected the offer.", "date": "2006-01-02"}\n')
    (a,) = list(read_inputs(["-"], stdin=data))
    assert a.external_id == "s1" and a.path == "<stdin>"


def test_same_text_same_source_same_id_other_source_other_id(tmp_path):
    (a,) = _read(tmp_path, "1.txt", "Iraq condemned the raid.", source="A")
    (b,) = _read(tmp_path, "2.txt", "Iraq condemned the raid.", source="A")
    (c,) = _read(tmp_path, "3.txt", "Iraq condemned the raid.", source="B")
    assert a.id == b.id != c.id and a.text_sha == c.text_sha


words = st.text(alphabet=st.sampled_from(list("abcXY  .,*_\n#[]()é“”")), min_size=0, max_size=400)


@settings(max_examples=200, deadline=None)
@given(words, st.booleans())
def test_offset_map_always_points_at_the_same_characters(raw, markdown):
    builder = build_clean_text(raw, split_paragraphs(raw), markdown)
    clean = builder.text()
    for clean_start, raw_start, length in builder.offset_map():
        assert clean[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
