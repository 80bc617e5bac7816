"""Match event patterns on the dependency parse and read source and target from the arguments.

Verbs: the subject is the source (the "by" agent in the passive, the governing
clause's subject for infinitives and participles, the object for object-control
verbs: "ordered the military to end ..."). Nouns: the possessor, "by X", or the
subject of the verb that carries the noun ("declared a strike", "arrived for talks").
Coordinated subjects or objects give one event per pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterator

import yaml
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actors import acronym, stance
from .dates import present_perfect
from .patterns import Pattern, PatternSet
from .tables import data_path

IsActor = Callable[[Token], bool]
_RELATIVE = {"who", "which", "that", "whom"}
_CLIMB = {"xcomp", "advcl", "conj", "pcomp", "ccomp", "acomp"}  # acomp: "Syria is willing to withdraw"
_MAX_CLIMB = 6
_MODALS = {"would", "could", "might", "may", "should"}
#: roots of things said (statements, appeals, intents, support, demands, disapproval, rejections, threats): with no place
#: in the text they happen where the speaker is, and a place named is where it was said, not whom it was said to
SAID_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
_HEDGES = {"probably", "possibly", "perhaps", "maybe", "likely"}
_PLURAL_PRONOUNS = {"they", "we"}
_PLURAL_POSSESSIVES = {"their", "our"}
_STATIVE_PASSIVES = {"oppose": "to"}  # "is opposed to X": opposes X
_SAID_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "nsubjpass", "parataxis", "dative"})
_ROOT_FAMILY = {"12": "11"}  # disapproval and rejection say the same thing of their target
#: bare governors that take the code of the act they govern: a threat of it, a refusal of it
_GENERIC_GOVERNORS = {"130": "threatened", "120": "negated"}
_DECLINE_COMMENT = "011"  # "refused to comment"
#: roots of force: assault, fight, mass violence
FORCE_ROOTS = frozenset({"18", "19", "20"})
_CIRCUMSTANCE_PREPS = frozenset({"following", "amid", "amidst", "despite", "over", "about", "until", "like", "unlike"})
_REASON_PREPS = {"for", "of", "with"}  # "arrested for collaborating", "accused of", "charged with"
_KEPT_FROM_PREPS = {"from"}  # "prevented X from entering"
#: verbs that undo an intention they govern: deny or dispute it, call it off, turn it down ("denied that it wanted to
#: sell missiles", "cancel plans to sell", "rejected an offer to host"); not opposing another's plan
_UNDOING = frozenset({"deny", "refute", "dispute", "cancel", "abandon", "drop", "scrap", "shelve", "reject", "withdraw"})
#: a thing's party, for an act that names none: "a request by/from X", "aid to X", "a truce with X", "action against X",
#: "the curfew on X", "settlements in the Gaza Strip"
_OWNER_PREPS = ("by", "from", "to", "with", "against", "on", "in")
#: nouns of an "in ... " phrase that says what an act answers, and the prepositions that then name it
_ANSWER_NOUNS = frozenset({"protest", "response", "retaliation", "reaction", "revenge", "reprisal"})
_ANSWER_PREPS = frozenset({"of", "at", "against", "over", "to", "for"})
_APPEAL_ROOT = "02"
_RECENT = re.compile(r"(mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|last (week|night)|this week")
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TIME_PREPS = frozenset({"after", "following", "before", "since", "despite", "amid", "amidst"})
_SPEECH_LEMMAS = frozenset({"say", "speak", "write", "comment"})


@dataclass(frozen=True)
class Match:
    """A pattern that fired, with the argument heads it found."""

    pattern: Pattern
    trigger: Token
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    negated: bool
    hypothetical: bool
    embedded: str | None  # modality from a governing verb or marker: threatened, intended, conditional...
    open_target: bool  # the event may stand without a target (pattern lists `none`, root allows it)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The heads and their coordinated heads; a list the parser reads as an apposition
    ("The US, Russia, and Switzerland met": Russia appos, Switzerland conj) counts too."""
    out: list[Token] = []
    for tok in tokens:
        listed = [a for a in tok.children if a.dep_ == "appos" and a.conjuncts]
        for t in (tok, *tok.conjuncts, *(x for a in listed for x in (a, *a.conjuncts))):
            if t not in out and (t.pos_ in ("NOUN", "PROPN", "PRON") or _people_by_state(t)) and any(ch.isalpha() for ch in t.text):
                out.append(t)  # not "Dem." 's "."
    return out


def _people_by_state(tok: Token) -> bool:
    """An adjective or participle standing for people: "evacuated the wounded", "the injured were flown out"."""
    return tok.pos_ in ("ADJ", "VERB") and tok.tag_ in ("JJ", "VBN") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in tok.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and _stative_object(verb) is None


def _stative_object(verb: Token) -> list[Token] | None:
    """"Israel is opposed to French mediation": a state of the subject, not a passive; what it is opposed to."""
    word = _STATIVE_PASSIVES.get(verb.lemma_.lower())
    if word is None or _children(verb, "agent"):
        return None
    found = [o for p in _children(verb, "prep") if p.lower_ == word for o in _children(p, "pobj")]
    return found or None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _relative_head(verb: Token, tokens: list[Token]) -> list[Token]:
    """'rebels who attacked' → the relative pronoun stands for the noun it modifies."""
    return [verb.head if (t.lower_ in _RELATIVE and verb.dep_ == "relcl") else t for t in tokens]


