"""The Phoenix-format dictionary reader, the role-on-a-date rule and the shipped compiled data."""

from __future__ import annotations

import gc
import gzip
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import InvalidArgumentError, InvalidPublishedError, RuleError
from newsmodel.rules import phoenix
from newsmodel.rules.phoenix import (
    ActorDictionary,
    Role,
    decode_code,
    load_phoenix,
    parse_phoenix,
    shipped_phoenix,
)

ROOT = Path(__file__).resolve().parents[1]

ACTORS = """\
# A small actor dictionary in the Phoenix format.
RUSSIA_  [RUS]
+RUSSIAN_
+MOSCOW_   # a capital as a synonym

RAHM_EMANUEL_  [USAELI 770101-090120] [USAGOV 090120-101001]
HAMID_KARZAI_  # roles on lines of their own
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
OLD_GUARD_
\t[GBRGOV <19900101]
LEONID_BREZHNEV_
LEONID_ILYICH_BREZHNEV
\t[RUSGOV 641014-821110]
THE_UNITED_NATIONS_ [IGOUNO]
AMNESTY_INTERNATIONAL_\t[NGOHRI]
ACME_CORP_ [MNCUSA]
TALIBAN_ [AFGREB]
AL_QAEDA_ [IMGMUSALQ]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
POLICE {} [~COP]
POLICE!PERSON! [~COP]
PROTESTER [~OPP]
THIEF {THIEVES} [~CRM]
MILITIA [~UAF]
AUTHORITY [~GOV]
CHIEF EXECUTIVE [~GOVBUS]
PEACEKEEPING_TROOPS {} [IGO~]
"""


@pytest.fixture(scope="module")
def small() -> ActorDictionary:
    return parse_phoenix(AGENTS + ACTORS, source="small.txt")


def names(entries: tuple[phoenix.Entry, ...]) -> list[str]:
    return [e.name for e in entries]


# --- reading the format -------------------------------------------------------------------------


def test_entries_are_filed_by_their_codes(small: ActorDictionary) -> None:
    assert names(small.countries) == ["RUSSIA"]
    assert names(small.people) == ["RAHM EMANUEL", "HAMID KARZAI", "OLD GUARD", "LEONID BREZHNEV"]
    assert names(small.organisations) == ["THE UNITED NATIONS", "AMNESTY INTERNATIONAL", "ACME CORP"]
    assert names(small.groups) == ["TALIBAN", "AL QAEDA"]
    assert [a.name for a in small.agents][:3] == ["POLICE", "POLICEMAN", "PROTESTER"]


def test_synonyms_and_comments(small: ActorDictionary) -> None:
    (russia,) = small.countries
    assert russia.synonyms == ("RUSSIAN", "MOSCOW")
    assert russia.roles == (Role(code="RUS", country="RUS"),)
    karzai = small.lookup("Karzai")[0]
    assert karzai.names == ("HAMID KARZAI", "KARZAI", "PRESIDENT KARZAI")


def test_dated_roles_and_open_ranges(small: ActorDictionary) -> None:
    (emanuel,) = small.lookup("RAHM_EMANUEL_")
    assert emanuel.roles == (
        Role(code="USAELI", country="USA", sector="ELI", start=date(1977, 1, 1), end=date(2009, 1, 20)),
        Role(code="USAGOV", country="USA", sector="GOV", start=date(2009, 1, 20), end=date(2010, 10, 1)),
    )
    karzai = small.lookup("hamid karzai")[0]
    assert karzai.roles[0].end == date(2000, 1, 1)  # 00-30 are 20xx, as PETRARCH2 reads them
    assert karzai.roles[1] == Role(code="AFGGOV", country="AFG", sector="GOV", start=date(2001, 12, 22))
    assert not karzai.roles[2].dated
    (guard,) = small.lookup("old guard")
    assert guard.roles == (Role(code="GBRGOV", country="GBR", sector="GOV", end=date(1990, 1, 1)),)


def test_consecutive_name_lines_without_codes_are_one_entry(small: ActorDictionary) -> None:
    (brezhnev,) = small.lookup("Leonid Ilyich Brezhnev")
    assert brezhnev.name == "LEONID BREZHNEV"
    assert brezhnev.roles[0].country == "RUS"


