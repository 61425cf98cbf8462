"""The time rule set: TimeRules (schema, errors naming file and key, extend), the finder built
from it, and the clause breaks governing_time takes from the parser's time rules."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import attrs
import pytest

import newsmodel
from newsmodel import RuleError
from newsmodel.model import Statement
from newsmodel.pipeline import Context
from newsmodel.segment import Segmenter
from newsmodel.times import TimeFinder, TimeRules, governing_time

SUNDAY = date(2017, 4, 9)
RAMADAN = {"id": "ramadan", "pattern": "Ramadan", "kind": "DATE", "resolve": "fixed", "value": "XXXX-XX-XX"}
# Rules that find nothing in the shipped set (so they carry no example): see times.toml.
NEVER_FIRE = {"quarter-q", "current"}


def test_shipped_rules_are_structured_and_cached() -> None:
    rules = TimeRules.shipped()
    assert rules is TimeRules.shipped()
    assert rules == TimeRules.load(Path(newsmodel.__file__).parent / "rules" / "times.toml")
    ids = [r.id for r in rules.rule]
    assert len(ids) == len(set(ids)) and "month-day-year" in ids
    # Month, weekday and season words come from english.toml; numword adds the shared numbers.
    assert rules.lists["month"]["sept"] == 9 and rules.lists["season"]["fall"] == "FA"
    assert rules.numbers["twelve"] == 12 and rules.lists["numword"]["a couple of"] == 2


def test_rule_sets_pickle_and_compare_by_data() -> None:
    rules = TimeRules.shipped().extend({"rule": [RAMADAN]})
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules and hash(again) == hash(rules)
    assert rules != TimeRules.shipped()


def test_every_rule_carries_an_example_unless_it_never_fires() -> None:
    rules = TimeRules.shipped()
    with_examples = {e.rule for e in rules.examples()}
    assert {r.id for r in rules.rule} - with_examples == NEVER_FIRE
    assert all(e.published == "2017-04-09" for e in rules.examples())


def test_extend_adds_a_rule_and_replaces_one_by_id() -> None:
    rules = TimeRules.shipped().extend({"rule": [RAMADAN], "triggers": {"core": ["ramadan"]}})
    finder = TimeFinder(rules)
    (t,) = finder.find("Talks stalled during Ramadan.", SUNDAY)
    assert (t.span.text, t.rule, t.value) == ("Ramadan", "ramadan", "XXXX-XX-XX")
    soon = {"id": "soon", "pattern": "soon", "kind": "DATE", "resolve": "fixed", "value": "FUTURE_REF"}
    replaced = TimeRules.shipped().extend({"rule": [soon]})
    assert len(replaced.rule) == len(TimeRules.shipped().rule)
    (t,) = TimeFinder(replaced).find("He was soon released.", SUNDAY)
    assert (t.rule, t.value) == ("soon", "FUTURE_REF")  # the shipped rule needed a future verb
    assert TimeFinder().find("He was soon released.", SUNDAY) == ()


def test_a_toml_file_extends_the_shipped_rules(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[rule]]\nid = "ramadan"\npattern = "Ramadan"\nkind = "DATE"\nresolve = "fixed"\nvalue = "XXXX-XX-XX"\n'
        '[triggers]\ncore = ["ramadan"]\n',
        encoding="utf-8",
    )
    finder = TimeFinder(path)  # type: ignore[arg-type]
    assert [t.rule for t in finder.find("Talks stalled during Ramadan in May.", SUNDAY)] == [
        "ramadan",
        "month",
    ]


def test_malformed_rules_name_file_key_and_rule(tmp_path: Path) -> None:
    bad = {**RAMADAN, "resolve": "no-such-resolver"}
    with pytest.raises(
        RuleError, match=r"<mapping>: rule\[0\]: expected resolve to be a resolver .*'ramadan'"
    ):
        TimeRules.load({"rule": [bad]})
    with pytest.raises(RuleError, match=r"rule\[0\]: expected kind to be a TIMEX3 type"):
        TimeRules.load({"rule": [{**RAMADAN, "kind": "DAY"}]})
    with pytest.raises(RuleError, match=r"<mapping>: rule\[0\]: extra fields found \(colour\)"):
        TimeRules.load({"rule": [{**RAMADAN, "colour": "red"}]})
    path = tmp_path / "bad.toml"
    path.write_text('[context]\nfuture = "will"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.toml: context\.future: expected a list"):
        TimeRules.shipped().extend(path)
    path.write_text(
        "[[rule]]\nid = 'broken'\npattern = '(unclosed'\nkind = 'DATE'\nresolve = 'fixed'\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"bad\.toml: rule\[\d+\]\.pattern: rule 'broken': bad pattern"):
        TimeFinder(TimeRules.shipped().extend(path))


def test_governing_time_uses_the_clause_words_it_is_given() -> None:
    text = "Talks collapsed on Friday whereupon officials signed the long-awaited deal last week."
    segments = Segmenter()(text)
    shipped = TimeFinder()
    custom = TimeFinder(TimeRules.shipped().extend({"clauses": {"alone": ["whereupon"]}}))
    found = shipped.find(text, SUNDAY, segments)
    assert found == custom.find(text, SUNDAY, segments)
    at = text.index("signed")
    by_default = governing_time(found, segments, at, at + 6)
    assert by_default is not None and by_default.span.text == "Friday"  # nearest, same clause
    assert governing_time(found, segments, at, at + 6, clauses=shipped.clause_break) == by_default
    split = governing_time(found, segments, at, at + 6, clauses=custom.clause_break)
    assert split is not None and split.span.text == "last week"  # "whereupon" ends Friday's clause


def test_the_parser_hands_its_time_rules_clause_breaks_to_later_stages() -> None:
    custom = TimeFinder(TimeRules.shipped().extend({"clauses": {"alone": ["whereupon"]}}))
    seen: list[Context] = []

    def statements(context: Context) -> tuple[Statement, ...]:
        seen.append(context)
        return ()

    newsmodel.Parser(times=custom, statements=statements).parse("He left on Friday.", published=SUNDAY)
    assert seen[0].clause_break is custom.clause_break
    assert seen[0].clause_break.search("talks whereupon") is not None
    newsmodel.Parser(statements=statements).parse("He left on Friday.", published=SUNDAY)
    assert seen[1].clause_break is not None and seen[1].clause_break.search("talks whereupon") is None


def test_context_clause_break_does_not_affect_equality() -> None:
    segments = Segmenter()("x")
    plain = Context(text="x", published=None, headline=None, segments=segments)
    assert attrs.evolve(plain, clause_break=TimeFinder().clause_break) == plain


def test_events_attach_times_with_the_parsers_own_clause_words() -> None:
    """The event stage asks governing_time with the clause breaks of the parser that runs it: a
    custom clause word moves "Monday" out of the attack's clause."""
    import newsmodel
    from newsmodel.times import TimeFinder, TimeRules

    text = "On Monday zorp Russian troops attacked Ukrainian forces, officials said on Wednesday."
    shipped = newsmodel.Parser().parse(text, published="2017-04-09")
    custom_times = TimeFinder(TimeRules.shipped().extend({"clauses": {"alone": ["zorp"]}}))
    custom = newsmodel.Parser(times=custom_times).parse(text, published="2017-04-09")
    (before,) = [e for e in shipped.events if e.kind.name == "ASSAULT"]
    (after,) = [e for e in custom.events if e.kind.name == "ASSAULT"]
    assert before.time is not None and before.time.span.text == "Monday"
    assert after.time is not None and after.time.span.text == "Wednesday"