#: dependents that narrow an event noun or verb: "car bomb", "suicide attack", "roadside bomb"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_AGAINST = frozenset({"anti"})
#: auxiliaries of what a threat says will happen, which its maker's side does: "warned that police will act"
_THREAT_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "wo", "could", "might", "may", "can", "ca"})


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The doer of ``verb``, climbing through non-finite and coordinated clauses."""
    if depth > _MAX_CLIMB:
        return []
    if _is_passive(verb) or _is_participle_on_noun(verb):
        return _with_conjuncts([p for a in _children(verb, "agent") for p in _children(a, "pobj")])
    found = _children(verb, "nsubj", "csubj") or (_children(verb, "nsubjpass") if _stative_object(verb) else [])
    if found:
        found = _relative_head(verb, found)
        # one phrase the parse split into several subjects ("the Somali militant group al-Shabab"): its first noun
        found = [t for t in found if not any(o.i < t.i and o.dep_ == t.dep_ and t.left_edge.i - o.right_edge.i <= 1 for o in found)]
        if verb.dep_ == "ccomp" and any(t.lower_ in _PLURAL_PRONOUNS for t in found):
            # "Obama and Putin said they will attack Iraq": they are both speakers
            outer = subjects(verb.head, depth + 1) if verb.head.i != verb.i else []
            if len(outer) > 1:
                found = [x for t in found for x in (outer if t.lower_ in _PLURAL_PRONOUNS else [t])]
        return _with_conjuncts(found)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        if head.lower_ in _REASON_PREPS:
            return []  # "jailed for helping", "accused X of making": a reason or a charge, not a report (see _charged)
        # "In denying the allegations, Lahoud denounced ...", "after meeting Putin, Bush said": the main
        # clause's doer; in the passive ("was attacked while visiting X") its subject
        governor = head.head
        controller = _children(governor, "nsubjpass") if _is_passive(governor) else []
        return _with_conjuncts(controller) if controller else subjects(governor, depth + 1)
    if verb.dep_ == "xcomp":
        # "urged X to withdraw": X; "X is believed to have killed", "X was forced to withdraw": X
        controller = _children(head, "dobj") or (_children(head, "nsubjpass") if _is_passive(head) else [])
        return _with_conjuncts(controller) if controller else subjects(head, depth + 1)
    if verb.dep_ == "advcl" and (reported := _reported_clause(head)) is not None and verb in _participles(reported):
        return subjects(reported, depth + 1)  # "militants threw grenades, police said, killing one": the militants
    if verb.dep_ in _CLIMB:
        return subjects(head, depth + 1)
    if verb.dep_ == "acl":
        governor = head.head if head.dep_ != "pobj" else head.head.head
        return subjects(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else []
    return []


def objects(verb: Token, depth: int = 0) -> list[Token]:
    """The undergoer: direct object, passive subject, or the noun a relative clause or participle modifies."""
    if _is_participle_on_noun(verb):
        return [verb.head]  # "officials accused of ...", "the men arrested on Monday"
    if (opposed := _stative_object(verb)) is not None:
        return _with_conjuncts(opposed)
    if _is_passive(verb):
        found = _children(verb, "nsubjpass")
        if found:
            return _with_conjuncts(_relative_head(verb, found))
        if verb.dep_ in _CLIMB and depth < _MAX_CLIMB and verb.head.i != verb.i:
            return subjects(verb.head, depth + 1)
        return []
    found = _children(verb, "dobj")
    if found:
        return _with_conjuncts(found)
    if verb.dep_ == "relcl" and not any(c.lower_ in _RELATIVE for c in _children(verb, "nsubj")):
        return [verb.head]
    return []


def _reported_clause(verb: Token) -> Token | None:
    """The clause a parenthetical speech verb reports: "militants threw grenades, police said"."""
    return next((c for c in _children(verb, "ccomp") if c.i < verb.i), None)


def _participles(verb: Token) -> list[Token]:
    """Participle clauses that say what the act did: "threw grenades, killing one person", and those the parser
    hangs on a parenthetical speech verb instead ("threw grenades, police said, killing one person")."""
    hosts = [verb, verb.head] if verb.dep_ == "ccomp" and _reported_clause(verb.head) == verb else [verb]
    found = [c for host in hosts for c in _children(host, "advcl") if c.tag_ == "VBG" and c.i > host.i]
    return [x for c in found for x in (c, *_children(c, "conj"))]


def _gerund_doer(verb: Token) -> Token | None:
    """The doer of a gerund the parser split from its noun phrase: in "were killed in Israeli shelling" it reads
    "Israeli" as the object of "in" and "shelling" as a clause of its own; the word before is the shelling's doer."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0 or subjects(verb):
        return None
    before = verb.doc[verb.i - 1]
    prep = before.head
    if before.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("in", "by") and prep.head == verb.head and verb.i > verb.head.i:
        return before
    return None


def _aimed_by_condition(threat: Match, is_actor: IsActor) -> Match:
    """A threat with no target is aimed at whom its condition names: "threatened to launch a new offensive unless
    Baghdad accepted its conditions" is a threat to Iraq, "threatened to stop negotiations if the United States goes
    ahead" one to the US. A pronoun there is as often the threatener itself ("if it is attacked")."""
    if threat.pattern.code[:2] != "13" or threat.targets:
        return threat
    conditions = [c for verb in (threat.trigger, *_children(threat.trigger, "xcomp")) for c in _children(verb, "advcl")
                  if any(k.dep_ == "mark" and k.lower_ in ("unless", "if") for k in c.children)]
    named = [s for c in conditions for s in _with_conjuncts(_children(c, "nsubj", "nsubjpass")) if s.pos_ != "PRON" and is_actor(s)]
    return replace(threat, targets=tuple(named)) if named else threat


def _answered(tok: Token, carriers: list[Token], is_actor: IsActor) -> list[Token]:
    """Whose act an act answers, named in an "in protest at", "in response to" or "in retaliation for" phrase: "recalled
    its ambassador in protest at the Danish government's decision" (DNKGOV), "a hunger strike in protest of the
    Russian government's refusal", "in retaliation against Israel"."""
    hosts = [tok, *carriers]
    hosts += [o for h in hosts for o in objects(h)] if tok.pos_ == "VERB" else []
    answers = [n for h in hosts for p in _children(h, "prep") if p.lower_ == "in" for n in _children(p, "pobj") if n.lemma_.lower() in _ANSWER_NOUNS]
    if not answers:
        return []
    # the parse often hangs the "at" phrase on the verb: "recalled its ambassador in protest at ..."
    things = [o for n in answers for q in _children(n, "prep") if q.lower_ in _ANSWER_PREPS for o in _children(q, "pobj")]
    things += [o for h in hosts for q in _children(h, "prep") if q.lower_ in ("at", "over") for o in _children(q, "pobj")]
    for thing in things:
        owners = [thing] if is_actor(thing) else _with_conjuncts(_children(thing, "poss")) + _prep_objects(thing, "by")
        found = [o for o in owners if o.pos_ != "PRON" and is_actor(o)]
        if found:
            return found
    return []


def _purpose(act: Match) -> bool:
    """What a protest is for: an infinitive ("to demand reforms") or a participle that appeals or demands
    ("marched through Kathmandu, demanding his resignation")."""
    return _infinitive(act.trigger) or (act.trigger.tag_ == "VBG" and act.pattern.code[:2] in ("02", "10"))


def _infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _placed_in(tok: Token) -> bool:
    """A place something is in or at: "in South Carolina", "at a mall in Kenya's capital"."""
    held = tok.head if tok.dep_ == "poss" else tok
    return held.dep_ == "pobj" and held.head.lower_ in ("in", "at")


def where_done(head: Token) -> bool:
    """Whether an argument names where the act was done: "demonstrated in Kathmandu", "bombed a village in Afghanistan"."""
    return head.dep_ == "pobj" and head.head.lower_ == "in"


