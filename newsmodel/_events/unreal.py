"""Trigger words that name no act: what an actor may do, plans to do, aims at, makes conditions of
or demands while protesting. Each is marked ``absorbed`` (part of another event, or of none).

- a **capacity**: a verb in the infinitive after a noun such as "right" ("the right to demonstrate",
  "the right of Russian troops to fire on militants") names what may be done, not a deed
  (``words.capacity_nouns``);
- a noun **not yet real**: "the planned deployment", "a possible attack", "canceled a meeting"
  (``words.unrealized_modifiers``: the word before the noun, or before its determiner);
- a noun **modifying another**: "truce monitors", "deportation orders" name the monitors and the
  orders (``words.modifier_heads``);
- a **purpose**: "a resolution that aims to tighten sanctions and impose a blockade", "a meeting
  aimed at establishing relations" (``words.purposes``: the clause after one of them);
- the **condition of an announcement**: "will boycott the elections unless the president agrees to
  step down" is one THREATEN; what it asks for is not an act (``words.conditions``, after a
  THREATEN or AGREE event of the clause);
- a demand **satisfied**: "until their demands are met", "met the demands" name the demands as
  conditions, not the act of demanding (``words.satisfied_nouns`` with ``words.satisfy_verbs``);
- a **purpose infinitive**: "will visit Mauritania and Senegal to mediate", "would blockade Paris
  to demand an end to the reform": the act after "to" is what the earlier one is for (a verb of a
  kind that absorbs its complement, such as "threatened to", is read in absorb.py);
- an act **forbidden or prevented**: "defying a ban on rallies", "sought to prevent the agency from
  deporting Iraqis" report no rally and no deportation (a noun after ``words.prohibition_nouns`` and
  a preposition; a gerund after ``words.prevention_links`` following one of
  ``words.prevention_verbs`` in its clause);
- the **demand of a protest**: "demonstrated in Kirkuk, calling for independence" is one PROTEST
  (CAMEO codes a demonstration by what it demands): a gerund of a REQUEST verb after a PROTEST
  event of its clause.
"""

from __future__ import annotations

import bisect

from ..model import EventKind
from .state import PUNCT_BOUNDARY, Doc, Draft

__all__ = ["drop_unreal"]

_CAPACITY_REACH = 6  # tokens from "to" back to a capacity noun, at most
_PURPOSE_REACH = 14  # tokens from a trigger back to a purpose or a condition, at most
_DEMAND_REACH = 12  # tokens from a protest to the gerund of its demand, at most
_PREVENT_REACH = 10  # tokens from "from" back to a prevention verb, at most
_ANNOUNCED = (EventKind.THREATEN, EventKind.AGREE)
_PROTEST, _REQUEST = EventKind.PROTEST, EventKind.REQUEST  # globals: an enum class read is slow


def drop_unreal(doc: Doc, drafts: list[Draft]) -> None:
    """Mark the drafts whose trigger names no act as absorbed (see the module docstring).

    Each reading is tried only where its first word is there (most drafts: a few set lookups).
    """
    if not drafts:
        return
    words, lw = doc.lex.words, doc.lw
    infinitive, unreal, last = words.infinitive, words.unrealized_modifiers, len(lw) - 1
    determiners, satisfied, links = words.determiners, words.satisfied_nouns, words.prevention_links
    heads = words.modifier_heads
    purposes = _purpose_starts(doc, words.purposes) if words.purposes else []
    protest: Draft | None = None
    announced: Draft | None = None
    verb: Draft | None = None  # the last verb event
    for d in drafts:
        if d.absorbed:
            continue
        trig = d.trig
        ti = trig.ti
        noun = trig.entry.pos == "noun"
        before = lw[ti - 1] if ti > 0 else ""
        after_to = not noun and before in infinitive
        if (
            (after_to and _after_capacity(doc, d))
            or (
                (before in unreal or (ti > 1 and lw[ti - 2] in unreal))
                and (noun or before in determiners)
                and _unrealized(doc, ti)
            )
            or (
                noun
                and (
                    (lw[ti] in satisfied and _satisfied(doc, ti))
                    or (ti > 1 and _forbidden(doc, ti))
                    or (trig.end == trig.head_end and ti < last and lw[ti + 1] in heads)
                )
            )
            or (not noun and before in links and _prevented(doc, d))
            or (purposes and _opened_by(doc, d, purposes))
            or (
                announced is not None
                and announced.sentence.start == d.sentence.start
                and _announced_condition(doc, announced, d)
            )
            or (protest is not None and d.kind is _REQUEST and _demand_of(doc, protest, d))
            or (after_to and verb is not None and _purpose_of(doc, verb, d))
        ):
            d.absorbed = True
            continue
        kind = d.kind
        if kind is _PROTEST:
            protest = d
        if kind in _ANNOUNCED:
            announced = d
        if not noun:
            verb = d


