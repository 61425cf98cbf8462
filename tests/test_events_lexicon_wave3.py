"""Issue 14, wave 3: the CAMEO verb dictionary in the event lexicon, light verbs and nominal
events as lexicon data, and event times (whole pipeline, sentences written for the tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsmodel
from newsmodel import Event, RuleError
from newsmodel.events import EventFinder, EventRules


def events(text: str, parser: newsmodel.Parser | None = None) -> list[Event]:
    return list((parser or newsmodel.Parser()).parse(text, published="2020-03-04").events)


def coded(got: list[Event]) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (e.kind.name, e.trigger.text, [a.name for a in e.sources], [a.name for a in e.targets]) for e in got
    ]


# -- the CAMEO dictionary ----------------------------------------------------------------------

MINE = """\
####### VERB PATTERNS #######

---  ZORBLE   [---]  ---
ZORBLE
- * CRACKDOWN                                        [170]        # ZORBLE
- * (ON &PEOPLE)                                     [190]        # ZORBLE
- * GREETINGS                                        [051]        # ZORBLE

---  FLURBLE   [111]  ---
FLURBLE

---  ACCUSE   [---]  ---
ACCUSE
- * KILLING                                          [190]        # ACCUSE
"""


def _finder(tmp_path: Path, **options: object) -> newsmodel.Parser:
    path = tmp_path / "verbs.txt"
    path.write_text(MINE.replace("&PEOPLE", "CIVILIANS"), encoding="utf-8")
    rules = EventRules.shipped().extend({"cameo": {"dictionary": str(path), **options}})
    return newsmodel.Parser(events=EventFinder(rules))


def test_a_dictionary_of_your_own_codes_light_verbs_of_event_nouns(tmp_path: Path) -> None:
    parser = _finder(tmp_path)
    (e,) = events("Kenyan police zorbled a crackdown against opposition protesters.", parser)
    assert (e.kind.name, e.trigger.text) == ("COERCE", "zorbled a crackdown")
    assert e.rule == "cameo:COERCE:zorble crackdown [170]"
    assert [a.name for a in e.sources] == ["Kenyan police"]


def test_patterns_whose_object_is_no_event_noun_are_left_out_unless_asked(tmp_path: Path) -> None:
    text = "Germany zorbled warm greetings to France."
    assert events(text, _finder(tmp_path)) == []
    (e,) = events(text, _finder(tmp_path, confirmed=False))
    assert (e.kind.name, e.trigger.text) == ("SUPPORT", "zorbled warm greetings")


def test_a_verbs_own_code_only_with_defaults(tmp_path: Path) -> None:
    text = "Germany flurbled France over the tariffs."
    assert events(text, _finder(tmp_path, confirmed=False)) == []
    (e,) = events(text, _finder(tmp_path, confirmed=False, defaults=True))
    assert (e.kind.name, e.trigger.text, e.rule) == ("ACCUSE", "flurbled", "cameo:ACCUSE:flurble")


def test_the_hand_written_lexicon_takes_precedence(tmp_path: Path) -> None:
    # "accuse ... killing" is coded ASSAULT by the dictionary; the lexicon's "accuse" wins.
    got = events("Germany accused France of the killing.", _finder(tmp_path, confirmed=False))
    assert (got[0].kind.name, got[0].rule) == ("ACCUSE", "lexicon:ACCUSE:accuse")
    assert not any(e.rule.startswith("cameo:") for e in got)


def test_a_pattern_needs_its_words_in_the_clause(tmp_path: Path) -> None:
    # The gap between the verb and its object's head holds no preposition or clause boundary.
    assert events("Police zorbled, after a crackdown, the square.", _finder(tmp_path)) == []
    assert events("Police zorbled in the square during a crackdown.", _finder(tmp_path)) == []
    # Used as a noun, the verb is no trigger.
    assert events("The zorbled crackdown ended.", _finder(tmp_path)) == []


def test_no_dictionary_and_a_bad_one(tmp_path: Path) -> None:
    none = newsmodel.Parser(events=EventFinder(EventRules.shipped().extend({"cameo": {"dictionary": ""}})))
    assert coded(events("Algerian farmers began a hunger strike.", none)) == [
        ("PROTEST", "hunger strike", ["Algerian farmers"], [])
    ]
    with pytest.raises(RuleError, match=r"cameo\.dictionary.*missing\.txt"):
        EventFinder(EventRules.shipped().extend({"cameo": {"dictionary": str(tmp_path / "missing.txt")}}))
    bad = tmp_path / "bad.txt"
    bad.write_text("---  X   [---]  ---\nX\n- * Y [abc]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"cameo\.dictionary.*bad\.txt:3"):
        EventFinder(EventRules.shipped().extend({"cameo": {"dictionary": str(bad)}}))
    with pytest.raises(RuleError, match="cameo"):
        EventFinder(EventRules.shipped().extend({"cameo": {"recode": {"163": "EMBARGO"}}}))


def test_the_shipped_dictionary_codes_a_light_verb() -> None:
    (e,) = events("Algerian farmers began a hunger strike.")
    assert (e.kind.name, e.trigger.text) == ("PROTEST", "began a hunger strike")
    assert e.rule == "cameo:PROTEST:begin hunger strike [142]"
    assert [a.name for a in e.sources] == ["Algerian farmers"]


def test_the_shipped_dictionary_is_read_on_the_first_article_not_before() -> None:
    code = (
        "import sys, newsmodel\n"
        "p = newsmodel.Parser()\n"
        "print('newsmodel._events.cameo' in sys.modules)\n"
        "p.parse('Algerian farmers began a hunger strike.')\n"
        "print('newsmodel._events.cameo' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


# -- light verbs and nominal events ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Prosecutors in Cambodia filed charges against Kem Sokha.", "COERCE", "filed charges"),
        ("The European Commission imposed a fine on Google.", "COERCE", "imposed a fine"),
        ("Hamas launched rockets at Israel.", "ASSAULT", "launched rockets"),
        ("Israel carried out an airstrike on Gaza.", "ASSAULT", "carried out an airstrike"),
        ("Opposition supporters held a rally against Hun Sen.", "PROTEST", "held a rally"),
        ("China's seizure of the tanker angered Britain.", "COERCE", "seizure"),
        ("Antonio Guterres reiterated his backing for Ivan Velasquez.", "SUPPORT", "backing"),
        (
            "The Arab League will seek a U.N. Security Council resolution.",
            "REQUEST",
            "seek a U.N. Security Council resolution",
        ),
        ("Justin Trudeau wants to engage with Donald Trump.", "CONSULT", "engage with"),
        ("Iran freed Nazanin Zaghari-Ratcliffe on Sunday.", "RETREAT", "freed"),
    ],
)
def test_light_verbs_and_event_nouns(text: str, kind: str, trigger: str) -> None:
    assert any((e.kind.name, e.trigger.text) == (kind, trigger) for e in events(text))


def test_a_noun_folded_into_a_verb_lends_it_the_roles_it_lacks() -> None:
    got = events("U.S. drone strikes on Taliban hideouts killed 11 people.")
    assert coded(got) == [("ASSAULT", "killed", ["United States"], ["Taliban"])]
    assert [m.text for m in got[0].mentions] == ["drone strikes"]


def test_wire_conventions_are_no_event() -> None:
    assert events("A Taliban commander, who asked not to be identified, said the fighters left.") == []
    got = events("Chrystia Freeland, asked for a reaction, rejected the suggestion.")
    assert [e.kind.name for e in got] == ["REJECT"]
    assert [e.kind.name for e in events("Russia asked for help from China.")] == ["REQUEST"]


# -- event times -------------------------------------------------------------------------------


def test_a_time_beyond_another_trigger_is_that_ones() -> None:
    got = events(
        "A judge halted on Monday the deportation of all Iraqi nationals detained in raids this month."
    )
    detained = next(e for e in got if e.trigger.text == "detained")
    assert detained.time is not None and detained.time.value == "2020-03"


def test_a_relative_clauses_time_is_not_its_heads() -> None:
    got = events(
        "On Monday, Judge Anna Weber sided with lawyers from the ACLU who filed a complaint on Saturday."
    )
    sided = next(e for e in got if e.trigger.text == "sided with")
    assert sided.time is not None and sided.time.value == "2020-03-02"


def test_an_event_of_the_lead_paragraph_takes_the_leads_time() -> None:
    text = (
        "CAIRO (Reuters) - Egypt defended on Tuesday a new law on charities. "
        "The U.N. human rights chief Zeid Ra'ad al-Hussein also criticized the law.\n\n"
        "Amnesty International criticized the law."
    )
    got = events(text)
    criticized = [e for e in got if e.kind.name == "ACCUSE"]
    assert [e.time.value if e.time else None for e in criticized] == ["2020-03-03", None]


def test_a_parser_that_has_read_the_dictionary_pickles() -> None:
    import pickle

    parser = newsmodel.Parser()
    text = "Algerian farmers began a hunger strike. Police intensified a crackdown on protesters."
    first = parser.parse(text)
    again = pickle.loads(pickle.dumps(parser)).parse(text)
    assert [e.rule for e in again.events] == [e.rule for e in first.events]
    assert [e.rule.split(":")[0] for e in first.events] == ["cameo", "cameo"]
