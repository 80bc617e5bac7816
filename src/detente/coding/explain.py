"""Why an event was coded: the dependency path from its trigger to its source and target."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def token_at(doc: Doc, char: int | None) -> Token | None:
    if char is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.root if span is not None else None


def dependency_path(start: Token, end: Token) -> str:
    """'ordered ←ccomp– stating ←advcl– issued –nsubj→ Maliki': up from start to the common head, then down."""
    up = [start]
    while up[-1].head.i != up[-1].i and end not in up[-1].subtree:
        up.append(up[-1].head)
    common = up[-1]
    down = [end]
    while down[-1].i != common.i and down[-1].head.i != down[-1].i:
        down.append(down[-1].head)
    parts = [start.text]
    for child, head in zip(up, up[1:]):
        parts.append(f"←{child.dep_}– {head.text}")
    for child in reversed(down[:-1]):
        parts.append(f"–{child.dep_}→ {child.text}")
    return " ".join(parts)


def explain_event(doc: Doc, event: dict) -> dict:
    """Parse paths for a stored event row, from its trigger to its source and target spans."""
    trigger = token_at(doc, event["trigger_start"])
    paths = {}
    for side in ("source", "target"):
        tok = token_at(doc, event.get(f"{side}_start"))
        if trigger is not None and tok is not None:
            # the span's head word: the token of the span nearest the root
            span = doc.char_span(event[f"{side}_start"], event[f"{side}_end"], alignment_mode="expand")
            paths[side] = dependency_path(trigger, span.root if span is not None else tok)
    return paths
