"""The actor stage on agents, groups and kinds (issue 13, items 3 and 4): the people who act for
another actor, groups named by their modifiers, organisations named by a lower-case head or an
acronym, and names that are not people. Sentences written for these tests."""

from __future__ import annotations

import itertools

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import ActorKind, MentionKind
from newsmodel.pipeline import Cast
from tests._small_actors import cast_of, named


def names(cast: Cast) -> list[str]:
    return [a.name for a in cast.actors]


# -- agents: people and groups who act for another actor ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "sector"),
    [
        (
            "An aide to French President Jacques Morlain said the talks would resume.",
            "aide to Jacques Morlain",
            ActorKind.PERSON,
            "FRA",
            "GOV",
        ),
        (
            "The spokeswoman for Prime Minister Edna Valcourt of Canada declined to comment.",
            "spokeswoman for Edna Valcourt",
            ActorKind.PERSON,
            "CAN",
            "GOV",
        ),
        (
            "Lawyers for Zorvan Kelmeth appealed the ruling on Monday.",
            "lawyers for Zorvan Kelmeth",
            ActorKind.GROUP,
            None,
            None,
        ),
        (
            "Zorvan Kelmeth's lawyers appealed the ruling on Monday.",
            "lawyers for Zorvan Kelmeth",
            ActorKind.GROUP,
            None,
            None,
        ),
        (
            "A spokesman for Zorland Airways said flights would resume.",
            "spokesman for Zorland Airways",
            ActorKind.PERSON,
            None,
            "BUS",
        ),
    ],
)
def test_agent_of_an_actor(
    text: str, name: str, kind: ActorKind, country: str | None, sector: str | None
) -> None:
    agent = named(cast_of(text), name)
    assert (agent.kind, agent.country, agent.sector) == (kind, country, sector)
    assert [m.kind for m in agent.mentions][:1] == [MentionKind.NOMINAL]
    assert agent.mentions[0].rule == "agent-of"
    assert agent.mentions[0].span.text.lower() == name.split()[0]


def test_agent_of_a_body_named_in_lower_case_is_of_the_article_country() -> None:
    cast = cast_of(
        "Prosecutors in Hungary charged the lawmaker on Wednesday, a spokeswoman for the "
        "prosecutor's office said."
    )
    agent = named(cast, "spokeswoman for the prosecutor's office")
    assert (agent.kind, agent.country) == (ActorKind.PERSON, "HUN")
    assert agent.mentions[0].rule == "agent-of+country-of-article"


@pytest.mark.parametrize(
    "text",
    [
        # A person named right after the noun: the noun is the person's title.
        "Ministry spokesman Ahmed Zorvali said the decision was final.",
        # An apposition describes the person named before it.
        "Hem Zorvath, a lawyer for Zorvan Kelmeth, told the court the trial was unfair.",
        "Nhial Zorvath, a senior adviser to President Zorvan Kelmeth, said no.",
        "Hisyam Zorvath, Zorvan Kelmeth's lawyer, told the court the trial was unfair.",
        # Predicated of someone, not an actor of its own.
        "We do not see him as a representative of the United States.",
        "Sean Zorvath was the Zorland Council's spokesman until May.",
        # Part of a title.
        "Zorland's attorney general opened an inquiry.",
    ],
)
def test_agent_noun_that_is_no_actor(text: str) -> None:
    assert not [a for a in cast_of(text).actors if a.mentions[0].rule == "agent-of"]


def test_agent_can_be_the_antecedent_of_a_pronoun() -> None:
    cast = cast_of("A spokeswoman for Zorland Airways said she expected flights to resume.")
    agent = named(cast, "spokeswoman for Zorland Airways")
    assert [m.span.text for m in agent.mentions] == ["spokeswoman", "she"]


# -- groups -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        (
            "Government and militant sources said five people were killed.",
            "government and militant sources",
            None,
            None,
        ),
        ("Security sources said the attack had been foiled.", "security sources", None, None),
        ("Sources said the deal was off.", "sources", None, None),
        ("Armed groups attacked the village overnight.", "armed groups", None, "REB"),
        ("Taliban sources said the man was a commander.", "Taliban sources", "AFG", "REB"),
    ],
)
def test_groups_with_their_modifiers(text: str, name: str, country: str | None, sector: str | None) -> None:
    group = named(cast_of(text), name)
    assert (group.kind, group.country, group.sector) == (ActorKind.GROUP, country, sector)


