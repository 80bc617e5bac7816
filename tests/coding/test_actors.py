"""Actors: names, agents, people in office at the event date, metonyms, pronouns."""

from __future__ import annotations

from datetime import date

import pytest


def _pairs(coder, text, when):
    return [(e.source_code, e.root, e.target_code) for e in coder.code_text(text, when).events]


@pytest.mark.parametrize(
    "text,when,expected",
    [
        ("Iraqi Prime Minister Nouri al-Maliki condemned the US military.", date(2006, 11, 2), ("IRQGOV", "11", "USAMIL")),
        ("Washington condemned Tehran on Monday.", date(2006, 11, 2), ("USAGOV", "11", "IRNGOV")),
        ("Iraqi members of parliament denounced the Maliki government.", date(2006, 11, 2), ("IRQLEG", "11", "IRQGOV")),
        ("Senator Hillary Clinton criticised the Iraqi government.", date(2006, 10, 31), ("USALEG", "11", "IRQGOV")),
        ("Hillary Clinton criticised the Iraqi government.", date(2010, 3, 1), ("USAGOV", "11", "IRQGOV")),
        ("Syrian rebels attacked government forces.", date(2013, 5, 1), ("SYRREB", "19", "---MIL")),
        # placed by a preposition phrase on the agent noun
        ("Protesters received ministers from the Georgian government.", date(2012, 5, 1), ("GEOOPP", "04", "GEOGOV")),
        ("A court in Guyana issued arrest warrants for two Brazilian men.", date(2008, 8, 6), ("GUYJUD", "17", "BRACVL")),
        # the owner of an abstract noun, a person in office at the date
        ("Senator Harry Reid opposed Bush's view.", date(2006, 1, 9), ("USALEG", "11", "USAGOV")),
        # a doer raised into a passive verb: "is believed to have killed"
        ("The Israeli army is believed to have killed three Egyptian soldiers.", date(2004, 11, 18), ("ISRMIL", "19", "EGYMIL")),
        # a state's name is not a city of another country ("Carolina, Puerto Rico")
        ("President Obama visited a church in South Carolina.", date(2015, 6, 18), ("USAGOV", "04", "USA")),
        # the regional office-holder tables: Lebanon's president in 2008
        ("Lebanese President Michel Suleiman condemned Israel.", date(2008, 8, 6), ("LBNGOV", "11", "ISR")),
        # an agent of no stated country is that of the pronoun owning it, not the story's
        ("Russia said that its military jets had flown over Georgia.", date(2008, 7, 10), ("RUSMIL", "15", "GEO")),
        # an agent of no country facing a state agent of one is that country's; armed forces place no one
        ("The Sudanese government accused Darfur rebels of violating the ceasefire.", date(2004, 5, 1), ("SDNGOV", "11", "SDNREB")),
        ("Egyptian police dispersed the demonstrators.", date(2005, 5, 1), ("EGYCOP", "17", "EGYOPP")),
        ("US troops attacked insurgents near the border.", date(2005, 5, 1), ("USAMIL", "19", "---REB")),
        # a count is who is counted; peacekeepers are military
        ("Hundreds of UN peacekeepers withdrew from Syria.", date(2014, 9, 15), ("IGOUNOMIL", "08", "SYR")),
    ],
)
def test_actor_codes(coder, text, when, expected):
    assert expected in _pairs(coder, text, when)


def test_pronoun_takes_the_last_person(coder):
    text = "Moqtada al-Sadr spoke in Kufa on Monday. He condemned Iraqi members of parliament."
    events = [e for e in coder.code_text(text, date(2006, 11, 2)).events if e.trigger.text == "condemned"]
    assert events and events[0].source.name == "Moqtada al-Sadr"
    assert events[0].source_resolution.startswith("pronoun:he")