def _after_capacity(doc: Doc, d: Draft) -> bool:
    """``the right (of X) to <verb>``: a capacity noun before the infinitive marker of the verb."""
    lw, words = doc.lw, doc.lex.words
    j = d.trig.ti - 1
    if j < 1 or lw[j] not in words.infinitive:
        return False
    lo = max(doc.sentence_tok(d.sentence), j - _CAPACITY_REACH)
    k = j - 1
    while k >= lo:
        w = lw[k]
        if w in words.capacity_nouns:
            return True
        if w in PUNCT_BOUNDARY or w == "," or w in doc.lex.verb_like or w in words.boundaries:
            return False
        k -= 1
    return False


def _unrealized(doc: Doc, ti: int) -> bool:
    """``the planned deployment``, ``a possible new attack``: a modifier of what is not yet real."""
    lw, mods = doc.lw, doc.lex.words.unrealized_modifiers
    return lw[ti - 1] in mods or (ti > 1 and lw[ti - 2] in mods and lw[ti - 1].isalpha())


def _forbidden(doc: Doc, ti: int) -> bool:
    """``a ban on rallies``, ``a ban on opposition rallies``: a prohibition noun and a preposition
    before the noun (past one modifier)."""
    lw, words = doc.lw, doc.lex.words
    j = ti - 1
    if (
        j > 1
        and lw[j] not in words.target_prepositions
        and lw[j].isalpha()
        and lw[j] not in doc.lex.verb_like
    ):
        j -= 1  # one modifier: "opposition"
    return j > 0 and lw[j] in words.target_prepositions and lw[j - 1] in words.prohibition_nouns


def _prevented(doc: Doc, d: Draft) -> bool:
    """``prevent X from deporting``, ``was barred from entering``: a gerund after "from", and a
    prevention verb before it in its clause (brackets included)."""
    lw, words = doc.lw, doc.lex.words
    if not doc.norm[d.trig.start : d.trig.head_end].lower().endswith(words.gerund_suffixes):
        return False
    lo = max(doc.sentence_tok(d.sentence), d.trig.ti - 1 - _PREVENT_REACH)
    for k in range(d.trig.ti - 2, lo - 1, -1):
        w = lw[k]
        if w in words.prevention_verbs:
            return True
        if (w in PUNCT_BOUNDARY and w not in "()") or w == "," or w in words.boundaries:
            return False  # an abbreviation in brackets is no break ("prevent ... (ICE) from")
    return False


def _satisfied(doc: Doc, ti: int) -> bool:
    """``their demands are met``, ``met the demands``: a satisfy verb after the noun (past "be" and
    negations) or before it (past determiners and adjectives)."""
    lw, words = doc.lw, doc.lex.words
    j = ti + 1
    while (
        j < len(lw)
        and j - ti <= 3
        and (lw[j] in words.be or lw[j] in words.negations or lw[j] in doc.lex.verb_like)
    ):
        j += 1
    if j > ti + 1 and j < len(lw) and lw[j] in words.satisfy_verbs:
        return True
    j = ti - 1
    while (
        j >= 0
        and ti - j <= 3
        and (lw[j] in words.determiners or lw[j] in words.possessive_marks or lw[j].isalpha())
    ):
        if lw[j] in words.satisfy_verbs:
            return True
        j -= 1
    return False


def _purpose_starts(doc: Doc, phrases: frozenset[str]) -> list[int]:
    """The tokens that open a purpose phrase, in text order (most articles hold none: one
    substring search per group of phrases sharing a prefix says so)."""
    low, lw, out = doc.low, doc.lw, []
    for key, group in _prefix_groups(phrases):
        at = low.find(key)
        while at >= 0:
            for p in group:
                if low.startswith(p, at):
                    k = doc.tok(at)
                    words = tuple(p.split())
                    if doc.starts[k] == at and tuple(lw[k : k + len(words)]) == words:
                        out.append(k)
            at = low.find(key, at + 1)
    return sorted(out)


