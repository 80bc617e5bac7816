"""Coding: parsed articles in, actors, events (CAMEO + PLOVER), dates and quotes out.

:class:`Coder` is a pipeline component in spaCy's sense: it needs sentences,
entities and the dependency parse, and it assigns mentions, events and quotes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable, Iterator

from .._version import __version__
from ..config import Settings
from ..errors import E, ConfigError
from ..model import Actor, Article, Event, Mention, Quote, Sentence, Span, make_id, text_hash
from ..nlp import common_words, load_pipeline, pipe
from .actors import ARMED_SECTORS, ActorResolver, Resolved, counterpart, inferred_only, owned, placed
from .dates import SentenceDates
from .events import FORCE_ROOTS, SAID_ROOTS, EventMatcher, Match, load_modality, objects, subjects, where_done
from .patterns import load_patterns
from .places import EventPlaces, load_gazetteer
from .stories import POLITICS, load_story_types, state_actor_mentions
from .tables import load_actors, load_cameo

log = logging.getLogger(__name__)

CODER_VERSION = f"detente-coder/{__version__}"
CONVENTIONS = ("detente", "phoenix")
_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)[”\"]")
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_SPEECH_VERBS = {"say", "tell", "declare", "state", "add", "warn", "insist", "announce", "write", "comment", "threaten", "reply", "respond", "ask", "argue", "claim"}


@dataclass
class CodedArticle:
    """What the coder assigns to one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    story_type: str = POLITICS  # sports, business, entertainment and obituary stories get no events