def test_coordinated_subjects_give_one_event_each(coder):
    got = _pairs(coder, "France and Germany condemned Russia on Monday.", date(2014, 3, 3))
    assert ("FRAGOV", "11", "RUS") in got and ("DEUGOV", "11", "RUS") in got  # a country's condemnation is its government's


def test_a_coordinated_actor_of_no_country_adds_no_event_of_its_own(coder):
    got = _pairs(coder, "French Foreign Minister Michel Barnier and a group of deputies condemned Russia.", date(2004, 12, 1))
    assert got == [("FRAGOV", "11", "RUS")]


def test_passive_voice(coder):
    got = _pairs(coder, "Israel was condemned by Egypt on Monday.", date(2009, 1, 5))
    assert ("EGYGOV", "11", "ISR") in got


def test_domestic_agents_belong_to_the_country_of_the_story(coder):
    text = "Iraq held elections on Sunday. Iraqi voters went to the polls in Baghdad. The government condemned the attack on Sadr City."
    got = _pairs(coder, text, date(2005, 1, 31))
    assert ("IRQGOV", "11", "IRQ") in got or any(s == "IRQGOV" and r == "11" for s, r, _ in got)
    alone = _pairs(coder, "The government condemned Russia.", date(2014, 3, 3))
    assert ("---GOV", "11", "RUS") in alone  # no earlier sentence, no country


def test_a_surname_after_another_given_name_is_not_that_person(coder):
    hits = coder.resolver.name_hits(coder.nlp("John Maliki condemned the attack."))
    assert not any(h.kind == "person" for h in hits.values())
    hits = coder.resolver.name_hits(coder.nlp("Mr Maliki condemned the attack."))
    assert any(h.kind == "person" for h in hits.values())


def test_unknown_names_take_their_apposition(coder):
    got = _pairs(coder, "Tawfiq Tirawi, a top security official in the West Bank, accused Hamas.", date(2006, 1, 1))
    assert any(s == "PSECOP" and r == "11" for s, r, _ in got)  # "security official" is COP in sectors.csv


@pytest.mark.parametrize(
    "text,code",
    [
        ("Burma's military junta freed him.", "MMRGOVMIL"),  # the longer agent phrase names the head
        ("The former Prime Minister of Japan said he would not run.", "JPNELI"),
        ("White House press secretary Scott McClellan said so.", "USAGOV"),  # the metonym lends its sector
        ("Pakistan's Defence Ministry denied it.", "PAKGOVMIL"),
        ("Iran's state-run media said so.", "IRNGOVMED"),  # a hyphenated phrase as written
    ],
)
def test_agent_phrases(coder, text, code):
    mentions = coder.code_text(text, date(2005, 6, 1)).mentions
    assert code in {m.actor.code for m in mentions}


def test_a_person_chosen_for_an_office_acts_in_it_before_taking_it(coder):
    # Najib Mikati took office as Lebanon's prime minister on 2005-04-19; voted in on 2005-04-15
    mention = coder.code_text("Najib Mikati said he will form a cabinet.", date(2005, 4, 16)).mentions[0]
    assert mention.actor.code == "LBNGOV" and mention.resolution.endswith("designate")


def test_a_country_as_a_party_is_its_government_but_not_as_a_place(coder):
    codes = {(m.start, m.actor.code) for m in coder.code_text("Egypt provided the United States with a sample. Troops stayed in Iraq.", date(2005, 6, 1)).mentions}
    assert {code for _, code in codes} >= {"EGYGOV", "USAGOV"} and "IRQGOV" not in {code for _, code in codes}


def test_a_bomb_is_not_placed_by_the_city_it_went_off_in(coder):
    got = _pairs(coder, "A roadside bomb in Baghdad killed four people.", date(2006, 1, 1))
    assert not any(s == "IRQ" for s, _, _ in got)


