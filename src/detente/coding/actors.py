"""Actors: names from the tables, composed with agent nouns over the noun phrase.

"Iraqi members of parliament" → IRQ (demonym) + LEG (agent noun) = IRQLEG;
"the Maliki government" → Maliki's country at that date + GOV = IRQGOV;
"Washington" → USAGOV (metonym); "he" → the last person mentioned before it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..model import Actor, Mention, Span
from .places import Gazetteer
from .tables import ActorTables, Person, data_path, office_kind

#: sectors that override the sector of the head noun ("rebel army units" are rebels)
_DOMINANT_SECTORS = ("REB", "INS", "OPP", "UAF", "CRM")
#: code prefixes of bodies that act across borders: intergovernmental, non-governmental, transnational militant
_INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})
#: code prefixes that are not ISO3 countries: the international ones and multinational companies
_NOT_COUNTRIES = _INTERNATIONAL | {"MNC"}
#: the preposition phrases that place an agent noun in a country: "ministers from the Georgian government",
#: "a court in Guyana", "officials in Damascus", "members of the Iraqi parliament", "students across Indonesia"
_PLACING_PREPS = frozenset({"from", "in", "of", "at", "across", "throughout"})
#: agents whose country the story suggests but does not settle: named, never enough for an event on its own
_STORY_SECTORS = frozenset({"MIL", "REB", "UAF", "CVL", "REF", "MED", "BUS", "EDU", "LAB", "AGR", "HLH", "REL", "CRM", "HRI"})
#: what each inferred step of a resolution path costs in confidence (names from the tables cost nothing)
_STEP_CONFIDENCE = {
    "pronoun": 0.8, "home": 0.75, "story": 0.6, "title": 0.9, "apposition": 0.85, "owner": 0.9, "place": 0.8,
    "located-in": 0.75, "person-table:out-of-office": 0.85, "person-table:former": 0.9, "person-table:default-code": 0.85,
    "person-table:designate": 0.85,
    "person-table:no-office": 0.7, "counterpart": 0.8, "and": 0.95, "from": 0.9, "in": 0.85, "of": 0.9, "at": 0.85,
    "across": 0.85, "throughout": 0.85, "speaker": 0.85,
}
#: how long before taking office a person already acts in it (elected, appointed, named)
DESIGNATE_WINDOW = timedelta(days=31)
#: agents that belong to the country a story is about when the text names none: "the government", "police"
_DOMESTIC_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "OPP", "PTY", "ELI", "SPY"})
#: sectors of offices one can have held ("former minister", "ex-spy chief"), which then make an elite (ELI)
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "SPY"})
#: a title with these words names someone who no longer holds the office
_NOT_CURRENT = frozenset({"former", "ex", "then", "late", "previous"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: agents of the place things happen rather than of the country the text is about
_SCENE_SECTORS = frozenset({"CVL", "REB", "UAF", "REF"})
_SCENE_PREPS = frozenset({"in", "at", "near"})
#: how many sentences back the place that makes the scene may have been named
SCENE_REACH = 3
#: how the person a verb names to a post hangs from it ("named X as ...", "X was appointed as ...")
_NAMED_ROLES = frozenset({"dobj", "nsubjpass", "npadvmod"})
_STANCE_PREFIXES = frozenset({"anti", "pro"})
_SINGULAR_PRONOUNS = frozenset({"it", "its", "itself", "he", "him", "his", "himself", "she", "her", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves"})
#: agents that act in their own country, so the place of their act gives it
_AT_HOME_SECTORS = frozenset({"COP", "JUD", "LEG"})
_NP_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: words that make a person's name before them the name of a place or thing: "Sadr City", "Hariri airport"
_NAMED_AFTER = frozenset({"city", "town", "square", "street", "avenue", "province", "district", "airport", "stadium",
                          "bridge", "mosque", "university", "hospital", "dam", "port"})
_NP_DEPS = {"compound", "amod", "nmod", "poss", "flat", "case", "nummod"}


#: heads that count an "of" phrase rather than name anyone
_QUANTITIES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "million", "millions", "tens",
                         "group", "crowd", "number", "handful", "band"})


@dataclass(frozen=True)
class NameHit:
    start: int  # token index
    end: int  # exclusive
    kind: str  # country | metonym | org | person
    key: str  # ISO3, code, or canonical person name


@dataclass(frozen=True)
class Resolved:
    actor: Actor
    span: Span
    resolution: str
    person_like: bool
    title: str | None = None  # the kind of office a title with no name names ("the prime minister")
    foreign: bool = False  # "foreign militants", "a Western diplomat": not of the country the story is about

    @property
    def confidence(self) -> float:
        """How sure the resolution is: each inferred step of its path costs something."""
        score = 1.0
        for step in self.resolution.split("+"):
            kind, _, detail = step.partition(":")
            score *= _STEP_CONFIDENCE.get(f"{kind}:{detail}", _STEP_CONFIDENCE.get(kind, 1.0))
        return round(score if placed(self.actor) else score * 0.9, 3)


class ActorResolver:
    """Finds and resolves actor mentions in a parsed document."""

    def __init__(self, tables: ActorTables, nlp: Language, gazetteer: Gazetteer, event_nouns: frozenset[str] = frozenset()):
        self.tables = tables
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.any_case_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")  # names from dictionaries written in capitals
        self._any_case_key = {name.lower(): name for name in tables.any_case}
        for kind, names in (
            ("country", tables.countries),
            ("metonym", tables.metonyms),
            ("org", tables.organizations),
            ("person", tables.person_names),
        ):
            self.matcher.add(kind, [nlp.make_doc(name) for name in names if name not in tables.any_case])
            self.any_case_matcher.add(kind, [nlp.make_doc(name) for name in names if name in tables.any_case])
        classes = yaml.safe_load(data_path("actors", "noun_classes.yaml").read_text("utf-8"))
        # regions named like a country's people ("the North American free trade agreement"): matched so that the
        # longer name wins, then dropped
        self.matcher.add("region", [nlp.make_doc(name) for name in classes["regional_names"]])
        self.pronouns: dict[str, str] = classes["pronouns"]
        self.person_nouns: set[str] = set(classes["person_nouns"])
        self.not_actor_heads = event_nouns | set(classes["abstract_nouns"])
        self.honorifics = frozenset(classes["honorifics"])
        self.non_actors = frozenset(classes["non_actors"])
        self.documents = frozenset(classes["documents"])
        self.inert_verbs = frozenset(classes["inert_verbs"])
        self.issuing_verbs = frozenset(classes["issuing_verbs"])
        self.foreign_words = frozenset(classes["foreign_words"])
        self.titles: dict[str, str] = classes["titles"]
        self._lookup = {
            "country": tables.countries,
            "metonym": tables.metonyms,
            "org": tables.organizations,
        }
        # in tokens: "state-run television" is four ("state", "-", "run", "television")
        self.max_sector_words = max((len(t.replace("-", " - ").split()) for t in tables.sectors), default=1)
        self.sector_first_words = frozenset(t.replace("-", " ").split()[0] for t in tables.sectors)  # a cheap test before building phrases

    # -- EntityRuler seed ------------------------------------------------------
    @staticmethod
    def ruler_patterns(tables: ActorTables) -> list[dict]:
        """Names the NER must not mislabel: people, countries, capitals, organisations."""
        patterns: list[dict] = []
        for name, holders in tables.person_names.items():
            if name not in tables.any_case:  # imported capitals-only names are matched by the resolver alone
                party = all(tables.people[h].kind == "party" for h in holders)
                patterns.append({"label": "ORG" if party else "PERSON", "pattern": name})
        for name in tables.countries:
            patterns.append({"label": "NORP" if name in tables.demonyms else "GPE", "pattern": name})
        for name, code in tables.metonyms.items():
            patterns.append({"label": "GPE" if len(code) == 6 and code.endswith("GOV") else "ORG", "pattern": name})
        for name in tables.organizations:
            if name not in tables.any_case:
                patterns.append({"label": "ORG", "pattern": name})
        return patterns

    # -- name hits -------------------------------------------------------------
    def name_hits(self, doc: Doc) -> dict[int, NameHit]:
        """Longest non-overlapping table names, indexed by every token they cover."""
        found = []
        exact = [(m, s, e, False) for m, s, e in self.matcher(doc)]
        for match_id, start, end, any_case in exact + [(m, s, e, True) for m, s, e in self.any_case_matcher(doc)]:
            kind = doc.vocab.strings[match_id]
            text = doc[start:end].text
            if kind == "region":
                found.append(NameHit(start, end, kind, ""))
                continue
            if any_case:
                text = self._any_case_key[text.lower()]
            if kind == "person" and (self._other_persons_name(doc, start, text) or (end < len(doc) and doc[end].lower_ in _NAMED_AFTER)):
                continue  # "John Pace" is not Peter Pace; "Sadr City" is no Sadr
            key = self.tables.person_names[text][0] if kind == "person" else self._lookup[kind][text]
            found.append(NameHit(start, end, kind, key))
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        by_token: dict[int, NameHit] = {}
        for hit in found:
            if any(i in by_token for i in range(hit.start, hit.end)):
                continue
            for i in range(hit.start, hit.end):
                by_token[i] = hit
        return {i: hit for i, hit in by_token.items() if hit.kind != "region"}

    def _after_honorific(self, tok: Token) -> bool:
        return tok.i > 0 and tok.doc[tok.i - 1].lower_.rstrip(".") in {h.rstrip(".") for h in self.honorifics}

    def _other_persons_name(self, doc: Doc, start: int, text: str) -> bool:
        """A bare surname after another given name is someone else: "John Pace" is not Peter Pace."""
        if start == 0 or " " in text or text in self.tables.people:
            return False
        before = doc[start - 1]
        return before.is_title and before.pos_ == "PROPN" and before.lower_ not in self.honorifics and before.lower_ not in self.tables.sectors

    # -- people ----------------------------------------------------------------
    def person(self, name: str, text: str, when: date | None) -> Person:
        """Among people sharing a name, the one in office on ``when``."""
        holders = [self.tables.people[n] for n in self.tables.person_names.get(text, [name])]
        if when is not None:
            for person in holders:
                if person.office_at(when):
                    return person
        return holders[0]

    def person_actor(self, person: Person, when: date | None) -> tuple[Actor, str]:
        office = person.office_at(when)
        if office:
            code = office.code
            return Actor(code, _country(code), _sectors(code), person.name, office.role, person.kind), "person-table"
        if person.default_code:
            code = person.default_code
            return Actor(code, _country(code), _sectors(code), person.name, None, person.kind), "person-table:default-code"
        if not person.offices:
            return Actor("---", None, (), person.name, None, "person"), "person-table:no-office"
        upcoming = [o for o in person.offices if when and o.start and when < o.start <= when + DESIGNATE_WINDOW]
        if upcoming:  # chosen, not yet sworn in: a prime minister-designate already acts for the government
            office = upcoming[0]
            return Actor(office.code, _country(office.code), _sectors(office.code), person.name, f"{office.role} (designate)", person.kind), "person-table:designate"
        # between two offices, the one held last so far ("Stoltenberg" in 2003: Norway's former prime minister,
        # not NATO's future secretary general)
        past = [o for o in person.offices if o.end and when and o.end < when]
        latest = max(past, key=lambda o: o.end) if past else person.offices[-1]
        country = _country(latest.code)
        if latest.end and when and latest.end < when:  # CAMEO's elites include former office holders
            code = (country + "ELI") if country else latest.code
            return Actor(code, country, ("ELI",) if country else _sectors(code), person.name, f"former {latest.role}", "person"), "person-table:former"
        return Actor(country or "---", country, (), person.name, latest.role, "person"), "person-table:out-of-office"

    # -- noun phrases ----------------------------------------------------------
    def np_tokens(self, head: Token) -> list[Token]:
        """The head and its modifiers, with its "of" phrase unless the head names an event:
        "members of parliament", "part of Syria" — but not "the suspension of Moscow's cooperation"."""
        lemma = head.lemma_.lower()
        agentive = lemma not in self.not_actor_heads
        tokens = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in _NP_DEPS or (child.dep_ == "prep" and child.lower_ == "of" and tok.i == head.i and agentive):
                    tokens.append(child)
                    stack.append(child)
                elif tok.dep_ == "prep" and child.dep_ == "pobj":
                    tokens.append(child)
                    stack.append(child)
        return sorted(tokens, key=lambda t: t.i)

    def sector_at(self, doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
        """The longest agent-noun phrase starting at token i (by lemma), and its length."""
        first = doc[i]
        if (first.lemma_.lower() not in self.sector_first_words and first.lower_ not in self.sector_first_words
                and _singular(first) not in self.sector_first_words):
            return None
        sectors = self.tables.sectors
        for n in range(min(self.max_sector_words, limit - i), 0, -1):
            words = doc[i : i + n]
            phrase = " ".join(t.lemma_.lower() for t in words)
            if phrase in sectors:
                return sectors[phrase], n
            surface = " ".join(t.lower_ for t in words)
            if surface in sectors:
                return sectors[surface], n
            if " - " in surface and words.text.lower() in sectors:  # as written: "state-run media"
                return sectors[words.text.lower()], n
            singular = " ".join([*(t.lower_ for t in words[:-1]), _singular(words[-1])])
            if singular != surface and singular in sectors:  # "Senators": the tagger takes a capitalised plural for a name
                return sectors[singular], n
        if first.lemma_.lower() == "party" and any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in first.children):
            return "PTY", 1  # "the Umma party": a named party the tables do not know ("a party to the talks" is none)
        return None

    def resolve_np(self, head: Token, hits: dict[int, NameHit], when: date | None, locate: bool = True) -> Resolved | None:
        if head.lemma_.lower() in _QUANTITIES and head.pos_ == "NOUN":  # "hundreds of UN troops", "a group of refugees": who they are
            counted = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if counted:
                return self.resolve_np(counted[0], hits, when, locate)
        if head.lemma_.lower() in self.non_actors:
            return None
        doc = head.doc
        tokens = self.np_tokens(head)
        phrase = doc[tokens[0].i : tokens[-1].i + 1]
        span = Span(phrase.start_char, phrase.end_char, phrase.text)
        head_hit = hits.get(head.i)
        if head_hit is None and head.pos_ == "PROPN" and head.lower_ not in self.tables.sectors:
            before = hits.get(head.i - 1)
            if before is not None and before.kind == "person" and before.end == head.i:
                head_hit = before  # "Koizumi Junichiro": a known surname, then a given name the tables spell first
        if head_hit is not None:
            phrase = doc[min(tokens[0].i, head_hit.start) : max(tokens[-1].i + 1, head_hit.end)]  # the whole name, however parsed
            span = Span(phrase.start_char, phrase.end_char, phrase.text)
            resolved = self._from_hit(head_hit, doc, when)
            if resolved is not None:
                actor, how = resolved
                if head_hit.kind == "country":
                    actor, how = self._with_sectors(actor, tokens, head, hits, doc, how)
                    actor, how = self._ethnic_minority(actor, how, head, hits, when)
                return Resolved(actor, span, how, actor.kind == "person")
        if (head.pos_ == "PROPN" and head.i not in hits and not acronym(head.text)
                and not any(t.ent_type_ == "PERSON" for t in head.lefts if t.dep_ == "compound")  # "Dan Bahadur Shahi"
                and not any(t.i in hits for t in tokens) and not self._sectors_in(tokens, head, hits, doc)):
            place = self._place(head)  # a bare place name, not "Pakistani Information Minister Sheikh Rashid"
            if place is not None and place.country:
                return Resolved(Actor(place.country, place.country, (), place.name, None, "place"), span, f"place:{place.name}", False)
        if head.lemma_.lower() in self.documents and head.head.lemma_.lower() not in self.inert_verbs:
            author = self._author(head)
            written = author and self.resolve_np(author, hits, when, locate=False)
            if written:  # "a report from the commission recommended": the commission
                return Resolved(written.actor, span, f"author:{written.resolution}", written.person_like)
        if head.lemma_.lower() in self.not_actor_heads and head.dep_ not in ("nsubj", "nsubjpass"):
            by = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
            owner = next((c for c in head.children if c.dep_ == "poss"), None) or next(iter(by), None)
            if owner is not None:  # "Bush's view", "China's assistance", "allegations by Rwanda": whose it is
                owned = self.resolve_np(owner, hits, when, locate=False)
                return owned and Resolved(owned.actor, span, f"owner:{owned.resolution}", owned.person_like)
        countries: list[tuple[str, str]] = []
        org: str | None = None
        lent: str | None = None  # the sector of a metonym modifying the head
        seen_hits = set()
        for tok in tokens:
            hit = hits.get(tok.i)
            if hit is None or hit in seen_hits or tok.i == head.i or _stance(doc, hit.start):
                continue
            seen_hits.add(hit)
            if hit.kind == "person":
                person = self.person(hit.key, doc[hit.start : hit.end].text, when)
                actor, _ = self.person_actor(person, when)
                if person.kind != "person":  # a party, with its code on the day: "an NLD member", "the ruling TRT party"
                    org = actor.code
                elif actor.country:
                    countries.append((actor.country, f"person:{person.name}"))
            elif hit.kind == "org":
                org = hit.key
            else:
                code = hit.key
                countries.append((code[:3], f"{hit.kind}:{doc[hit.start:hit.end].text}"))
                if hit.kind == "metonym" and len(code) > 3 and tok.i < head.i:
                    lent = lent or code[3:]  # "White House press secretary Scott McClellan" (not "a suburb of Baghdad")
        sectors = self._sectors_in(tokens, head, hits, doc)
        head_is_agent = bool(sectors) and sectors[0][1] == head.i
        if org and not head_is_agent:
            return Resolved(Actor(org, _country(org), _sectors(org), None, None, "org"), span, "org-table", False)
        sector = _pick_sector([s for s, _ in sectors]) or lent
        if sector and sector[:3] in _OFFICE_SECTORS and any(t.lower_ in _NOT_CURRENT and t.dep_ == "amod" for t in tokens):
            sector = "ELI"  # "Former British defence minister Peter Kilfoyle": CAMEO's elites are former office holders
        if locate and not countries and not sector and not org:
            located = self._location(head, hits, when)
            if located is not None:
                return Resolved(Actor(located[0], located[0], (), None, None, "place"), span, located[1], False)
        if not countries and not sector:
            return self._speaking_for(head, span, hits, when) or self._by_apposition(head, span, hits, when)
        if not countries and sector and not org:
            placed = (self._placed_by_prep(head, sector, hits, when) or self._placed_by_clause(head, sector, hits)
                      or self._placed_by_apposition(head, hits, when))
            if placed is not None:
                countries.append(placed)
        country = countries[0][0] if countries else None
        roles = (sector,) if sector else ()
        if org and country is None:
            code = org + sector if sector == "MIL" and org.startswith("IGO") else org  # "UN troops": IGOUNOMIL
            country, roles = _country(code), _sectors(code) or roles  # "Hamas militants" are Palestinian
            countries = [(country, "org-table")]
        else:
            code = (country or "---") + (sector or "")
        how = "+".join([c[1] for c in countries[:1]] + ([f"agent:{sector}"] if sector else []))
        person_like = head.lemma_.lower() in self.person_nouns
        foreign = any(t.lemma_.lower() in self.foreign_words for t in tokens if t.dep_ == "amod")
        resolved = Resolved(Actor(code, country, roles, None, None, "agent"), span, how, person_like,
                            self._title(head, hits), foreign)
        return self.office_holder(resolved, country, when)

    def _author(self, document: Token) -> Token | None:
        """Who wrote it: "the commission's report", "a statement by/from/of the ministry", "the leaders issued a
        communique (which calls for ...)"."""
        owner = next((c for c in document.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        by = next((o for p in document.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of") for o in p.children if o.dep_ == "pobj"), None)
        if by is not None or document.dep_ != "dobj" or document.head.lemma_.lower() not in self.issuing_verbs:
            return by
        return next((s for s in document.head.children if s.dep_ == "nsubj"), None)

    def _title(self, head: Token, hits: dict[int, NameHit]) -> str | None:
        """The kind of office an unnamed title names: "the (Iraqi) prime minister", "the US secretary of state"."""
        words = [c.lemma_.lower() for c in head.lefts if c.dep_ in ("compound", "amod") and c.i not in hits]
        if _NOT_CURRENT.intersection(words):  # "the former prime minister" is not today's
            return None
        words.append(head.lemma_.lower())
        tail = [f"of {o.lemma_.lower()}" for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        for k in range(len(words)):
            phrase = " ".join(words[k:] + tail[:1])
            if phrase in self.titles:
                return self.titles[phrase]
            if " ".join(words[k:]) in self.titles:
                return self.titles[" ".join(words[k:])]
        return None

    def office_holder(self, resolved: Resolved, country: str | None, when: date | None) -> Resolved:
        """A title with a country and a date is the person holding that office: "the Iraqi prime minister"
        on 2006-11-02 is Nouri al-Maliki, IRQGOV."""
        if resolved.title is None or country is None:
            return resolved
        held = self.tables.holder(country, resolved.title, when)
        if held is None:
            return resolved
        office, person = held
        actor = Actor(office.code, _country(office.code), _sectors(office.code), person.name, office.role, "person")
        return Resolved(actor, resolved.span, f"{resolved.resolution}+title:{office.role}", True)

    def _speaking_for(self, head: Token, span: Span, hits: dict[int, NameHit], when: date | None) -> Resolved | None:
        """A person noun "for" a body is that body: "a spokesman for Hamas", "human rights chief for the UN mission"."""
        if head.lemma_.lower() not in self.person_nouns:
            return None
        for obj in (o for p in head.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"):
            body = self.resolve_np(obj, hits, when, locate=False)
            if body is not None and placed(body.actor) and body.actor.kind != "person":
                return Resolved(body.actor, span, f"for:{body.span.text}", True)
        return None

    def _apposition(self, head: Token, hits: dict[int, NameHit], when: date | None) -> Resolved | None:
        """What the first apposition that names an actor says the head is: "John Pace, human rights chief for the UN"."""
        return next(filter(None, (self.resolve_np(c, hits, when, locate=False) for c in head.children if c.dep_ == "appos")), None)

    def _by_apposition(self, head: Token, span: Span, hits: dict[int, NameHit], when: date | None) -> Resolved | None:
        """An unknown name is what its apposition says it is; or, for a person named to a post, the post: "named
        Dan Bahadur Shahi as Home Minister"."""
        described = self._apposition(head, hits, when)
        if described is not None:
            return Resolved(described.actor, span, f"apposition:{described.resolution}", True)
        if head.ent_type_ != "PERSON" and not any(t.ent_type_ == "PERSON" for t in head.lefts if t.dep_ == "compound"):
            return None
        named = head.head if head.dep_ == "appos" else head  # "appointed the police chief, Keneshbek Dushebayev, as ..."
        holders = [head, named, named.head] if named.dep_ in _NAMED_ROLES else [head]
        for post in (o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"):
            described = self.resolve_np(post, hits, when, locate=False)
            if described is not None and described.actor.kind == "agent":
                return Resolved(described.actor, span, f"as:{described.resolution}", True)
        return None

    def _ethnic_minority(self, actor: Actor, how: str, head: Token, hits: dict[int, NameHit], when: date | None) -> tuple[Actor, str]:
        """An ethnic group placed in another country is that country's civilians: "ethnic Albanians in south Serbia"
        are SRBCVL, not Albania; "ethnic Albanians" placed nowhere keep the demonym's country."""
        if not any(c.dep_ in ("amod", "compound") and c.lower_ == "ethnic" for c in head.children):
            return actor, how
        placed_in = self._placed_by_prep(head, "CVL", hits, when)
        if placed_in is None and head.dep_ in _SUBJECTS:  # "ethnic Albanians demonstrated in Serbia"
            places = [hits[t.i] for p in head.head.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                      for t in p.subtree if t.i in hits and hits[t.i].kind == "country"]
            placed_in = (places[0].key[:3], f"at:{places[0].key[:3]}") if places else None
        if placed_in is None or placed_in[0] == actor.country:
            return actor, how
        country = placed_in[0]
        return Actor(country + "CVL", country, ("CVL",), actor.name, None, "agent"), f"ethnic:{head.text}+{placed_in[1]}"

    def _placed_by_prep(self, head: Token, sector: str, hits: dict[int, NameHit], when: date | None) -> tuple[str, str] | None:
        """The country of an agent noun named by a preposition phrase on it: "ministers from the Georgian government"."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACING_PREPS:
                continue
            if prep.lower_ in ("in", "at", "across", "throughout") and "MIL" in sector:
                continue  # "troops in Afghanistan" are as often foreign as Afghan
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = self.resolve_np(obj, hits, when, locate=False)
                if inner is not None and inner.actor.country:
                    return inner.actor.country, f"{prep.lower_}:{inner.span.text}"
        return None

    def _placed_by_apposition(self, head: Token, hits: dict[int, NameHit], when: date | None) -> tuple[str, str] | None:
        """The country an apposition gives an agent: "Sgt John Smith, a British soldier"."""
        described = self._apposition(head, hits, when)
        if described is None or not described.actor.country:
            return None
        return described.actor.country, f"apposition:{described.resolution}"

    def _placed_by_clause(self, head: Token, sector: str, hits: dict[int, NameHit]) -> tuple[str, str] | None:
        """A state agent acts at home: "arrested by police at a hotel in the Kenyan capital Nairobi" are Kenyan
        police. Only for the doer of its clause, and only for agents that never act abroad (not troops)."""
        if sector[:3] not in _AT_HOME_SECTORS:
            return None
        verb = head.head if head.dep_ in _SUBJECTS else head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for tok in prep.subtree:
                hit = hits.get(tok.i)
                if hit is not None and hit.kind == "country":
                    return hit.key[:3], f"at:{tok.text}"
                place = self._place(tok) if tok.pos_ == "PROPN" and hit is None else None
                if place is not None and place.country:
                    return place.country, f"at:{place.name}"
        return None

    def coordinated(self, resolved: Resolved, head: Token, hits: dict[int, NameHit]) -> list[Resolved]:
        """One actor per coordinated nationality: "US and British activists" are USA… and GBR… activists."""
        found = [resolved]
        country = resolved.actor.country
        if country is None or resolved.actor.kind not in ("agent", "country"):
            return found
        for modifier in head.children:
            if modifier.dep_ not in ("amod", "nmod", "compound") or getattr(hits.get(modifier.i), "key", None) != country:
                continue
            for other in modifier.conjuncts:
                hit = hits.get(other.i)
                if hit is not None and hit.kind == "country" and hit.key != country:
                    actor = replace(resolved.actor, code=hit.key + "".join(resolved.actor.sectors), country=hit.key)
                    found.append(Resolved(actor, resolved.span, f"{resolved.resolution}+and:{other.text}", resolved.person_like))
        return found

    def at_home(self, resolved: Resolved, home: str | None, when: date | None = None, scene: str | None = None) -> Resolved:
        """A domestic agent with no stated country ("the government", "police") is the home country's; civilians
        and armed groups are of the ``scene``, the country the text last put things in, when there is one."""
        actor = resolved.actor
        if placed(actor) or actor.kind != "agent" or not actor.sectors or resolved.foreign:
            return resolved
        first = actor.sectors[0][:3]  # "GOVMED" (state television) is a government agent
        if first in _SCENE_SECTORS and scene is not None:
            home = scene  # "Shiite militants" in a story about the US in Baghdad are Iraqi
        if home is None:
            return resolved
        if first not in _DOMESTIC_SECTORS:
            if first not in _STORY_SECTORS:
                return resolved
            # "troops", "rebels", "civilians" in a story about one country are most likely its own; a guess
            # that names the actor but never alone makes an event (see ``inferred_only``)
            actor = replace(actor, code=home + "".join(actor.sectors), country=home)
            return Resolved(actor, resolved.span, f"{resolved.resolution}+story:{home}", resolved.person_like, resolved.title)
        actor = replace(actor, code=home + "".join(actor.sectors), country=home)
        placed_at_home = Resolved(actor, resolved.span, f"{resolved.resolution}+home:{home}", resolved.person_like, resolved.title)
        return self.office_holder(placed_at_home, home, when)

    def _location(self, head: Token, hits: dict[int, NameHit], when: date | None) -> tuple[str, str] | None:
        """A facility with no actor of its own stands for its country: "(marched on) the palace in Saigon"."""
        if head.pos_ != "NOUN" or head.ent_type_ in ("DATE", "TIME") or head.dep_ in ("nsubj", "csubj") or head.head.dep_ == "agent":
            return None  # a doer is not placed by where it is: "a bomb in Baghdad killed ...", "killed by a bomb in Basra"
        hosts = [head]
        if head.dep_ in ("pobj", "dobj") and head.head.dep_ in ("prep", "ROOT", "conj", "ccomp", "xcomp", "advcl"):
            hosts.append(head.head.head if head.dep_ == "pobj" else head.head)
        for prep in (c for host in hosts for c in host.children):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    inner = self.resolve_np(obj, hits, when, locate=False)
                    if inner is not None and inner.actor.country:
                        return inner.actor.country, f"located-in:{inner.span.text}"
        return None

    def _place(self, head: Token):
        return self.gazetteer.named(head)

    def _from_hit(self, hit: NameHit, doc: Doc, when: date | None) -> tuple[Actor, str] | None:
        text = doc[hit.start : hit.end].text
        if hit.kind == "person":
            return self.person_actor(self.person(hit.key, text, when), when)
        if hit.kind == "org":
            return Actor(hit.key, _country(hit.key), _sectors(hit.key), text, None, "org"), "org-table"
        if hit.kind == "metonym":
            return Actor(hit.key, _country(hit.key), _sectors(hit.key), text, None, "metonym"), f"metonym:{text}"
        return Actor(hit.key, hit.key, (), None, None, "country"), f"country:{text}"

    def _sectors_in(self, tokens: list[Token], head: Token, hits: dict[int, NameHit], doc: Doc) -> list[tuple[str, int]]:
        """Agent nouns in the phrase, the head's first, then modifiers nearest the head. A longer phrase names
        the words it covers better than they do alone: "military junta", "former prime minister"."""
        limit = max(t.i for t in tokens) + 1
        matches = {}
        for tok in tokens:
            if tok.i in hits and hits[tok.i].kind != "org":
                continue
            match = self.sector_at(doc, tok.i, limit)
            if match:
                matches[tok.i] = match
        covered = {i for start, (_, n) in matches.items() for i in range(start + 1, start + n)}
        found = {}
        for start, (sector, n) in matches.items():
            if start not in covered:  # the covering phrase stands where the head is, if it covers it
                found[head.i if start < head.i < start + n else start] = sector
        return sorted(((s, i) for i, s in found.items()), key=lambda f: (f[1] != head.i, abs(f[1] - head.i)))

    def _with_sectors(self, actor, tokens, head, hits, doc, how):
        sectors = [s for s, i in self._sectors_in(tokens, head, hits, doc) if i != head.i]
        sector = _pick_sector(sectors)
        if sector and actor.country:
            return Actor(actor.country + sector, actor.country, (sector,), None, None, "agent"), f"{how}+agent:{sector}"
        return actor, how

    # -- whole document ----------------------------------------------------------
    def mentions(self, doc: Doc, hits: dict[int, NameHit], article_id: str, when: date | None, sentence_of) -> tuple[list[Mention], dict[int, Resolved], "HomeCountries"]:
        """Every actor mention in reading order; pronouns resolved to the last fitting one; domestic agents
        and titles with no country placed in the country the earlier sentences are about."""
        found: list[tuple[int, int, Resolved]] = []  # (token, sentence, resolution) in reading order
        history: list[tuple[Resolved | None, Token]] = []  # None: a person named whom no table knows
        named: dict[str, Resolved] = {}  # surnames of people named in full earlier in the article
        family: dict[str, Resolved] = {}  # their first names, taken as a family name only after "Mr." or a title
        homes = HomeCountries(single_sentence=sentence_of(doc[-1]) == 0 if len(doc) else True)
        for tok in doc:
            hit = hits.get(tok.i)
            if hit is not None and tok.i != _root_of(hit, doc):
                continue  # one mention per name: not "Nouri", "al" and "-" as well when the parse splits it
            misparsed = hit is not None and tok.head.pos_ in ("VERB", "AUX")  # "Bashar al-Assad needs": "Assad" as a compound of the verb
            if tok.pos_ not in _NP_HEAD_POS or (tok.dep_ in ("compound", "flat") and not misparsed):
                continue
            if tok.pos_ == "PRON":
                result = self.resolve_pronoun(tok, history)
            elif ((tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or (tok.dep_ in _SUBJECTS and tok.text[:1].isupper()))
                  # the tagger reads "Morales is ..." and "Morales in his own words, explain ..." as a noun
                  and tok.i not in hits and (tok.text in named or (tok.text in family and self._after_honorific(tok)))):
                earlier = named.get(tok.text) or family[tok.text]  # "Rakhimov" after "Bakhtiyor Rakhimov, a rebel leader"
                result = Resolved(earlier.actor, _np_span(tok), f"same-name:{earlier.span.text}", True)
            else:
                result = self.resolve_np(tok, hits, when)
                if result is None or (result.title and not placed(result.actor)):
                    result = self._last_holder(tok, hits, result, history) or result
            if result is None:
                if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not any(i in hits for i in range(_entity_start(tok), tok.i + 1)):
                    history.append((None, tok))  # someone the tables do not know: "he" after "Lapierre said" is him
                continue
            if result.person_like and tok.ent_type_ == "PERSON" and tok.i > 0 and doc[tok.i - 1].ent_type_ == "PERSON":
                named.setdefault(tok.text, result)  # a full name: its surname may come back alone
                first = doc[_entity_start(tok)]
                if first.i != tok.i:
                    family.setdefault(first.text, result)  # "Mr. Chen" after "Chen Shui-bian" (family name first)
            sentence = sentence_of(tok)
            homes.saw(sentence, result.actor.country, named=not result.resolution.startswith("located-in:"))
            if result.actor.country and (result.actor.kind == "place" or tok.i in hits and tok.head.lower_ in _SCENE_PREPS and tok.dep_ == "pobj"):
                homes.saw_place(sentence, result.actor.country)
            found.append((tok.i, sentence, result))
            history.append((result, tok))
        resolved_by_head: dict[int, Resolved] = {}
        mentions: list[Mention] = []
        for i, sentence, result in found:
            # "its military jets": the owner's, before the story's country (the owning pronoun comes first, so it is
            # already resolved here, as it is for the events' actors)
            result = owned(result, doc[i], resolved_by_head)
            result = self.at_home(result, homes.home_for(sentence), when, homes.scene(sentence))
            if "+home:" in result.resolution:
                homes.placed_at_home(sentence, result.actor.country)
            resolved_by_head[i] = result
            mentions.append(Mention(article_id, sentence, result.span.start, result.span.end, result.span.text, result.actor, result.resolution, result.confidence))
        return mentions, resolved_by_head, homes

    def _last_holder(self, head: Token, hits: dict[int, NameHit], titled: Resolved | None,
                     history: list[tuple[Resolved | None, Token]]) -> Resolved | None:
        """A title with no country is the last person named who held that office: "the president" after
        "Bush" is Bush, "the Secretary General" after "UN Secretary General Kofi Annan" is Annan."""
        title = titled.title if titled is not None else self._title(head, hits)
        if title is None:
            return None
        for candidate, _ in reversed(history):
            if candidate is None:
                continue
            role = candidate.actor.role
            if candidate.actor.kind == "person" and role and office_kind(role) == title:
                span = titled.span if titled is not None else _np_span(head)
                return Resolved(candidate.actor, span, f"title:{span.text}->{candidate.actor.name}", True)
        return None

    def resolve_pronoun(self, tok: Token, history: list[tuple[Resolved | None, Token]]) -> Resolved | None:
        """The last fitting actor; for a subject pronoun, the last fitting subject of this sentence or the one
        before if there is one ("Morales is an admirer of Castro and he says ...": Morales). A person no table
        knows fits a personal pronoun too, which then stands for no actor."""
        kind = self.pronouns.get(tok.lower_)
        if kind is None:
            return None
        singular = tok.lower_ in _SINGULAR_PRONOUNS
        plural = tok.lower_ in _PLURAL_PRONOUNS
        as_subject = tok.dep_ in _SUBJECTS
        since = (tok.sent.start if tok.sent.start == 0 else tok.doc[tok.sent.start - 1].sent.start) if as_subject else 0
        chosen: list[Resolved | None] = []  # the antecedent, once one fits
        for candidate, head in reversed(history):  # reading order backwards: the first fitting one is the last named
            if candidate is None:
                if head.i >= tok.i or kind != "person" or plural:
                    continue
            elif (candidate.span.start >= tok.idx or (kind == "person" and not candidate.person_like) or (kind == "thing" and candidate.person_like)
                    or (singular and ((head.tag_ == "NNS" and head.ent_type_ != "PERSON") or (head.pos_ == "PRON" and head.lower_ in _PLURAL_PRONOUNS)))  # "it accused Hamas" is not the protesters
                    or (plural and (head.ent_type_ == "PERSON" or candidate.actor.kind == "person") and not head.conjuncts)):  # "they" is not Bush alone, nor "the prime minister"
                continue
            chosen = chosen or [candidate]
            if not as_subject or head.i < since:
                break
            if head.dep_ in _SUBJECTS:
                chosen = [candidate]
                break
        earlier = chosen[0] if chosen else None
        if earlier is None:
            return None
        span = Span(tok.idx, tok.idx + len(tok), tok.text)
        how = f"pronoun:{tok.lower_}->{earlier.actor.name or earlier.span.text}"
        return Resolved(earlier.actor, span, how, earlier.person_like)


class HomeCountries:
    """Where an article is, sentence by sentence: the country it has been about (``before``, ``home_for``,
    for domestic agents and the story's place) and the country of the last place it named (``scene``, for
    civilians and armed groups)."""

    def __init__(self, single_sentence: bool = False) -> None:
        self.by_sentence: dict[int, Counter[str]] = {}
        self.places: list[tuple[int, str]] = []  # (sentence, country) of each place named, in reading order
        self.single_sentence = single_sentence  # a lone sentence is no story: its agents keep "---"
        self.homes_used: dict[int, str] = {}  # the home country given to each sentence's domestic agents
        self.named: dict[int, Counter[str]] = {}  # the countries each sentence names itself

    def saw(self, sentence: int, country: str | None, named: bool = True) -> None:
        """``named``: the mention names the country itself, not a thing placed in it ("the border in Afghanistan")."""
        if country:
            self.by_sentence.setdefault(sentence, Counter())[country] += 1
            if named:
                self.named.setdefault(sentence, Counter())[country] += 1

    def saw_place(self, sentence: int, country: str) -> None:
        self.places.append((sentence, country))

    def scene(self, sentence: int) -> str | None:
        """The country of the last place named in this sentence or the ``SCENE_REACH`` before it."""
        last = bisect_right(self.places, sentence, key=lambda place: place[0])  # places come in reading order
        if self.single_sentence or not last or self.places[last - 1][0] < sentence - SCENE_REACH:
            return None
        return self.places[last - 1][1]

    def placed_at_home(self, sentence: int, country: str | None) -> None:
        if country:
            self.homes_used[sentence] = country

    def home_for(self, sentence: int) -> str | None:
        """The home of a domestic agent: the country the sentence just before names twice and alone, else the
        home its own domestic agents had (the story stays with one government: "Foreign Office spokeswoman
        Tasnim Aslam said ... The Foreign Office issued a statement"), else the article's leader so far."""
        alone = _named_alone_twice(self.named.get(sentence - 1))
        if alone:
            return alone
        if sentence - 1 in self.homes_used:
            return self.homes_used[sentence - 1]
        return self.before(sentence)

    def before(self, sentence: int) -> str | None:
        """The country the sentence just before names at least twice and alone, else the leader of the sentences
        before this one; in an article's opening, the leader of the whole article (of three sentences or more:
        a lone sentence is no story to take a country from)."""
        alone = _named_alone_twice(self.by_sentence.get(sentence - 1))
        if alone:
            return alone  # the sentence just before is about one country: "Pakistani officials ..."
        earlier = self._leader(i for i in self.by_sentence if i < sentence)
        if earlier is None and len(self.by_sentence) >= 3:
            return self._leader(iter(self.by_sentence))
        return earlier

    def _leader(self, sentences) -> str | None:
        """The country mentioned most (at least twice); between equals, the one the article named first."""
        counts: Counter[str] = Counter()
        for i in sorted(sentences):
            counts.update(self.by_sentence[i])  # a Counter keeps first-seen order, which most_common keeps for ties
        top = counts.most_common(1)
        return top[0][0] if top and top[0][1] >= 2 else None


def _named_alone_twice(counts: Counter[str] | None) -> str | None:
    """The one country a sentence names, if it names no other and this one at least twice."""
    if counts and len(counts) == 1 and sum(counts.values()) >= 2:
        return next(iter(counts))
    return None


def _root_of(hit: NameHit, doc: Doc) -> int:
    """The token a name hangs from the rest of the sentence by: the last one whose head is outside it."""
    outside = [i for i in range(hit.start, hit.end) if doc[i].head.i == i or not hit.start <= doc[i].head.i < hit.end]
    return outside[-1] if outside else hit.end - 1


def _stance(doc: Doc, start: int, prefixes: frozenset[str] = _STANCE_PREFIXES) -> bool:
    """ "anti-Syrian opposition", "pro-Syrian militias": a stance towards a country, not its own actor."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in prefixes


def stance(tok: Token, prefixes: frozenset[str] = _STANCE_PREFIXES) -> bool:
    """Whether the name ``tok`` ends follows "anti-" or "pro-" (or one of ``prefixes``): "an anti-Japanese rally",
    "an anti-South Korean rally" (the parse may hang the hyphen on any word of the name)."""
    name = [i for i in range(tok.left_edge.i, tok.i + 1) if i == tok.i or (tok.doc[i].ent_type_ and tok.doc[i].ent_type_ == tok.ent_type_)]
    return any(_stance(tok.doc, i, prefixes) for i in name)


def _entity_start(tok: Token) -> int:
    """Index of the first token of the named entity ``tok`` ends."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _np_span(tok: Token) -> Span:
    """The token with its honorific or title: "Mr. Sevan"."""
    start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "flat")])
    phrase = tok.doc[start : tok.i + 1]
    return Span(phrase.start_char, phrase.end_char, phrase.text)


def acronym(text: str) -> bool:
    """"CDU", "ZDF": organisations, never the places GeoNames lists under such alternate names."""
    return text.isupper() and len(text) <= 5


def owned(found: Resolved | None, tok: Token, in_article: dict[int, Resolved]) -> Resolved | None:
    """An agent of no stated country takes the country of the pronoun that owns it, before the story would place it:
    in "Russia said its military jets flew over South Ossetia" the jets are Russia's, not the story's country's."""
    if found is None or found.actor.kind != "agent" or found.actor.country:
        return found
    owner = next((in_article.get(c.i) for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None or not owner.actor.country:
        return found
    country = owner.actor.country
    actor = replace(found.actor, code=country + found.actor.code[3:], country=country)
    return replace(found, actor=actor, resolution=f"{found.resolution}+owner:{country}")


#: agents that act at home and so place the agent of no country they face; not armed forces or armed groups,
#: which act across borders ("US troops killed insurgents", "a Palestinian suicide bomber killed civilians")
_PLACING_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "SPY", "OPP", "PTY"})
#: a state's organs at home: placed by any of the country's people they face, who protest against or are held by them
_HOME_ORGANS = frozenset({"GOV", "COP", "JUD", "LEG"})
#: armed forces and armed groups: they act abroad, and only they fight
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS"})


def counterpart(found: Resolved | None, other: Resolved | None) -> Resolved | None:
    """An agent of no stated country (or only the story's guess of one) facing a domestic agent of one is that
    country's, as CAMEO coders read it: "the Sudanese government accused Darfur rebels" (SDNREB), "Egyptian police
    dispersed demonstrators"; and a government, police, court or legislature facing any of a country's people is
    theirs ("Thai students protested against the government"). Armed forces and armed groups act abroad, so they
    place no one; nor do named office holders, who travel ("Putin released the prisoners" leaves whose prisoners
    open)."""
    if found is None or other is None or found.actor.kind != "agent" or found.foreign:
        return found
    if not found.actor.code.startswith("---") and not inferred_only(found):
        return found  # the text places it; the story's guess ("students" in a story about Denmark) yields
    facing = other.actor
    if facing.kind != "agent" or facing.country is None or not facing.sectors or inferred_only(other):
        return found
    organ = bool(found.actor.sectors) and found.actor.sectors[0][:3] in _HOME_ORGANS
    if facing.sectors[0][:3] not in _PLACING_SECTORS and not (organ and facing.sectors[0][:3] not in ARMED_SECTORS):
        return found  # but "Thai students protested against the government": their own government
    code = facing.country + found.actor.code[3:]
    if code == facing.code:
        return found  # "the government" beside the Sudanese government is most likely the same one
    actor = replace(found.actor, code=code, country=facing.country)
    resolution = found.resolution.split("+story:")[0]
    return replace(found, actor=actor, resolution=f"{resolution}+counterpart:{facing.country}")


def inferred_only(resolved: Resolved) -> bool:
    """Whether the actor's country is only the story's guess ("troops" in a story about Uzbekistan)."""
    return "+story:" in resolved.resolution


def placed(actor: Actor) -> bool:
    """Whether an actor belongs somewhere: a country, or an international body that needs none."""
    return actor.country is not None or actor.code[:3] in _INTERNATIONAL


_NAMES = frozenset({"ORG", "PERSON", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def _singular(tok: Token) -> str:
    """A capitalised plural the lemmatizer leaves alone ("Senators"), in the singular; other words, and words of a
    name ("Continental Airlines"), as they are."""
    word = tok.lower_
    plural = tok.pos_ == "PROPN" and word.endswith("s") and not word.endswith("ss") and tok.ent_type_ not in _NAMES
    return word[:-1] if plural else word


def _country(code: str) -> str | None:
    head = code[:3]
    return head if head.isalpha() and head not in _NOT_COUNTRIES else None


def _sectors(code: str) -> tuple[str, ...]:
    rest = code[3:] if _country(code) else ""
    return tuple(rest[i : i + 3] for i in range(0, len(rest), 3))


def _pick_sector(sectors: list[str]) -> str | None:
    for dominant in _DOMINANT_SECTORS:
        if dominant in sectors:
            return dominant
    return sectors[0] if sectors else None
