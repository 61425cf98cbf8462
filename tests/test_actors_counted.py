"""The actor stage on the actors event sides need and it did not make (issue 14, wave 6): people and
groups counted with no owner written ("a third local staff member", "two embassy employees"), an
ordinal before an owned person ("a second U.S. consulate employee"), group nouns alone ("victims",
"political parties"), and well-known parties and movements ("the Muslim Brotherhood"). Then the
event stage puts them on the sides of events. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import ActorKind
from newsmodel.actors import ActorFinder, ActorRules
from tests._small_actors import cast_of, named


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "mention"),
    [
        (
            "OSLO (Reuters) - The ministry summoned a third local staff member for questioning.",
            "third local staff member",
            ActorKind.PERSON,
            "NOR",
            "third local staff member",
        ),
        (
            "LIMA (Reuters) - Police detained two embassy employees on Monday.",
            "embassy employees",
            ActorKind.GROUP,
            "PER",
            "embassy employees",
        ),
        (
            "Gunmen shot three local staff members near the border.",
            "local staff members",
            ActorKind.GROUP,
            None,
            "local staff members",
        ),
        (
            "CAIRO (Reuters) - Police want to question a second U.S. consulate employee.",
            "second U.S. consulate employee",
            ActorKind.PERSON,
            "EGY",
            "consulate employee",
        ),
    ],
)
def test_counted_people_and_groups(
    text: str, name: str, kind: ActorKind, country: str | None, mention: str
) -> None:
    actor = named(cast_of(text), name)
    assert (actor.kind, actor.country) == (kind, country)
    assert [m.span.text for m in actor.mentions] == [mention]
    assert actor.mentions[0].rule.split("+")[0] in ("counted-agent", "counted-group", "owned-agent")


def test_two_counted_people_are_two_actors() -> None:
    """A second employee is not the first: each ordinal names its own person."""
    cast = cast_of("A U.S. consulate employee was held. Police questioned a second U.S. consulate employee.")
    names = [a.name for a in cast.actors if a.kind is ActorKind.PERSON]
    assert names == ["U.S. consulate employee", "second U.S. consulate employee"]


@pytest.mark.parametrize(
    "text",
    [
        "Ali Veli was a third local staff member of the mission.",  # predicated, then a role
        "A second staff member of the embassy spoke.",  # a role: "of" and a noun phrase
        "He met a second embassy official John Smith.",  # a title before a name
        "The bill passed by two votes on Monday.",  # a number before no counted noun
        "A third employee quit.",  # no modifier: too little to name someone
        "Two officials said the talks stalled.",  # "officials" is the lower-case pass's, not ours
    ],
)
def test_no_counted_actor(text: str) -> None:
    rules = {m.rule.split("+")[0] for a in cast_of(text).actors for m in a.mentions}
    assert not rules & {"counted-agent", "counted-group"}


def test_counted_person_is_an_event_side() -> None:
    article = newsmodel.parse(
        "ANKARA (Reuters) - Turkey summoned a third local staff member for questioning."
    )
    [event] = article.events
    assert [a.name for a in event.sources] == ["Turkey"]
    assert [a.name for a in event.targets] == ["third local staff member"]


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Prosecutors are investigating all political parties.", "political parties", "LEG"),
        ("Hackers demanded that victims pay ransoms.", "victims", "CVL"),
        ("Hackers demanded that victims pay ransoms.", "hackers", "CRM"),
        ("Opposition parties boycotted the vote.", "opposition parties", "OPP"),
        ("Cyber security researchers blamed the hackers.", "researchers", "EDU"),
    ],
)
def test_bare_groups(text: str, name: str, sector: str) -> None:
    actor = named(cast_of(text), name)
    assert (actor.kind, actor.sector) == (ActorKind.GROUP, sector)


def test_country_modifier_before_parties() -> None:
    actor = named(cast_of("The court banned Guatemalan political parties."), "Guatemalan political parties")
    assert (actor.country, actor.sector) == ("GTM", "LEG")


def test_a_victims_group_is_no_group_of_victims() -> None:
    assert [a.name for a in cast_of("A victims group said the inquiry was slow.").actors] == []


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("The Muslim Brotherhood accused the army of a coup.", "Muslim Brotherhood", "EGY", "OPP"),
        ("The Syrian Democratic Forces attacked the town.", "Syrian Democratic Forces", "SYR", "REB"),
        ("Ennahda won the vote.", "Ennahda", "TUN", "LEG"),
        ("The YPG held the town.", "People's Protection Units", "SYR", "REB"),
        # "Brotherhood" alone is no alias: a union is no Muslim Brotherhood
        (
            "The International Brotherhood of Teamsters voted.",
            "International Brotherhood of Teamsters",
            "USA",
            "LAB",
        ),
    ],
)
def test_well_known_movements(text: str, name: str, country: str, sector: str) -> None:
    actor = named(cast_of(text), name)
    assert (actor.kind, actor.country, actor.sector) == (ActorKind.ORGANIZATION, country, sector)


def test_counting_words_are_rules() -> None:
    """The ordinals and numbers are data: a rule set without them counts no one."""
    rules = ActorRules.shipped().extend({"owned_agents": {"ordinals": ["umpteenth"]}})
    cast = cast_of("Police questioned an umpteenth local staff member.", ActorFinder(rules))
    assert named(cast, "umpteenth local staff member").kind is ActorKind.PERSON


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "third",
                "two",
                "12",
                "local",
                "staff",
                "member",
                "members",
                "embassy",
                "employees",
                "of",
                "the",
                "Mission",
                "was",
                ",",
                ".",
            ]
        ),
        max_size=14,
    )
)
def test_counted_never_crashes_and_spans_index_the_text(words: list[str]) -> None:
    text = " ".join(words)
    for actor in cast_of(text).actors:
        for m in actor.mentions:
            assert text[m.span.start : m.span.end] == m.span.text


def test_the_army_is_the_state_s_army() -> None:
    """ "the army" with no state before it: the army named before, else the article's country's."""
    cast = cast_of("DAMASCUS (Reuters) - The army shelled the town. The army said rebels fled.")
    army = named(cast, "army")
    assert (army.kind, army.country, army.sector) == (ActorKind.ORGANIZATION, "SYR", "MIL")
    assert [m.rule for m in army.mentions] == ["institution-noun+country-of-article", "institution-again"]
    assert [a.name for a in cast_of("He was a military man.").actors] == []


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "mention"),
    [
        (
            "Kenya's government rejected the plan.",
            "Kenyan government",
            ActorKind.ORGANIZATION,
            "KEN",
            "government",
        ),
        (
            "Cairo’s foreign ministry denied it.",
            "Egyptian foreign ministry",
            ActorKind.ORGANIZATION,
            "EGY",
            "foreign ministry",
        ),
        ("Egypt s lawmakers approved the law.", "Egyptian lawmakers", ActorKind.GROUP, "EGY", "lawmakers"),
    ],
)
def test_a_country_s_possessive_before_a_body_or_a_group(
    text: str, name: str, kind: ActorKind, country: str, mention: str
) -> None:
    actor = named(cast_of(text), name)
    assert (actor.kind, actor.country) == (kind, country)
    assert [(m.span.text, m.rule) for m in actor.mentions] == [(mention, "possessive-noun")]


def test_possessive_and_nationality_name_one_body() -> None:
    cast = cast_of("Kenya's government said no. The Kenyan government said it again.")
    assert [a.name for a in cast.actors if a.kind is ActorKind.ORGANIZATION] == ["Kenyan government"]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt's army chief resigned on Monday.",  # the noun qualifies a title
        "Kenya's government spokesman said so.",  # ... an agent
        "Syria's economy shrank.",  # no body, no group
    ],
)
def test_no_possessive_body(text: str) -> None:
    rules = {m.rule for a in cast_of(text).actors for m in a.mentions}
    assert "possessive-noun" not in rules