def test_agents_with_plurals_and_substitution_sets(small: ActorDictionary) -> None:
    police = small.agent("police")
    assert police is not None
    assert police.forms == ("POLICE",)
    assert police.sector == "COP"
    assert police.role.country is None
    man = small.agent("policewomen")
    assert man is not None
    assert man.forms == ("POLICEMAN", "POLICEMEN", "POLICEWOMAN", "POLICEWOMEN", "POLICEPERSON")
    assert small.agent("Protesters") is not None
    assert small.agent("protesters").sector == "OPP"  # type: ignore[union-attr]
    assert small.agent("thieves").forms == ("THIEF", "THIEVES")  # type: ignore[union-attr]
    assert small.agent("militias") is not None
    assert small.agent("authorities").sector == "GOV"  # type: ignore[union-attr]
    assert small.agent("chief executives").sector == "GOV"  # type: ignore[union-attr]
    assert small.agent("peacekeeping troops").sector == "IGO"  # type: ignore[union-attr]
    assert small.agent("policemans") is None  # no regular plural of a set's words
    assert small.agent("Rahm Emanuel") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOVMIL", ("USA", "GOV")),
        ("AFG", ("AFG", None)),
        ("IGOUNOKID", (None, "IGO")),
        ("NGOHRI", (None, "NGO")),
        ("MNCUSA", ("USA", "BUS")),
        ("IMGMUSALQ", (None, "REB")),  # MUS is Muslim here, not Mauritius
        ("MUSGOV", ("MUS", "GOV")),  # and Mauritius as a first segment
        ("GBRFLKGOV", ("FLK", "GOV")),  # the territory
        ("TMPGOV", ("TLS", "GOV")),  # CAMEO's code for Timor-Leste
        ("USRARM", ("ARM", None)),
        ("FRYKSV", ("XKX", None)),
        ("KNTGOV", (None, "GOV")),  # Kinakuta, a fictional country
        ("TMPOCC", ("TLS", None)),
        ("HINRAD", (None, "RAD")),
        ("~MUS", (None, "REL")),
        ("~GOVMED", (None, "GOV")),
        ("IGO~", (None, "IGO")),
        ("---", (None, None)),
        ("WEU", (None, None)),
    ],
)
def test_decode_code(code: str, expected: tuple[str | None, str | None]) -> None:
    assert decode_code(code) == expected


@pytest.mark.parametrize("code", ["", "US", "NGOEEURENV", "usagov", "USA GOV"])
def test_decode_code_rejects_what_is_not_a_code(code: str) -> None:
    with pytest.raises(RuleError, match="not a CAMEO code"):
        decode_code(code)


# --- a role on a date ---------------------------------------------------------------------------


def test_a_role_held_on_the_date_wins(small: ActorDictionary) -> None:
    (emanuel,) = small.lookup("Rahm Emanuel")
    assert emanuel.role_on(date(2009, 1, 19)).code == "USAELI"  # type: ignore[union-attr]
    assert emanuel.role_on(date(2009, 1, 20)).code == "USAGOV"  # type: ignore[union-attr]  (start inclusive)
    assert emanuel.role_on(datetime(2010, 5, 1, 12, 0)).sector == "GOV"  # type: ignore[union-attr]
    assert small.roles_on("rahm emanuel", date(2010, 1, 1)) == (emanuel.roles[1],)


def test_outside_any_range_the_person_keeps_the_country(small: ActorDictionary) -> None:
    (emanuel,) = small.lookup("Rahm Emanuel")
    after = emanuel.role_on(date(2016, 1, 1))  # the end is exclusive: 2010-10-01 is outside
    assert after == Role(code="USA", country="USA")
    assert emanuel.role_on(date(2010, 10, 1)) == after
    assert emanuel.role_on(date(1950, 1, 1)) == Role(code="USA", country="USA")
    assert emanuel.country_on(date(2016, 1, 1)) == "USA"