class Coder:
    """Loads tables, patterns and the spaCy pipeline once; codes articles in batches."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        if self.settings.conventions not in CONVENTIONS:
            raise ConfigError(E.E023.format(key="conventions", choices=", ".join(CONVENTIONS), value=self.settings.conventions))
        self.government_acts = _GOVERNMENT_ACTS if self.settings.conventions == "detente" else frozenset()
        self.cameo = load_cameo()
        self.tables = load_actors(None, self.settings.actor_files)
        self.patterns = load_patterns(self.cameo, self.settings.pattern_files)
        self.gazetteer = load_gazetteer()
        # country names (not demonyms) → ISO3, and ISO3 → the table's name, for event places
        self.country_names = {n: c for n, c in self.tables.countries.items() if n not in self.tables.demonyms}
        self.demonym_codes = {n: c for n, c in self.tables.countries.items() if n in self.tables.demonyms}
        self.country_name_of: dict[str, str] = {}
        for name, code in self.country_names.items():
            self.country_name_of.setdefault(code, name)
        lemma_words = common_words(self.settings.model)
        ruler = ActorResolver.ruler_patterns(self.tables)
        ruler += [{"label": "GPE", "pattern": name} for name in self.gazetteer.ruler_names(lemma_words)]
        self.nlp = load_pipeline(self.settings.model, ruler)
        self.resolver = ActorResolver(self.tables, self.nlp, self.gazetteer, frozenset(self.patterns.nouns))
        self.modality = load_modality()
        self.story_types = load_story_types()
        self.matcher = EventMatcher(self.patterns, self.modality)

    @property
    def versions(self) -> dict[str, str]:
        return {
            "coder": CODER_VERSION if self.settings.conventions == "detente" else f"{CODER_VERSION}+{self.settings.conventions}",
            "model": f"{self.nlp.meta.get('lang')}_{self.nlp.meta.get('name')}/{self.nlp.meta.get('version')}",
            "patterns": f"{self.patterns.version}+detente-modality@{self.modality.version}+detente-story-types@{self.story_types.version}",
            "actors": f"detente-actors@{self.tables.version}",
            "cameo": f"detente-cameo@{self.cameo.version}",
        }

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        articles = list(articles) if not isinstance(articles, list) else articles
        docs = pipe(self.nlp, (a.text for a in articles), batch_size=self.settings.batch_size, n_process=self.settings.n_process)
        for article, doc in zip(articles, docs, strict=False):
            yield self.code_doc(article, doc)

    def code_text(self, text: str, date: date | None = None, source: str = "") -> CodedArticle:
        article = Article(id=make_id("a", source, text_hash(text)), text=text, source=source, date=date, date_origin="input" if date else "unknown")
        return next(self.code_articles([article]))

    # -- one document ----------------------------------------------------------
    def code_doc(self, article: Article, doc) -> CodedArticle:
        coded = CodedArticle(article)
        sents = list(doc.sents)
        sent_index = {}
        for i, sent in enumerate(sents):
            text = sent.text.rstrip()  # a sentence ends at its last character, not at the blank line after it
            coded.sentences.append(Sentence(article.id, i, sent.start_char, sent.start_char + len(text), text))
            for tok in sent:
                sent_index[tok.i] = i
        hits = self.resolver.name_hits(doc)
        coded.mentions, resolved, homes = self.resolver.mentions(doc, hits, article.id, article.date, lambda t: sent_index[t.i])
        actor_at = self._actor_lookup(resolved, hits, lambda tok: (homes.home_for(sent_index[tok.i]), homes.scene(sent_index[tok.i])))
        coded.quotes, voices = self._quotes(article, doc, actor_at, sent_index)
        for i, voice in voices.items():  # "I", "me", "my", "we", "us" and "our" in a quote are its speaker
            actor_at.speaks(i, voice)
            coded.mentions.append(Mention(article.id, sent_index[i], voice.span.start, voice.span.end, voice.span.text, voice.actor,
                                          voice.resolution, voice.confidence))
        coded.mentions.sort(key=lambda m: m.start)
        coded.story_type = self.story_types.classify(doc, state_actor_mentions(coded.mentions))
        if coded.story_type != POLITICS:
            return coded
        dates = SentenceDates(doc, article.date)
        prefer = frozenset(m.actor.country for m in coded.mentions if m.actor.country)
        places = EventPlaces(self.gazetteer, doc, self.country_names, self.country_name_of, prefer, homes.before(len(sents)), self.demonym_codes)
        seen: set[str] = set()

        def is_actor(tok) -> bool:
            return actor_at(tok, article.date) is not None

        for i, sent in enumerate(sents):
            for match in self.matcher.matches(sent, is_actor):
                for event in self._events(article, coded.sentences[i], match, actor_at, dates, places, coded.quotes):
                    if event.id not in seen:
                        seen.add(event.id)
                        coded.events.append(event)
        coded.mentions = _in_government_roles(coded.mentions, coded.events, self._acting_states(doc, resolved))
        coded.mentions = _placed_by_counterparts(coded.mentions, coded.events)
        return coded

    def _acting_states(self, doc, resolved: dict[int, Resolved]) -> list[tuple[Span, Actor]]:
        """Countries named alone as a party to what is done, other than by force ("China passed a law", "urged
        China to reconsider", "proposed by the US", "a complaint against the U.S."): their governments, when the
        conventions say so (docs/coding-guidelines.md §2). Places ("troops in Iraq") keep the country."""
        if not self.government_acts:
            return []
        out = []
        for i, found in resolved.items():
            gov = _as_government(found)
            if gov is found:
                continue
            tok = doc[i]
            if tok.dep_ in _PARTY_ROLES:
                verb = tok.head
            elif tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ in _PARTY_PREPS):
                verb = tok.head.head  # "proposed by the US", "a complaint against the U.S.", "talks with China"
            else:
                continue
            if verb.pos_ not in ("VERB", "AUX", "NOUN") or any(p.code[:2] in _FORCE_OR_POSTURE for p in self.matcher.candidates(verb)):
                continue
            out.append((gov.span, gov.actor))
        return out

    def _actor_lookup(self, resolved: dict[int, Resolved], hits, home_and_scene) -> "_DocActors":
        return _DocActors(self.resolver, resolved, hits, home_and_scene)

    def _events(self, article: Article, sentence: Sentence, match: Match, actor_at, dates: SentenceDates, places: EventPlaces,
                quotes: list[Quote]) -> Iterator[Event]:
        when = dates.for_trigger(sentence.index, match.trigger)
        root = match.pattern.code[:2]
        sources = _placed_conjuncts(actor_at.each(match.sources, when.date))
        # "demonstrated in Kathmandu": Nepal; but "arrived in Dili" on a visit is a visit to the government there
        targets = _placed_conjuncts([_as_place(r) if where_done(head) and root != "04" else r for head in match.targets for r in actor_at.each([head], when.date)])
        destinations: tuple = ()
        if root == "04":
            destinations = match.targets  # "visited Damascus": where it happened
        elif root in FORCE_ROOTS and match.pattern.kind == "verb" and (all(t.actor.kind == "place" for t in targets) or all(map(where_done, match.targets))):
            # "bombed the village of Chechal": a struck place that is no actor (or stands for its country) is where it happened
            destinations = tuple(x for o in objects(match.trigger) for x in (o, *(p for c in o.children if c.lower_ == "of" for p in c.children)))
        # an argument's modifiers are not the place either: "U.S. aircraft bombed ..." did not happen in the US
        arguments = frozenset(t.i for head in (*match.sources, *match.targets) if not where_done(head) for t in head.subtree if t.i <= head.i)
        if root in SAID_ROOTS or root == "04":  # "discussed the situation in Haiti": the topic's place, not where they talked
            arguments |= {t.i for o in objects(match.trigger) if o not in match.targets for t in o.subtree}
        where = places.for_event(sentence.index, match.trigger, arguments, destinations)
        speaker = sources[0].actor.country if sources else None
        if where is not None and where.origin == "story" and match.pattern.code[:2] in SAID_ROOTS and speaker and speaker != where.place.country:
            where = places.country_level(speaker, "speaker")  # Pakistan condemning an attack in India speaks from Pakistan
        if match.sources and not sources:
            return  # the doer is not a political actor
        if match.targets and not targets and not match.open_target:
            return
        info = self.cameo[match.pattern.code]
        modality = (
            "negated" if match.negated
            else match.embedded if match.embedded and match.embedded != "reported"
            else "hypothetical" if match.hypothetical
            else "historical" if dates.is_historical(when.date)
            else match.embedded or "asserted"
        )
        pairs: list[tuple[Resolved | None, Resolved | None]]
        if match.pattern.reciprocal and not targets and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
            if match.pattern.reciprocal and modality != "intended":  # "determined to mend ties with X": one side's intent
                pairs += [(t, s) for s, t in pairs if s and t]
        info, modality = self._recoded(info, modality, match)
        if info.root in self.government_acts:  # "Iran said", "US-Japan talks": the governments (coding guidelines §2)
            pairs = [(_as_government(s), _as_government(t) if match.pattern.reciprocal else t) for s, t in pairs]
        trigger = match.trigger
        quote = next((q for q in quotes if q.start <= trigger.idx < q.end), None)
        matched_info = info
        for source, target in pairs:
            if source is None and target is None:
                continue
            source, target = counterpart(source, target), counterpart(target, source)
            if source and target and source.actor.code == target.actor.code:
                continue
            info = self._by_parties(matched_info, source, target, match)
            if info is None:
                continue
            if info.root in self.government_acts and matched_info.root not in self.government_acts:
                source = _as_government(source)  # "the United States protested": in words, so its government
            if not _grounded(source, target, info.root, trigger):
                continue
            if info.root == "01" and target is not None and target.actor.sectors == ("MED",):
                continue  # "told Reuters", "said in an interview with CNN": the report's channel, not an event
            yield Event(
                article_id=article.id,
                sentence_index=sentence.index,
                sentence=Span(sentence.start, sentence.end, sentence.text),
                trigger=Span(trigger.idx, trigger.idx + len(trigger), trigger.text),
                code=info.code,
                root=info.root,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                plover_type=info.plover_type,
                plover_mode=info.plover_mode,
                source=source.actor if source else None,
                target=target.actor if target else None,
                source_span=source.span if source else None,
                target_span=target.span if target else None,
                date=when.date,
                date_precision=when.precision,
                date_origin=when.origin,
                modality=modality,
                pattern_id=match.pattern.id,
                confidence=_confidence(source, target, when.origin),
                source_resolution=source.resolution if source else None,
                target_resolution=target.resolution if target else None,
                quote_id=quote.id if quote else None,
                place=where.place if where else None,
                place_span=where.span if where else None,
                place_origin=where.origin if where else None,
            )

    def _by_parties(self, info, source: Resolved | None, target: Resolved | None, match: Match):
        """Who does an act to whom can make it another act, or none (docs/coding-guidelines.md §1): a state's
        protest is an official complaint (114); only armed forces or groups "enter" or "capture" by force (else None:
        no event); police or soldiers firing on demonstrators repress them (175), and demonstrators or a mob using
        force riot (145); force by other civilians is unconventional violence (180, a killing 1823: "settlers attacked
        the village"), and so is a killing of non-combatants by armed groups ("insurgents killed her translator"),
        unless the killing is what an armed act did ("shelled Juba, killing about 20 people")."""
        patterns = self.patterns
        trigger = match.trigger
        if info.root == _PROTEST_ROOT and trigger.lemma_.lower() in patterns.verbal_protest_verbs and _a_state(source, match.sources):
            return self.cameo[_OFFICIAL_COMPLAINT]  # "the United States protested the sales": in words
        if info.root not in FORCE_ROOTS:
            return info
        if trigger.lemma_.lower() in patterns.armed_only_verbs and not (source and set(source.actor.sectors) & ARMED_SECTORS):
            return None  # "entered hospital", "entered Gaza" as a student, "to enter the WTO": no force
        if source is None or target is None:
            return info
        doer, victim = set(source.actor.sectors), set(target.actor.sectors)
        crowds = [t for t in (*match.sources, *match.targets) if t.lemma_.lower() in patterns.repression_targets]
        if doer & _POLICE_OR_ARMY and _in_phrase_of(target, crowds):
            return self.cameo[_REPRESSION]
        if info.code != _GENERIC_FORCE or not doer or doer & _STATE_FORCES:
            return info
        if trigger.dep_ in ("advcl", "xcomp") and any(p.code[:2] in FORCE_ROOTS for p in self.matcher.candidates(trigger.head)):
            return info  # the killing is what an armed act did
        killing = trigger.lemma_.lower() in patterns.assault_verbs
        if _in_phrase_of(source, crowds):
            return self.cameo[_RIOT]  # "rioters clashed with police", "a mob attacked the troops"
        if not doer & ARMED_SECTORS:  # a mob, settlers, students: no armed force fights
            return self.cameo[_KILLING_BY_ASSAULT if killing else _UNCONVENTIONAL_VIOLENCE]
        if killing and victim and not victim & _COMBATANTS:
            return self.cameo[_KILLING_BY_ASSAULT]
        return info

    def _recoded(self, info, modality: str, match: Match):
        """The CAMEO code an announced or refused act is coded as, and the modality it keeps. The steps run in
        order, each on the last one's result."""
        condition = self.modality.condition_on(match.trigger) if modality == "intended" else None
        threat = condition and (self.modality.governed_code("threatened", info.code) or ("130" if condition == "unless" else None))
        if threat:  # "will cut aid if Kiev does not pay" 1311, "will withdraw its force unless ..." 130: a threat
            info, modality = self.cameo[threat], "asserted"
        intent = self.modality.intent_code(info.code) if modality == "intended" else None
        if intent:  # "will release the prisoners": a statement of intent (0353); "will attack": a threat (138)
            info, modality = self.cameo[intent], "asserted"
        refusal = self.modality.governed_code("negated", info.code) if match.negated and match.embedded == "intended" else None
        if refusal:  # "said it would not meet the demands": a refusal (123), not a negated act
            info, modality = self.cameo[refusal], "asserted"
        return info, modality

    def _quotes(self, article: Article, doc, actor_at, sent_index) -> tuple[list[Quote], dict[int, Resolved]]:
        """Quoted speech with its speaker: the subject of the speech verb that governs or follows the quote; and
        the speaker each first-person pronoun in a quote stands for (by token)."""
        quotes = []
        voices: dict[int, Resolved] = {}
        for m in _QUOTE.finditer(article.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or len(span) < 3:
                continue
            speaker = self._speaker(span, actor_at, article.date)
            quotes.append(
                Quote(article.id, sent_index[span.start], m.start(1), m.end(1), m.group(1),
                      speaker.actor if speaker else None, speaker.span.text if speaker else None)
            )
            if speaker is None:
                continue
            for tok in span:
                if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":  # not "the US", "World War I"
                    voices[tok.i] = Resolved(speaker.actor, Span(tok.idx, tok.idx + len(tok), tok.text),
                                             f"speaker:{speaker.span.text}", speaker.person_like)
        return quotes, voices

    @staticmethod
    def _speaker(quote, actor_at, when) -> Resolved | None:
        inside = range(quote.start, quote.end)
        verbs = [t for t in quote.sent if t.lemma_.lower() in _SPEECH_VERBS and t.i not in inside]
        # the verb whose clause holds the quote ("said: “...”", "threatening that “...”"), else the nearest one
        verbs.sort(key=lambda v: (not (v.left_edge.i <= quote.start and quote.end <= v.right_edge.i + 1), abs(v.i - quote.start)))
        for verb in verbs:
            for subject in subjects(verb):
                found = actor_at(subject, when)
                if found is not None:
                    return found
        return None


class _DocActors:
    """The actor a token stands for on a date, resolved once per (token, date) in one document:
    pronouns from the article's coreference, noun phrases with the office held on that date,
    domestic agents with no country placed in the country the article is about."""

    def __init__(self, resolver: ActorResolver, in_article: dict[int, Resolved], hits, home_and_scene):
        # the article-level resolution (pronouns, surnames named in full earlier), used where a noun
        # phrase alone says nothing
        self.resolver, self.in_article, self.hits, self.home_and_scene = resolver, in_article, hits, home_and_scene
        self.cache: dict[tuple[int, date | None], Resolved | None] = {}

    def __call__(self, tok, when: date | None) -> Resolved | None:
        key = (tok.i, when)
        if key not in self.cache:
            in_article = self.in_article.get(tok.i)
            if tok.pos_ == "PRON" or (in_article is not None and in_article.resolution.startswith("title:")):
                found = in_article  # what only the article says: "he", "the president" after "Bush"
            else:
                found = owned(self.resolver.resolve_np(tok, self.hits, when), tok, self.in_article) or in_article
            home, scene = self.home_and_scene(tok)
            self.cache[key] = found and self.resolver.at_home(found, home, when, scene)
        return self.cache[key]

    def speaks(self, i: int, speaker: Resolved) -> None:
        """A first-person pronoun in a quote stands for the quote's speaker."""
        self.in_article[i] = speaker
        for key in [k for k in self.cache if k[0] == i]:
            del self.cache[key]

    def each(self, heads, when: date | None) -> list[Resolved]:
        """The actors the argument heads stand for, one per coordinated nationality."""
        found: list[Resolved] = []
        for head in heads:
            resolved = self(head, when)
            if resolved is not None:
                found += self.resolver.coordinated(resolved, head, self.hits)
        return found


def _a_state(side: Resolved | None, heads) -> bool:
    """A state organ, or a country named by its name (not its people: "Palestinians protested" marched)."""
    if side is None:
        return False
    if set(side.actor.sectors) & _STATE_ORGANS:
        return True
    named = _in_phrase_of(side, [t for t in heads if t.ent_type_ == "GPE"])
    return not side.actor.sectors and side.actor.kind == "country" and named


def _in_phrase_of(side: Resolved, words: list) -> bool:
    """Whether an event's side is one of these words or within its phrase: "protesters in Andijan", "a mob"."""
    return any(t.left_edge.idx <= side.span.start < t.right_edge.idx + len(t.right_edge) for t in words)


_POLICE_OR_ARMY = frozenset({"COP", "MIL"})
_STATE_FORCES = frozenset({"COP", "MIL", "GOV", "SPY"})
_COMBATANTS = frozenset({"COP", "MIL", "SPY", "REB", "UAF", "INS"})
_STATE_ORGANS = frozenset({"GOV", "JUD", "SPY"})  # not lawmakers, who also walk out and sit in
_PROTEST_ROOT, _OFFICIAL_COMPLAINT = "14", "114"
_REPRESSION, _RIOT, _GENERIC_FORCE, _UNCONVENTIONAL_VIOLENCE, _KILLING_BY_ASSAULT = "175", "145", "190", "180", "1823"
_FORCE_OR_POSTURE = FORCE_ROOTS | {"14", "15"}  # "Iran fired", "Iran mobilised": the country, not its government
#: a country in these roles is a party to what is done, not where it happens
_PARTY_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_PARTY_PREPS = frozenset({"against", "with"})

#: roots of acts only a government performs when a country is named alone: statements, appeals, intents,
#: consultations, diplomatic cooperation, concessions, demands, disapproval, rejections, threats, cutting ties
_GOVERNMENT_ACTS = frozenset({"01", "02", "03", "04", "05", "08", "10", "11", "12", "13", "16"})


def _as_government(resolved: Resolved | None) -> Resolved | None:
    """A country named alone, as the actor of a government's act, is its government: "Iran said" is IRNGOV."""
    if resolved is None or resolved.actor.kind != "country" or resolved.actor.sectors or resolved.actor.code != resolved.actor.country:
        return resolved
    actor = replace(resolved.actor, code=resolved.actor.code + "GOV", sectors=("GOV",))
    return replace(resolved, actor=actor, resolution=f"{resolved.resolution}+government-act")


def _in_government_roles(mentions: list[Mention], events: list[Event], acting: list[tuple[Span, Actor]]) -> list[Mention]:
    """A country mention that acts for its government ("Iran said", an event's government-act party) is the
    government's mention."""
    roles = [(span, actor) for span, actor, how in _sides(events) if how.endswith("+government-act")] + acting
    if not roles:
        return mentions
    out = []
    for m in mentions:
        actor = next((a for span, a in roles if span.start <= m.start and m.end <= span.end and m.actor.code == a.country), None)
        out.append(replace(m, actor=actor, resolution=f"{m.resolution}+government-act") if actor else m)
    return out


def _sides(events: list[Event]) -> Iterator[tuple[Span, Actor, str]]:
    """Each event's source and target with their span and resolution path, where the event has them."""
    for e in events:
        for span, actor, how in ((e.source_span, e.source, e.source_resolution), (e.target_span, e.target, e.target_resolution)):
            if span is not None and actor is not None:
                yield span, actor, how or ""


def _placed_by_counterparts(mentions: list[Mention], events: list[Event]) -> list[Mention]:
    """A mention an event placed by the agent it faces ("the Sudanese government accused Darfur rebels": SDNREB) says
    so too, so that mention and event agree."""
    placed_sides = {(span.start, span.end): (actor, how) for span, actor, how in _sides(events) if "+counterpart:" in how}
    if not placed_sides:
        return mentions
    out = []
    for m in mentions:
        placed = placed_sides.get((m.start, m.end))
        out.append(replace(m, actor=placed[0], resolution=placed[1]) if placed and m.actor.code != placed[0].code else m)
    return out


def _as_place(resolved: Resolved) -> Resolved:
    """A capital named as a place is its country, not the government it stands for in "Kathmandu said"."""
    actor = resolved.actor
    if actor.kind != "metonym" or not actor.country:
        return resolved
    return replace(resolved, actor=Actor(actor.country, actor.country, (), actor.name, None, "country"), resolution=resolved.resolution + "+place")


def _placed_conjuncts(found: list[Resolved]) -> list[Resolved]:
    """Of coordinated actors, those the text places: "Laurent Fabius and a group of deputies held talks" is one
    event of Fabius's, not a second one of deputies of no country."""
    placed_ones = [r for r in found if _has_country(r)]
    return placed_ones or found


def _grounded(source: Resolved | None, target: Resolved | None, root: str, trigger) -> bool:
    """Whether the event belongs somewhere: a side the text places, or, for force, a side the story places ("a roadside
    bomb killed four people" in a story from Iraq); a statement between agents the story only guesses is not coded,
    nor is force named by a bare plural ("we must condemn terrorist attacks on civilians": attacks in general)."""
    if _has_country(source) or _has_country(target):
        return True
    generic = trigger.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children)
    return root in FORCE_ROOTS and not generic and any(side is not None and placed(side.actor) for side in (source, target))


def _has_country(resolved: Resolved | None) -> bool:
    return resolved is not None and placed(resolved.actor) and not inferred_only(resolved)


def _confidence(source: Resolved | None, target: Resolved | None, date_origin: str) -> float:
    score = 1.0
    for side in (source, target):
        score *= 0.8 if side is None else side.confidence
    if date_origin == "article":
        score *= 0.95
    return round(score, 3)


__all__ = ["Coder", "CodedArticle", "CODER_VERSION"]