_GROUPS: dict[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]] = {}
_SHARED_PREFIX = 3  # characters a prefix searched for several phrases has, at least


def _prefix_groups(phrases: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The phrases grouped under a prefix to search the text for: a phrase's shortest prefix (of
    three characters or more) that another phrase shares ("aim" for "aims to" and "aimed at"), or
    the phrase itself. Every occurrence of a phrase is one of its prefix: one search per group
    finds them all. Made once per set of phrases."""
    got = _GROUPS.get(phrases)
    if got is None:
        groups: dict[str, list[str]] = {}
        for p in sorted(phrases):
            key = next(
                (
                    p[:n]
                    for n in range(_SHARED_PREFIX, len(p))
                    if any(q != p and q.startswith(p[:n]) for q in phrases)
                ),
                p,
            )
            groups.setdefault(key, []).append(p)
        got = _GROUPS[phrases] = tuple((k, tuple(ps)) for k, ps in groups.items())
    return got


def _opened_by(doc: Doc, d: Draft, starts: list[int]) -> bool:
    """Whether a purpose phrase (opening at one of the tokens ``starts``) opens the clause of
    ``d``'s trigger: it ends before the trigger, within reach, with no comma or mark between."""
    ti = d.trig.ti
    n = bisect.bisect_left(starts, ti) - 1
    if n < 0:
        return False
    k = starts[n]
    if k < max(doc.sentence_tok(d.sentence), ti - _PURPOSE_REACH):
        return False
    return not any(w in PUNCT_BOUNDARY or w == "," for w in doc.lw[k:ti])


def _announced_condition(doc: Doc, announced: Draft, d: Draft) -> bool:
    """``will boycott ... unless the president agrees``: ``d`` lies in a condition of ``announced``."""
    if announced.sentence.start != d.sentence.start or d.trig.start <= announced.trig.end:
        return False
    lw, conditions = doc.lw, doc.lex.words.conditions
    k = d.trig.ti - 1
    lo = max(doc.tok(max(announced.trig.end - 1, announced.trig.start)) + 1, d.trig.ti - _PURPOSE_REACH)
    while k >= lo:
        w = lw[k]
        if w in conditions:
            return True
        if w in PUNCT_BOUNDARY:
            return False
        k -= 1
    return False


def _purpose_of(doc: Doc, verb: Draft, d: Draft) -> bool:
    """``would blockade Paris to demand``: ``d`` is a verb after "to" in the clause of ``verb``."""
    lex, lw = doc.lex, doc.lw
    if (
        d.trig.entry.pos != "verb"
        or verb.sentence.start != d.sentence.start
        or verb.trig.entry.kind in lex.absorbs
    ):
        return False
    to = d.trig.ti - 1
    if to < 1 or lw[to] not in lex.words.infinitive:
        return False
    j0 = doc.tok(max(verb.trig.end - 1, verb.trig.start)) + 1
    if to < j0 or to - j0 > _DEMAND_REACH:
        return False
    words = lex.words
    verbal = words.past_suffixes + words.gerund_suffixes
    for k in range(j0, to):
        w = lw[k]
        if w in PUNCT_BOUNDARY or w == "," or w in words.boundaries or w in lex.verb_like:
            return False
        # Another verb between: the "to" is its complement ("plans to withdraw prompted
        # Washington to demand").
        if w.endswith(verbal) and not doc.norm[doc.starts[k]].isupper():
            return False
        # "visit Mauritania and Senegal to mediate" joins names; "attacked Chile and tried to
        # seize the port" joins verbs: the second one's complement is no purpose of the first.
        if w in words.verb_coordinators and not doc.norm[doc.starts[k + 1]].isupper():
            return False
    return True


def _demand_of(doc: Doc, protest: Draft, d: Draft) -> bool:
    """``demonstrated ... calling for independence``: the gerund of a demand after a protest."""
    if d.kind is not _REQUEST or d.trig.entry.pos != "verb" or protest.sentence.start != d.sentence.start:
        return False
    if not doc.norm[d.trig.start : d.trig.head_end].lower().endswith(doc.lex.words.gerund_suffixes):
        return False
    j0 = doc.tok(max(protest.trig.end - 1, protest.trig.start)) + 1
    if d.trig.ti - j0 > _DEMAND_REACH:
        return False
    return not any(w in PUNCT_BOUNDARY or w in doc.lex.words.boundaries for w in doc.lw[j0 : d.trig.ti])