def test_the_nearest_range_gives_the_country() -> None:
    d = parse_phoenix("MOVER_ [FRAGOV 900101-950101] [DEUGOV 050101-100101]\n")
    (mover,) = d.people
    assert mover.country_on(date(1996, 1, 1)) == "FRA"
    assert mover.country_on(date(2004, 1, 1)) == "DEU"
    assert mover.country_on(date(2020, 1, 1)) == "DEU"
    assert mover.role_on(date(2000, 1, 1)).sector is None  # type: ignore[union-attr]


def test_an_undated_role_holds_outside_the_dated_ones(small: ActorDictionary) -> None:
    (karzai,) = small.lookup("Karzai")
    assert karzai.role_on(date(1990, 6, 1)).code == "AFGELI"  # type: ignore[union-attr]  dated
    assert karzai.role_on(date(2001, 6, 1)) == karzai.roles[2]  # no dated role: the undated one
    assert karzai.role_on(date(2010, 6, 1)).code == "AFGGOV"  # type: ignore[union-attr]


def test_a_day_may_be_an_iso_string_and_nothing_else(small: ActorDictionary) -> None:
    (emanuel,) = small.lookup("Rahm Emanuel")
    assert small.roles_on("Rahm Emanuel", "2010-01-01") == (emanuel.roles[1],)
    assert emanuel.role_on("2010-01-01T12:00:00Z") == emanuel.roles[1]
    with pytest.raises(InvalidPublishedError, match="not an ISO 8601 date"):
        emanuel.role_on("yesterday")
    with pytest.raises(InvalidArgumentError, match="not int"):
        small.roles_on("Rahm Emanuel", 2010)  # type: ignore[arg-type]


def test_without_a_date(small: ActorDictionary) -> None:
    (karzai,) = small.lookup("Karzai")
    assert karzai.role_on() == karzai.roles[2]  # the undated role
    (emanuel,) = small.lookup("Rahm Emanuel")
    assert emanuel.role_on(None) == emanuel.roles[1]  # else the latest
    assert small.roles_on("nobody") == ()


def test_an_entry_with_no_country_keeps_none() -> None:
    d = parse_phoenix("KOFI_ANNAN_\t[IGOUNO 970101-061231]\n")
    (annan,) = d.people
    assert annan.role_on(date(2000, 1, 1)).sector == "IGO"  # type: ignore[union-attr]
    assert annan.role_on(date(2010, 1, 1)) is None
    assert annan.country_on(date(2000, 1, 1)) is None


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("A_ [USAGOV 9008223-911221]\n", 1, "neither YYMMDD nor YYYYMMDD"),
        ("# c\nA_ [USAGOV 20121204]\n", 2, "write FROM-TO"),
        ("A_ [USAGOV 900101-800101]\n", 1, "ends before it starts"),
        ("A_ [USAGOV 901301-911221]\n", 1, "not a day of the calendar"),
        ("A_ [~ENV}\n", 1, "unclosed bracket"),
        ("A_ [USAGOV] junk\n", 1, "unexpected 'junk'"),
        ("+B_\n", 1, "synonym (+) with no name line"),
        ("\n\t[USAGOV]\n", 2, "role line with no name line"),
        ("A_ [USA]\n\nB_\n\nC_ [USA]\n", 3, "B has no code"),
        ("A!NOPE! [~GOV]\n", 1, "no substitution set !NOPE!"),
        ("A_ [USAGOVX]\n", 1, "not a CAMEO code"),
        ("A_ [US~GOV]\n", 1, "not a CAMEO code"),
        ("A_ []\n", 1, "empty brackets"),
        ("A_ [USAGOV] [~COP]\n", 1, "mixes agent codes"),
        ("A_ {AS} [USAGOV]\n", 1, "plurals in braces belong to agents"),
        ("!S! = X!S!\n", 1, "without ! in them"),
        ("COTE_D\ufffdIVOIRE_ [CIV]\n", 1, "is not a name"),
    ],
)
def test_a_malformed_line_raises_rule_error_naming_file_and_line(text: str, line: int, what: str) -> None:
    with pytest.raises(RuleError, match=rf"^mine\.txt, line {line}: .*{re.escape(what)}"):
        parse_phoenix(text, source="mine.txt")