@pytest.mark.parametrize(
    "text",
    [
        "Oil is one of the sources of income for the region.",
        "Kisumu is an opposition stronghold.",
        "The nationalist opposition Zorblax party said it would appeal.",
    ],
)
def test_cued_group_nouns_that_are_no_actor(text: str) -> None:
    assert not [a for a in cast_of(text).actors if a.kind is ActorKind.GROUP]


def test_the_opposition_speaking_is_a_group_of_the_country_where_it_speaks() -> None:
    cast = cast_of(
        "Protests spread across Kenya on Monday, and the opposition said it would boycott the vote."
    )
    group = named(cast, "opposition")
    assert (group.kind, group.country, group.sector) == (ActorKind.GROUP, "KEN", "OPP")


def test_an_armed_groups_fighters_are_the_group() -> None:
    cast = cast_of("The Taliban said on Monday that Taliban fighters had taken the town.")
    taliban = named(cast, "Taliban")
    assert [m.span.text for m in taliban.mentions] == ["Taliban", "Taliban", "fighters"]
    assert "Taliban fighters" not in names(cast)


def test_a_group_noun_qualifying_a_role_is_no_group() -> None:
    cast = cast_of("Opposition leader Zorvan Kelmeth rejected the result.")
    assert [a.kind for a in cast.actors] == [ActorKind.PERSON]


# -- organisations: a lower-case head, an acronym of a name, an abbreviation before a hyphen ----


def test_unknown_name_before_party_is_an_organisation_of_the_article_country() -> None:
    cast = cast_of(
        "In Hungary, the nationalist Zorblax party won seats. Zorblax said it would join the government."
    )
    party = named(cast, "Zorblax")
    assert (party.kind, party.country) == (ActorKind.ORGANIZATION, "HUN")
    assert [m.span.text for m in party.mentions if m.kind is MentionKind.NAME] == ["Zorblax", "Zorblax"]
    assert party.mentions[0].rule.startswith("org-head")


def test_acronym_of_a_name_given_before_is_that_organisation() -> None:
    cast = cast_of("The Zorland Civil Liberties Union sued on Monday. The ZCLU said it would win.")
    union = named(cast, "Zorland Civil Liberties Union")
    assert [m.span.text for m in union.mentions] == ["Zorland Civil Liberties Union", "ZCLU", "it"]
    assert union.mentions[1].rule == "acronym-of-name"
    assert "ZCLU" not in names(cast)


def test_abbreviation_before_a_hyphen_keeps_its_period_for_the_lookup() -> None:
    cast = cast_of("A U.N-backed panel met on Monday.")
    un = named(cast, "United Nations")
    assert [m.span.text for m in un.mentions] == ["U.N"]


def test_body_of_a_person_or_an_organisation_is_an_organisation_of_the_owners_country() -> None:
    cast = cast_of("President Zorvan Kelmeth of Canada spoke. The Kelmeth administration said it would act.")
    body = named(cast, "Kelmeth administration")
    assert (body.kind, body.country, body.sector) == (ActorKind.ORGANIZATION, "CAN", "GOV")
    assert [(m.span.text, m.rule) for m in body.mentions] == [
        ("administration", "owner-noun"),
        ("it", "pronoun-it"),
    ]
    delegation = named(
        cast_of("A Zorland Airways delegation arrived on Tuesday."), "Zorland Airways delegation"
    )
    assert delegation.kind is ActorKind.ORGANIZATION


def test_a_media_outlets_own_channel_is_the_outlet() -> None:
    cast = cast_of("He told BBC radio on Friday that talks would resume.")
    assert names(cast) == ["BBC"]
    assert [m.span.text for m in named(cast, "BBC").mentions] == ["BBC", "radio"]