def _is_participle_on_noun(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _prep_objects(tok: Token, word: str) -> list[Token]:
    """Objects of preposition ``word`` on ``tok``, or on a modifier between them ("arrived unannounced in X")."""
    hosts = [tok, *_children(tok, "acomp", "advmod", "oprd")]
    return _with_conjuncts(
        [p for host in hosts for prep in host.children if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word for p in _children(prep, "pobj")]
    )


def _support_verbs(noun: Token) -> list[Token]:
    """Verbs that carry a nominal event: 'declared a strike', 'arrived for talks', 'the cordon it maintained'."""
    verbs = [c for c in noun.children if c.dep_ == "relcl" and _children(c, "nsubj") and not any(s.lower_ in _RELATIVE for s in _children(c, "nsubj"))]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        verbs.append(head)
    elif (noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and head.lower_ not in _CIRCUMSTANCE_PREPS
          and head.head.lemma_ != "be"):  # "Russia was behind the attacks" is a claim of responsibility
        verbs.append(head.head)  # "surrendered following a government offensive": not the rebels' offensive
    return verbs


class EventMatcher:
    """Finds, per token, the most specific pattern whose arguments hold actors."""

    def __init__(self, patterns: PatternSet, modality: Modality):
        self.patterns = patterns
        self.modality = modality

    def candidates(self, tok: Token) -> list[Pattern]:
        """Patterns whose trigger and constraints fit the token, most specific first."""
        kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ == "NOUN" else None
        if kind is None:
            return []
        candidates = self.patterns.for_token(kind, tok.lemma_.lower(), tok.lower_)
        fitting = [p for p in candidates if self._fits(p, tok)]
        return sorted(fitting, key=lambda p: p.specificity, reverse=True)

    def _fits(self, pattern: Pattern, tok: Token) -> bool:
        objects = self._objects(tok) if pattern.objects or (pattern.prep_objects and pattern.kind == "verb") else []
        if pattern.particles:
            # a preposition with its own object after the verb's object is a phrase, not the particle: "turned their
            # weapons on X in a town" does not "turn in" weapons (but "forced the agency out of the country" is forced out)
            after = min((o.left_edge.i for o in objects if o.i > tok.i), default=len(tok.doc)) if pattern.objects else len(tok.doc)
            words = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "agent")
                     and not (c.dep_ == "prep" and c.i > after and _children(c, "pobj"))}
            if not all(w in words for w in pattern.particles) or _children(tok, "oprd"):
                return False  # "what they call terrorism on Israel" names something, it calls on no one
        if pattern.objects:
            lemmas = {w for o in objects for w in (o.lemma_.lower(), o.lower_)}
            if not lemmas & pattern.objects:
                return False
        if pattern.prep_objects:  # on the trigger, or on its object: "accused two diplomats of espionage"
            hosts = [tok, *(objects if pattern.kind == "verb" else ())]
            found = {(p.lower_, w) for h in hosts for p in h.children if p.dep_ == "prep" for o in _children(p, "pobj", "pcomp")
                     for w in (o.lemma_.lower(), o.lower_)}
            if not found & pattern.prep_objects:
                return False
        if pattern.modifiers:
            words = {w for c in tok.children if c.dep_ in _MODIFIER_DEPS for w in (c.lemma_.lower(), c.lower_)}
            if not words & pattern.modifiers:
                return False
        if pattern.complement:
            words = {w for t in _complement(tok) if (_predicated(t) or _obligation(t)) and not _negated(t) for w in (t.lemma_.lower(), t.lower_)}
            if not words & pattern.complement:
                return False
        return True

    def _targets(self, pattern: Pattern, tok: Token, carriers: list[Token], is_actor: IsActor) -> tuple[list[Token], bool]:
        """Target heads from the first slot that holds an actor, and whether an absent target is allowed."""
        for slot in pattern.targets:
            found: list[Token] = []
            if slot == "dobj":
                found = objects(tok) if pattern.kind == "verb" else _prep_objects(tok, "of") if pattern.nominal else []
            elif slot == "dative":
                found = _with_conjuncts(_children(tok, "dative"))
            elif slot == "clause-subj":  # "demanded that Israel withdraw": Israel; "asked whether he would resign" asks nothing of him
                clauses = [c for c in _children(tok, "ccomp") if not any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)]
                if pattern.code[:2] == "13":  # "warned that Tehran had crossed a line"; not "warned that police will act"
                    clauses = [c for c in clauses if self._warned_of(c)]
                    own = subjects(tok)  # nor the warner, where the parse finds the clause no subject of its own
                    found = [s for clause in clauses for s in subjects(clause) if s.pos_ != "PRON" and s not in own]
                else:
                    found = [s for clause in clauses for s in subjects(clause)]
            elif slot == "for-subj":  # "their calls for Syria to withdraw", "an appeal for the rebels to lay down arms"
                found = [s for clause in _for_clauses(tok, carriers) for s in subjects(clause)]
                if not found and any(c.dep_ == "acl" and _children(c, "aux") for c in tok.children):
                    found = _prep_objects(tok, "for")
            elif slot == "for-event":  # "claimed responsibility for the attack on the embassy", "demanded the lifting of
                # sanctions on Iraq": what the act named in the "for" phrase, or else the object, was done to
                acts = [n for o in self._objects(tok) for n in _prep_objects(o, "for")] or _prep_objects(tok, "for") or self._objects(tok)
                found = [t for act in acts for p in self.candidates(act)[:1] for t in self._targets(p, act, [], is_actor)[0]]
                if not any(is_actor(t) for t in found):  # else where it was done: "responsibility for an attack at a mall in Kenya's capital"
                    found = [t for act in acts for t in act.subtree if t.i > act.i and _placed_in(t) and is_actor(t)][:1]
            elif slot == "clause-actor":  # "said Israel's raid was illegal": Israel, the clause's subject first
                said = [t for t in _complement(tok) if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.lower_ != "it")]
                found = sorted(said, key=lambda t: (t.dep_ not in ("nsubj", "nsubjpass", "poss"), t.i))
            elif slot == "stance":  # "an anti-Japanese rally", "held anti-American protests", "called for anti-US protests"
                found = [m for n in (tok, *self._objects(tok), *_prep_objects(tok, "for")) for m in n.children
                         if m.dep_ in _MODIFIER_DEPS and m.i < n.i and stance(m, _AGAINST)]
            elif slot.startswith("prep:"):
                word = slot.split(":", 1)[1]
                found = _prep_objects(tok, word)
                for verb in carriers if not found else ():
                    found = _prep_objects(verb, word)
                    if found:
                        break
            elif slot.startswith("for-prep:"):  # "called for sanctions against Nigeria", "voiced support for sanctions on Iran"
                word = slot.split(":", 1)[1]
                wanted = [n for o in self._objects(tok) for n in _prep_objects(o, "for")] or _prep_objects(tok, "for")
                found = [p for n in wanted for p in _prep_objects(n, word)]
            elif slot.startswith("obj-prep:"):
                word = slot.split(":", 1)[1]
                found = [p for o in self._objects(tok) for p in _prep_objects(o, word)]
                if not found and pattern.objects:  # the parse hangs the phrase on the verb: "opened investigations against X"
                    found = _prep_objects(tok, word)
            actors = [t for t in found if is_actor(t)]
            if actors:
                return (actors[:1] if slot == "clause-actor" else actors), False
        verb = self._harm_done_by(pattern, tok)
        harmed = [t for t in objects(verb) if is_actor(t)] if verb is not None else []
        if harmed:
            return harmed, False
        return [], "none" in pattern.targets and pattern.code[:2] in self.patterns.open_target_roots

    def _warned_of(self, clause: Token) -> bool:
        """Whether a warning's clause is about whom it warns: what they did or are ("Tehran had crossed a line") or
        what will befall them ("Iran could face sanctions"), not what will be done ("police will act": the warner's
        side)."""
        return clause.lemma_.lower() in self.modality.threat_outcomes or not any(
            a.lower_ in _THREAT_AUXILIARIES for a in _children(clause, "aux"))

    def _owners(self, tok: Token, is_actor: IsActor, where: bool = True) -> list[Token]:
        """For an act with no named target, whose the thing acted on is, as CAMEO coders read it: "rejected
        a U.S. request", "North Korea's demand", "an admission by Moscow", "continue military aid to
        Mozambique", "agreed to US mediation", "lifted the state of emergency in Darfur". Possessive pronouns
        are left out: they mostly name the doer."""
        clauses = [c for c in _children(tok, "xcomp") if not self.candidates(c)]  # "pledged to continue aid to Cyprus"; an act
        # with its own pattern ("threatened to storm the residence") is its own event
        things = self._objects(tok) + [o for c in clauses for o in self._objects(c)] + clauses
        things += [o for p in _children(tok, "prep") if p.lower_ == "to" for o in _children(p, "pobj")]
        # "voiced opposition to Israel's wall", "to the law passed by China": the owner of what the thing is about
        # and whom what the thing is of belongs to: "demanded a meeting of the U.N. Security Council", "the withdrawal of
        # forces from Panama", "the version of events presented by the US administration", "condemned the killing of
        # Palestinian civilians" (PSE, as CAMEO coders read it)
        things += [o for t in list(things) for p in _children(t, "prep") if p.lower_ in ("to", "against", "over", "for", "of") for o in _children(p, "pobj")]
        for thing in things:
            named = [m for m in thing.children if m.dep_ in ("compound", "amod") and m.i < thing.i and (m.pos_ == "PROPN" or m.ent_type_)]
            # "the law passed by China", "the plan proposed by the US": the doer of a participle on the thing
            made_by = [o for acl in _children(thing, "acl") if acl.tag_ == "VBN" for a in _children(acl, "agent") for o in _children(a, "pobj")]
            groups = [_children(thing, "poss"), *(_prep_objects(thing, word) for word in _OWNER_PREPS), named[:1], _with_conjuncts(made_by)]
            for group in groups:
                found = [o for o in group if o.pos_ != "PRON" and is_actor(o)]
                if found:
                    return found
        if not where:
            return []  # "In Berlin, the minister warned that ...": where a thing is said is not whom it is said to
        # where it was done: "demonstrated in Kathmandu", "rioted at a jail in northern Israel"
        return ([o for o in _prep_objects(tok, "in") if is_actor(o)]
                or [o for a in _prep_objects(tok, "at") for o in _prep_objects(a, "in") if is_actor(o)])[:1]

    def _objects(self, tok: Token) -> list[Token]:
        """The verb's objects (a noun's: its "of" phrase, "the suspension of air links"), and what a measure or
        part of them measures: "provided 25,000 tons of food aid", "suspended part of a military aid programme",
        "launched a wave of attacks" (``measure_nouns``)."""
        found = []
        for o in objects(tok) if tok.pos_ != "NOUN" else _prep_objects(tok, "of"):
            found.append(o)
            if o.lemma_.lower() in self.patterns.measure_nouns:
                found += _prep_objects(o, "of")
        return found

    def _harm_done_by(self, pattern: Pattern, trigger: Token) -> Token | None:
        """The verb a violent act does its harm through, whose undergoer is then its target: "a roadside bomb
        killed four people", "killed by an improvised explosive device", "killed in a suicide car bombing",
        "was killed when a roadside bomb detonated", "threw grenades at a bus station, killing one person"
        (``harm_verbs`` in the dictionary)."""
        if pattern.code[:2] not in FORCE_ROOTS:
            return None
        head = trigger.head
        if pattern.kind == "verb":
            verbs = [head] if _gerund_doer(trigger) is not None else _participles(trigger)
        elif trigger.dep_ in ("nsubj", "advcl"):
            verbs = [head, head.head] if head.dep_ == "advcl" and trigger.dep_ == "nsubj" else [head]
        elif trigger.dep_ == "pobj" and (head.dep_ == "agent" or (head.dep_ == "prep" and head.lower_ == "in")):
            verbs = [head.head]
        else:
            return None
        return next((v for v in verbs if v.pos_ == "VERB" and v.lemma_.lower() in self.patterns.harm_verbs), None)

    def _sources(self, pattern: Pattern, tok: Token, carriers: list[Token], is_actor: IsActor) -> list[Token]:
        if pattern.kind == "verb":
            if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ != "dobj":
                # "the forces surrounding the building" surround it, "the incidents surrounding him" are no doer;
                # but "issued a statement threatening" and "rhetoric when calling on" are the issuer's and speaker's
                return [tok.head] if is_actor(tok.head) else subjects(tok) or [tok.head]
            kept_from = _kept_from(tok)
            if kept_from is not None and kept_from.lemma_.lower() in self.modality.preventing and _children(kept_from, "dobj"):
                return _with_conjuncts(_children(kept_from, "dobj"))  # "prevented the workers from entering": the workers
            found = subjects(tok)
            if found:
                return found
            doer = _gerund_doer(tok)  # only where the verb has no subject: the parse split its noun phrase
            return [doer] if doer is not None and is_actor(doer) else [t for t in _charged(tok) if is_actor(t)]
        sources = _with_conjuncts(_children(tok, "poss")) or _prep_objects(tok, "by")
        if not sources and not pattern.reciprocal:
            sources = [m for m in tok.children if _doer_modifier(m) and is_actor(m)][:1]
        if not sources and "prep:of" not in pattern.targets and not pattern.objects:  # "the withdrawal of Syrian forces": who withdraws
            sources = [o for o in _prep_objects(tok, "of") if is_actor(o)]
        for verb in carriers if not sources else ():
            sources = [s for s in subjects(verb) if s.i != tok.i] or [t for t in _charged(verb) if is_actor(t)]
            if sources:
                break
        if len(sources) == 1 and sources[0].pos_ == "PRON" and sources[0].dep_ == "poss":
            # "The US and France repeated their calls": both; "fundamentalists continued their hunger strike": the
            # pronoun the article does not resolve stands for the subject of the verb carrying the noun
            doers = next((found for verb in carriers if (found := [s for s in subjects(verb) if s.i != tok.i])), [])
            if (len(doers) > 1 and sources[0].lower_ in _PLURAL_POSSESSIVES) or (doers and not is_actor(sources[0])):
                sources = doers
        return sources

    def matches(self, sent: SpacySpan, is_actor: IsActor) -> list[Match]:
        """Every pattern that fires in the sentence, one per trigger. A generic intent ("agreed to",
        "pledged to") and the act it governs are one event: the act, flagged intended, when it has a
        target ("agreed to lift the sanctions on Iran"), else the intent ("pledged to work with all factions")."""
        found = list(self._matches(sent, is_actor))
        intents = {m.trigger.i: m for m in found if m.pattern.code == "030"}
        dropped: set[int] = set()
        for m in found:
            clause = _clause(m)  # "offered to engage in a dialogue with India"
            governor = intents.get(clause.head.i)
            if governor is not None and m.embedded == "intended" and clause.dep_ in ("xcomp", "ccomp"):
                dropped.add(governor.trigger.i if m.targets else m.trigger.i)
        # "were killed in a car bomb explosion": a harm verb with no doer only says what the act named by the noun did
        # "threw grenades at a bus station, killing one person": the killing is what the throwing did
        doerless = {m.trigger.i for m in found if m.pattern.kind == "verb" and not m.sources}
        dropped |= {verb.i for m in found if m.targets and (verb := self._harm_done_by(m.pattern, m.trigger)) is not None
                    and (verb.i in doerless or m.pattern.kind == "verb") and set(m.targets) <= set(objects(verb))}
        # "Israeli air raids killed five": the verb codes the act its subject names
        verbs = {m.trigger.i for m in found if m.pattern.kind == "verb"} - dropped
        # but "a roadside bomb killed four people": a weapon is no doer, its noun names the act (1833) and the verb yields
        named_acts = {m.trigger.head.i: m for m in found if m.pattern.kind == "noun" and m.trigger.dep_ == "nsubj" and m.trigger.head.i in verbs}
        weapons = {v for v, m in named_acts.items() if m.targets and not is_actor(m.trigger)}
        dropped |= {m.trigger.i for v, m in named_acts.items() if v not in weapons} | weapons
        # "Israeli air raids killed five": an air raid (195), the noun's narrower code on the verb that codes it
        narrower = {v: m.pattern.code for v, m in named_acts.items() if v not in weapons and m.pattern.modifiers}
        found = [replace(m, pattern=replace(m.pattern, code=narrower[m.trigger.i])) if m.trigger.i in narrower else m for m in found]
        found = [_aimed_by_condition(self._specific_governor(m, found), is_actor) for m in found]
        found = self._aimed_by_purpose(found, dropped)
        # "an anti-Israel rally was held": a noun before the verb that carries it is one act with it, coded by the verb
        # when the verb names every party the noun does
        dropped |= {n.trigger.i for n in found if n.pattern.kind == "noun" for v in found
                    if v.pattern.kind == "verb" and v.pattern.objects and v.pattern.code[:2] == n.pattern.code[:2]
                    and n.trigger in self._objects(v.trigger) and set(n.sources) <= set(v.sources) and set(n.targets) <= set(v.targets)}
        # "condemned the raid, saying it was illegal": the verb already says it
        said = {_family(m.pattern.code) for m in found if not m.pattern.complement}
        dropped |= {m.trigger.i for m in found if m.pattern.complement and _family(m.pattern.code) in said}
        return [m for m in found if m.trigger.i not in dropped]

    @staticmethod
    def _aimed_by_purpose(found: list[Match], dropped: set[int]) -> list[Match]:
        """A protest with no target of its own is aimed at whom its purpose is, and the two are one act: "staged
        demonstrations to demand reforms by Suharto's government" is a protest against that government (the
        demand is not coded again), and a protest for what the demand names: for a new leader, a policy, rights or
        a new regime (1041-1044 give 1411-1414, 1421-1424, ...)."""
        aimed: dict[int, Match] = {}
        for m in found:
            # a protest's place is no aim ("demonstrated in Jakarta to demand the president's resignation")
            if m.pattern.code[:2] != "14" or any(not where_done(t) for t in m.targets) or m.trigger.i in dropped:
                continue
            hosts = {m.trigger.i, _clause(m).i}
            purpose = next((p for p in found if p.targets and p.pattern.kind == "verb" and p.trigger.dep_ in ("advcl", "xcomp")
                            and p.trigger.head.i in hosts and not _children(p.trigger, "nsubj") and _purpose(p)), None)
            if purpose is not None:
                code = m.pattern.code
                if len(code) == 3 and code != "140" and purpose.pattern.code[:3] == "104" and len(purpose.pattern.code) == 4:
                    code += purpose.pattern.code[3]  # demanding a new leader (1041): a demonstration for one (1411)
                aimed[m.trigger.i] = replace(m, pattern=replace(m.pattern, code=code), targets=purpose.targets)
                dropped.add(purpose.trigger.i)
        return [aimed.get(m.trigger.i, m) for m in found]

    def _negated_act(self, tok: Token) -> bool:
        """An act said not to be done: "did not attack", "never met", "no soldiers have fired", and an intention
        denied ("does not intend to pull troops out", which the intent table then codes as a refusal)."""
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children) or _no_doer(tok):
            return True
        head = tok.head
        return (tok.dep_ == "xcomp" and self.modality.governors.get(head.lemma_.lower()) == "intended"
                and any(c.dep_ == "neg" for c in head.children))

    def _narrowed(self, pattern: Pattern, verb: Token) -> Pattern:
        """A verb that codes the act its object names takes the object's narrower code, if the noun has one:
        "began a hunger strike" 142 (not "began a strike", 143), "set off a car bomb" 1832; so does a verb whose
        object or manner phrase names a narrower act of its own root: "fought a gunbattle", "engaged the peacekeepers
        in a firefight" 193."""
        if pattern.kind != "verb":
            return pattern
        if pattern.objects:
            named = [o for o in self._objects(verb) if {o.lemma_.lower(), o.lower_} & pattern.objects]
            narrower = next((p for o in named for p in self.candidates(o)[:1] if p.modifiers), None)
        else:
            named = objects(verb) + [o for p in _children(verb, "prep") if p.lower_ == "in" for o in _children(p, "pobj")]
            narrower = next((p for o in named for p in self.candidates(o)[:1]
                             if p.code[:2] == pattern.code[:2] and p.code != pattern.code and len(p.code) >= len(pattern.code)), None)
        return replace(pattern, code=narrower.code) if narrower is not None else pattern

    def _specific_governor(self, governor: Match, found: list[Match]) -> Match:
        """A bare threat or refusal that governs its own doer's act says what it threatens or refuses: "threatened to
        attack Israel" is a threat of conventional attack (1384) on Israel, "refused to deploy peacekeepers in Iraq"
        a refusal of international involvement (1224) toward Iraq; the act stays, flagged threatened or negated."""
        kind = _GENERIC_GOVERNORS.get(governor.pattern.code)
        if kind is None:
            return governor
        if kind == "negated" and any(c.lemma_.lower() in self.modality.comment_verbs for c in _children(governor.trigger, "xcomp")):
            return replace(governor, pattern=replace(governor.pattern, code=_DECLINE_COMMENT), targets=())
        for act in found:
            clause = _clause(act)
            if act.embedded != kind or clause.head.i != governor.trigger.i or clause.i == governor.trigger.i:
                continue
            own_doer = clause.dep_ == "xcomp" or all(s.pos_ == "PRON" for s in act.sources)
            if not own_doer or act.pattern.code[:2] == governor.pattern.code[:2]:
                continue
            code = self.modality.governed_code(kind, act.pattern.code) or governor.pattern.code
            return replace(governor, pattern=replace(governor.pattern, code=code), targets=act.targets or governor.targets)
        return governor

    def _matches(self, sent: SpacySpan, is_actor: IsActor) -> Iterator[Match]:
        fired: dict[int, bool] = {}  # trigger -> whether it had a doer
        for tok in sent:
            governor = _governing_verb(tok)
            if tok.pos_ == "NOUN" and governor in fired and (fired[governor] or tok.doc[governor].lemma_.lower() not in self.patterns.harm_verbs):
                # the verb already coded it: "launched an attack", "rejected the talks", "recalled ... in protest"; but
                # in "were killed in a suicide bombing" the harm verb has no doer and the noun names the act
                continue
            supports = [v for v in _support_verbs(tok) if v.lemma_.lower() not in self.patterns.not_carriers] if tok.pos_ == "NOUN" else []
            for pattern in self.candidates(tok):
                carriers = supports if pattern.kind == "noun" else []
                if pattern.code[:2] != "04" and tok.dep_ == "pobj" and tok.head.lower_ == "during":
                    carriers = []  # "shot protesters during protests": not the shooters' protest; but "met during a visit"
                if pattern.nominal:  # "Italy announced a suspension of links" but not "called for the release of"
                    carriers = [v for v in carriers if v.i == tok.head.i and tok.dep_ in ("dobj", "nsubjpass")]
                sources = self._sources(pattern, tok, carriers, is_actor)
                targets, open_target = self._targets(pattern, tok, carriers, is_actor)
                targets = [t for t in targets if t not in sources]  # "the plan was opposed by Russia": Russia only opposes
                if pattern.reverse:  # "Georgia received weapons from Russia": Russia gave them to Georgia
                    if not targets:
                        continue
                    sources, targets, open_target = targets, [s for s in sources if is_actor(s)], False
                if pattern.reciprocal and pattern.kind == "noun" and not sources:
                    sources = [t for t in _prep_objects(tok, "between") if is_actor(t)] or _actor_modifiers(tok, is_actor)
                if sources and not any(is_actor(s) for s in sources):
                    continue
                if pattern.kind == "verb" and _tally(tok):
                    break  # "more than 300,000 people have been killed since 1993": a count, not an event
                if pattern.code[:2] == _APPEAL_ROOT and _asks_a_question(tok):
                    continue  # "a reporter asked Mr Rumsfeld whether ...", "Bush was asked about the report"
                if pattern.kind == "noun" and _referred_to(tok):
                    break  # "days after the raid", "in protest at the attack": an act the story told already
                if (not sources or not targets) and _background(tok):
                    continue  # an act named only to describe a noun: "crimes committed by Croat forces"
                if not targets and not open_target and not (pattern.reciprocal and len(sources) > 1):
                    continue
                if not targets and sources and not pattern.reciprocal and (pattern.kind == "verb" or pattern.nominal):
                    targets = self._owners(tok, is_actor, where=pattern.code[:2] not in SAID_ROOTS)
                if not targets and sources and not pattern.reciprocal:
                    targets = _answered(tok, carriers, is_actor)
                fired[tok.i] = bool(sources)
                pattern = self._narrowed(pattern, tok)
                negated = self._negated_act(tok)
                yield Match(pattern, tok, tuple(sources), tuple(targets), negated, _hypothetical(tok), self.modality.of(tok), open_target)
                break


