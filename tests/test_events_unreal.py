"""Issue 14, wave 4: trigger words that name no act, refusals, and the acts the lexicon codes
otherwise (whole pipeline, sentences written for the tests)."""

from __future__ import annotations

import pytest

import newsmodel
from newsmodel.events import EventFinder, EventRules

PARSER = newsmodel.Parser()


def coded(text: str, parser: newsmodel.Parser = PARSER) -> list[tuple[str, str, str]]:
    return [(e.kind.name, e.trigger.text, e.mode.name) for e in parser.parse(text).events]


def kinds(text: str) -> list[str]:
    return [kind for kind, _, _ in coded(text)]


# -- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norway refused to step down from the council.",
        "Norway declined to deploy peacekeepers in Mali.",
    ],
)
def test_a_refused_cooperative_act_is_one_rejection(text: str) -> None:
    assert kinds(text) == ["REJECT"]


def test_a_refused_conflictual_act_stays_negated() -> None:
    assert coded("Norway declined to accuse Sweden.") == [
        ("REJECT", "declined to", "ASSERTED"),
        ("ACCUSE", "accuse", "NEGATED"),
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Maria Diaz said she would not resign.", "resign"),
        ("Sweden will not withdraw its troops from Mali.", "withdraw"),
    ],
)
def test_declining_to_yield_is_a_rejection(text: str, trigger: str) -> None:
    assert coded(text) == [("REJECT", trigger, "ASSERTED")]


def test_a_negated_noun_refuses_nothing() -> None:
    text = "Maria Diaz would not comment on the resignation of Peru's ambassador to Chile."
    assert "REJECT" not in kinds(text)


# -- an event needs an actor --------------------------------------------------------------------


def test_an_act_without_an_actor_is_no_event() -> None:
    assert coded("Twenty people were injured on Monday.") == []


def test_a_crowd_protests_without_a_name() -> None:
    assert kinds("Some 5,000 workers stopped work on Monday.") == ["PROTEST"]


def test_anonymous_kinds_are_rule_data() -> None:
    rules = EventRules.shipped().extend({"kinds": {"PROTEST": {"anonymous": False}}})
    parser = newsmodel.Parser(events=EventFinder(rules))
    assert coded("Some 5,000 workers stopped work on Monday.", parser) == []


# -- trigger words that name no act -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capacity
        ("Canada defended the right of Danish troops to fire on the rebels.", ["SUPPORT"]),
        ("Chile defended the rights of Peruvians to demonstrate.", ["SUPPORT"]),
        # not yet real
        ("Rebels denounced the planned deployment of Chinese troops.", ["ACCUSE"]),
        ("Chile canceled a meeting with Peru.", []),
        # a demand satisfied
        ("Chile rejected the vote until Peru's demands were met.", ["REJECT"]),
        # a noun modifying another
        ("Chile expelled the Peruvian truce monitors.", ["SANCTION"]),
        # a purpose
        ("Chile hosted Peru for a summit aimed at establishing closer ties.", ["CONSULT"]),
        # the condition of a threat
        ("Peru will boycott the vote unless the president agrees to step down.", ["THREATEN"]),
        # the demand of a protest
        (
            "Thousands of Chileans demonstrated in Santiago, calling for the release of Ana Lopez.",
            ["PROTEST"],
        ),
    ],
)
def test_words_that_name_no_act(text: str, expected: list[str]) -> None:
    assert kinds(text) == expected


def test_a_purpose_clause_takes_every_act_in_it() -> None:
    text = "Chile backed a resolution that aims to tighten sanctions and impose a blockade on Peru."
    assert "SANCTION" not in kinds(text) and "COERCE" not in kinds(text)


def test_without_the_purpose_the_acts_are_coded() -> None:
    assert {"SANCTION", "COERCE"} <= set(kinds("Chile tightened sanctions and imposed a blockade on Peru."))


def test_a_demand_in_reported_speech_asks_for_an_act() -> None:
    assert kinds("Maria Diaz said Peru should release the sailors.") == ["REQUEST"]
    assert kinds("Maria Diaz said Peru should be aware of the danger.") == []
    assert kinds("Chile said Peru should not expect a better deal.") == []


def test_a_passive_announces_no_intent() -> None:
    assert coded("Peru said the sailors will be detained by Chile.") == [("COERCE", "detained", "FUTURE")]


# -- strike -------------------------------------------------------------------------------------


def test_a_note_struck_is_no_assault() -> None:
    assert kinds("The minister's speech struck a conciliatory note with Peru.") == []
    assert kinds("Rebels struck Chile on Monday.") == ["ASSAULT"]


def test_an_accord_struck_is_an_agreement() -> None:
    text = "Under an accord struck on Monday between Chile and Peru, the border reopened."
    assert coded(text) == [("AGREE", "accord struck", "ASSERTED")]


# -- one act ------------------------------------------------------------------------------------


def test_a_relative_clause_on_a_later_mention_is_that_act() -> None:
    text = "Rebels attacked Chile on Monday. Chile blamed Peru for Monday's attack, which killed 30 people."
    a = PARSER.parse(text)
    assault = [e for e in a.events if e.kind.name == "ASSAULT"]
    assert len(assault) == 1
    assert [m.text for m in assault[0].mentions] == ["attack", "killed"]


# -- peacekeeping -------------------------------------------------------------------------------


def test_peacekeepers_deployed_are_aid() -> None:
    assert kinds("Japan deployed peacekeepers in South Sudan.") == ["AID"]
    assert kinds("Japan deployed troops to the border with China.") == ["MOBILIZE"]


# -- what an act is for -------------------------------------------------------------------------


def test_a_purpose_infinitive_is_what_the_act_is_for() -> None:
    text = "Farmers in Peru said they would blockade Lima to demand an end to the reform."
    assert kinds(text) == ["THREATEN"]
    assert kinds("Chile will visit Peru and Bolivia to mediate in the dispute.") == ["AGREE"]


def test_coordinated_verbs_are_no_purpose() -> None:
    assert kinds("Chile attacked Peru and tried to seize the port.") == ["ASSAULT", "COERCE"]


def test_a_demand_in_reported_speech_takes_what_it_demands() -> None:
    got = coded("The rebels in Peru must reach an agreement with Chile, Maria Diaz said.")
    assert got == [("REQUEST", "must", "ASSERTED")]


def test_a_verb_between_takes_the_infinitive() -> None:
    text = "Britain's plans to withdraw from the European Union prompted Washington to demand better terms."
    assert "REQUEST" in kinds(text)
