"""The actor stage on owned people and groups (issue 14: actors the event stage needs): a person or
a group named by what it is after its owner, a country, a nationality or an armed group, across
modifiers ("a U.S. consulate worker", "three U.S. Republican senators", "Egyptian NGOs"); and an
unknown name before an armed group's head noun ("the Haqqani network"). Then the event stage
puts them on the sides of events. Sentences written for these tests."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import ActorKind, MentionKind
from newsmodel.actors import ActorFinder, ActorRules
from newsmodel.errors import RuleError
from tests._small_actors import cast_of, named


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "sector", "mention"),
    [
        (
            "A U.S. official said the talks in Geneva had stalled.",
            "U.S. official",
            ActorKind.PERSON,
            "USA",
            "GOV",
            "official",
        ),
        (
            "Three U.S. Republican senators wrote to the minister on Friday.",
            "U.S. Republican senators",
            ActorKind.GROUP,
            "USA",
            "LEG",
            "Republican senators",
        ),
        (
            "The new law restricts Egyptian NGOs to social work.",
            "Egyptian NGOs",
            ActorKind.GROUP,
            "EGY",
            "NGO",
            "Egyptian NGOs",
        ),
        (
            "An Afghan Taliban member said the prisoners were well.",
            "Afghan Taliban member",
            ActorKind.PERSON,
            "AFG",
            "REB",
            "member",
        ),
        (
            "Another Taliban source said the talks were over.",
            "Taliban source",
            ActorKind.PERSON,
            "AFG",
            "REB",
            "source",
        ),
        (
            "A Brazilian embassy official said the visa would be issued.",
            "Brazilian embassy official",
            ActorKind.PERSON,
            "BRA",
            "GOV",
            "Brazilian embassy official",
        ),
    ],
)
def test_owned_person_or_group(
    text: str, name: str, kind: ActorKind, country: str, sector: str, mention: str
) -> None:
    actor = named(cast_of(text), name)
    assert (actor.kind, actor.country, actor.sector) == (kind, country, sector)
    assert [m.span.text for m in actor.mentions] == [mention]
    assert {m.rule for m in actor.mentions} <= {"owned-agent", "owned-group"}


def test_people_of_a_body() -> None:
    """A body's person takes the body's sector ("a U.N. official": IGO); its people are a group
    only where the noun is a group alone ("NATO troops"), not "EU leaders"."""
    cast = cast_of("A U.N. official said NATO troops and EU leaders had met.")
    official = named(cast, "U.N. official")
    assert (official.kind, official.country, official.sector) == (ActorKind.PERSON, None, "IGO")
    troops = named(cast, "NATO troops")
    assert (troops.kind, troops.sector) == (ActorKind.GROUP, "IGO")
    assert "EU leaders" not in [a.name for a in cast.actors]


def test_the_owner_keeps_its_own_name() -> None:
    """The country stays named ("U.S." is a mention of the United States); the worker is the words
    after it, so the head of the phrase names the worker."""
    cast = cast_of("Police in Ankara detained a U.S. consulate worker on Monday.")
    usa = named(cast, "United States")
    assert [(m.span.text, m.kind) for m in usa.mentions] == [("U.S.", MentionKind.NAME)]
    worker = named(cast, "U.S. consulate worker")
    assert worker.kind is ActorKind.PERSON
    assert [m.span.text for m in worker.mentions] == ["consulate worker"]


def test_staff_of_a_body_abroad_are_of_the_host_country() -> None:
    """Workers and staff of an embassy or consulate are hired where it serves; its officials are
    the owner's."""
    cast = cast_of(
        "ANKARA (Reuters) - Turkey detained a U.S. consulate worker and two local U.S. embassy "
        "staff members. A U.S. embassy official said they were innocent."
    )
    assert named(cast, "U.S. consulate worker").country == "TUR"
    staff = named(cast, "local U.S. embassy staff members")
    assert (staff.kind, staff.country) == (ActorKind.GROUP, "TUR")
    assert named(cast, "U.S. embassy official").country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. envoy Jon Hartfield met the rebels.",  # a title before a name
        "U.S. consulate worker visas were suspended.",  # no determiner: a description
        "An Afghan member of the Taliban said the talks were over.",  # the role reader's
        "Nizar Zakka, a Lebanese citizen, was detained by Iran.",  # apposition to a name
        "Meanwhile a top Zorblax Guards commander, Qassem Soleimani, phoned the rebels.",
        "Zakka is a U.S. citizen and was detained.",  # predicated
    ],
)
def test_no_owned_person(text: str) -> None:
    assert not [a for a in cast_of(text).actors if any(m.rule == "owned-agent" for m in a.mentions)]