@pytest.mark.parametrize(
    "text,when,name",
    [
        ("The Iraqi prime minister condemned the US military.", date(2006, 11, 2), "Nouri al-Maliki"),
        ("Iraq's president visited Iran.", date(2006, 11, 2), "Jalal Talabani"),
        ("The US secretary of state visited Iraq.", date(2006, 11, 2), "Condoleezza Rice"),
        ("The US secretary of state visited Iraq.", date(2010, 3, 1), "Hillary Clinton"),
        # no country in the phrase: the one the story is about
        ("Iraq's parliament met in Baghdad. Iraqi leaders met in Basra. The prime minister condemned the US military.", date(2006, 11, 2), "Nouri al-Maliki"),
    ],
)
def test_titles_name_the_office_holder_on_the_date(coder, text, when, name):
    events = coder.code_text(text, when).events
    assert name in {e.source.name for e in events if e.source}


def test_office_kinds_of_roles():
    from detente.coding.tables import office_kind

    assert office_kind("President of the Government of Spain") == "head_of_government"
    assert office_kind("Secretary of State") == "foreign"
    assert office_kind("Minister of Defence of Iraq") == "defence"
    assert office_kind("King of Jordan") == "head_of_state"
    assert office_kind("Vice President of the United States") is None


def test_mentions_keep_their_path_and_a_confidence(coder):
    coded = coder.code_text("Moqtada al-Sadr spoke in Kufa on Monday. He condemned the government.", date(2006, 11, 2))
    by_text = {m.text: m for m in coded.mentions}
    assert by_text["Moqtada al-Sadr"].confidence == 1.0
    assert by_text["He"].resolution.startswith("pronoun:he->") and by_text["He"].confidence < 1.0


def test_a_surname_alone_is_the_person_named_in_full_earlier(coder):
    text = "Bakhtiyor Rakhimov, a rebel leader in Uzbekistan, spoke on Monday. Rakhimov condemned the Uzbek government."
    events = [e for e in coder.code_text(text, date(2005, 5, 16)).events if e.trigger.text == "condemned"]
    assert events and events[0].source_code.endswith("REB") and events[0].source_resolution.startswith("same-name:")


def test_a_name_with_a_title_and_a_country_is_not_a_place(coder):
    hits = coder.resolver.name_hits(doc := coder.nlp("Pakistani Information Minister Sheikh Rashid condemned India."))
    resolved = coder.resolver.resolve_np(doc[4], hits, date(2005, 6, 1))
    assert resolved is not None and resolved.actor.code.startswith("PAK")


def test_a_former_office_holder_is_an_elite(coder):
    hits = coder.resolver.name_hits(doc := coder.nlp("Bill Clinton criticised the war."))
    resolved = coder.resolver.resolve_np(doc[1], hits, date(2006, 3, 1))
    assert resolved.actor.code == "USAELI" and resolved.actor.role.startswith("former ")


def test_troops_in_a_story_about_one_country_are_named_as_its_own_but_make_no_event_alone(coder):
    text = ("Uzbekistan's government imposed a curfew in Andijan. Uzbek officials met in Tashkent on Friday. "
            "Troops fired on protesters on Friday.")
    coded = coder.code_text(text, date(2005, 5, 14))
    troops = [m for m in coded.mentions if m.text == "Troops"]
    assert troops and troops[0].actor.code == "UZBMIL" and "+story:UZB" in troops[0].resolution


def test_a_country_acting_alone_is_its_government_but_not_when_it_fights(coder):
    def mention(text):
        (m,) = [m for m in coder.code_text(text, date(2005, 3, 14)).mentions if m.text in ("China", "Israel")]
        return m.actor.code

    assert mention("China passed a new law on Taiwan.") == "CHNGOV"
    assert mention("Israel shelled the town.") == "ISR"


def test_between_two_offices_a_person_is_a_former_holder_of_the_last(coder):
    events = coder.code_text("Jens Stoltenberg criticised Iran on Monday.", date(2003, 5, 5)).events
    assert [e.source_code for e in events] == ["NORELI"]  # PM 2000-2001 and again from 2005; NATO from 2014


