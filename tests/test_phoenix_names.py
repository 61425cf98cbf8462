"""The name index of the Phoenix dictionaries: what the actor stage reads a person's country from."""

from __future__ import annotations

import gzip
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import RuleError
from newsmodel.rules._phoenix.names import NameIndex, shipped_names, write_names
from newsmodel.rules.phoenix import ActorDictionary, Role, parse_phoenix, shipped_phoenix

ROOT = Path(__file__).resolve().parents[1]

ACTORS = """\
RUSSIA_  [RUS]
+MOSCOW_
AFGHANISTAN_ [AFG]
RAHM_EMANUEL_  [USAELI 770101-090120] [USAGOV 090120-101001]
HAMID_KARZAI_
+KARZAI_
+PRESIDENT_KARZAI_
    [AFGELI 750101-000101]
    [AFGGOV >011222]
SALVA_KIIR_ [SDNGOV 050811-110709]
SALVA_KIIR_ [SSDGOV >110709]
TALIBAN_ [AFGREB]
UNITED_NATIONS_ [IGOUNO]
ZZ_TOP_ [USAMED]
ÉMILE_ZOLA_ [FRAELI]
"""

DAYS = (None, date(1990, 1, 1), date(2010, 1, 1), date(2012, 6, 1))


@pytest.fixture(scope="module")
def small() -> ActorDictionary:
    return parse_phoenix(ACTORS)


def index_of(dictionary: ActorDictionary) -> NameIndex:
    return NameIndex(write_names(dictionary, ["a header"]).encode("utf-8"))


def test_the_index_answers_as_the_dictionary(small: ActorDictionary) -> None:
    index = index_of(small)
    names = [n for e in small.entries for n in e.names]
    # every name (first and last of the table too), other spellings of them, and names not there
    asked = [*names, "rahm  emanuel", "Rahm_Emanuel", "president karzai", "A", "ZZZZ", "", " ", "Kiir"]
    for name in asked:
        for day in DAYS:
            assert index.roles_on(name, day) == small.roles_on(name, day), (name, day)
    assert index.roles_on("Salva Kiir", date(2012, 6, 1)) == (
        Role(code="SDN", country="SDN"),
        Role(code="SSDGOV", country="SSD", sector="GOV", start=date(2011, 7, 9)),
    )
    assert index.roles_on("Émile Zola", "2017-04-09")[0].country == "FRA"


@given(name=st.text(max_size=30))
def test_any_name_is_answered_as_the_dictionary_does(name: str) -> None:
    small = parse_phoenix(ACTORS)
    assert index_of(small).roles_on(name) == small.roles_on(name)


def test_the_index_is_sorted_and_deterministic(small: ActorDictionary) -> None:
    text = write_names(small, ["a header"])
    assert text == write_names(parse_phoenix(ACTORS), ["a header"])
    head, _, body = text.partition("\n\n")
    assert head.startswith("# newsmodel-phoenix-names 1\n# a header\n@\t")
    keys = [line.split("\t", 1)[0].encode() for line in body.splitlines()]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_malformed_index_raises_rule_error() -> None:
    with pytest.raises(RuleError, match="not a compiled name index"):
        NameIndex(b"P\tA\tUSA\n")
    with pytest.raises(RuleError, match="line 2: malformed code line"):
        NameIndex(b"# newsmodel-phoenix-names 1\nUSA\n\nA\tP\tUSA\n")
    index = NameIndex(b"# newsmodel-phoenix-names 1\n@\tUSA\tUSA\t\n\nA B\tP\tNOCODE\n")
    with pytest.raises(RuleError, match="malformed line for 'A B'"):
        index.roles_on("a b")


def test_the_shipped_index_answers_as_the_shipped_dictionary() -> None:
    shipped, index = shipped_phoenix(), shipped_names()
    assert shipped_names() is index
    names = sorted({n for e in shipped.entries for n in e.names})
    for name in names[::7]:  # a seventh of the 34,000 names: every kind, first and last letters
        for day in (None, date(2017, 4, 9)):
            assert index.roles_on(name, day) == shipped.roles_on(name, day), name
    assert index.roles_on("Barack Obama", date(2012, 6, 1))[0].sector == "GOV"


def test_the_shipped_index_is_what_the_build_writes() -> None:
    data = ROOT / "newsmodel" / "rules" / "phoenix_data"
    shipped = gzip.decompress((data / "names.tsv.gz").read_bytes()).decode("utf-8")
    header = [line.removeprefix("# ") for line in shipped.split("\n@", 1)[0].split("\n")[1:]]
    assert shipped == write_names(shipped_phoenix(), header)


def test_parsing_reads_the_index_not_the_dictionaries() -> None:
    code = (
        "import sys, newsmodel\n"
        "a = newsmodel.parse('She met with President Salva Kiir.', published='2017-10-27')\n"
        "from newsmodel.rules._phoenix import compiled, names\n"
        "print(a.actor('salva-kiir').country, compiled.shipped_phoenix.cache_info().currsize, "
        "names.shipped_names.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["SSD", "0", "1"]
