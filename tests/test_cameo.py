"""The CAMEO verb dictionary reader (newsmodel.rules.cameo) and the shipped compiled dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import RuleError
from newsmodel.rules.cameo import (
    inflect,
    load_cameo_verbs,
    plover_of,
    read_cameo_dictionary,
    read_plover_mapping,
    shipped_cameo_verbs,
)

SNIPPET = """\
# a comment
&WEAPON
+GUN
+ROCKET_LAUNCHER

####### VERB PATTERNS #######

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
REQUEST  [020]  # OY 25 Jul 2003
QUERY {QUERYING QUERIES QUERIED }
- * EXTRADITION                                       [0213]        # REQUEST
- * (FOR &WEAPON) $                                   [0232]        # ASK
- $ * +                                               [:020]        # ASK
- * INCIDENTS                                         [---]         # ASK

---  STOP   [190]---  ---
STOP
~ a (a b ATTACK) SAY = a b 015
"""


def _read(text: str, tmp_path: Path) -> Path:
    path = tmp_path / "verbs.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_snippet_verbs_forms_and_codes(tmp_path: Path) -> None:
    d = read_cameo_dictionary(_read(SNIPPET, tmp_path))
    assert d.synsets == {"weapon": ("gun", "rocket launcher")}
    by_lemma = {v.lemma: v for v in d.verbs}
    ask = by_lemma["ask"]
    assert (ask.particle, ask.cameo) == ("for", "020")
    assert ask.forms == ("ask for", "asked for", "asking for", "asks for")
    assert by_lemma["request"].forms == ("request", "requests", "requested", "requesting")
    assert by_lemma["query"].forms == ("query", "querying", "queries", "queried")
    assert by_lemma["query"].cameo == ""  # the block has no code, the verb none of its own
    assert by_lemma["stop"].cameo == "190"  # the block's code, closing dashes glued to it
    assert by_lemma["stop"].forms == ("stop", "stops", "stopped", "stopping")


def test_snippet_patterns(tmp_path: Path) -> None:
    patterns = read_cameo_dictionary(_read(SNIPPET, tmp_path)).patterns
    assert [(p.before, p.after, p.cameo, p.verb) for p in patterns] == [
        ((), ("extradition",), "0213", "request"),
        ((), ("(", "for", "&weapon", ")", "$"), "0232", "ask"),
        (("$",), ("+",), "020", "ask"),
        ((), ("incidents",), "---", "ask"),
    ]


def test_plover_mapping_and_parents(tmp_path: Path) -> None:
    table = tmp_path / "map.txt"
    table.write_text(
        "# head\n02: REQUEST\n020: REQUEST, , # Appeal\n0213: REQUEST, assist, legal # x\n~~~~\n"
    )
    mapping = read_plover_mapping(table)
    assert mapping["0213"] == ("REQUEST", "assist")
    assert plover_of("0232", mapping) == ("REQUEST", "")  # via 02
    assert plover_of("190", mapping) == ("", "")
    assert plover_of("---", mapping) == ("", "")
    d = load_cameo_verbs(_read(SNIPPET, tmp_path), plover=table)
    assert {p.cameo: p.plover for p in d.patterns}["0213"] == "REQUEST"
    assert {p.cameo: p.plover for p in d.patterns}["---"] == ""


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("accuse", ("accuse", "accuses", "accused", "accusing")),
        ("deny", ("deny", "denies", "denied", "denying")),
        ("stop", ("stop", "stops", "stopped", "stopping")),
        ("push", ("push", "pushes", "pushed", "pushing")),
        ("tie", ("tie", "ties", "tied", "tying")),
        ("free", ("free", "frees", "freed", "freeing")),
        ("play", ("play", "plays", "played", "playing")),
        ("meet", ("meet", "meets", "meeted", "meeting")),  # irregular verbs list their forms
    ],
)
def test_inflect(verb: str, forms: tuple[str, ...]) -> None:
    assert inflect(verb) == forms


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("ASK\n", 1, "expected a synonym set or a verb block"),
        ("---  ASK  [---]  ---\n- * WORDS\n", 2, "needs a CAMEO code"),
        ("---  ASK  [---]  ---\n- WORDS [020]\n", 2, "exactly one '*'"),
        ("---  ASK  [---]  ---\nASK {ASKS\n", 2, "unbalanced '{'"),
        ("---  ASK  [---]  ---\n- * X [02a]\n", 2, "a CAMEO code is digits"),
        ("\n\n&\n", 3, "needs a name"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _read(text, tmp_path)
    with pytest.raises(RuleError, match=f"verbs.txt:{line}: .*{message}"):
        read_cameo_dictionary(path)


def test_missing_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="nope.txt"):
        load_cameo_verbs(tmp_path / "nope.txt")


@given(st.lists(st.text(max_size=60), max_size=12))
def test_reader_raises_only_rule_error(lines: list[str]) -> None:
    message = ""
    try:
        d = read_cameo_dictionary("arbitrary.txt", lines=lines)
    except RuleError as exc:
        message = str(exc)
    else:
        assert all(v.forms and v.forms[0] for v in d.verbs)
    assert message == "" or message.startswith("arbitrary.txt:")


def test_shipped_dictionary() -> None:
    d = shipped_cameo_verbs()
    assert len(d.verbs) > 1500 and len(d.patterns) > 3000
    assert [(v.lemma, v.plover) for v in d.lookup("accused")] == [("accuse", "ACCUSE")]
    kinds = {v.plover for v in d.verbs} - {""}
    assert {"ASSAULT", "ACCUSE", "COERCE", "SANCTION", "MOBILIZE", "AID", "CONCEDE"} <= kinds
    assert all(p.plover or p.cameo == "---" for p in d.patterns)
    assert shipped_cameo_verbs() is d  # read once