def test_a_subject_pronoun_prefers_the_last_subject(coder):
    text = "Blockades were led by Evo Morales. Morales is an admirer of Fidel Castro and he says so."
    assert [m.actor.code for m in coder.code_text(text, date(2005, 6, 8)).mentions if m.text == "he"] == ["BOLOPP"]


def test_a_surname_the_tagger_reads_as_a_noun_is_still_the_person_named_before(coder):
    text = "Blockades were led by Evo Morales. Morales is an admirer of Fidel Castro."
    assert [(m.actor.code, m.resolution) for m in coder.code_text(text, date(2005, 6, 8)).mentions if m.text == "Morales"] == [("BOLOPP", "same-name:Evo Morales")]


def test_a_capitalised_subject_the_tagger_reads_as_a_noun_is_the_person_named_before(coder):
    text = "Blockades were led by Evo Morales. Morales in his own words, explain some of the motivations."
    found = [m.actor.name for m in coder.code_text(text, date(2005, 3, 8)).mentions if m.text == "Morales"]
    assert found == ["Evo Morales"]


def test_a_domestic_agent_belongs_to_the_country_the_sentence_before_is_about(coder):
    text = ("The United States said the strike was lawful. The US military said so again. Washington denied it. "
            "Pakistani intelligence officials said Pakistan had not been told. The Foreign Office lodged a protest.")
    (office,) = [m for m in coder.code_text(text, date(2006, 1, 15)).mentions if m.text == "Foreign Office"]
    assert office.actor.code == "PAKGOV"


def test_a_stance_towards_a_country_is_not_its_actor(coder):
    mentions = coder.code_text("Pro-Syrian militias in Lebanon attacked anti-American protesters in Beirut.", date(2005, 4, 16)).mentions
    codes = {m.text: m.actor.code for m in mentions}
    assert codes["Pro-Syrian militias"] == "LBNUAF" and not codes.get("anti-American protesters", "").startswith("USA")


@pytest.mark.parametrize(
    "text,when,name",
    [
        ("The Iraqi interior minister said the police were loyal.", date(2006, 11, 2), "Jawad al-Bulani"),
        ("The British Home Secretary disagreed.", date(2006, 11, 2), "John Reid"),
        ("The US Treasury Secretary was silent.", date(2006, 11, 2), "Henry Paulson"),
    ],
)
def test_interior_and_finance_titles_name_the_holder_on_the_day(coder, text, when, name):
    assert name in {m.actor.name for m in coder.code_text(text, when).mentions}


def test_police_act_at_home(coder):
    text = "The businessman was arrested by police at a hotel in the Kenyan capital Nairobi."
    assert "KENCOP" in {m.actor.code for m in coder.code_text(text, date(2006, 5, 20)).mentions}


def test_a_singular_pronoun_is_not_a_plural_noun(coder):
    text = "The Israeli military said protesters had thrown explosives, and it accused Hamas of using them as cover."
    assert [m.actor.code for m in coder.code_text(text, date(2018, 5, 14)).mentions if m.text == "it"] == ["ISRMIL"]


def test_a_plural_pronoun_is_not_one_person_and_a_singular_one_not_they(coder):
    text = "George W. Bush spoke to the troops. If we agree, they will ask us to impose sanctions on Iran."
    assert [m.actor.code for m in coder.code_text(text, date(2005, 2, 3)).mentions if m.text == "they"] != ["USAGOV"]
    text = "The Iraqi prime minister met Rice. The British government proposed benchmarks, and he denounced them."
    assert "Nouri al-Maliki" not in {m.actor.name for m in coder.code_text(text, date(2006, 11, 2)).mentions if m.text == "them"}


def test_a_pronoun_after_a_person_no_table_knows_is_that_person(coder):
    text = "Prime Minister Paul Martin met the press on Monday. On Wednesday, Jean Lapierre said he would protect the privacy of Canadians."
    coded = coder.code_text(text, date(2005, 6, 1))
    assert not [m for m in coded.mentions if m.text == "he"]
    assert not [e for e in coded.events if e.source_code.startswith("CANGOV")]


