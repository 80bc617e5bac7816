"""The pattern dictionary: loads, covers all 20 roots, rejects bad user files, and fires as documented."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding.patterns import load_patterns
from detente.coding.tables import load_cameo
from detente.errors import DataError


def test_bundled_dictionary_covers_every_root():
    patterns = load_patterns(load_cameo())
    roots = {p.code[:2] for group in (*patterns.verbs.values(), *patterns.nouns.values()) for p in group}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert patterns.version.startswith("detente-events@")


@pytest.mark.parametrize(
    "body,code",
    [
        ('patterns:\n  - {id: x, code: "999", verbs: [zap]}\n', "E032"),
        ('patterns:\n  - {id: x, code: "190", verbs: [zap], nouns: [zap]}\n', "E031"),
        ('patterns:\n  - {id: x, code: "190", verbs: [zap], target: [elsewhere]}\n', "E031"),
        ('patterns:\n  - {id: "190.attack", code: "190", verbs: [zap]}\n', "E031"),  # id of a bundled pattern
    ],
)
def test_bad_user_patterns_are_named(tmp_path, body, code):
    path = tmp_path / "mine.yaml"
    path.write_text('name: mine\nversion: "1"\n' + body)
    with pytest.raises(DataError, match=code):
        load_patterns(load_cameo(), (path,))


def _codes(coder, text, when=date(2010, 6, 1)):
    return [(e.source_code, e.code, e.target_code) for e in coder.code_text(text, when).events]


def test_statement_without_addressee_is_not_an_event(coder):
    assert _codes(coder, "Iran said on Monday that talks would continue.") == []


def test_protest_needs_no_target(coder):
    assert any(code.startswith("14") for _, code, _ in _codes(coder, "Egyptian workers staged a general strike on Monday."))


def test_noun_under_a_firing_verb_does_not_fire_again(coder):
    codes = _codes(coder, "Israel launched an attack on Hamas on Monday.")
    assert len([c for _, c, _ in codes if c.startswith("19")]) == 1


def test_coverage_report():
    cameo = load_cameo()
    cov = load_patterns(cameo).coverage(cameo)
    assert cov["codes"] == 291 and cov["codes_with_patterns"] == 291 and cov["uncovered"] == []
    assert set(cov["per_root"]) == {f"{r:02d}" for r in range(1, 21)}
    assert all(0 < v["covered"] <= v["codes"] for v in cov["per_root"].values())


def test_precision_per_pattern(coder):
    from detente.coding.evaluation import GoldSentence, pattern_precision

    gold = [
        GoldSentence("g1", "Ukraine condemned Russia on Monday.", date(2014, 3, 17), (("UKR", "RUS", "111"),)),
        GoldSentence("g2", "Israel condemned the United States.", date(2014, 3, 17), ()),
    ]
    stats = pattern_precision(coder, gold)
    (pid, row), = stats.items()
    assert (row["tp"], row["fp"], row["precision"]) == (1, 1, 0.5)


MINE = """name: mine
version: "1"
patterns:
  - id: "mine.go-on-strike"
    code: "143"
    verbs: [go]
    prep_object: ["on strike", "on hunger strike"]
    target: [none]
  - id: "mine.boat-attack"
    code: "1711"
    nouns: [attack]
    modifier: [boat, speedboat]
    target: ["prep:in", none]
  - id: "mine.demand-withdrawal"
    code: "1041"
    verbs: [insist]
    target: [clause-subj]