def test_plurals_the_lower_case_pass_reads_are_left_to_it() -> None:
    cast = cast_of("U.S. officials and Afghan rebel leaders met in Doha.")
    rules = {a.name: {m.rule for m in a.mentions} for a in cast.actors}
    assert rules["U.S. officials"] == {"country-noun"}
    assert rules["Afghan rebel leaders"] == {"demonym-noun"}


def test_unknown_name_before_an_armed_groups_head() -> None:
    cast = cast_of("The couple was kidnapped by the Zarquni network in 2012.")
    network = named(cast, "Zarquni")
    assert (network.kind, network.sector) == (ActorKind.GROUP, "REB")
    assert network.mentions[0].rule.startswith("org-head")


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Turkish police arrested a U.S. consulate worker on Monday.",
            "COERCE",
            "Turkish police",
            "U.S. consulate worker",
        ),
        ("Turkey arrested U.S. officials on Monday.", "COERCE", "Turkey", "U.S. officials"),
        ("The couple was kidnapped by the Zarquni network in 2012.", "ASSAULT", "Zarquni", None),
        ("Egyptian NGOs criticized the new law.", "ACCUSE", "Egyptian NGOs", None),
        ("NATO troops arrested two Taliban commanders.", "COERCE", "NATO troops", "Taliban commanders"),
    ],
)
def test_events_take_the_owned_actor(text: str, kind: str, source: str, target: str | None) -> None:
    """The head of "a U.S. consulate worker" is the worker, not the United States."""
    (event,) = [e for e in newsmodel.parse(text).events if e.kind.name == kind]
    assert [a.name for a in event.sources] == [source]
    if target is not None:
        assert [a.name for a in event.targets] == [target]


def test_own_rules_add_nouns() -> None:
    rules = ActorRules.shipped().extend({"owned_agents": {"people": {"MED": ["blogger"]}}})
    cast = cast_of("A Syrian blogger said the town was shelled.", ActorFinder(rules))
    blogger = named(cast, "Syrian blogger")
    assert (blogger.kind, blogger.country, blogger.sector) == (ActorKind.PERSON, "SYR", "MED")
    assert not [a for a in cast_of("A Syrian blogger said so.").actors if a.name == "Syrian blogger"]


def test_unknown_sector_is_a_rule_error() -> None:
    rules = ActorRules.shipped().extend({"owned_agents": {"people": {"XYZ": ["blogger"]}}})
    with pytest.raises(RuleError, match="owned_agents"):
        ActorFinder(rules)


_WORDS = st.sampled_from(
    [
        "a",
        "the",
        "U.S.",
        "Egyptian",
        "Taliban",
        "consulate",
        "embassy",
        "local",
        "worker",
        "staff",
        "members",
        "senators",
        "Republican",
        "NGOs",
        "official",
        "Jon",
        "Hartfield",
        "said",
        ",",
        ".",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=14).map(" ".join))
def test_owned_mentions_index_the_text_and_never_overlap(text: str) -> None:
    cast = cast_of(text)
    spans = sorted((m.span.start, m.span.end) for a in cast.actors for m in a.mentions)
    for a in cast.actors:
        for m in a.mentions:
            assert text[m.span.start : m.span.end] == m.span.text
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
    assert cast_of(text).actors == cast.actors


def test_officials_with_a_cue() -> None:
    """ "officials" is an actor with a sector-giving modifier or a speech verb, not alone; a group
    led by "government" is of the article's country; a name's capitals are no modifiers."""
    cast = cast_of(
        "LIMA (Reuters) - Two government officials told Reuters the talks failed. Officials "
        "visited the camp. Foreign Ministry officials were quoted as saying so."
    )
    group = named(cast, "government officials")
    assert (group.kind, group.country, group.sector) == (ActorKind.GROUP, "PER", "GOV")
    assert "officials" not in [a.name for a in cast.actors]
    assert named(cast, "Foreign Ministry").kind is ActorKind.ORGANIZATION
    assert named(cast_of("Officials said the plant was closed."), "officials").sector == "GOV"


def test_nations_after_a_nationality() -> None:
    cast = cast_of("Arab nations should impose sanctions, but the two countries disagreed.")
    nations = named(cast, "Arab nations")
    assert (nations.kind, nations.sector) == (ActorKind.GROUP, "GOV")
    assert [a.name for a in cast.actors] == ["Arab nations"]