def test_a_people_named_after_a_civilian_group_of_its_country_is_that_group() -> None:
    cast = cast_of(
        "A judge halted the deportation of Iraqi nationals on Monday. Lawyers said the Iraqis "
        "faced torture, and Syrian rebels said Iraqi Kurds would be at risk."
    )
    group = named(cast, "Iraqi nationals")
    assert [m.span.text for m in group.mentions] == ["Iraqi nationals", "Iraqis"]
    assert "Iraqis" not in names(cast)
    assert named(cast, "Iraqi Kurds").kind is ActorKind.GROUP  # a people with a name of its own
    assert named(cast, "Syrian rebels").sector == "REB"  # a group of another sector stays apart


def test_common_capitalised_abbreviations_are_no_organisation() -> None:
    assert names(cast_of("The bank said its IT systems and its CEO were not to blame.")) == []


# -- people with evidence: a person of a company, a person before a country's title ---------------


def test_a_person_of_a_company_is_two_actors() -> None:
    cast = cast_of('"Demand is weak," said Bill Zorvath of Quelton Witter Reynolds Inc.')
    person = named(cast, "Bill Zorvath")
    firm = named(cast, "Quelton Witter Reynolds Inc.")
    assert (person.kind, person.sector) == (ActorKind.PERSON, "BUS")
    assert (firm.kind, firm.sector) == (ActorKind.ORGANIZATION, "BUS")


def test_a_firm_named_with_of_stays_one_organisation() -> None:
    cast = cast_of("Shares of Bank of Zorland Corp rose on Monday.")
    assert names(cast) == ["Bank of Zorland Corp"]


def test_a_name_before_a_countrys_possessive_title_is_a_person_and_the_portfolio_no_one() -> None:
    cast = cast_of(
        "Talal Zorvath, Pakistan's Minister of State for Interior Affairs, told Reuters the talks failed."
    )
    person = named(cast, "Talal Zorvath")
    assert (person.kind, person.country) == (ActorKind.PERSON, "PAK")
    assert "Interior Affairs" not in names(cast)
    assert all(a.kind is not ActorKind.LOCATION for a in cast.actors)


def test_a_name_after_a_title_and_its_portfolio_is_the_titled_person() -> None:
    cast = cast_of("Minister of Foreign Affairs Ali Zorvath said the talks had failed.")
    assert names(cast) == ["Ali Zorvath"]
    assert named(cast, "Ali Zorvath").sector == "GOV"


def test_a_party_named_like_a_known_one_does_not_take_its_country() -> None:
    cast = cast_of("TOKYO (Reuters) - The Liberal Democratic Party won the election in Japan on Sunday.")
    assert named(cast, "Liberal Democratic Party").country == "JPN"


# -- properties -------------------------------------------------------------------------------------

_ISO = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}
# Words that set off this module's rules, in any order.
_WORDS = st.sampled_from(
    [
        "A", "an", "the", "spokesman", "spokeswoman", "lawyers", "aide", "for", "to", "of", "'s", "’s",
        "s", "President", "Zorvan", "Kelmeth", "Bill", "Sullivan", "Dean", "Witter", "Inc.", "said",
        ",", ".", "party", "Jobbik", "ruling", "administration", "delegation", "radio", "BBC",
        "sources", "government", "and", "militant", "Security", "opposition", "Taliban", "fighters",
        "Kenyan", "Iraqi", "nationals", "Iraqis", "Zorland", "Civil", "Liberties", "Union", "ZCLU",
        "U.N-backed", "Minister", "State", "Interior", "Affairs", "Pakistan", "prosecutor", "office",
        "as", "was", "Hungary", "Canada", "armed", "groups",
    ]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_property_countries_are_iso_and_mentions_well_formed(words: list[str]) -> None:
    text = " ".join(words)
    cast = cast_of(text)
    spans = []
    for actor in cast.actors:
        assert actor.country is None or actor.country in _ISO, actor
        assert actor.mentions
        for m in actor.mentions:
            assert text[m.span.start : m.span.end] == m.span.text
            spans.append((m.span.start, m.span.end))
    spans.sort()
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans)), "mentions overlap"
    assert cast_of(text).actors == cast.actors  # deterministic


