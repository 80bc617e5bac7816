"""The EntityRuler keeps known names from being mislabelled by the small model."""

from __future__ import annotations


def test_known_names_get_the_right_label(coder):
    doc = coder.nlp("Protests spread on Friday to Kufa, Amarah, Najaf and Basra, and Maliki met the US ambassador.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Kufa"] == "GPE" and labels["Amarah"] == "GPE" and labels["Najaf"] == "GPE"
    assert labels["Maliki"] == "PERSON"
    assert labels["US"] in ("GPE", "NORP")


def test_pipeline_is_loaded_once(coder):
    from detente.nlp import load_pipeline
    from detente.coding.actors import ActorResolver

    assert load_pipeline(coder.settings.model, ActorResolver.ruler_patterns(coder.tables)) is not None
    assert coder.nlp is coder.nlp