_NO_ONE = frozenset({"none", "nobody", "neither"})


def _no_doer(verb: Token) -> bool:
    """"no soldiers have fired", "none of the interrogators has been prosecuted": nobody did it."""
    return any(s.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
               for s in verb.children if s.dep_ in ("nsubj", "nsubjpass"))


def _clause(match: Match) -> Token:
    """The clause an act sits in: its verb, or the verb carrying its noun ("offered to engage in a dialogue")."""
    carrier = _governing_verb(match.trigger) if match.pattern.kind == "noun" else None
    return match.trigger.doc[carrier] if carrier is not None else match.trigger


def _family(code: str) -> str:
    root = code[:2]
    return _ROOT_FAMILY.get(root, root)


def _doer_modifier(mod: Token) -> bool:
    """A modifier that names who acts: "Israeli air raids", "a government offensive", "a US strike" —
    but not a place, which is where or whom: "the Iraq invasion", "the Gaza blockade"."""
    if mod.i > mod.head.i or stance(mod):  # "an anti-Japanese rally" is not by the Japanese
        return False
    if mod.dep_ == "amod":
        return True
    return mod.dep_ == "compound" and (mod.ent_type_ not in ("GPE", "LOC", "FAC") or acronym(mod.text))


def _complement(verb: Token) -> list[Token]:
    """What a speech verb says: its clause, object, predicate or "as" phrase, without the speaker or the
    circumstances ("Libya said the force used was excessive", "the claims were described by X as a stunt",
    "called the remarks outrageous"); a conditional clause inside it says nothing for certain."""
    parts = [c for c in verb.children if c.dep_ in _SAID_DEPS or (c.dep_ == "prep" and c.lower_ in ("as", "of", "about"))]
    out: list[Token] = []
    for part in parts:
        stack = [part]
        while stack:
            tok = stack.pop()
            if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in tok.children):
                continue
            out.append(tok)
            stack += tok.children
    return sorted(out, key=lambda t: t.i)


