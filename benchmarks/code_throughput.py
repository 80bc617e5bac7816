"""Throughput of `detente code` on 1,000 real news sentences, against the bare spaCy parse.

Reads ../shared/corpora/wikinews-politics-2004-2006.jsonl (not in the repo),
groups its first 1,000 sentences back into their articles, and prints
sentences per second for the spaCy parse alone and for the full coder, and
the share coding adds to the parse. Run: make bench
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from detente.coding import Coder
from detente.model import Article, make_id, text_hash

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikinews-politics-2004-2006.jsonl"
TARGET_SENTENCES = 1000


def articles_with(nlp, n_sentences: int) -> list[Article]:
    out, total = [], 0
    splitter = nlp.get_pipe("senter") if "senter" in nlp.pipe_names else None
    for line in CORPUS.open(encoding="utf-8"):
        rec = json.loads(line)
        doc = nlp.make_doc(rec["text"])
        sents = list(nlp(rec["text"]).sents) if splitter is None else list(splitter(doc).sents)
        take = sents[: n_sentences - total]
        text = rec["text"][: take[-1].end_char]
        out.append(Article(id=make_id("a", "wikinews", text_hash(text)), text=text, date=None))
        total += len(take)
        if total >= n_sentences:
            return out
    return out


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    coder = Coder()
    articles = articles_with(coder.nlp, TARGET_SENTENCES)
    texts = [a.text for a in articles]
    # warm up both: the parse, and the coder's one-time set-up (dateparser builds its regexes on first use)
    for article, doc in zip(articles[:20], coder.nlp.pipe(texts[:20]), strict=False):
        coder.code_doc(article, doc)
    t0 = time.perf_counter()
    docs = list(coder.nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - t0
    n_sent = sum(len(list(d.sents)) for d in docs)
    t0 = time.perf_counter()
    coded = [coder.code_doc(a, d) for a, d in zip(articles, docs, strict=False)]
    coding = time.perf_counter() - t0
    events = sum(len(c.events) for c in coded)
    print(f"articles: {len(articles)}  sentences: {n_sent}  events: {events}")
    print(f"spaCy parse: {parse:.2f}s  ({n_sent / parse:.0f} sentences/s)")
    print(f"coding after parse: {coding:.2f}s  ({n_sent / coding:.0f} sentences/s)")
    print(f"end to end: {parse + coding:.2f}s  ({n_sent / (parse + coding):.0f} sentences/s)")
    print(f"coding adds {100 * coding / parse:.1f}% to the parse time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