def test_strict_false_skips_and_lists_malformed_lines() -> None:
    d = parse_phoenix(
        "A_ [USAGOV 9008223-911221]\nB_ [FRAGOV]\n+C_ [~X}\nD_ [DEU]\n", source="f", strict=False
    )
    assert [(s.line, s.source) for s in d.skipped] == [(1, "f"), (3, "f")]
    assert "neither YYMMDD" in d.skipped[0].reason
    assert names(d.organisations) == ["B"]
    assert names(d.countries) == ["D"]


def test_load_phoenix_reads_files_in_order_and_names_them(tmp_path: Path) -> None:
    sets = tmp_path / "sets.txt"
    sets.write_text("!PERSON! = MAN, MEN\n", encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("MILITIA!PERSON! [~UAF]\n", encoding="utf-8")
    d = load_phoenix(sets, str(agents))
    assert d.agent("militiamen").forms == ("MILITIAMAN", "MILITIAMEN")  # type: ignore[union-attr]
    bad = tmp_path / "bad.txt"
    bad.write_text("OK_ [USA]\n\nBAD_ [USAGOV 1-2]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.txt, line 3: "):
        load_phoenix(sets, agents, bad)
    with pytest.raises(RuleError, match=r"missing\.txt"):
        load_phoenix(tmp_path / "missing.txt")


def test_parse_phoenix_refuses_what_is_not_text() -> None:
    with pytest.raises(RuleError, match="not bytes"):
        parse_phoenix(b"A_ [USA]")  # type: ignore[arg-type]


def test_dictionaries_pickle(small: ActorDictionary) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(small))
    assert again == small
    assert again.roles_on("karzai", date(2010, 1, 1)) == small.roles_on("karzai", date(2010, 1, 1))


@given(code=st.text(max_size=12))
def test_decode_code_never_crashes_with_anything_but_rule_error(code: str) -> None:
    try:
        country, sector = decode_code(code)
    except RuleError:
        return
    assert country is None or len(country) == 3
    assert sector is None or len(sector) == 3


def test_records_are_frozen(small: ActorDictionary) -> None:
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        small.people[0].name = "X"  # type: ignore[misc]


# --- the compiled form --------------------------------------------------------------------------


def test_compiled_form_round_trips(small: ActorDictionary) -> None:
    actors, agents = phoenix._write_compiled(small, ["a header"])
    assert actors.startswith("# newsmodel-phoenix 1\n# a header\n")
    again = phoenix._read_compiled(actors, agents)
    assert again == small
    for entry in small.entries:
        for name in entry.names:
            assert again.lookup(name) == small.lookup(name)
    for agent in small.agents:
        for form in agent.forms:
            assert again.agent(form) == small.agent(form)


def test_compiled_form_errors_name_the_line() -> None:
    with pytest.raises(RuleError, match="line 1: not a compiled dictionary"):
        phoenix._read_compiled("P\tA\tUSA\n")
    with pytest.raises(RuleError, match="line 2: malformed compiled line"):
        phoenix._read_compiled("# newsmodel-phoenix 1\nP\tA\tNOCODE\n")


# --- properties ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "A_",
        "+B_",
        "\t",
        " ",
        "\n",
        "[",
        "]",
        "{",
        "}",
        "[USAGOV]",
        "[USAGOV 900101-910101]",
        "[AFG >011222]",
        "[~COP]",
        "!P! = MAN, MEN",
        "!P!",
        "#",
        "-",
        ">",
        "<",
        "~",
        "---",
        "IGOUNO",
        "9008223",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, strict=st.booleans())
def test_the_reader_never_crashes_with_anything_but_rule_error(text: str, strict: bool) -> None:
    try:
        d = parse_phoenix(text, source="x", strict=strict)
    except RuleError as exc:
        message = str(exc)
        d = None
    if d is None:
        assert strict
        assert message.startswith("x, line ")
        return
    assert parse_phoenix(text, source="x", strict=strict) == d  # deterministic
    for entry in d.entries:
        assert entry.roles
        for role in entry.roles:
            assert role.start is None or role.end is None or role.start <= role.end
        entry.role_on(date(2000, 1, 1))
        entry.role_on()
    assert phoenix._read_compiled(*phoenix._write_compiled(d)) == attrs_evolve_skipped(d)


