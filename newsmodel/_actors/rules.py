"""The actor stage's rule set: the four shipped files structured into typed attrs classes.

:class:`ActorRules` is plain, comparable data (what the TOML files say, with their types); what the
stage indexes at run time is compiled from it by :func:`newsmodel._actors.tables.compile_tables`.
Codes that need the outside world to check (ISO 3166-1 country codes, sector codes, kinds) are
checked there, with errors naming the file and the key path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, NewType

import attrs
from cattrs.gen import make_dict_structure_fn

from ..rules._schema import CONVERTER, Example, RuleSet, merge

__all__ = [
    "ActorRules",
    "Agents",
    "FirstNames",
    "FunctionWords",
    "Leader",
    "Organization",
    "OwnedAgents",
    "Pronouns",
    "TitleGender",
]

Word = NewType("Word", str)
"""A word or phrase of a list or a key of a table: a string that is not blank."""
Words = tuple[Word, ...]
Table = dict[Word, str]
Lists = dict[str, Words]


@attrs.frozen
class Organization:
    """A known organisation: ``"Acme" = "USA"`` (its country) or a table of these fields."""

    country: str = ""
    aliases: Words = ()
    sector: str | None = None  # None: the sector of the table it is listed in
    kind: str = "ORGANIZATION"  # an ActorKind name


@attrs.frozen
class Leader:
    """A well-known person (``actors_leaders.toml``)."""

    country: str = ""
    role: str = ""
    sector: str = "GOV"
    aliases: Words = ()
    surname: bool = False


@attrs.frozen
class FirstNames:
    """First names by the gender they usually carry (``actors_people.toml``)."""

    male: Words = ()
    female: Words = ()
    either: Words = ()


@attrs.frozen
class TitleGender:
    """Titles and descriptions that tell a person's gender."""

    male: Words = ()
    female: Words = ()


@attrs.frozen
class Pronouns:
    """Pronouns by what they refer to (the shipped file takes them from ``english.toml``)."""

    male: Words = ()
    female: Words = ()
    neuter: Words = ()
    plural: Words = ()
    relative: Words = ()


@attrs.frozen
class FunctionWords:
    """The English function words and affixes the name grammar reads."""

    article: str = ""  # "the nation", "the Forbidden City", "President of the United States"
    of: str = ""  # "Bank of Japan", "President Bouteflika of Algeria", "the town of Khan Sheikhoun"
    conjunction: str = ""  # "Russia and China": two names, not one
    coordinators: Words = ()  # "French and Egyptian warships"
    possessive: str = ""  # "the Ivory Coast's Supreme Court"
    plural_suffix: str = ""  # "Russian" -> "Russians"
    no_plural_after: Words = ()  # demonyms ending so have no plural of their own ("Chinese")
    name_prefixes: Words = ()  # glued to a capitalised name: "McCain", "O'Brien"
    elided_particles: Words = ()  # lower-case, glued inside a run: "Cote d'Ivoire"


@attrs.frozen
class Agents:
    """Nouns of people and groups who act for another actor ("a spokeswoman for X", "X's aide")."""

    person: Words = ()  # singular nouns: a PERSON ("spokeswoman", "aide")
    group: Words = ()  # plural nouns: a GROUP ("lawyers", "aides")
    links: Words = ()  # between the noun and the principal ("for", "to", "of")
    skips: Words = ()  # before the principal's name ("the")
    possessives: Words = ()  # between the principal and the noun ("'s")
    possessive_link: str = ""  # the link word of the name made from a possessive ("for")
    bodies: Words = ()  # heads of a body named in lower case ("the prosecutor's office")
    not_after: Words = ()  # before "a <noun>": predicated, not an actor ("seen as a lawyer")


@attrs.frozen
class OwnedAgents:
    """Nouns of people and groups named by what they are after their owner, a country, a
    nationality or an armed group, across modifiers ("a U.S. consulate worker", "three U.S.
    Republican senators", "Egyptian NGOs"): see :mod:`newsmodel._actors.owned`."""

    people: Lists = attrs.field(factory=dict)  # sector -> singular nouns: a PERSON ("worker")
    groups: Lists = attrs.field(factory=dict)  # sector -> plural nouns besides ``groups``
    modifiers: Lists = attrs.field(factory=dict)  # sector -> words between owner and noun
    determiners: Words = ()  # before a person's noun phrase ("a", "another")
    abroad: Words = ()  # bodies posted abroad ("embassy"): their staff are of the host country
    ordinals: Words = ()  # "a third local staff member": counted people, no owner needed
    cardinals: Words = ()  # "two embassy employees": counted groups, no owner needed


def _organization(value: Any, _: type) -> Organization:
    if isinstance(value, str):
        return Organization(country=value)
    if isinstance(value, Mapping):
        return _ORGANIZATION_TABLE(value, Organization)
    raise TypeError(f"expected a country code or a table, got {value!r}")


def _word(value: Any, _: type) -> Word:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"expected a word or phrase (a string that is not blank), got {value!r}")
    return Word(value)


CONVERTER.register_structure_hook(Word, _word)
_ORGANIZATION_TABLE = make_dict_structure_fn(Organization, CONVERTER, _cattrs_forbid_extra_keys=True)
CONVERTER.register_structure_hook(Organization, _organization)


