"""Issue 14, wave 3 (event stage speed): the CAMEO light-verb table is built as it is asked for,
and reads the shipped dictionary's rows without making a record of each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsmodel
from newsmodel.events import EventFinder, EventRules

MINE = """\
####### VERB PATTERNS #######

---  ZORBLE   [---]  ---
ZORBLE
+BLIX_OUT {+BLIXED_OUT}
- * CRACKDOWN                                        [170]        # ZORBLE
- * GREETINGS                                        [051]        # ZORBLE
- * BRIBE                                            [---]        # ZORBLE
"""


def _finder(tmp_path: Path) -> EventFinder:
    path = tmp_path / "verbs.txt"
    path.write_text(MINE, encoding="utf-8")
    return EventFinder(EventRules.shipped().extend({"cameo": {"dictionary": str(path)}}))


def test_the_table_holds_the_nouns_of_usable_patterns_only(tmp_path: Path) -> None:
    light = _finder(tmp_path).lexicon.light
    # "crackdown" is a COERCE noun of the lexicon; "greetings" no noun trigger; "---" no event.
    assert sorted(light) == ["crackdown", "crackdowns"]
    assert len(light) == 2 and bool(light)
    assert light.get("greetings") is None and "bribe" not in light
    verbs = light["crackdown"]
    assert sorted(verbs) == ["blix", "blixed", "zorble", "zorbled", "zorbles", "zorbling"]
    ((trigger, plan),) = verbs["zorbled"]
    assert trigger.rule == "cameo:COERCE:zorble crackdown [170]"
    assert plan == ((3, frozenset({("crackdown",), ("crackdowns",)})),)
    # A verb with a particle: the particle is the first step, its own entry sorts first.
    ((trigger, plan),) = verbs["blixed"]
    assert trigger.rule == "cameo:COERCE:blix out crackdown [170]"
    assert plan[0] == (0, frozenset({("out",)}))
    assert verbs.get("arrested") is None and verbs.get("arrested", ()) == ()


def test_entries_are_made_once(tmp_path: Path) -> None:
    light = _finder(tmp_path).lexicon.light
    first = light["crackdowns"]["zorbles"]
    assert light["crackdowns"]["zorbles"] is first
    assert light["crackdowns"] is light["crackdowns"]


def test_a_light_verb_of_your_own_is_coded(tmp_path: Path) -> None:
    parser = newsmodel.Parser(events=_finder(tmp_path))
    (e,) = parser.parse("Kenyan police blixed out a crackdown on Monday.", published="2020-03-04").events
    assert (e.kind.name, e.trigger.text) == ("COERCE", "blixed out a crackdown")
    assert [a.name for a in e.sources] == ["Kenyan police"]


def test_the_shipped_dictionary_is_read_as_rows() -> None:
    # The first article reads the shipped file's rows; no record is made of each (that would cost
    # the first article some 0.02 s), unless asked for.
    code = (
        "import newsmodel\n"
        "from newsmodel.rules import cameo\n"
        "a = newsmodel.Parser().parse('Algerian farmers began a hunger strike.')\n"
        "print(a.events[0].rule)\n"
        "print(cameo.shipped_cameo_verbs.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["cameo:PROTEST:begin hunger strike [142]", "0"]