def attrs_evolve_skipped(d: ActorDictionary) -> ActorDictionary:
    import attrs

    return attrs.evolve(d, skipped=())


@settings(max_examples=100, deadline=None)
@given(start=st.dates(date(1000, 1, 1)), length=st.integers(1, 20000), day=st.dates())
def test_role_on_keeps_the_country_on_any_day(start: date, length: int, day: date) -> None:
    end = date.fromordinal(min(start.toordinal() + length, date.max.toordinal()))
    if end <= start:
        return
    text = f"X_ [FRAGOV {start:%Y%m%d}-{end:%Y%m%d}]\n"
    (entry,) = parse_phoenix(text).people
    role = entry.role_on(day)
    assert role is not None
    assert role.country == "FRA"
    assert (role.sector == "GOV") == (start <= day < end)


# --- the shipped data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return shipped_phoenix()


def test_the_shipped_data_loads_once(shipped: ActorDictionary) -> None:
    assert shipped_phoenix() is shipped
    assert gc.isenabled()  # switched off while loading, and on again
    assert len(shipped.people) > 15000
    assert len(shipped.countries) > 200
    assert len(shipped.organisations) > 5000
    assert len(shipped.groups) > 900
    assert len(shipped.agents) > 2000


@pytest.mark.parametrize(
    ("name", "day", "country", "sector"),
    [
        ("Barack Obama", date(2012, 6, 1), "USA", "GOV"),
        ("Rahm Emanuel", date(2010, 1, 1), "USA", "GOV"),
        ("Rahm Emanuel", date(2015, 1, 1), "USA", None),
        ("Hamid Karzai", date(2005, 1, 1), "AFG", "GOV"),
        ("Angela Merkel", date(2010, 1, 1), "DEU", "GOV"),
        ("Mikhail Gorbachev", date(1988, 1, 1), "RUS", "GOV"),
        ("Kofi Annan", date(2000, 1, 1), None, "IGO"),
        ("Mohamed Ould Abdel Aziz", date(2012, 1, 1), "MRT", "GOV"),  # MUS in the source, corrected
        ("Taliban", None, "AFG", "REB"),
        ("Afghanistan", None, "AFG", None),
        ("Kabul", None, "AFG", None),
        ("United Nations", None, None, "IGO"),
    ],
)
def test_well_known_entries(
    shipped: ActorDictionary, name: str, day: date | None, country: str | None, sector: str | None
) -> None:
    roles = shipped.roles_on(name, day)
    assert roles
    assert (roles[0].country, roles[0].sector) == (country, sector)


@pytest.mark.parametrize(
    ("noun", "sector"), [("police", "COP"), ("protesters", "OPP"), ("soldiers", "MIL"), ("rebels", "REB")]
)
def test_well_known_agents(shipped: ActorDictionary, noun: str, sector: str) -> None:
    agent = shipped.agent(noun)
    assert agent is not None
    assert agent.sector == sector


def test_every_shipped_country_is_iso_3166_alpha_3(shipped: ActorDictionary) -> None:
    iso = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    countries = {r.country for e in shipped.entries for r in e.roles} - {None}
    assert countries <= iso
    assert len(countries) > 190


def test_the_licence_ships_with_the_data() -> None:
    data = (ROOT / "newsmodel" / "rules" / "phoenix_data").glob("*")
    texts = {
        p.name.removesuffix(".gz"): (
            gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        ).decode()
        for p in data
    }
    assert "MIT licence" in texts["README.md"]
    assert "LICENSES/petrarch2-MIT.txt" in texts["actors.tsv"].split("\n@", 1)[0]
    assert "Permission is hereby granted" in texts["LICENSE"]  # in the wheel, beside the data
    assert (ROOT / "LICENSES" / "petrarch2-MIT.txt").read_text() == texts["LICENSE"]


def test_import_newsmodel_does_not_load_the_dictionaries() -> None:
    code = "import sys, newsmodel; newsmodel.parse('Police said.'); print('newsmodel.rules.phoenix' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
