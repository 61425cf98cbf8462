"""The patterns the actor stage compiles from its rules: runs of capitalised words, names with a
possessive inside, "we" words, and the function-word patterns of the grammar ("the", "of", "and").

Every quantifier is bounded, so that each pattern runs in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from .._text.patterns import alternation
from .rules import ActorRules, FunctionWords

__all__ = [
    "apostrophes",
    "by_length",
    "chunk_patterns",
    "grammar",
    "possessive_heads",
    "possessive_pattern",
]


def grammar(words: FunctionWords) -> dict[str, Any]:
    """The fields of the tables that the function words make."""
    return {
        "article": words.article,
        "article_space": words.article + " " if words.article else "",
        "of": words.of,
        "conjunction": words.conjunction,
        "possessives": apostrophes(words.possessive + " ") if words.possessive else (),
        "elided": tuple(words.elided_particles),
        "prev_words": regex.compile(
            r"(?r)(?:(?<![\p{L}’'.-])([\p{L}][\p{L}’'.-]{0,30})[ \xa0]{1,3})?"
            r"(?<![\p{L}’'.-])([\p{L}][\p{L}’'.-]{0,30})[ \xa0,]{1,3}"
            + (f"(?:{regex.escape(words.article)}[ \\xa0]{{1,3}})?" if words.article else "")
            + r"\Z"
        ),
        "coordination": _coordination(words.coordinators),
        "of_place": _of_place(words.of, words.article),
    }


def by_length(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first (cannot match when empty)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def apostrophes(phrase: str) -> tuple[str, ...]:
    """``phrase`` with a straight, then a curly apostrophe."""
    return (phrase.replace("’", "'"), phrase.replace("'", "’"))


def _glued(words: Iterable[str]) -> str:
    """An alternation of prefixes, in their order, each apostrophe matching either kind."""
    return "|".join(regex.escape(w).replace("'", "['’]") for w in words)


def chunk_patterns(
    rules: ActorRules, connectors: list[str]
) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The patterns for runs of capitalised words: one that opens at a capital (it can only start
    there, so it scans fast), one that opens with a particle name ("al-Assad said"), and a
    comma followed by up to three name words ("Springfield, Illinois")."""
    prefixes = _glued(rules.words.name_prefixes)
    # An apostrophe inside a name, unless it opens a possessive ("Russia's"); one after a plural
    # -s ends the name before another ("the Workers' Party").
    words = rules.words
    possessive = regex.escape(words.possessive.lstrip("'’")) if words.possessive else "(?!)"
    plural = f"(?<={regex.escape(words.plural_suffix)})" if words.plural_suffix else "(?!)"
    upper_word = (
        (f"(?:{prefixes})?" if prefixes else "")
        + r"\p{Lu}[\p{L}\p{M}\d]*"
        + rf"(?:(?:[-&./]|['’](?!{possessive}(?![\p{{L}}\d])))[\p{{L}}\d][\p{{L}}\p{{M}}\d]*){{0,5}}"
        + rf"(?:\.|{plural}['’](?=[ \xa0]\p{{Lu}}))?"
    )
    up = r"(?:(?:\p{Lu}\.){2,4}(?![\p{L}])|\p{Lu}\.(?=[ ]\p{Lu})|" + upper_word + r")"
    particle_word = r"(?:" + alternation(rules.particle_prefixes) + r")-\p{Lu}[\p{L}\p{M}]*(?:-\p{L}+)?"
    elided = _glued(rules.words.elided_particles)
    word = (
        r"(?:"
        + up
        + r"|"
        + particle_word
        + (rf"|(?:{elided})\p{{Lu}}[\p{{L}}\p{{M}}]{{1,30}}" if elided else "")
        + r")"
    )
    conn = r"(?:" + alternation(connectors) + r")"
    more = r"(?:[ \xa0]{1,3}(?:" + conn + r"[ \xa0]{1,3}){0,3}" + word + r"){0,11}"
    # The capital first: it fails at most positions, so the look-behind is rarely tried.
    chunk = regex.compile(r"(?=\p{Lu})(?<![\p{L}\p{M}\d_])" + up + more)
    particle_chunk = regex.compile(r"(?<![\p{L}\p{M}\d_-])" + particle_word + more)
    comma_place = regex.compile(r"[ ]{0,2},[ ]{1,3}(" + word + r"(?:[ ]" + word + r"){0,2})")
    return chunk, particle_chunk, comma_place


def possessive_pattern(with_s: list[str]) -> regex.Pattern[str] | None:
    """The known phrases with a possessive inside, either apostrophe, as one pattern."""
    if not with_s:
        return None
    return regex.compile(
        r"(?<![\p{L}\d])(?:"
        + "|".join(regex.escape(k).replace("'", "['’]").replace(r"\ ", r"[ \xa0]") for k in with_s)
        + r")(?![\p{L}\d])"
    )


def possessive_heads(with_s: list[str], possessive: str) -> tuple[str, ...]:
    """The word before the possessive of each such phrase, with the possessive ("People's ")."""
    marks = apostrophes(possessive + " ") if possessive else ()
    heads = {k.split(f"{possessive} ")[0].split()[-1] for k in with_s}
    return tuple(sorted({h + m for h in heads for m in marks}))


def _coordination(words: tuple[str, ...]) -> regex.Pattern[str]:
    """ ", and " or " or " closing the text before an offset ("French and Egyptian warships")."""
    alt = "|".join(regex.escape(w) for w in words) or "(?!)"
    return regex.compile(rf"(?:,[ ]{{1,2}}(?:(?:{alt})[ ]{{1,2}})?|[ ]{{1,2}}(?:{alt})[ ]{{1,2}})\Z")


def _of_place(of: str, article: str) -> regex.Pattern[str]:
    """ " of Belgium", " of the United States" after a name."""
    the = f"(?:{regex.escape(article)}[ ]{{1,2}})?" if article else ""
    of_ = regex.escape(of) if of else "(?!)"
    return regex.compile(
        rf"[ ]{{1,2}}{of_}[ ]{{1,2}}{the}\p{{Lu}}[\p{{L}}.’'-]{{0,20}}(?:[ ]{{1,2}}\p{{Lu}}[\p{{L}}.’'-]{{0,20}}){{0,3}}"
    )