def _predicated(tok: Token) -> bool:
    """Said of something, not a label on it: "the vote was illegal", "called it a farce", "described
    the claims as a stunt", "an outrageous decision" as a predicate — but not "illegal arms sales"."""
    for _ in range(_MAX_CLIMB):
        if tok.dep_ in ("acomp", "attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            return True
        if tok.dep_ not in ("amod", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _obligation(tok: Token) -> bool:
    """"said that Libya must hand over the suspects", "all Syrian forces must withdraw": an obligation put on the
    doer, not an act done."""
    return tok.dep_ == "aux" and tok.lower_ in ("must", "should")


def _negated(tok: Token) -> bool:
    """"not acceptable", "was not illegal": the word or the verb it predicates carries a negation."""
    return any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


def _actor_modifiers(noun: Token, is_actor: IsActor) -> list[Token]:
    """The parties named before a reciprocal noun: "a US-Japan meeting", "Israeli-Palestinian talks"."""
    found: list[Token] = []
    stack = [c for c in noun.children if c.dep_ in _MODIFIER_DEPS and c.i < noun.i]
    while stack:
        tok = stack.pop()
        if is_actor(tok):
            found.append(tok)
        stack += [c for c in tok.children if c.dep_ in (*_MODIFIER_DEPS, "conj") and c.i < noun.i]
    return sorted(found, key=lambda t: t.i) if len(found) > 1 else []


def _for_clauses(noun: Token, carriers: list[Token]) -> list[Token]:
    """The "for X to do" clauses a noun (or the verb carrying it, where the parser hangs them) takes: "calls for Syria
    to withdraw", "an appeal for the rebels to lay down their arms"."""
    return [c for head in (noun, *carriers) for c in head.children
            if c.dep_ in ("acl", "advcl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]


def _governing_verb(noun: Token) -> int | None:
    """The verb whose object (or manner phrase: "in protest", "as a warning") the noun is."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head.i
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "as") and noun.head.dep_ == "prep":
        return noun.head.head.i
    return None


def _background(tok: Token) -> bool:
    """An act with no doer that only describes a noun is a reference, not a report: an event noun in
    another noun's phrase ("the anniversary of the invasion") or a participle on a noun ("officials
    accused of playing a role"), a passive relative clause ("the school siege where 344 civilians were killed") or
    an infinitive on a noun ("a referendum on the plan to withdraw")."""
    if tok.pos_ == "NOUN":
        return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN")
    # "a referendum on Sharon's plan to withdraw forces from Gaza": an intention named, no one doing it here
    return _is_participle_on_noun(tok) or (tok.dep_ == "relcl" and _is_passive(tok)) or (tok.dep_ == "acl" and tok.tag_ == "VB" and tok.head.pos_ == "NOUN")


def _referred_to(noun: Token) -> bool:
    """A definite event noun that only dates or motivates another act names an act the story has told: "days after
    the raid on Dutch servers", "following the raid", "in protest at the attack", "claimed responsibility for the
    attack", "said of the Gaza withdrawal"."""
    if noun.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return False
    preposition = noun.head
    owner = preposition.head
    before = noun.doc[preposition.i - 1] if preposition.i else preposition  # "in protest at" however the parser hangs "at"
    return (preposition.lower_ in _TIME_PREPS
            or (preposition.lower_ in _ANSWER_PREPS and {owner.lemma_.lower(), before.lemma_.lower()} & (_ANSWER_NOUNS | {"responsibility"}))
            or (preposition.lower_ == "of" and owner.lemma_.lower() in _SPEECH_LEMMAS))


def _hypothetical(tok: Token) -> bool:
    """'would attack', 'any coup against X would be ...': a possibility, not an event."""
    clause = tok
    if tok.pos_ == "NOUN":
        if any(c.lower_ == "any" for c in tok.children):
            return True
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children)


@dataclass(frozen=True)
class Modality:
    """Governing verbs and markers that change what an embedded event is (data/patterns/modality.yaml)."""

    governors: dict[str, str]  # lemma (verb or noun) → modality
    future: frozenset[str]
    conditional: frozenset[str]
    not_events: frozenset[str]
    version: str = "unversioned"
    self_directed: frozenset[str] = frozenset()  # "wants to attack" is the wanter's own intention
    reported_future: frozenset[str] = frozenset()  # "said it would free": future in reported speech
    intended_as: dict[str, str] = field(default_factory=dict)  # code prefix of an intended act → its intent code
    future_frames: frozenset[str] = frozenset()  # "is to withdraw", "was set to begin": an announced act
    threatened_as: dict[str, str] = field(default_factory=dict)  # code prefix of a threatened act → its threat code
    refused_as: dict[str, str] = field(default_factory=dict)  # code prefix of a refused act → its refusal code
    charging: frozenset[str] = frozenset()  # verbs whose "of"/"for"/"with" clause is a charge: "accused X of attacking"
    preventing: frozenset[str] = frozenset()  # verbs whose "from" clause is not done: "prevented X from entering"
    comment_verbs: frozenset[str] = frozenset()  # "refused to comment": declining to comment, not a rejection
    threat_outcomes: frozenset[str] = frozenset()  # "warned that Iran could face sanctions": what befalls the warned

    def intent_code(self, code: str) -> str | None:
        """The statement-of-intent code for an announced act ("will release" → 0353), if CAMEO has one."""
        return _by_prefix(self.intended_as, code)

    def governed_code(self, kind: str, code: str) -> str | None:
        """The threat or refusal code for a threatened or refused act ("threatened to attack" → 1384, "refused to
        release" → 1243, "will not meet the demands" → 123), if CAMEO has one."""
        return _by_prefix(self.threatened_as if kind == "threatened" else self.refused_as, code)

    def condition_on(self, tok: Token) -> str | None:
        """The marker of a condition put on an act ("will cut aid if Kiev does not pay": if), else None."""
        return next((m.lower_ for c in _children(tok, "advcl") for m in _children(c, "mark") if m.lower_ in self.conditional), None)

    def of(self, tok: Token) -> str | None:
        """'threatened to impose': threatened; 'will visit': intended; 'if this siege continues': conditional;
        'pressure to help': demanded; 'said they will attack': intended."""
        if any(c.dep_ == "mark" and c.lower_ in self.conditional for c in tok.children):
            return "conditional"
        if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in tok.children):
            return "hypothetical"  # "will probably not extradite the men": a guess, not an act or a refusal
        if any(_obligation(c) for c in tok.children):
            return "demanded"  # "said that Sudan must return the helicopter": the saying is the demand (100), not a return
        governed = self._governed(tok)
        auxiliaries = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if governed is None and auxiliaries & self.future:
            return "intended"
        if governed == "reported" and auxiliaries & (self.future | self.reported_future):
            return "intended"  # "announced it would free 150 prisoners"
        return governed

    def _governed(self, tok: Token) -> str | None:
        if _in_question(tok):
            return "hypothetical"  # "asked whether he was prepared to resign": a question, not an act
        node = tok
        if tok.pos_ == "NOUN":  # an event noun is governed through the verb that carries it: "offered to engage in a dialogue"
            carrier = _governing_verb(tok)
            if carrier is None and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
                carrier = tok.head.head.i  # "called for the withdrawal", "pressed for the release"
            node = tok.doc[carrier] if carrier is not None else tok
            if node is not tok and node.lemma_.lower() in self.governors and node.lemma_.lower() not in self.self_directed:
                return self.governors[node.lemma_.lower()]  # "denied the attack", "promised a withdrawal", "called for talks"
        for _ in range(_MAX_CLIMB):
            charge = _charge_of(node)
            if charge is not None and charge.lemma_.lower() in self.charging:
                return "alleged"  # "accused the authorities of having supplied weapons", "arrested for collaborating"
            kept_from = _kept_from(node)
            if kept_from is not None and kept_from.lemma_.lower() in self.preventing:
                return "negated"  # "prevented the workers from entering Israel"
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                node = node.head.head  # "accused Rwanda of making accusations by alleging ...": the charge goes on
                continue
            if node.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl") or node.head.i == node.i:
                break
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.conditional for c in node.children):
                return "conditional"
            head = node.head
            lemma = head.lemma_.lower()
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in node.children) or (node.dep_ == "advcl" and node.tag_ == "VB" and _infinitive(node)):
                # "repeating their calls for Syria to withdraw", "would not give permission to Russia to help Israel":
                # the noun the clause completes governs it
                nouns = [o.lemma_.lower() for o in _children(head, "dobj") if o.lemma_.lower() in self.governors]
                if nouns:
                    return self.governors[nouns[0]]
            if node.dep_ == "xcomp" and lemma in self.future_frames and node.tag_ == "VB":
                return "intended"  # "Norway is to withdraw its troops", "was set to begin talks": an announced act
            if node.dep_ == "advcl" and _infinitive(node) and self.governors.get(lemma) == "negated":
                break  # "blocked a road to show their disapproval", "stopped work to protest": what for, not what was stopped
            if node.dep_ != "conj" and lemma in self.governors:
                own = self.governors[lemma]
                if lemma in self.self_directed and not _children(head, "dobj") and not _children(node, "nsubj", "nsubjpass"):
                    own = "intended"
                if own == "intended" and _undone_by(head) and self._governed(head) == "negated":
                    return "negated"  # "denied that it wanted to sell", "cancel plans to sell": no intention either
                return own
            node = head
        return None