def test_a_known_surname_before_a_given_name_is_that_person(coder):
    text = "Japanese Prime Minister Koizumi Junichiro said he wishes to speak with Chinese President Hu Jintao."
    mentions = coder.code_text(text, date(2004, 11, 16)).mentions
    assert [(m.actor.code, m.actor.name) for m in mentions if m.text == "he"] == [("JPNGOV", "Junichiro Koizumi")]


def test_a_person_named_to_a_post_holds_it(coder):
    text = "Nepal's King Gyanendra named Dan Bahadur Shahi as Home Minister. Nepal's cabinet met on Tuesday."
    codes = {m.text: m.actor.code for m in coder.code_text(text, date(2005, 2, 3)).mentions}
    assert codes["Dan Bahadur Shahi"].endswith("GOV") and not codes["Dan Bahadur Shahi"].startswith("IRN")


def test_a_person_named_to_a_post_in_apposition_holds_it(coder):
    text = "President Askar Akayev appointed head of police in the city, Keneshbek Dushebayev, as new interior minister."
    codes = {m.text: m.actor.code for m in coder.code_text(text, date(2005, 3, 25)).mentions}
    assert codes["Keneshbek Dushebayev"].endswith("GOV")


@pytest.mark.parametrize(
    "text,when,title,name",
    [
        # a bare title is the last person named who held that office, even in a story about another country
        ("British papers quoted Bush on Tony Blair. A Downing Street aide said the remark was one of the president's jokes.",
         date(2005, 11, 22), "president", "George W. Bush"),
        ('UN Secretary General Kofi Annan fired an official. "After a review, the Secretary General has decided," a spokesman said.',
         date(2005, 6, 3), "Secretary General", "Kofi Annan"),
    ],
)
def test_a_bare_title_is_the_last_person_named_in_that_office(coder, text, when, title, name):
    titled = [m for m in coder.code_text(text, when).mentions if m.text.removesuffix("'s") == title]
    assert titled and titled[-1].actor.name == name and titled[-1].resolution.startswith("title:")


def test_an_event_s_titled_argument_is_the_person_the_mention_names(coder):
    got = _pairs(coder, "British papers quoted Bush on Tony Blair. The president criticised Blair on Monday.", date(2005, 11, 22))
    assert got == [("USAGOV", "11", "GBRGOV")]


def test_plural_deputies_are_legislators_and_the_public_is_civilian(coder):
    codes = {m.text: m.actor.code for m in coder.code_text("Ecuadorian deputies and the Ecuadorian public rejected the plan.", date(2005, 4, 21)).mentions}
    assert codes["Ecuadorian deputies"] == "ECULEG" and codes["Ecuadorian public"] == "ECUCVL"


def test_civilians_and_armed_groups_belong_to_the_scene_not_to_the_story_s_main_actor(coder):
    text = ("The US military said the US cordon was needed. US officials said the US would stay. "
            "The US military kept the cordon around Sadr City while searching for a soldier abducted by Shiite militants.")
    codes = {m.text: m.actor.code for m in coder.code_text(text, date(2006, 11, 2)).mentions}
    assert codes["Shiite militants"] == "IRQUAF" and codes["Sadr City"] == "IRQ"


def test_a_name_is_one_mention_at_its_root(coder):
    mentions = coder.code_text("The government led by Bashar al-Assad needs to make reforms. Nouri al-Maliki spoke.", date(2005, 4, 27)).mentions
    assert [m.text for m in mentions if m.actor.name in ("Bashar al-Assad", "Nouri al-Maliki")] == ["Bashar al-Assad", "Nouri al-Maliki"]


