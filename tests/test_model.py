"""Ids are content hashes: the same input gives the same ids on every run."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from detente.model import Article, make_id


@given(st.lists(st.text(max_size=20), max_size=5))
def test_make_id_is_deterministic_and_prefixed(parts):
    assert make_id("e", *parts) == make_id("e", *parts)
    assert make_id("e", *parts).startswith("e") and len(make_id("e", *parts)) == 17


def test_ids_stable_across_processes():
    code = "from detente.model import make_id; print(make_id('a', 'src', 'text'))"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in range(2)}
    assert runs == {make_id("a", "src", "text") + "\n"}


def test_raw_offset_maps_back():
    a = Article(id="a1", text="abc def", offset_map=((0, 10, 3), (4, 20, 3)))
    assert [a.raw_offset(i) for i in range(7)] == [10, 11, 12, None, 20, 21, 22]