@attrs.frozen(eq=False, repr=False)
class ActorRules(RuleSet):
    """The actor stage's rules: ``actors.toml``, ``actors_places.toml``, ``actors_people.toml``
    (under ``first_names``) and ``actors_leaders.toml`` (under ``leaders``).

    Start from the shipped rules and add your own with ``ActorRules.shipped().extend(...)``: tables
    merge key by key and lists concatenate, so your file lists only what it adds. The key
    ``organisations`` (the earlier spelling) is read as ``organizations``.
    """

    SHIPPED: ClassVar[tuple[str | tuple[str, str], ...]] = (
        "actors",
        "actors_places",
        ("first_names", "actors_people"),
        ("leaders", "actors_leaders"),
    )

    # Names, titles and descriptions.
    titles: Lists = attrs.field(factory=dict)  # sector -> titles written before a name
    title_roles: Table = attrs.field(factory=dict)  # title -> the role it gives
    title_gender: TitleGender = TitleGender()
    national_titles: Words = ()  # "<title> of <country>" after a country or demonym
    titles_in_name: Words = ()  # "King Salman": the title is part of the name
    descriptors: Lists = attrs.field(factory=dict)  # sector -> lower-case descriptions ("coach")
    first_names: FirstNames = FirstNames()
    leaders: dict[Word, Leader] = attrs.field(factory=dict)
    not_names: Words = ()
    not_surnames: Words = ()
    verb_endings: Words = ()  # a sentence's first word ending so is no name ("Putting Nielsen")
    name_openers: Words = ()
    name_suffixes: Words = ()
    name_particles: Words = ()
    particle_prefixes: Words = ()
    chunk_connectors: Words = ()
    abbreviations: Words = ()
    person_cues: Words = ()
    # Placing people and domestic bodies in a country (the placing pass).
    role_words: Words = ()
    role_glue: Words = ()
    portfolio_words: Words = ()  # "Minister for Interior Affairs": words of a title, not a name
    apposition_openers: Words = ()
    not_country_after: Words = ()
    domestic_people: Words = ()  # sectors
    domestic_bodies: Words = ()
    posted_roles: Words = ()
    travel_words: Words = ()
    domestic_name_words: Words = ()
    domestic_org_heads: Words = ()  # "the Zorblax Workers' Party": of the article's country
    bare_institutions: Words = ()
    short_forms: Lists = attrs.field(factory=dict)  # "Congo" -> the states it may name
    # Organisations.
    organizations: dict[str, dict[Word, Organization]] = attrs.field(factory=dict)
    org_suffixes: Table = attrs.field(factory=dict)  # word -> sector
    org_prefixes: Table = attrs.field(factory=dict)  # word -> sector
    org_heads: Table = attrs.field(factory=dict)  # lower-case noun after a name -> sector
    club_prefixes: Words = ()
    misc_suffixes: Words = ()
    # Places.
    extra_codes: Words = ()
    country_names: Table = attrs.field(factory=dict)
    country_aliases: Table = attrs.field(factory=dict)
    countries_with_the: Words = ()
    demonyms: Table = attrs.field(factory=dict)
    capitals: Table = attrs.field(factory=dict)
    seats: Table = attrs.field(factory=dict)
    cities: Table = attrs.field(factory=dict)
    regions: Table = attrs.field(factory=dict)
    place_suffixes: Words = ()
    place_prefixes: Words = ()
    place_prepositions: Words = ()
    place_nouns: Words = ()
    place_in: Words = ()
    # The lower-case vocabulary.
    groups: Lists = attrs.field(factory=dict)  # sector -> plural nouns
    bare_groups: Words = ()
    singular_determiners: Words = ()  # "a police request": the group noun qualifies "request"
    cued_groups: Words = ()  # groups only with a modifier before or a speech verb after ("sources")
    group_modifiers: Lists = attrs.field(factory=dict)
    institutions: Lists = attrs.field(factory=dict)
    domestic_sectors: Words = ()
    people_group_sectors: Words = ()  # "Iraqi nationals ... Iraqis": the people is the group
    agents: Agents = Agents()
    owned_agents: OwnedAgents = OwnedAgents()
    pronouns: Pronouns = Pronouns()
    nominals: Lists = attrs.field(factory=dict)  # COUNTRY, PERSON or a sector -> nouns
    words: FunctionWords = FunctionWords()
    # Mention rule id -> texts it finds (checked by tests/test_rule_examples.py).
    mention_examples: Lists = attrs.field(factory=dict)

    def examples(self) -> Iterator[Example]:
        """Each example text with the id of the mention rule that must find it."""
        for rule, texts in self.mention_examples.items():
            for text in texts:
                yield Example(rule=rule, text=text)

    @classmethod
    def _build(cls, named: list[tuple[str, dict[str, Any]]]) -> ActorRules:
        return super()._build([(label, _respell(data)) for label, data in named])


def _respell(data: dict[str, Any]) -> dict[str, Any]:
    """The old key ``organisations`` read as ``organizations``."""
    if "organisations" not in data:
        return data
    out = {k: v for k, v in data.items() if k != "organisations"}
    old = data["organisations"]
    if isinstance(old, Mapping) and isinstance(out.get("organizations", {}), Mapping):
        out["organizations"] = merge(old, out.get("organizations", {}))
    else:
        out["organizations"] = old
    return out