def _charged(verb: Token) -> list[Token]:
    """Who a charge or a reason is laid on: "accused X of making", "jailed X for helping", "X was arrested for spying"."""
    governor = _charge_of(verb)
    if governor is None:
        return []
    return _with_conjuncts(_children(governor, "nsubjpass") if _is_passive(governor) else _children(governor, "dobj"))


def _undone_by(intention: Token) -> bool:
    """Whether the verb governing an intention (through a clause or the noun that names it) undoes it."""
    node = intention
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in _UNDOING:
            return True
        if node.head.i == node.i:
            break
    return False


def _kept_from(clause: Token) -> Token | None:
    """The verb a clause is kept from by: "prevented X from entering", "were barred from leaving"."""
    return _verb_of_prep_clause(clause, _KEPT_FROM_PREPS)


def _charge_of(clause: Token) -> Token | None:
    """The verb a clause is the reason or charge of: "accused X of making", "jailed for helping"."""
    return _verb_of_prep_clause(clause, _REASON_PREPS)


def _verb_of_prep_clause(clause: Token, preps) -> Token | None:
    """The verb whose preposition (one of ``preps``) takes the clause: "accused X of making" → accused."""
    prep = clause.head
    if clause.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in preps and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value for the longest prefix of ``code`` in ``table``."""
    return next((table[code[:n]] for n in range(len(code), 1, -1) if code[:n] in table), None)


def _tally(verb: Token) -> bool:
    """A present perfect counted from a starting point tells a tally or a standing state, not an act: "hundreds of
    policemen have been killed since the start of the war", "relations have been suspended since 1980"."""
    if not present_perfect(verb):
        return False
    # the verb's own starting point, not a noun's ("has rejected, in his first speech since the shooting, ...")
    starts = [t for t in verb.children if t.lower_ == "since" and t.dep_ == "prep"]
    # "have arrested 20 people since Monday" is this week's news
    return any(not _RECENT.search(" ".join(w.lower_ for w in t.subtree)) for t in starts)


