"""The lookup tables the actor stage indexes, compiled once per stage from an :class:`ActorRules`.

The gazetteers (countries, capitals, cities, organisations, titles, first names ...) become hash
tables keyed by the phrase as written, so finding whether a run of capitalised words is a known
name costs one lookup per candidate phrase, whatever the size of the lists. The lower-case
vocabulary (pronouns, group nouns, nominals) becomes a trie of words keyed by the segmenter's
tokens. Codes are checked here (ISO 3166-1 alpha-3 countries, sectors, kinds): a bad one raises
:class:`~newsmodel.RuleError` naming the file and the key path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from ..errors import RuleError
from ..model import ActorKind
from ..rules._countries import iso_countries
from .agent_words import AgentWords
from .owned_words import OwnedWords
from .patterns import (
    by_length,
    chunk_patterns,
    grammar,
    possessive_heads,
    possessive_pattern,
)
from .rules import ActorRules, Leader, Word

__all__ = ["ActorTables", "KnownName", "Title", "compile_tables"]

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "COP",
        "JUD",
        "LEG",
        "MED",
        "BUS",
        "CVL",
        "NGO",
        "IGO",
        "EDU",
        "REL",
        "SPY",
        "LAB",
        "HLH",
        "AGR",
        "CRM",
        "REF",
        "SPT",
    ]
)

# Categories of a known phrase, in order of precedence when one phrase has several.
ORG = "ORG"
COUNTRY = "COUNTRY"
SEAT = "SEAT"
CAPITAL = "CAPITAL"
CITY = "CITY"
REGION = "REGION"
DEMONYM = "DEMONYM"
PEOPLE = "PEOPLE"  # plural demonym: "Russians"
_PRECEDENCE = {c: i for i, c in enumerate((ORG, COUNTRY, SEAT, CAPITAL, CITY, REGION, DEMONYM, PEOPLE))}
_PRONOUN_CLASSES = ("male", "female", "neuter", "plural", "relative")


@attrs.frozen
class KnownName:
    """One known phrase: what it names (``cat`` is one of the categories above, or PERSON)."""

    cat: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: ActorKind | None = None


@attrs.frozen
class Title:
    """A title written before a name."""

    role: str
    sector: str | None
    gender: str | None
    national: bool


def norm(phrase: str) -> str:
    """A phrase with curly apostrophes straightened and spaces collapsed."""
    return " ".join(phrase.replace("’", "'").split())


@attrs.frozen(kw_only=True)
class ActorTables:
    """Everything the actor stage looks up, compiled from a rule set."""

    phrases: dict[str, KnownName]
    folded: dict[str, KnownName]
    titles: dict[str, Title]
    descriptors: dict[str, tuple[str | None, str | None]]
    first_names: dict[str, str | None]
    not_names: frozenset[str]
    org_suffixes: dict[str, str]
    org_prefixes: dict[str, str]
    org_heads: dict[str, str]
    org_head: regex.Pattern[str]  # one of org_heads right after a name ("Jobbik party")
    club_prefixes: frozenset[str]
    misc_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    name_suffixes: frozenset[str]
    titles_in_name: frozenset[str]
    name_openers: frozenset[str]
    connectors: frozenset[str]
    folded_name_suffixes: frozenset[str]
    domestic_sectors: frozenset[str | None]
    people_group_sectors: frozenset[str]
    place_in: frozenset[str]
    countries_with_the: frozenset[str]
    not_surnames: frozenset[str]
    verb_shaped_endings: tuple[str, ...]
    particles: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    groups: dict[str, str]
    bare_groups: frozenset[str]
    cued_groups: frozenset[str]
    singular_determiners: frozenset[str]
    coordinator_words: frozenset[str]
    institutions: dict[str, str]
    pronouns: dict[str, str]
    nominals: dict[str, str]
    abbreviations: frozenset[str]
    country_names: dict[str, str]
    max_words: int
    span_of: dict[str, int]
    vocab: dict[str, Any]
    special: frozenset[str]
    chunk: regex.Pattern[str]
    particle_chunk: regex.Pattern[str]
    comma_place: regex.Pattern[str]
    person_cue: regex.Pattern[str]
    aliases: dict[str, list[str]]
    leaders: dict[str, KnownName]
    surnames: dict[str, KnownName]
    group_modifiers: dict[str, str]
    possessive_names: regex.Pattern[str] | None
    pairs: frozenset[str]
    descriptor_words: frozenset[str]
    role_heads: frozenset[str]  # lower-case words that make a role ("minister", "member")
    role_glue: frozenset[str]  # lower-case words inside a role ("of", "the")
    portfolio_words: frozenset[str]  # capitalised words of a portfolio ("Interior", "Affairs")
    apposition_openers: frozenset[str]
    not_country_after: frozenset[str]
    domestic_people: frozenset[str | None]
    domestic_bodies: frozenset[str]
    posted_roles: frozenset[str]
    travel_words: frozenset[str]
    domestic_name_words: frozenset[str]
    domestic_org_heads: frozenset[str]
    bare_institutions: frozenset[str]
    short_forms: dict[str, tuple[str, ...]]
    possessive_heads: tuple[str, ...]
    agents: AgentWords
    owned: OwnedWords  # "a U.S. consulate worker" (.owned)
    # The function words of the grammar.
    article: str  # "the"
    article_space: str  # "the "
    of: str  # "of"
    conjunction: str  # "and"
    possessives: tuple[str, ...]  # "'s " with either apostrophe
    elided: tuple[str, ...]  # "d'"
    prev_words: regex.Pattern[str]  # the two words before an offset, past the article
    coordination: regex.Pattern[str]  # ", and " closing the text before an offset
    of_place: regex.Pattern[str]  # " of Belgium", " of the United States"


@attrs.frozen
class _Check:
    """Checks codes against what is known, naming the file and key path of a bad one."""

    rules: ActorRules
    codes: frozenset[str]

    def where(self, *keys: str) -> str:
        return self.rules.where(*keys)

    def iso(self, value: str, *keys: str) -> str | None:
        if value == "":
            return None
        if value not in self.codes:
            raise RuleError(f"{self.where(*keys)}: {value!r} is not an ISO 3166-1 alpha-3 code")
        return value

    def sector(self, code: str | None, *keys: str) -> str | None:
        if code in (None, ""):
            return None
        if code not in SECTORS:
            known = ", ".join(sorted(SECTORS))
            raise RuleError(f"{self.where(*keys)}: unknown sector {code!r}; known: {known}")
        return code


def compile_tables(rules: ActorRules) -> ActorTables:
    """The lookup tables of a rule set.

    Raises:
        RuleError: naming the file and the key path of an unknown code (country, sector, kind).
    """
    check = _Check(rules, frozenset({c["alpha_3"] for c in iso_countries()} | set(rules.extra_codes)))
    country_names = _country_names(rules, check)
    phrases = _phrases(rules, check, country_names)
    titles, descriptors = _titles(rules, check)
    org_suffixes = _sectored(rules.org_suffixes, check, "org_suffixes")
    org_prefixes = _sectored(rules.org_prefixes, check, "org_prefixes")
    name_suffixes = _words(rules.name_suffixes)
    abbreviations = frozenset(
        k for k in (*titles, *org_suffixes, *name_suffixes, *phrases) if k.endswith(".")
    ) | _words(rules.abbreviations)
    leaders, surnames = _leaders(rules.leaders, check)
    groups = _sectored(rules.groups, check, "groups", lower=True)
    institutions = _sectored(rules.institutions, check, "institutions", lower=True)
    pronouns = _pronouns(rules)
    nominals = _nominals(rules, check)
    connectors = [*rules.chunk_connectors, *sorted(particles_of(rules))]
    chunk, particle_chunk, comma_place = chunk_patterns(rules, connectors)
    with_s = _possessive_phrases(rules, phrases)
    words = rules.words
    return ActorTables(
        phrases=phrases,
        folded={k.casefold(): v for k, v in phrases.items()},
        titles=titles,
        descriptors=descriptors,
        first_names=_first_names(rules),
        not_names=_words(rules.not_names),
        org_suffixes=org_suffixes,
        org_prefixes=org_prefixes,
        org_heads=(org_heads := _sectored(rules.org_heads, check, "org_heads", lower=True)),
        org_head=regex.compile(r"[ \xa0]{1,2}(" + by_length(org_heads) + r")(?![\p{L}\p{N}])"),
        club_prefixes=_words(rules.club_prefixes),
        misc_suffixes=_words(rules.misc_suffixes),
        place_suffixes=_words(rules.place_suffixes),
        place_prefixes=_words(rules.place_prefixes),
        name_suffixes=name_suffixes,
        titles_in_name=_words(rules.titles_in_name),
        name_openers=_words(rules.name_openers),
        connectors=frozenset(w.casefold() for w in connectors),
        folded_name_suffixes=frozenset(w.casefold() for w in name_suffixes),
        domestic_sectors=frozenset(
            check.sector(c, "domestic_sectors") for c in _words(rules.domestic_sectors)
        )
        - {None},
        people_group_sectors=_words(rules.people_group_sectors),
        place_in=_lower(rules.place_in),
        countries_with_the=_words(rules.countries_with_the),
        not_surnames=_words(rules.not_surnames),
        verb_shaped_endings=tuple(rules.verb_endings),
        particles=_lower(rules.name_particles),
        place_prepositions=_lower(rules.place_prepositions),
        place_nouns=_lower(rules.place_nouns),
        groups=groups,
        bare_groups=_lower(rules.bare_groups),
        cued_groups=_lower(rules.cued_groups),
        singular_determiners=_lower(rules.singular_determiners),
        coordinator_words=_lower(words.coordinators),
        institutions=institutions,
        pronouns=pronouns,
        nominals=nominals,
        abbreviations=abbreviations,
        country_names=country_names,
        max_words=min(max((len(k.split()) for k in (*phrases, *titles)), default=1), 10),
        span_of=_span_of(phrases, titles),
        vocab=_vocab(nominals, institutions, groups, pronouns, words.article),
        special=_special(rules, org_suffixes, org_prefixes),
        chunk=chunk,
        particle_chunk=particle_chunk,
        comma_place=comma_place,
        person_cue=regex.compile(r"[ ]{0,2},?[ ]{0,2}(?:" + by_length(rules.person_cues) + r")\b"),
        aliases=_aliases(phrases),
        leaders=leaders,
        surnames=surnames,
        group_modifiers=_sectored(rules.group_modifiers, check, "group_modifiers", lower=True),
        possessive_names=possessive_pattern(with_s),
        pairs=_pairs(phrases, titles),
        descriptor_words=frozenset(k.split()[-1] for k in descriptors),
        role_heads=frozenset(w.casefold() for k in (*titles, *descriptors) for w in k.split())
        | _lower(rules.role_words),
        role_glue=_lower(rules.role_glue),
        portfolio_words=_words(rules.portfolio_words),
        apposition_openers=_lower(rules.apposition_openers),
        not_country_after=_lower(rules.not_country_after),
        domestic_people=frozenset(check.sector(c, "domestic_people") for c in _words(rules.domestic_people))
        - {None},
        domestic_bodies=_words(rules.domestic_bodies),
        posted_roles=_lower(rules.posted_roles),
        travel_words=_lower(rules.travel_words),
        domestic_name_words=_words(rules.domestic_name_words),
        domestic_org_heads=_lower(rules.domestic_org_heads),
        bare_institutions=_lower(rules.bare_institutions),
        short_forms={
            k: tuple(c for c in (check.iso(v, "short_forms", k) for v in vs) if c)
            for k, vs in rules.short_forms.items()
        },
        possessive_heads=possessive_heads(with_s, words.possessive),
        agents=AgentWords.of(rules.agents),
        owned=OwnedWords.of(rules, lambda c, k: check.sector(c, "owned_agents", k), groups, institutions),
        **grammar(words),
    )


# -- the gazetteer of phrases -----------------------------------------------------------------------


def _country_names(rules: ActorRules, check: _Check) -> dict[str, str]:
    """The canonical name of each country code: pycountry's common name, or the rules'."""
    names: dict[str, str] = {}
    for c in iso_countries():
        names[c["alpha_3"]] = c.get("common_name") or c["name"]
    for code, name in rules.country_names.items():
        check.iso(code, "country_names", code)
        names[code] = name
    return names


def _phrases(rules: ActorRules, check: _Check, country_names: dict[str, str]) -> dict[str, KnownName]:
    """Every known phrase (countries, places, demonyms, organisations) -> what it names."""
    phrases: dict[str, KnownName] = {}

    def add(phrase: str, entry: KnownName) -> None:
        key = norm(phrase)
        if not key:
            return
        old = phrases.get(key)
        if old is None or _PRECEDENCE[entry.cat] < _PRECEDENCE[old.cat]:
            phrases[key] = entry

    # Countries: pycountry's names, then the names news uses.
    for c in iso_countries():
        entry = KnownName(COUNTRY, country_names[c["alpha_3"]], c["alpha_3"])
        for attr in ("name", "common_name", "official_name"):
            value = c.get(attr)
            if value and "," not in value and "(" not in value:
                add(value, entry)
    for alias, code in rules.country_aliases.items():
        cc = check.iso(code, "country_aliases", alias)
        if cc is not None:
            add(alias, KnownName(COUNTRY, country_names.get(cc, alias), cc))
    places = ((SEAT, "seats"), (CAPITAL, "capitals"), (CITY, "cities"), (REGION, "regions"))
    for cat, key in places:
        table: dict[str, str] = getattr(rules, key)
        for name, code in table.items():
            add(name, KnownName(cat, name, check.iso(code, key, name)))
    words = rules.words
    for name, code in rules.demonyms.items():
        cc = check.iso(code, "demonyms", name)
        add(name, KnownName(DEMONYM, name, cc))
        if words.plural_suffix and not name.endswith(tuple(words.no_plural_after)):
            plural = name + words.plural_suffix
            add(plural, KnownName(PEOPLE, plural, cc))
    _organizations(rules, check, add)
    return phrases


def _organizations(rules: ActorRules, check: _Check, add: Any) -> None:
    """Add each organisation, under its name and aliases (also without a leading article)."""
    article = rules.words.article.capitalize() + " " if rules.words.article else None
    for sector, table in rules.organizations.items():
        sec = check.sector(sector, "organizations", sector)
        for name, spec in table.items():
            country = check.iso(spec.country, "organizations", sector, name, "country")
            own_sector = (
                sec if spec.sector is None else check.sector(spec.sector, "organizations", sector, name)
            )
            try:
                kind = ActorKind[spec.kind]
            except KeyError:
                where = check.where("organizations", sector, name, "kind")
                raise RuleError(f"{where}: unknown kind {spec.kind!r}") from None
            entry = KnownName(ORG, name, country, own_sector, kind)
            for phrase in (name, *spec.aliases):
                add(phrase, entry)
                if article is not None and phrase.startswith(article):
                    add(phrase[len(article) :], entry)


def _aliases(phrases: dict[str, KnownName]) -> dict[str, list[str]]:
    """Each name -> every phrase (folded) naming it."""
    aliases: dict[str, list[str]] = {}
    for k, v in phrases.items():
        aliases.setdefault(v.name, []).append(k.casefold())
    return aliases


def _titles(
    rules: ActorRules, check: _Check
) -> tuple[dict[str, Title], dict[str, tuple[str | None, str | None]]]:
    """Titles written before a name, and lower-case descriptions ("coach"): sector and gender."""
    gender_of: dict[str, str] = {}
    for code, words in (("M", rules.title_gender.male), ("F", rules.title_gender.female)):
        for w in words:
            gender_of[norm(w)] = code
    national = {norm(t) for t in rules.national_titles}
    for title, role in rules.title_roles.items():
        if not role:
            raise RuleError(f"{check.where('title_roles', title)}: expected a non-empty string")
    titles: dict[str, Title] = {}
    for sector, words in rules.titles.items():
        sec = check.sector(sector, "titles", sector)
        for w in words:
            key = norm(w)
            role = str(rules.title_roles.get(Word(key), key.rstrip(".")))
            if sec == "CVL":
                role = ""
            titles.setdefault(key, Title(role, sec, gender_of.get(key), key in national))
    descriptors: dict[str, tuple[str | None, str | None]] = {}
    for sector, words in rules.descriptors.items():
        sec = check.sector(sector, "descriptors", sector)
        for w in words:
            descriptors.setdefault(norm(w).lower(), (sec, gender_of.get(norm(w))))
    return titles, descriptors


def _first_names(rules: ActorRules) -> dict[str, str | None]:
    """First name -> "M", "F", or None when it is given to both."""
    first_names: dict[str, str | None] = {}
    people = rules.first_names
    for code, words in (("M", people.male), ("F", people.female)):
        for w in words:
            key = norm(w)
            first_names[key] = None if key in first_names and first_names[key] != code else code
    for w in people.either:
        first_names[norm(w)] = None
    return first_names


def _leaders(
    table: Mapping[Word, Leader], check: _Check
) -> tuple[dict[str, KnownName], dict[str, KnownName]]:
    """Known people: every name and alias -> the person; surnames usable alone -> the person (or,
    when several share one and agree on the country, the surname with that country)."""
    people: dict[str, KnownName] = {}
    by_surname: dict[str, list[KnownName]] = {}
    for name, spec in table.items():
        country = check.iso(spec.country, "leaders", name, "country")
        sector = check.sector(spec.sector, "leaders", name, "sector")
        entry = KnownName("PERSON", norm(name), country, sector, ActorKind.PERSON)
        for phrase in (name, *spec.aliases):
            key = norm(phrase)
            people.setdefault(key, entry)
            last = key.split()[-1]
            if (spec.surname or " " not in key) and entry not in by_surname.get(last, []):
                by_surname.setdefault(last, []).append(entry)
    surnames: dict[str, KnownName] = {}
    for last, found in by_surname.items():
        if len(found) == 1:
            surnames[last] = found[0]
        elif len({e.country for e in found}) == 1:
            surnames[last] = KnownName("PERSON", last, found[0].country, found[0].sector, ActorKind.PERSON)
    return people, surnames


# -- word lists -----------------------------------------------------------------------------------


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(norm(w) for w in values)


def _lower(values: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in _words(values))


def _sectored(
    table: Mapping[Word, str] | Mapping[str, tuple[Word, ...]], check: _Check, key: str, lower: bool = False
) -> dict[str, str]:
    """``word -> sector`` (``""`` for none) from a table of ``sector -> words`` or ``word -> sector``."""
    out: dict[str, str] = {}
    for k, value in table.items():
        if isinstance(value, tuple):  # sector -> words
            sec = check.sector(k, key, k)
            for w in value:
                out.setdefault(norm(w).lower() if lower else norm(w), sec or "")
        else:  # word -> sector
            sec = check.sector(value, key, k)
            out.setdefault(norm(k).lower() if lower else norm(k), sec or "")
    return out


def _pronouns(rules: ActorRules) -> dict[str, str]:
    """Pronoun -> its class (male, female, neuter, plural, relative)."""
    pronouns: dict[str, str] = {}
    for cls in _PRONOUN_CLASSES:
        for w in getattr(rules.pronouns, cls):
            pronouns[w.lower()] = cls
    return pronouns


def _nominals(rules: ActorRules, check: _Check) -> dict[str, str]:
    """Noun -> what it refers back to (COUNTRY, PERSON or a sector)."""
    nominals: dict[str, str] = {}
    for cls, words in rules.nominals.items():
        if cls not in ("COUNTRY", "PERSON") and cls not in SECTORS:
            raise RuleError(f"{check.where('nominals', cls)}: expected COUNTRY, PERSON or a sector code")
        for w in words:
            nominals[norm(w).lower()] = cls
    return nominals


def particles_of(rules: ActorRules) -> set[str]:
    """The name particles of a rule set, lower-cased, without a trailing period."""
    return {w.lower().rstrip(".") for w in rules.name_particles} - {""}


def _special(rules: ActorRules, org_suffixes: dict[str, str], org_prefixes: dict[str, str]) -> frozenset[str]:
    """Every word that can make a chunk more than a sequence of known phrases and names."""
    phrases = (
        *_words(rules.club_prefixes),
        *_words(rules.misc_suffixes),
        *_words(rules.place_suffixes),
        *_words(rules.place_prefixes),
        *org_suffixes,
        *org_prefixes,
    )
    return frozenset(w for phrase in phrases for w in phrase.split())


# -- indexes of known phrases ---------------------------------------------------------------------


def _span_of(phrases: dict[str, KnownName], titles: dict[str, Title]) -> dict[str, int]:
    """How many words a known phrase opening with this word can have (as written, and folded)."""
    span_of: dict[str, int] = {}
    for k in (*phrases, *titles):
        words = k.split()
        for first in (words[0], words[0].casefold()):
            span_of[first] = max(span_of.get(first, 1), min(len(words), 10))
    return span_of


def _pairs(phrases: dict[str, KnownName], titles: dict[str, Title]) -> frozenset[str]:
    """The first two words of every known phrase of two words or more (as written and folded):
    a run whose first two words are none of these holds no such phrase there."""
    return frozenset(
        form
        for k in (*phrases, *titles)
        if k.count(" ") >= 1
        for form in (" ".join(k.split()[:2]), " ".join(k.split()[:2]).casefold())
    )


def _vocab(
    nominals: dict[str, str],
    institutions: dict[str, str],
    groups: dict[str, str],
    pronouns: dict[str, str],
    article: str,
) -> dict[str, Any]:
    """The lower-case vocabulary as a trie of words, keyed by its first word as written in lower
    case, capitalised or in capitals, then by each following word in lower case; the key ``""``
    holds the classes of a phrase. Nominals are read after the article ("the nation")."""
    classes: dict[str, set[str]] = {}
    for cls, lexicon in (
        ("nominal", nominals),
        ("institution", institutions),
        ("group", groups),
        ("pronoun", pronouns),
    ):
        for phrase in lexicon:
            key = f"{article} {phrase}" if cls == "nominal" else phrase
            classes.setdefault(key, set()).add(cls)
    vocab: dict[str, Any] = {}
    for phrase, found in classes.items():
        first, *rest = phrase.split()
        for form in {first, first.capitalize(), first.upper()}:
            node = vocab.setdefault(form, {})
            for w in rest:
                node = node.setdefault(w, {})
            node[""] = frozenset(found)
    return vocab


def _possessive_phrases(rules: ActorRules, phrases: dict[str, KnownName]) -> list[str]:
    """Known phrases with a possessive inside ("Democratic People's Republic of Korea")."""
    possessive = rules.words.possessive
    if not possessive:
        return []
    return sorted({k for k in phrases if f"{possessive} " in k}, key=lambda k: (-len(k), k))
