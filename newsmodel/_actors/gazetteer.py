"""The actor stage's rule data, validated and compiled into lookup tables once per stage.

The gazetteers (countries, capitals, cities, organisations, titles, first names ...) become hash
tables keyed by the phrase as written, so finding whether a run of capitalised words is a known
name costs one lookup per candidate phrase, whatever the size of the lists. The lower-case
vocabulary (pronouns, group nouns, nominals) compiles into one ``regex`` pattern of named lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from ..errors import RuleError
from ..model import ActorKind

__all__ = ["Entry", "Gazetteer", "build_gazetteer"]

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

# Categories of a phrase entry, in order of precedence when one phrase has several.
ORG = "ORG"
COUNTRY = "COUNTRY"
SEAT = "SEAT"
CAPITAL = "CAPITAL"
CITY = "CITY"
REGION = "REGION"
DEMONYM = "DEMONYM"
PEOPLE = "PEOPLE"  # plural demonym: "Russians"
_PRECEDENCE = {c: i for i, c in enumerate((ORG, COUNTRY, SEAT, CAPITAL, CITY, REGION, DEMONYM, PEOPLE))}


@attrs.frozen
class Entry:
    """One known phrase: what it names."""

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


def _norm(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").split())


@attrs.frozen(kw_only=True)
class Gazetteer:
    """Everything the actor stage looks up, compiled from a rule set."""

    phrases: dict[str, Entry]
    folded: dict[str, Entry]
    titles: dict[str, Title]
    descriptors: dict[str, tuple[str | None, str | None]]
    first_names: dict[str, str | None]
    not_names: frozenset[str]
    org_suffixes: dict[str, str]
    org_prefixes: dict[str, str]
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
    place_in: frozenset[str]
    countries_with_the: frozenset[str]
    not_surnames: frozenset[str]
    particles: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    groups: dict[str, str]
    bare_groups: frozenset[str]
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
    leaders: dict[str, Entry] = attrs.field(factory=dict)
    surnames: dict[str, Entry] = attrs.field(factory=dict)
    group_modifiers: dict[str, str] = attrs.field(factory=dict)
    possessive_names: regex.Pattern[str] | None = None
    quote_we: regex.Pattern[str] | None = None
    pairs: frozenset[str] = frozenset()
    descriptor_words: frozenset[str] = frozenset()
    possessive_heads: tuple[str, ...] = ()


def _strings(source: str, entry: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{source}: {entry} must be a list of non-empty strings")
    return list(value)


def _table(source: str, entry: str, value: Any) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RuleError(f"{source}: {entry} must be a table")
    return value


def _sector(source: str, entry: str, code: Any) -> str | None:
    if code in (None, ""):
        return None
    if not isinstance(code, str) or code not in SECTORS:
        raise RuleError(f"{source}: {entry}: unknown sector {code!r}; known: {', '.join(sorted(SECTORS))}")
    return code


def build_gazetteer(rules: Mapping[str, Any], source: str = "actors rules") -> Gazetteer:
    """Validate a merged actor rule set and compile its tables.

    Raises:
        RuleError: naming the file (``source``) and the entry that is malformed.
    """
    import pycountry  # slow to import: only when a stage is built

    codes: set[str] = {c.alpha_3 for c in pycountry.countries}
    codes.update(_strings(source, "extra_codes", rules.get("extra_codes", [])))

    def iso(entry: str, value: Any) -> str | None:
        if value == "":
            return None
        if not isinstance(value, str) or value not in codes:
            raise RuleError(f"{source}: {entry}: {value!r} is not an ISO 3166-1 alpha-3 code")
        return value

    country_names: dict[str, str] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        country_names[c.alpha_3] = name
    for code, name in _table(source, "country_names", rules.get("country_names")).items():
        iso(f"country_names.{code}", code)
        if not isinstance(name, str):
            raise RuleError(f"{source}: country_names.{code} must be a string")
        country_names[code] = name

    phrases: dict[str, Entry] = {}

    def add(phrase: str, entry: Entry) -> None:
        key = _norm(phrase)
        if not key:
            return
        old = phrases.get(key)
        if old is None or _PRECEDENCE[entry.cat] < _PRECEDENCE[old.cat]:
            phrases[key] = entry

    # Countries: pycountry's names, then the names news uses.
    for c in pycountry.countries:
        entry = Entry(COUNTRY, country_names[c.alpha_3], c.alpha_3)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                add(value, entry)
    for alias, code in _table(source, "country_aliases", rules.get("country_aliases")).items():
        cc = iso(f"country_aliases.{alias!r}", code)
        if cc is not None:
            add(alias, Entry(COUNTRY, country_names.get(cc, alias), cc))
    for cat, table in ((SEAT, "seats"), (CAPITAL, "capitals"), (CITY, "cities"), (REGION, "regions")):
        for name, code in _table(source, table, rules.get(table)).items():
            add(name, Entry(cat, name, iso(f"{table}.{name!r}", code)))
    for name, code in _table(source, "demonyms", rules.get("demonyms")).items():
        cc = iso(f"demonyms.{name!r}", code)
        add(name, Entry(DEMONYM, name, cc))
        plural = name + "s" if not name.endswith(("ese", "sh", "ch", "s", "x", "z")) else None
        if plural:
            add(plural, Entry(PEOPLE, plural, cc))

    # Organisations, by sector.
    for sector, table in _table(source, "organisations", rules.get("organisations")).items():
        sec = _sector(source, f"organisations.{sector}", sector)
        for name, spec in _table(source, f"organisations.{sector}", table).items():
            where = f"organisations.{sector}.{name!r}"
            other_names: list[str] = []
            kind = ActorKind.ORGANIZATION
            own_sector = sec
            if isinstance(spec, str):
                country = iso(where, spec)
            elif isinstance(spec, Mapping):
                country = iso(f"{where}.country", spec.get("country", ""))
                other_names = _strings(source, f"{where}.aliases", spec.get("aliases", []))
                if "sector" in spec:
                    own_sector = _sector(source, f"{where}.sector", spec["sector"])
                if "kind" in spec:
                    try:
                        kind = ActorKind[str(spec["kind"])]
                    except KeyError:
                        raise RuleError(f"{source}: {where}.kind: unknown kind {spec['kind']!r}") from None
            else:
                raise RuleError(f"{source}: {where} must be a country code or a table")
            entry = Entry(ORG, name, country, own_sector, kind)
            for phrase in (name, *other_names):
                add(phrase, entry)
                if phrase.startswith("The "):
                    add(phrase[4:], entry)

    folded = {k.casefold(): v for k, v in phrases.items()}
    aliases: dict[str, list[str]] = {}
    for k, v in phrases.items():
        aliases.setdefault(v.name, []).append(k.casefold())

    gender_of: dict[str, str] = {}
    for gender, words in _table(source, "title_gender", rules.get("title_gender")).items():
        if gender not in ("male", "female"):
            raise RuleError(f"{source}: title_gender.{gender}: expected male or female")
        for w in _strings(source, f"title_gender.{gender}", words):
            gender_of[_norm(w)] = "M" if gender == "male" else "F"
    national = {_norm(t) for t in _strings(source, "national_titles", rules.get("national_titles", []))}
    title_roles = _table(source, "title_roles", rules.get("title_roles"))
    for key, value in title_roles.items():
        if not isinstance(value, str) or not value:
            raise RuleError(f"{source}: title_roles.{key!r} must be a non-empty string")
    titles: dict[str, Title] = {}
    for sector, words in _table(source, "titles", rules.get("titles")).items():
        sec = _sector(source, f"titles.{sector}", sector)
        for w in _strings(source, f"titles.{sector}", words):
            key = _norm(w)
            role = str(title_roles.get(key, key.rstrip(".")))
            if sec == "CVL":
                role = ""
            titles.setdefault(key, Title(role, sec, gender_of.get(key), key in national))
    descriptors: dict[str, tuple[str | None, str | None]] = {}
    for sector, words in _table(source, "descriptors", rules.get("descriptors")).items():
        sec = _sector(source, f"descriptors.{sector}", sector)
        for w in _strings(source, f"descriptors.{sector}", words):
            descriptors.setdefault(_norm(w).lower(), (sec, gender_of.get(_norm(w))))

    people = _table(source, "first names", rules.get("first_names"))
    first_names: dict[str, str | None] = {}
    for gender, code in (("male", "M"), ("female", "F")):
        for w in _strings(source, f"first_names.{gender}", people.get(gender, [])):
            first_names[_norm(w)] = (
                None if _norm(w) in first_names and first_names[_norm(w)] != code else code
            )
    for w in _strings(source, "first_names.either", people.get("either", [])):
        first_names[_norm(w)] = None

    def words_of(entry: str) -> frozenset[str]:
        return frozenset(_norm(w) for w in _strings(source, entry, rules.get(entry, [])))

    def sectored(entry: str, lower: bool = False) -> dict[str, str]:
        out: dict[str, str] = {}
        table = _table(source, entry, rules.get(entry))
        for key, value in table.items():
            if isinstance(value, list):  # sector -> words
                sec = _sector(source, f"{entry}.{key}", key)
                for w in _strings(source, f"{entry}.{key}", value):
                    out.setdefault(_norm(w).lower() if lower else _norm(w), sec or "")
            else:  # word -> sector
                sec = _sector(source, f"{entry}.{key!r}", value)
                out.setdefault(_norm(key).lower() if lower else _norm(key), sec or "")
        return out

    groups = sectored("groups", lower=True)
    institutions = sectored("institutions", lower=True)
    pronouns: dict[str, str] = {}
    for cls, words in _table(source, "pronouns", rules.get("pronouns")).items():
        if cls not in ("male", "female", "neuter", "plural", "relative"):
            raise RuleError(f"{source}: pronouns.{cls}: expected male, female, neuter, plural or relative")
        for w in _strings(source, f"pronouns.{cls}", words):
            pronouns[w.lower()] = cls
    nominals: dict[str, str] = {}
    for cls, words in _table(source, "nominals", rules.get("nominals")).items():
        if cls not in ("COUNTRY", "PERSON") and cls not in SECTORS:
            raise RuleError(f"{source}: nominals.{cls}: expected COUNTRY, PERSON or a sector code")
        for w in _strings(source, f"nominals.{cls}", words):
            nominals[_norm(w).lower()] = cls

    org_suffixes = sectored("org_suffixes")
    org_prefixes = sectored("org_prefixes")
    abbreviations = frozenset(
        k for k in (*titles, *org_suffixes, *words_of("name_suffixes"), *phrases) if k.endswith(".")
    ) | words_of("abbreviations")

    max_words = max((len(k.split()) for k in (*phrases, *titles)), default=1)
    # How many words a known phrase opening with this word can have (as written, and folded).
    span_of: dict[str, int] = {}
    for k in (*phrases, *titles):
        words = k.split()
        for first in (words[0], words[0].casefold()):
            span_of[first] = max(span_of.get(first, 1), min(len(words), 10))
    # The lower-case vocabulary, keyed by its first word as written in lower case, capitalised
    # or in capitals, then by each following word in lower case.
    classes: dict[str, set[str]] = {}
    for cls, lexicon in (
        ("nominal", nominals),
        ("institution", institutions),
        ("group", groups),
        ("pronoun", pronouns),
    ):
        for phrase in lexicon:
            key = ("the " + phrase) if cls == "nominal" else phrase
            classes.setdefault(key, set()).add(cls)
    vocab: dict[str, Any] = {}  # a trie of words; the key "" holds the classes of a phrase
    for phrase, found in classes.items():
        first, *rest = phrase.split()
        for form in {first, first.capitalize(), first.upper()}:
            node = vocab.setdefault(form, {})
            for w in rest:
                node = node.setdefault(w, {})
            node[""] = frozenset(found)
    connectors = _strings(source, "chunk_connectors", rules.get("chunk_connectors", []))
    connectors += sorted(particles_of(rules, source))
    chunk, particle_chunk, comma_place = _chunk_patterns(
        connectors, _strings(source, "particle_prefixes", rules.get("particle_prefixes", []))
    )
    cues = _strings(source, "person_cues", rules.get("person_cues", [])) or ["said"]
    person_cue = regex.compile(
        r"[ ]{0,2},?[ ]{0,2}(?:"
        + "|".join(regex.escape(w) for w in sorted(cues, key=len, reverse=True))
        + r")\b"
    )
    club_prefixes = words_of("club_prefixes")
    misc_suffixes = words_of("misc_suffixes")
    place_suffixes = words_of("place_suffixes")
    place_prefixes = words_of("place_prefixes")
    # Every word that can make a chunk more than a sequence of known phrases and names.
    special = frozenset(
        w
        for phrase in (
            *club_prefixes,
            *misc_suffixes,
            *place_suffixes,
            *place_prefixes,
            *org_suffixes,
            *org_prefixes,
        )
        for w in phrase.split()
    )
    leaders, surnames = _leaders(source, rules.get("leaders"), iso)
    group_modifiers = sectored("group_modifiers", lower=True)
    with_s = sorted({k for k in phrases if "'s " in k}, key=lambda k: (-len(k), k))
    possessive_names = (
        regex.compile(
            r"(?<![\p{L}\d])(?:"
            + "|".join(regex.escape(k).replace("'", "['’]").replace(r"\ ", r"[ \xa0]") for k in with_s)
            + r")(?![\p{L}\d])"
        )
        if with_s
        else None
    )
    we_words = _strings(source, "quote_we", rules.get("quote_we", []))
    quote_we = (
        regex.compile(
            r"(?<![\p{L}\d'’-])(?:"
            + _alternatives({w.lower() for w in we_words} | {w.capitalize() for w in we_words})
            + r")(?![\p{L}\d'’-])"
        )
        if we_words
        else None
    )
    # The first two words of every known phrase of two words or more (as written and folded):
    # a run whose first two words are none of these holds no such phrase there.
    pairs = frozenset(
        form
        for k in (*phrases, *titles)
        if k.count(" ") >= 1
        for form in (" ".join(k.split()[:2]), " ".join(k.split()[:2]).casefold())
    )
    return Gazetteer(
        possessive_heads=tuple(
            sorted({h + a for k in with_s for h in (k.split("'s ")[0].split()[-1],) for a in ("'s ", "’s ")})
        ),
        descriptor_words=frozenset(k.split()[-1] for k in descriptors),
        pairs=pairs,
        quote_we=quote_we,
        leaders=leaders,
        surnames=surnames,
        group_modifiers=group_modifiers,
        possessive_names=possessive_names,
        special=special,
        chunk=chunk,
        particle_chunk=particle_chunk,
        comma_place=comma_place,
        person_cue=person_cue,
        phrases=phrases,
        folded=folded,
        titles=titles,
        descriptors=descriptors,
        first_names=first_names,
        not_names=words_of("not_names"),
        org_suffixes=org_suffixes,
        org_prefixes=org_prefixes,
        club_prefixes=club_prefixes,
        misc_suffixes=misc_suffixes,
        place_suffixes=place_suffixes,
        place_prefixes=place_prefixes,
        name_suffixes=words_of("name_suffixes"),
        titles_in_name=words_of("titles_in_name"),
        name_openers=words_of("name_openers"),
        connectors=frozenset(w.casefold() for w in connectors),
        folded_name_suffixes=frozenset(w.casefold() for w in words_of("name_suffixes")),
        domestic_sectors=frozenset(
            _sector(source, "domestic_sectors", c) for c in words_of("domestic_sectors")
        )
        - {None},
        place_in=frozenset(w.lower() for w in words_of("place_in")),
        countries_with_the=words_of("countries_with_the"),
        not_surnames=words_of("not_surnames"),
        particles=frozenset(w.lower() for w in words_of("name_particles")),
        place_prepositions=frozenset(w.lower() for w in words_of("place_prepositions")),
        place_nouns=frozenset(w.lower() for w in words_of("place_nouns")),
        groups=groups,
        bare_groups=frozenset(w.lower() for w in words_of("bare_groups")),
        institutions=institutions,
        pronouns=pronouns,
        nominals=nominals,
        abbreviations=abbreviations,
        country_names=country_names,
        max_words=min(max_words, 10),
        span_of=span_of,
        vocab=vocab,
        aliases=aliases,
    )


def _leaders(source: str, table: Any, iso: Any) -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Known people: every name and alias -> the person; surnames usable alone -> the person (or,
    when several share one and agree on the country, the surname with that country)."""
    people: dict[str, Entry] = {}
    by_surname: dict[str, list[Entry]] = {}
    for name, spec in _table(source, "leaders", table).items():
        where = f"leaders.{name!r}"
        if not isinstance(spec, Mapping):
            raise RuleError(f"{source}: {where} must be a table")
        unknown = set(spec) - {"country", "role", "sector", "aliases", "surname"}
        if unknown:
            raise RuleError(f"{source}: {where}: unknown field(s) {', '.join(sorted(unknown))}")
        country = iso(f"{where}.country", spec.get("country", ""))
        role = spec.get("role", "")
        if not isinstance(role, str):
            raise RuleError(f"{source}: {where}.role must be a string")
        sector = _sector(source, f"{where}.sector", spec.get("sector", "GOV"))
        surname = spec.get("surname", False)
        if not isinstance(surname, bool):
            raise RuleError(f"{source}: {where}.surname must be true or false")
        entry = Entry("PERSON", _norm(name), country, sector, ActorKind.PERSON)
        for phrase in (name, *_strings(source, f"{where}.aliases", spec.get("aliases", []))):
            key = _norm(phrase)
            people.setdefault(key, entry)
            last = key.split()[-1]
            if (surname or " " not in key) and entry not in by_surname.get(last, []):
                by_surname.setdefault(last, []).append(entry)
    surnames: dict[str, Entry] = {}
    for last, found in by_surname.items():
        if len(found) == 1:
            surnames[last] = found[0]
        elif len({e.country for e in found}) == 1:
            surnames[last] = Entry("PERSON", last, found[0].country, found[0].sector, ActorKind.PERSON)
    return people, surnames