def _asks_a_question(verb: Token) -> bool:
    """Asking with no act asked for is a question, not an appeal: "asked Mr Rumsfeld whether Brazil is ready", "was
    asked about the report", "asks, 'How will voters respond?'" — but "asked China to improve", "asked for help"."""
    if verb.lemma_.lower() != "ask" or _children(verb, "xcomp") or any(p.lower_ == "for" for p in _children(verb, "prep")):
        return False
    if any(p.lower_ == "about" for p in _children(verb, "prep")) or any(o.lemma_.lower() == "question" for o in _children(verb, "dobj")):
        return True
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "advcl", "dep", "parataxis")]
    if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for c in clauses for m in c.children):
        return True
    if any(c.left_edge.tag_ in ("WDT", "WP", "WRB") for c in clauses):
        return True
    return any(t.text == "?" for t in verb.sent if t.i > verb.i)


def _in_question(tok: Token) -> bool:
    """Whether the token sits in an embedded yes/no question ("asked whether he would resign")."""
    node = tok
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "acomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


@lru_cache(maxsize=2)
def load_modality() -> Modality:
    """The bundled modality table (governing verbs, markers, modalities that are not events)."""
    data = yaml.safe_load(data_path("patterns", "modality.yaml").read_text("utf-8"))
    governors = {lemma: modality for modality, lemmas in data["governors"].items() for lemma in lemmas}
    return Modality(
        governors, frozenset(data["future_auxiliaries"]), frozenset(data["conditional_markers"]),
        frozenset(data["not_events"]), str(data["version"]),
        self_directed=frozenset(data.get("self_directed") or ()),
        reported_future=frozenset(data.get("future_in_reported_speech") or ()),
        intended_as={str(k): str(v) for k, v in (data.get("intended_as") or {}).items()},
        future_frames=frozenset(data.get("future_frames") or ()),
        threatened_as={str(k): str(v) for k, v in (data.get("threatened_as") or {}).items()},
        refused_as={str(k): str(v) for k, v in (data.get("refused_as") or {}).items()},
        charging=frozenset(data.get("charging") or ()),
        preventing=frozenset(data.get("preventing") or ()),
        comment_verbs=frozenset(data.get("comment_verbs") or ()),
        threat_outcomes=frozenset(data.get("threat_outcomes") or ()),
    )