"""


@pytest.fixture(scope="module")
def mine_coder(tmp_path_factory):
    from detente.coding import Coder
    from detente.config import Settings

    path = tmp_path_factory.mktemp("mine") / "mine.yaml"
    path.write_text(MINE)
    return Coder(Settings(patterns=str(path)))


def test_prep_object_constraint(mine_coder):
    assert ("IRQOPP", "143", "---") in _codes(mine_coder, "Iraqi protesters went on strike on Monday.")
    assert not any(c == "143" for _, c, _ in _codes(mine_coder, "Iraqi protesters went on holiday on Monday."))


def test_modifier_constraint(mine_coder):
    assert ("---", "1711", "YEM") in _codes(mine_coder, "A boat attack in Aden wounded ten people.")  # a capital as the place
    assert "1711" not in [c for _, c, _ in _codes(mine_coder, "An attack in Aden wounded ten people.")]


def test_clause_subject_slot(mine_coder):
    assert ("RUSGOV", "1041", "ISR") in _codes(mine_coder, "Moscow insisted that Israel withdraw from the town.")


@pytest.mark.parametrize(
    "text,expected",
    [
        # a list the parser reads as an apposition is still a coordination: every pair meets
        ("The US, Russia, and Switzerland met yesterday.", {("USAGOV", "040", "RUSGOV"), ("USAGOV", "040", "CHEGOV"), ("RUSGOV", "040", "USAGOV"),
                                                             ("RUSGOV", "040", "CHEGOV"), ("CHEGOV", "040", "USAGOV"), ("CHEGOV", "040", "RUSGOV")}),
        # "they" in what two speakers said is both of them
        ("Obama and Putin said they will attack Iraq.", {("USAGOV", "138", "IRQ"), ("RUSGOV", "138", "IRQ")}),
        # the parties named before a reciprocal noun; diplomacy named by countries is their governments'
        ("Israeli-Palestinian talks resumed in Cairo on Monday.", {("ISRGOV", "046", "PSEGOV"), ("PSEGOV", "046", "ISRGOV")}),
        # an "after"/"in" clause is done by the main clause's subject
        ("After meeting Putin, Obama criticised Iran.", {("USAGOV", "040", "RUSGOV"), ("RUSGOV", "040", "USAGOV"), ("USAGOV", "111", "IRN")}),
        # a document speaks for its author
        ("A statement by the Iranian foreign ministry condemned the Israeli raid on Gaza.", {("IRNGOV", "111", "ISR")}),
        # the verb codes the act its subject names, once
        ("Israeli air raids killed five people in Gaza.", {("ISR", "195", "---CVL")}),  # an air raid: the noun's narrower code
        # a bombing that kills is the event, with its dead as the target; a harm verb with a doer keeps coding it
        ("A roadside bomb killed two US soldiers in Iraq.", {("---", "1833", "USAMIL")}),
        ("Three US servicemen were killed by an improvised explosive device in Basra.", {("---", "1833", "USAMIL")}),
        ("Two US soldiers were killed in a suicide car bombing in Baghdad.", {("---", "1831", "USAMIL")}),
        ("Serb forces killed three Albanian civilians in a gunbattle.", {("SRBMIL", "193", "ALBCVL")}),  # a small-arms fight
        ("A US Marine was killed when a roadside bomb detonated near his convoy.", {("---", "1833", "USAMIL")}),
        # what an act of force did, said in a participle, is its target, not a second event
        ("Israeli troops shelled the town of Rafah, killing three Palestinian gunmen.", {("ISRMIL", "194", "PSEUAF")}),
        # a participle the parser hangs on a parenthetical "officials said" is still the attacker's
        ("Hamas attacked an Israeli army post, Israeli officials said, wounding two Israeli soldiers.",
         {("PSEREBHMS", "190", "ISRMIL"), ("PSEREBHMS", "180", "ISRMIL")}),
        # the noun a participle modifies does it, and is no doer when it is no actor
        ("Russian troops surrounding the Georgian parliament refused to leave.", {("RUSMIL", "191", "GEOLEG"), ("RUSMIL", "120", "---")}),
        ("The talks surrounding the Georgian parliament failed.", set()),
        # an object constraint looks through a measure, and finds its phrase where the parser hung it on the verb
        ("Japan sent 500 tons of food to North Korea.", {("JPN", "073", "PRK")}),
        ("A Chilean judge opened investigations against 28 Peruvian officials.", {("CHLJUD", "090", "PERGOV")}),
    ],
)
def test_argument_structures(coder, text, expected):
    assert set(_codes(coder, text)) == expected


def test_blame_laid_in_what_is_said_accuses_the_one_blamed(coder):
    text = "Tirawi, a Palestinian security official, indicated at a news conference that Hamas militants might be responsible."
    assert _codes(coder, text, date(2006, 6, 1)) == [("PSECOP", "112", "PSEREBHMS")]
    assert _codes(coder, "Israel said Syria was not responsible for the attack.", date(2006, 6, 1)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Israel pushed tanks into the Gaza Strip on Monday.", [("ISR", "192", "PSE")]),
        # what is pushed is no target, and a phrasal verb with an object predicate names something
        ("The inquiry would push Congress into refusing to cooperate.", []),
        ("Syria said Israel would impose constraint on what they call terrorism and war on Israel.", []),
    ],
)
def test_phrasal_verbs_take_their_particle_object(coder, text, expected):
    assert _codes(coder, text, date(2006, 1, 1)) == expected


def test_a_claim_of_responsibility_is_about_what_the_act_was_done_to(coder):
    codes = _codes(coder, "Hamas claimed responsibility for the attack on the Israeli checkpoint.", date(2006, 1, 1))
    assert codes == [("PSEREBHMS", "015", "ISR")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Italy announced a suspension of air links with Serbia on Wednesday.", [("ITAGOV", "160", "SRB")]),
        ("Israel's release of 900 Palestinian prisoners was welcomed.", [("ISRGOV", "0841", "PSE"), ("---", "051", "ISR")]),
        # who asks for an act does not do it
        ("The UN called for the release of the Romanian journalists.", [("---", "0841", "ROUMED")]),
    ],
)
def test_a_noun_naming_a_verbs_act_is_coded_with_the_verbs_pattern(coder, text, expected):
    assert [(e.source_code, e.code, e.target_code) for e in coder.code_text(text, date(2005, 6, 1)).events] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # what an accusation is of picks the 112x code, also where the parser hangs it on the accused
        ("Russia accused Georgia of aggression.", ("RUSGOV", "1123", "GEO")),
        ("Iran accused two British diplomats of espionage.", ("IRNGOV", "1125", "GBRGOV")),
        ("The Serbian court indicted Milosevic for war crimes.", ("SRBJUD", "1124", "YUGELI")),
        ("Nigeria accused the rebels of abuses.", ("NGAGOV", "1122", "---REB")),
        # calls, demands and refusals about lifting sanctions, aimed at whom the sanctions are on
        ("Russia called for the lifting of sanctions on Iraq.", ("RUSGOV", "0254", "IRQ")),
        ("France demanded the lifting of sanctions on Iraq.", ("FRAGOV", "1054", "IRQ")),
        ("Kyrgyz opposition leaders demanded the lifting of the curfew.", ("KGZOPP", "1051", "---")),
        ("The United States rejected the lifting of sanctions on Iraq.", ("USAGOV", "1244", "IRQ")),
        # what a protest is for picks the 14xx code
        ("Nepalese students demonstrated for democracy in Kathmandu.", ("NPLEDU", "1414", "NPL")),
        ("There was an assassination attempt on President Musharraf.", ("---", "185", "PAKGOV")),
        # a more specific pattern placed first where it would tie with a general one
        ("Pakistan put the police on high alert.", ("PAK", "151", "---")),
    ],
)
def test_specific_codes_from_what_the_act_is_about(coder, text, expected):
    assert expected in _codes(coder, text, date(2005, 6, 1))


def test_an_act_named_in_a_during_phrase_is_not_the_subjects_unless_a_meeting(coder):
    shot = "Israeli troops shot dead dozens of Palestinians during protests along the Gaza border fence on Monday."
    assert _codes(coder, shot, date(2018, 5, 14)) == [("ISRMIL", "193", "PSE")]
    assert ("IGOUNO", "042", "SYRGOV") in _codes(coder, "The UN envoy met Assad during a visit to Damascus.", date(2018, 5, 14))


def test_a_reason_or_charge_is_not_an_event(coder):
    events = coder.code_text("A Tunisian court has jailed a Nigerian student for helping young militants join an armed group.", date(2010, 6, 1)).events
    assert [e.code for e in events if e.modality not in coder.modality.not_events] == ["173"]
    assert all(e.modality == "alleged" and e.source_code.startswith("NGA") for e in events if e.code != "173")  # the charge


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Syrian foreign minister said the American strike was illegal and unacceptable.", [("SYRGOV", "111", "USA")]),
        ("Abbas said the talks with Israel were constructive.", [("PSEGOV", "051", "ISR")]),
        ("Russia said the vote in Ukraine was not illegal.", []),  # negated
        ("Russia said Ukraine stopped illegal arms sales.", []),  # a label, not a judgement
        ("Iran condemned the Israeli raid, saying it was illegal.", [("IRNGOV", "111", "ISR")]),  # the verb already says it
    ],
)
def test_evaluative_speech(coder, text, expected):
    assert [c for c in _codes(coder, text) if c[1] in ("111", "051")] == expected


def test_conventions_setting_keeps_bare_country_codes():
    from detente.coding import Coder
    from detente.config import Settings
    from detente.errors import ConfigError

    phoenix = Coder(Settings(conventions="phoenix"))
    assert _codes(phoenix, "Iran condemned Israel.") == [("IRN", "111", "ISR")]
    assert phoenix.versions["coder"].endswith("+phoenix")
    with pytest.raises(ConfigError, match="E023"):
        Coder(Settings(conventions="tabari"))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Georgian demonstrators received weapons from the Georgian government.", [("GEOGOV", "072", "GEOOPP")]),
        ("Japan drew criticism from China over the visit.", [("CHNGOV", "111", "JPN")]),
        ("Iraq received weapons.", []),  # no giver, no event
    ],
)
def test_reverse_patterns_take_the_doer_from_the_from_phrase(coder, text, expected):
    assert _codes(coder, text) == expected


def test_a_verb_that_only_meets_an_event_noun_does_not_lend_its_subject(coder):
    text = "Prime Minister Yitzhak Rabin of Israel was shot dead as he left a peace rally in Tel Aviv."
    assert [c for _, c, _ in _codes(coder, text, date(1995, 11, 5))] == ["193"]  # no protest by Rabin


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia said on Tuesday that Sudan must return the helicopter.", ("RUSGOV", "100", "SDN", "asserted")),
        ("Syria says it is willing to withdraw its troops from Lebanon.", ("SYRGOV", "0356", "LBN", "asserted")),
        ("Journalists asked whether Iran would attack Israel.", ("IRN", "190", "ISR", "hypothetical")),
    ],
)
def test_demands_intents_and_questions_in_what_is_said(coder, text, expected):
    events = coder.code_text(text, date(2005, 4, 1)).events
    assert expected in [(e.source_code, e.code, e.target_code, e.modality) for e in events]


def test_presenting_evidence_against_a_country_accuses_it(coder):
    from datetime import date

    events = coder.code_text("The US presented evidence against Russia.", date(2015, 3, 1)).events
    assert [(e.source.code[:3], e.target.code[:3], e.code) for e in events] == [("USA", "RUS", "112")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("France repeated its calls for Syria to withdraw from Lebanon.", ("FRAGOV", "020", "SYR")),
        ("The UN issued an appeal for the rebels in Congo to lay down their arms.", ("IGOUNO", "020", "COGREB")),
    ],
)
def test_a_call_for_someone_to_act_is_addressed_to_them_and_the_act_is_only_demanded(coder, text, expected):
    events = coder.code_text(text, date(2005, 3, 6)).events
    assert [(e.source_code, e.code, e.target_code) for e in events if e.modality == "asserted"] == [expected]
    assert all(e.modality == "demanded" for e in events if e.code != "020")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Egypt rejected an Israeli proposal for joint patrols.", ("EGYGOV", "120", "ISR")),
        ("Chile turned down Peru's request for talks.", ("CHLGOV", "120", "PER")),
        ("Greece pledged to continue economic aid to Cyprus.", ("GRCGOV", "030", "CYP")),
        ("Kenya demanded compensation from Somalia.", ("KENGOV", "1031", "SOM")),
        ("Ghana threatened tougher measures against Togo.", ("GHAGOV", "130", "TGO")),
    ],
)
def test_an_act_with_no_named_target_is_aimed_at_whose_thing_it_acts_on(coder, text, expected):
    assert expected in _codes(coder, text, date(2005, 3, 6))


def test_the_owner_of_the_thing_acted_on_is_not_read_from_a_possessive_pronoun(coder):
    assert ("EGYGOV", "120", "---") in [(s or "---", c, t or "---") for s, c, t in _codes(coder, "Egypt rejected their proposal.")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sudan threatened to attack Chad.", ("SDNGOV", "1384", "TCD")),
        ("Iran threatened to cut off aid to Turkey.", ("IRNGOV", "1311", "TUR")),
        ("Venezuela threatened to sever diplomatic ties with Colombia.", ("VENGOV", "1313", "COL")),
    ],
)
def test_a_bare_threat_takes_the_code_and_target_of_the_act_it_threatens(coder, text, expected):
    events = coder.code_text(text, date(2008, 3, 6)).events
    assert expected in [(e.source_code, e.code, e.target_code) for e in events]
    assert all(e.modality == "threatened" for e in events if e.root != "13")  # the act itself stays, flagged


def test_a_warning_about_someone_elses_act_is_no_threat_of_it(coder):
    events = coder.code_text("Iran warned that the US would attack Syria.", date(2008, 3, 6)).events
    assert not [e for e in events if e.root == "13" and e.target_code == "SYR"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Israel refused to release the Palestinian prisoners.", ("ISRGOV", "1243", "PSE")),
        ("Iran refused to meet the EU envoy.", ("IRNGOV", "125", "IGOEUREEC")),
        ("The U.S. said it would not meet the kidnappers' demands.", ("USAGOV", "123", "---CRM")),
    ],
)
def test_a_refused_act_is_coded_as_the_refusal_of_it(coder, text, expected):
    events = coder.code_text(text, date(2008, 3, 6)).events
    assert expected in [(e.source_code, e.code, e.target_code) for e in events]
    assert all(e.modality == "negated" for e in events if e.root != "12")


@pytest.mark.parametrize("text", ["The White House refused to comment on the report.", "Iran refused to say whether it would meet the EU envoy."])
def test_refusing_to_comment_is_declining_comment_not_a_rejection(coder, text):
    codes = [code for _, code, _ in _codes(coder, text, date(2008, 3, 6))]
    assert "011" in codes and not [c for c in codes if c.startswith("12")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Uzbek soldiers opened fire on the demonstrators in Andijan.", ("UZBMIL", "175", "---OPP")),
        ("Iraqi insurgents ambushed her car and killed her Iraqi translator.", ("IRQREB", "1823", "IRQCVL")),
        ("An angry Haitian mob attacked the Haitian priest at the funeral.", ("HTICVL", "145", "HTIREL")),
        ("Egyptian rioters clashed with Syrian forces in the square.", ("EGYOPP", "145", "SYRMIL")),
        ("Egyptian rioters clashed with Syrian forces in the square.", ("SYRMIL", "175", "EGYOPP")),
        ("Israeli settlers attacked a Palestinian village near Hebron.", ("ISRCVL", "180", "PSE")),
        ("The United States protested the Russian decision.", ("USAGOV", "114", "RUS")),
        ("Thai protestors are planning a mass demonstration in Bangkok this Sunday.", ("THAOPP", "133", "THA")),
        ("Thousands of Thai students protested in Bangkok against the government.", ("THAEDU", "141", "THAGOV")),
    ],
)
def test_who_uses_force_on_whom_says_which_act_it_is(coder, text, expected):
    assert expected in _codes(coder, text, date(2006, 1, 9))


def test_killing_done_by_an_armed_act_keeps_the_armed_acts_root(coder):
    codes = _codes(coder, "Sudanese rebels shelled the southern capital Juba, killing about 20 civilians.", date(2006, 1, 9))
    assert codes and not [c for _, c, _ in codes if c == "1823"]


@pytest.mark.parametrize("text", [
    "Palestine TV stopped broadcasting for 30 minutes in protest at the attack.",
    "The site was reopened days after the raid on Dutch servers.",
    "Most Israelis support the withdrawals.",
])
def test_an_act_the_story_only_refers_to_is_not_coded_again(coder, text):
    assert not [c for _, c, _ in _codes(coder, text, date(2006, 1, 9)) if c[:2] in ("08", "19")]


def test_a_question_is_no_appeal(coder):
    assert not _codes(coder, "A reporter asked Mr Rumsfeld whether Brazil is ready to join the Security Council.", date(2005, 3, 6))
    assert not _codes(coder, "President Bush was asked about the Amnesty International report.", date(2005, 3, 6))
    assert ("USA", "020", "CHN") in _codes(coder, "The US statement asked China to improve the transparency of its army.", date(2005, 3, 6))


def test_entering_is_force_only_for_armed_forces(coder):
    assert ("CHNMIL", "192", "JPN") in _codes(coder, "A Chinese navy submarine entered Japanese waters last week.", date(2004, 11, 16))
    assert not _codes(coder, "The New Zealand minister entered hospital in Auckland in July.", date(2005, 8, 1))


def test_a_tally_since_a_starting_point_is_no_event(coder):
    assert not _codes(coder, "More than 300,000 Burundian civilians have been killed since 1993.", date(2005, 8, 13))
    assert ("ISR", "173", "PSE") in _codes(coder, "Israel has arrested 20 Palestinians since Monday.", date(2005, 8, 13))


def test_a_plural_possessive_is_every_coordinated_doer(coder):
    text = "The US and France are repeating their calls for Syria to withdraw from Lebanon."
    assert {("USAGOV", "020", "SYR"), ("FRAGOV", "020", "SYR")} <= set(_codes(coder, text, date(2005, 3, 6)))


def test_a_noun_with_its_own_narrower_pattern_is_coded_by_it_not_by_the_verb_carrying_it(coder):
    # one act, the hunger strike (142): not "began a strike" (143), nor a protest (141) of its own
    assert [c for _, c, _ in _codes(coder, "Iraqi students began a hunger strike in protest against the government.")] == ["142"]
    assert ("TURREF", "142", "TURGOV") in _codes(coder, "A group of Kurdish refugees began a hunger strike against the Turkish government.")


def test_an_intention_named_inside_a_noun_phrase_is_no_event_without_a_doer(coder):
    text = "The Knesset voted against a bill calling for a referendum on the plan to withdraw Israeli forces from the Gaza Strip."
    assert [c for _, c, _ in _codes(coder, text, date(2005, 3, 28))] == ["120"]


def test_being_opposed_to_something_is_opposing_it(coder):
    assert ("ISRGOV", "126", "FRA") in _codes(coder, "Israel is opposed to French mediation in the talks with Syria.", date(2000, 3, 1))
    assert not [t for s, _, t in _codes(coder, "The plan was opposed by Russia.") if t and t[:3] == "RUS"]  # no self-target


def test_force_on_agents_the_story_places_is_coded_but_not_force_in_general(coder):
    story = "Iraq's interior ministry gave the figures on Monday. "
    text = story + "A roadside bomb in the capital has killed four people."
    assert ("---", "1833", "IRQCVL") in _codes(coder, text, date(2005, 6, 1))  # a weapon is no doer; it names the act
    general = story + "We must condemn terrorist attacks on civilians."
    assert not [c for _, c, _ in _codes(coder, general, date(2005, 6, 1)) if c[:2] in ("18", "19", "20")]


def test_a_protest_over_a_partys_act_is_aimed_at_that_party(coder):
    codes = _codes(coder, "Thousands of Lebanese demonstrated over Syria's military presence in Lebanon.", date(2005, 2, 28))
    assert [(c, t[:3]) for _, c, t in codes] == [("141", "SYR")]


def test_stated_disappointment_is_disapproval(coder):
    assert ("USAGOV", "110", "CAN") in _codes(coder, "The White House stated its disappointment with Canada's decision.", date(2005, 3, 1))


def test_where_a_thing_is_said_is_not_whom_it_is_said_to(coder):
    text = "In Berlin, German Foreign Minister Frank-Walter Steinmeier warned that Tehran had crossed a line."
    assert not [t for _, _, t in _codes(coder, text, date(2006, 1, 10)) if t.startswith("DEU")]
    assert ("NPL", "141") in [(t, c) for _, c, t in _codes(coder, "Students demonstrated in Kathmandu on Friday.", date(2006, 4, 7))]


def test_an_allegation_is_aimed_at_whom_it_is_about(coder):
    assert ("RWAGOV", "112", "FRA") in _codes(coder, "Rwanda alleged that France was aware of preparations for the genocide.", date(2008, 8, 5))


def test_a_fight_with_small_arms_is_193_wherever_it_is_named(coder):
    assert ("SYRREB", "193", "PHLMIL") in _codes(coder, "Syrian rebels engaged Filipino peacekeepers in a firefight on Saturday.", date(2014, 8, 30))
    assert {c for _, c, _ in _codes(coder, "A gunbattle between Indian troops and Pakistani soldiers left five dead.", date(2005, 6, 1))} == {"193"}
    assert {c for _, c, _ in _codes(coder, "Indian troops and Pakistani soldiers clashed in a gunbattle.", date(2005, 6, 1))} == {"193"}


def test_a_protest_is_aimed_at_whom_its_demand_is_and_is_one_act(coder):
    # the demand is the protest's purpose: one event, a demonstration for new leadership (1041 -> 1411)
    assert _codes(coder, "Thousands of students staged demonstrations in Jakarta to demand the resignation of the Indonesian president.") \
        == [("---EDU", "1411", "IDNGOV")]


def test_a_gerund_the_parser_splits_from_its_noun_phrase_keeps_its_doer(coder):
    # the parse reads "in Israeli shelling" as "in Israeli" plus a clause "shelling": still Israel's shelling
    assert _codes(coder, "Four children were killed in Israeli shelling on Friday.") == [("ISR", "194", "---CVL")]


def test_a_threat_with_no_target_is_aimed_at_whom_its_condition_names(coder):
    assert ("IRNGOV", "1384", "IRQGOV") in _codes(coder, "Iran threatened to launch a new military offensive unless Baghdad accepted its conditions.")
    # a pronoun in the condition is as often the threatener itself
    assert ("RUSGOV", "130", "---") in _codes(coder, "Russia threatened to act if it is attacked.")


def test_calling_for_sanctions_against_a_party_rallies_opposition_to_it(coder):
    assert ("USALEG", "113", "IRN") in _codes(coder, "Fifteen US senators voiced strong support for sanctions against Iran.")
    assert ("GBRGOV", "113", "IRN") in _codes(coder, "Britain backed sanctions on Iran.")


def test_the_doer_of_a_participle_on_the_thing_acted_on_is_its_owner(coder):
    assert ("TWNGOV", "110", "CHN") in _codes(coder, "President Chen Shui-bian voiced his opposition to the law passed by China.", date(2005, 3, 26))


def test_a_claim_for_an_act_with_no_target_actor_is_aimed_where_the_act_was_done(coder):
    codes = _codes(coder, "The Somali militant group al-Shabab is claiming responsibility for a deadly attack at a mall in Kenya's capital.")
    # one claimant however the parse splits "the group al-Shabab"
    assert [c for c in codes if c[1] == "015"] == [("SOMUAF", "015", "KEN")]


def test_an_act_in_protest_at_or_in_retaliation_for_another_is_aimed_at_its_doer(coder):
    assert ("IRNGOV", "161", "DNKGOV") in _codes(coder, "Iran recalled its ambassador in protest at the Danish government's decision.", date(2006, 2, 6))
    assert ("ISR", "195", "LBNREBHEZ") in [(s, c, t) for s, c, t in _codes(coder, "Israel launched air strikes in retaliation for the Hezbollah attack.")]


def test_people_named_by_their_state_and_goods_by_their_weight_are_objects(coder):
    assert ("IGOUNO", "073", "BIH") in _codes(coder, "U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde.", date(1994, 4, 1))
    assert [c for _, c, _ in _codes(coder, "Swiss doctors handed over 700 kg of medicine to the Red Crescent in Iran.")] == ["073"]


def test_a_protest_demanding_something_of_a_party_is_aimed_at_it(coder):
    text = "Thousands of opposition supporters marched through Kathmandu on Friday, demanding the resignation of the Nepalese prime minister."
    assert _codes(coder, text, date(2006, 4, 1)) == [("NPLOPP", "1411", "NPLGOV")]


def test_a_purpose_clause_of_a_blocking_act_is_not_what_was_blocked(coder):
    # "blocked a road to show disapproval": the disapproval is the blockade's aim (one act, aimed at the US), not a prevented act
    assert _codes(coder, "Demonstrators in Baghdad blocked a road to show their disapproval for the United States' military policies.",
                  date(2004, 6, 1)) == [("IRQOPP", "144", "USA")]


def test_a_protest_at_a_place_in_a_country_is_aimed_at_that_country(coder):
    assert ("PSE", "145", "ISR") in _codes(coder, "Palestinian prisoners rioted on Monday at a jail in northern Israel.", date(2002, 6, 1))


def test_a_country_after_anti_is_whom_a_protest_is_against_never_its_doer(coder):
    assert _codes(coder, "Thousands of Pakistanis staged anti-American demonstrations.", date(2006, 1, 20)) == [("PAK", "141", "USA")]
    assert _codes(coder, "Six thousand turned out for an anti-Japanese rally.", date(2005, 4, 9)) == [("---", "141", "JPN")]


def test_a_warning_is_aimed_at_whom_its_clause_is_about_not_at_the_warners_own_side(coder):
    assert ("USAGOV", "130", "SYR") in _codes(coder, "Rice warned that Syria faced isolation.", date(2006, 4, 9))
    assert _codes(coder, "Israel warned that it would respond with force.", date(2006, 4, 9)) == [("ISRGOV", "130", "---")]
    # what the warner's side will do is the threat, not its target
    assert [t for _, c, t in _codes(coder, "Cairo's security chief warned that police will no longer tolerate rallies.", date(2005, 5, 1)) if c == "130"] == ["---"]


def test_a_region_named_like_a_countrys_people_is_not_that_country(coder):
    text = "Bush would likely talk with Paul Martin when the two meet to discuss NAFTA, the North American free trade agreement."
    assert ("USAGOV", "040", "CANGOV") in _codes(coder, text, date(2005, 3, 3))
    assert not any("USA" in (s, t) for s, _, t in _codes(coder, "Latin American leaders criticized the plan.", date(2005, 3, 3)))


def test_calling_for_protests_is_a_protest_announced(coder):
    assert ("FRALAB", "133", "FRAGOV") in _codes(coder, "Labour unions in France called for protests against the government.", date(2006, 3, 1))


def test_turning_weapons_on_someone_is_force(coder):
    assert ("PSEREBHMS", "190", "PSEGOV") in _codes(coder, "Hamas militants turned their weapons on Fatah gunmen in Gaza.", date(2006, 3, 1))


def test_a_preposition_phrase_after_the_object_is_not_a_particle(coder):
    # "in a town" does not make "turned their guns ... in" a handing in of arms; "turned in their weapons" still is
    assert not any(c == "0873" for _, c, _ in _codes(coder, "Iraqi soldiers turned their guns on protesters in a town.", date(2006, 3, 1)))
    assert ("---REB", "0873", "IDN") in _codes(coder, "Rebels turned in their weapons in Aceh.", date(2006, 3, 1))


def test_stance_holds_for_names_of_two_words_and_for_protests_called_for(coder):
    assert _codes(coder, "Six thousand turned out for an anti-South Korean rally.", date(2006, 3, 1)) == [("---", "141", "KOR")]
    assert ("PAKREL", "133", "USA") in _codes(coder, "Pakistani clerics called for anti-American protests.", date(2006, 3, 1))
    # a noun coded before the verb that carries it is one act: "an anti-Israel rally was held"
    assert _codes(coder, "An anti-Israel rally was held in Cairo.", date(2006, 3, 1)) == [("---", "141", "ISR")]


def test_a_warning_of_what_will_befall_its_subjects_is_aimed_at_each_of_them(coder):
    codes = _codes(coder, "Rice warned that Syria and Iran would face isolation.", date(2006, 3, 1))
    assert ("USAGOV", "130", "SYR") in codes and ("USAGOV", "130", "IRN") in codes
    assert [t for _, c, t in _codes(coder, "Cairo's security chief warned that police won't tolerate rallies.", date(2005, 5, 1)) if c == "130"] == ["---"]


def test_calling_for_air_strikes_is_no_protest(coder):
    assert not any(c == "133" for _, c, _ in _codes(coder, "US senators called for air strikes against Syria.", date(2006, 3, 1)))


def test_a_particle_before_its_verb_in_a_relative_clause_still_counts(coder):
    assert ("IRNGOV", "083", "---") in _codes(coder, "The demands to which Iran acceded came from Washington.", date(2006, 3, 1))