def particles_of(rules: Mapping[str, Any], source: str) -> set[str]:
    """The name particles of a rule set, lower-cased, without a trailing period."""
    return {
        w.lower().rstrip(".") for w in _strings(source, "name_particles", rules.get("name_particles", []))
    } - {""}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _chunk_patterns(
    connectors: list[str], prefixes: list[str]
) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The patterns for runs of capitalised words: one that opens at a capital (it can only start
    there, so it scans fast), one that opens with a particle name ("al-Assad said"), and a
    comma followed by up to three name words ("Springfield, Illinois")."""
    upper_word = (
        r"(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{L}\p{M}\d]*"
        r"(?:(?:[-&./]|['’](?!s(?![\p{L}\d])))[\p{L}\d][\p{L}\p{M}\d]*){0,5}"
        r"(?:\.|(?<=s)['’](?=[ \xa0]\p{Lu}))?"
    )
    up = r"(?:(?:\p{Lu}\.){2,4}(?![\p{L}])|\p{Lu}\.(?=[ ]\p{Lu})|" + upper_word + r")"
    particle_word = r"(?:" + (_alternatives(prefixes) or "\x00") + r")-\p{Lu}[\p{L}\p{M}]*(?:-\p{L}+)?"
    # "d'Ivoire", "d'Estaing": an elided particle joined to a name word, inside a run only.
    elided = r"d['’]\p{Lu}[\p{L}\p{M}]{1,30}"
    word = r"(?:" + up + r"|" + particle_word + r"|" + elided + r")"
    conn = r"(?:" + (_alternatives(connectors) or "\x00") + r")"
    more = r"(?:[ \xa0]{1,3}(?:" + conn + r"[ \xa0]{1,3}){0,3}" + word + r"){0,11}"
    chunk = regex.compile(r"(?<![\p{L}\p{M}\d_])(?=\p{Lu})" + up + more)
    particle_chunk = regex.compile(r"(?<![\p{L}\p{M}\d_-])" + particle_word + more)
    comma_place = regex.compile(r"[ ]{0,2},[ ]{1,3}(" + word + r"(?:[ ]" + word + r"){0,2})")
    return chunk, particle_chunk, comma_place


def merge_rules(*rule_sets: Mapping[str, Any]) -> dict[str, Any]:
    """Merge rule sets: tables merge key by key, lists concatenate, other values are replaced.

    Later sets win, so a user's TOML can add entries to the shipped lists or override one.
    """
    out: dict[str, Any] = {}
    for rules in rule_sets:
        _merge_into(out, rules)
    return out


def _merge_into(out: dict[str, Any], rules: Mapping[str, Any]) -> None:
    for key, value in rules.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            _merge_into(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        elif isinstance(value, Mapping):
            fresh: dict[str, Any] = {}
            _merge_into(fresh, value)
            out[key] = fresh
        else:
            out[key] = list(value) if isinstance(value, list) else value


def iter_words(values: Iterable[str]) -> list[str]:
    """Normalised phrases (curly apostrophes straightened, spaces collapsed)."""
    return [_norm(v) for v in values]
