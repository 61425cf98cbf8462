"""Every example a rule carries is found by that rule (HeidelTime keeps an example above each rule).

A rule in ``newsmodel/rules/*.toml`` may carry ``examples = [...]``; each rule set lists them
through :meth:`newsmodel.rules.RuleSet.examples`. One test per example parses it with the default
parser and checks that some extraction carries the rule's id.
"""

from __future__ import annotations

import newsmodel
from newsmodel.rules import Example, RuleSet


def _all_rule_sets() -> list[type[RuleSet]]:
    found: list[type[RuleSet]] = []
    todo = list(RuleSet.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.SHIPPED:
            found.append(cls)
    return sorted(found, key=lambda c: c.__name__)


def _examples() -> list[Example]:
    return [e for cls in _all_rule_sets() for e in cls.shipped().examples()]


def _rules_of(article: newsmodel.Article) -> set[str]:
    rules = {t.rule for t in article.times}
    rules |= {s.rule for s in article.statements}
    rules |= {e.rule for e in article.events}
    # A mention's rule may carry the rule that placed its actor after it ("title-name+country-role").
    rules |= {part for a in article.actors for m in a.mentions for part in (m.rule, *m.rule.split("+"))}
    return rules


def pytest_generate_tests(metafunc):  # type: ignore[no-untyped-def]
    if "example" in metafunc.fixturenames:
        examples = _examples()
        metafunc.parametrize("example", examples, ids=[f"{e.rule}:{e.text[:40]}" for e in examples])


def test_example_is_found_by_its_rule(example: Example) -> None:
    article = newsmodel.parse(example.text, published=example.published)
    assert example.rule in _rules_of(article), (example.rule, sorted(_rules_of(article)))