def test_a_nationality_and_a_plural_agent_noun_of_the_dictionary_make_a_group() -> None:
    cast = cast_of("Congolese peasants fled the fighting, and Egyptian scientists protested.")
    peasants = named(cast, "Congolese peasants")
    assert (peasants.kind, peasants.country, peasants.sector) == (ActorKind.GROUP, "COD", "AGR")
    assert peasants.mentions[0].rule == "demonym-agent"
    assert named(cast, "Egyptian scientists").sector == "CVL"
    # The singular is one person, unnamed: the nationality stands for its country.
    assert names(cast_of("An Egyptian scientist protested.")) == ["Egypt"]


def test_a_common_word_before_a_possessive_is_the_person_of_that_name() -> None:
    cast = cast_of("Prime Minister Theresa May spoke. But May's spokeswoman played down the incident.")
    may = named(cast, "Theresa May")
    assert [m.span.text for m in may.mentions] == ["Theresa May", "May"]
    assert named(cast, "spokeswoman for Theresa May").country == "GBR"
    assert names(cast_of("May's elections were delayed.")) == []  # no one of that name: a month


def test_a_sentence_opening_verb_or_adverb_is_no_part_of_a_name() -> None:
    cast = cast_of(
        "Defense Secretary Jim Zorvath spoke. Unlike Zorvath, he said. Putting Kelmeth in charge was a mistake."
    )
    assert names(cast) == ["Jim Zorvath"]
    assert [m.span.text for m in named(cast, "Jim Zorvath").mentions][:2] == ["Jim Zorvath", "Zorvath"]


def test_capitalised_words_qualifying_a_group_noun_are_no_person() -> None:
    cast = cast_of("Senior House Zorbic lawmakers wrote to the president on Monday.")
    assert all(a.kind is not ActorKind.PERSON for a in cast.actors)


def test_a_countrys_group_is_named_as_first_written_and_is_one_actor() -> None:
    cast = cast_of("U.S. officials said the U.S. embassy would close. United States officials agreed.")
    officials = named(cast, "U.S. officials")
    assert (officials.kind, officials.country) == (ActorKind.GROUP, "USA")
    assert [m.span.text for m in officials.mentions] == ["officials", "officials"]
    assert named(cast, "U.S. embassy").kind is ActorKind.ORGANIZATION


def test_a_group_or_body_named_after_its_country_or_owner_many_times_is_one_actor_as_written() -> None:
    # The written form comes from an index of mention ends (linear), not a scan per noun.
    cast = cast_of(
        "President Zorvan Kelmeth of Canada spoke. " + "U.S. officials met the Kelmeth administration. " * 50
    )
    officials = named(cast, "U.S. officials")
    assert (officials.country, len(officials.mentions)) == ("USA", 50)
    assert {m.span.text for m in officials.mentions} == {"officials"}
    body = named(cast, "Kelmeth administration")
    assert (body.kind, body.country, len(body.mentions)) == (ActorKind.ORGANIZATION, "CAN", 50)
    assert len(named(cast, "United States").mentions) == 50


def test_a_bare_group_noun_after_a_determiner_of_singulars_qualifies_the_next_noun() -> None:
    cast = cast_of("A crowd tried to storm a police station, and every rebel attack failed. Police said so.")
    police = named(cast, "police")
    assert [m.span.text for m in police.mentions] == ["Police"]


def test_an_unknown_name_before_a_lower_case_institution_head_is_an_organisation() -> None:
    cast = cast_of("NAIROBI (Reuters) - The Zorvath Kelmeth hospital in Kisumu treated 20 people on Monday.")
    hospital = named(cast, "Zorvath Kelmeth")
    assert (hospital.kind, hospital.country, hospital.sector) == (ActorKind.ORGANIZATION, "KEN", "HLH")


def test_a_country_named_only_as_where_things_happen_is_a_location_of_that_country() -> None:
    cast = cast_of("Fighting in Syria continued on Monday. Russia said it would help Iran.")
    syria = named(cast, "Syria")
    assert (syria.kind, syria.country) == (ActorKind.LOCATION, "SYR")
    assert syria.mentions[0].rule == "country-name+country-as-place"
    assert named(cast, "Russia").kind is ActorKind.COUNTRY  # acting
    assert named(cast, "Iran").kind is ActorKind.COUNTRY  # acted upon
    both = cast_of("Fighting in Syria continued. Syria said it would talk.")
    assert named(both, "Syria").kind is ActorKind.COUNTRY