def test_a_capital_after_its_head_lends_no_sector(coder):
    codes = {m.text: m.actor.code for m in coder.code_text("Sadr City, a suburb of Baghdad, is quiet.", date(2006, 11, 2)).mentions}
    assert codes["suburb of Baghdad"] == "IRQ"


def test_a_person_speaking_for_a_body_is_that_body(coder):
    text = "John Pace, human rights chief for the United Nations mission in Iraq, condemned the US Armed Forces."
    assert ("IGOUNO", "11", "USAMIL") in _pairs(coder, text, date(2005, 7, 27))
    codes = {m.text: m.actor.code for m in coder.code_text("A spokesman for Hamas denied the report.", date(2006, 1, 1)).mentions}
    assert codes["spokesman"] == "PSEREBHMS"


def test_a_domestic_agent_stays_with_the_government_the_sentence_before_was_about(coder):
    text = ("Pakistan condemned the strike. Pakistan summoned the US ambassador. "
            "Foreign Office spokeswoman Tasnim Aslam said it was targeted from across the border in Afghanistan. "
            "The Foreign Office lodged a formal complaint.")
    offices = [m.actor.code for m in coder.code_text(text, date(2006, 1, 14)).mentions if m.text == "Foreign Office"]
    assert offices == ["PAKGOV"]


def test_an_owned_agent_mention_agrees_with_its_events(coder):
    text = "Georgia accused Russia of violating its airspace. Russia acknowledged that its military jets had flown over South Ossetia."
    coded = coder.code_text(text, date(2008, 7, 10))
    assert [m.actor.code for m in coded.mentions if m.text == "its military jets"] == ["RUSMIL"]


def test_people_across_or_throughout_a_country_are_of_it(coder):
    assert ("IDNEDU", "14", "---") in _pairs(coder, "University students throughout Indonesia staged mass demonstrations on Saturday.", date(1998, 5, 1))


def test_an_ethnic_group_placed_in_another_country_is_its_civilians(coder):
    assert ("SRBCVL", "14", "SRB") in _pairs(coder, "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", date(2001, 3, 1))
    # a nationality placed abroad is not an ethnic group: Americans in Iraq stay American
    assert ("USA", "14", "IRQ") in _pairs(coder, "Hundreds of Americans demonstrated on Tuesday in Iraq.", date(2005, 3, 1))


def test_a_named_party_the_tables_do_not_know_is_a_party(coder):
    assert ("---PTY", "13", "DZA") in _pairs(coder, "The Umma party said it will boycott Algeria's elections unless the president steps down.", date(1990, 6, 1))


def test_the_counterpart_outranks_the_story_guess(coder):
    text = ("Iran recalled its ambassador to Copenhagen on Monday in protest at the Danish government's refusal to apologise.\n\n"
            "Thousands of students marched through Jakarta on Friday, demanding reforms from the Indonesian government.")
    assert ("IDNEDU", "14", "IDNGOV") in _pairs(coder, text, date(2006, 2, 6))


def test_a_mention_placed_by_its_counterpart_agrees_with_its_event(coder):
    coded = coder.code_text("The Sudanese government accused Darfur rebels of violating the ceasefire.", date(2004, 5, 1))
    assert [e.target_code for e in coded.events] == ["SDNREB"]
    assert [m.actor.code for m in coded.mentions if m.text == "Darfur rebels"] == ["SDNREB"]


def test_members_of_a_named_group_belong_to_its_country(coder):
    # "Hamas militants": the group's code and its country, so the arrest is coded though no one is said to make it
    assert ("---", "17", "PSEREBHMS") in [(s or "---", r, t) for s, r, t in _pairs(coder, "Three Hamas militants were jailed on Monday.", date(2006, 5, 1))]


def test_a_capitalised_plural_is_its_agent_noun(coder):
    # the tagger takes "Senators" for a name and leaves it in the plural
    assert ("USAGOV", "02", "---LEG") in _pairs(coder, "President Bush asked Senators to support his nominee.", date(2005, 5, 1))
