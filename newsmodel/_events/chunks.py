"""A shallow chunker: a sentence's tokens grouped into noun groups and verb groups, and the clause
structure the role finder reads off them (subjects, objects, passives with ``by``, appositions,
relative clauses, coordination, participle clauses). No parser, no tagger: the closed classes of
English (``[chunks]`` in ``english.toml``) and the verb triggers the scan found are enough to tell
where a group ends.

A noun group is a run of determiners and content words; its head is its last content word
("a U.S. consulate worker": ``worker``; "Turkey's police": ``police``), or a pronoun. A verb group
is a run of auxiliaries, negations, adverbs and verbs ("has not been arrested"). A content word
is a verb when the scan found a verb trigger there, after an auxiliary or the infinitive marker,
after a subject pronoun or a relative pronoun, or when it ends like a participle or gerund and a
noun group with a content word stands right before it ("the crowd tried", not "the detained man").

The chunks of a sentence are computed once, on first use (only sentences holding a trigger).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence

import attrs

from ..rules._schema import _expand, english

__all__ = ["ADV", "COORD", "NOUN", "PREP", "PUNCT", "SUB", "VERB", "ChunkGrammar", "Chunks", "chunk"]

# Item kinds: a noun group, a verb group, and the single tokens between groups.
NOUN, VERB, PREP, COORD, SUB, PUNCT, ADV = range(7)
# Token classes (private): content word, and the closed classes.
_WORD, _DET, _PREP, _COORD, _SUB, _PUNCT, _AUX, _PRON, _JOIN, _INF, _ADV, _REL = range(12)


@attrs.frozen(eq=False)
class ChunkGrammar:
    """The closed classes the chunker reads (``[chunks]`` in ``english.toml``), with the suffixes
    of adverbs, participles and gerunds (``[suffixes]``)."""

    classes: dict[str, int]
    subject_pronouns: frozenset[str]
    be: frozenset[str]
    agent: frozenset[str]
    name_links: frozenset[str]
    participles: frozenset[str]
    participle_suffixes: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    gerund_suffixes: tuple[str, ...]
    adverb_suffixes: tuple[str, ...]

    @staticmethod
    @functools.cache
    def shipped() -> ChunkGrammar:
        """The grammar of the shipped ``english.toml`` (read once)."""
        en = english()
        c = _expand(en["chunks"], "english.toml", "chunks")
        classes: dict[str, int] = {}
        # Later classes win: "that" is a relative before it is a determiner; "to" is decided in context.
        for name, code in (
            ("determiners", _DET),
            ("prepositions", _PREP),
            ("coordinators", _COORD),
            ("subordinators", _SUB),
            ("relatives", _REL),
            ("be", _AUX),
            ("auxiliaries", _AUX),
            ("pronouns", _PRON),
            ("joiners", _JOIN),
            ("infinitive", _INF),
        ):
            for w in c[name]:
                classes[w.lower()] = code
        suffixes = _expand(en["suffixes"], "english.toml", "suffixes")
        return ChunkGrammar(
            classes=classes,
            subject_pronouns=frozenset(c["subject_pronouns"]),
            be=frozenset(c["be"]),
            agent=frozenset(c["agent"]),
            name_links=frozenset(c["name_links"]),
            participles=frozenset(c["participles"]),
            participle_suffixes=tuple(suffixes["participle"]),
            past_suffixes=tuple(suffixes["past"]),
            gerund_suffixes=tuple(suffixes["gerund"]),
            adverb_suffixes=tuple(suffixes["adverb"]),
        )


@attrs.define
class Chunks:
    """The chunks of one sentence.

    ``items``: ``(kind, first token, end token, head token)`` in text order, kinds ``NOUN``,
    ``VERB``, ``PREP``, ``COORD``, ``SUB`` (a subordinator or relative pronoun), ``PUNCT`` and
    ``ADV``; single tokens have ``end = first + 1`` and ``head = first``. ``at``: the item of
    each token of the sentence (index ``token - lo``). ``passive``: the verb groups read as
    passive. ``relative``: the ``SUB`` items that are relative pronouns.
    """

    lo: int
    items: list[tuple[int, int, int, int]]
    at: list[int]
    passive: set[int]
    relative: set[int]

    def item_of(self, ti: int) -> int:
        """The item holding token ``ti`` (-1 outside the sentence)."""
        k = ti - self.lo
        return self.at[k] if 0 <= k < len(self.at) else -1


def _classify(words: Sequence[str], lo: int, hi: int, g: ChunkGrammar) -> list[int]:
    classes = g.classes
    out: list[int] = []
    for i in range(lo, hi):
        w = words[i]
        c = classes.get(w)
        if c is None:
            if not w[:1].isalnum():
                c = _PUNCT
            elif w.endswith(g.adverb_suffixes) and len(w) > 4:
                c = _ADV
            else:
                c = _WORD
        out.append(c)
    return out


def _is_verb(
    words: Sequence[str], cls: list[int], k: int, lo: int, g: ChunkGrammar, verbs: Collection[int], caps: Sequence[bool]
) -> bool:
    """Whether the content word at sentence position ``k`` is a verb (see the module docstring)."""
    i = lo + k
    if i in verbs:
        return True
    j = k - 1
    while j >= 0 and cls[j] == _ADV:
        j -= 1
    if j < 0:
        return False
    prev = cls[j]
    if prev in (_AUX, _INF, _REL):
        return not caps[k]
    if prev == _PRON:
        return words[lo + j] in g.subject_pronouns
    if prev == _WORD and not caps[k] and j == k - 1:
        w = words[i]
        if w.endswith(g.participle_suffixes) or w.endswith(g.gerund_suffixes) or w in g.participles:
            return _content_before(cls, j)
    if prev in (_PREP, _SUB) and not caps[k] and j == k - 1 and words[i].endswith(g.gerund_suffixes) and len(words[i]) > 5:
        return True  # "after having been", "while backpacking", "by dumping"
    if prev == _PUNCT and words[lo + j] == "," and not caps[k]:
        return words[i].endswith(g.gerund_suffixes) and len(words[i]) > 5  # ", saying"
    return False


def _content_before(cls: list[int], j: int) -> bool:
    """Whether the word at ``j`` ends a noun group with a content word (not a determiner only)."""
    return cls[j] == _WORD


def chunk(
    words: Sequence[str],
    lo: int,
    hi: int,
    *,
    verbs: Collection[int] = (),
    caps: Sequence[bool] | None = None,
    grammar: ChunkGrammar | None = None,
) -> Chunks:
    """The chunks of the tokens ``[lo, hi)`` (lower-case ``words``; ``verbs``: token indexes known
    to be verbs; ``caps``: per token of the range, whether it is capitalised)."""
    g = grammar or ChunkGrammar.shipped()
    n = hi - lo
    if caps is None:
        caps = [False] * n
    cls = _classify(words, lo, hi, g)
    # "to": the infinitive marker before a plain word, a preposition before anything else.
    for k in range(n):
        if cls[k] == _INF:
            nxt = words[lo + k + 1] if k + 1 < n else ""
            if (
                k + 1 >= n
                or cls[k + 1] != _WORD
                or caps[k + 1]
                or not nxt[:1].isalpha()
                or nxt.endswith(("s", *g.past_suffixes, *g.gerund_suffixes))
            ) and (lo + k + 1) not in verbs:
                cls[k] = _PREP
    verb = [False] * n
    for k in range(n):
        if cls[k] == _WORD and _is_verb(words, cls, k, lo, g, verbs, caps):
            verb[k] = True
    return _group(words, lo, n, cls, verb, caps, g)


def _group(
    words: Sequence[str], lo: int, n: int, cls: list[int], verb: list[bool], caps: Sequence[bool], g: ChunkGrammar
) -> Chunks:
    items: list[tuple[int, int, int, int]] = []
    at = [-1] * n
    passive: set[int] = set()
    relative: set[int] = set()
    k = 0
    while k < n:
        c = cls[k]
        start = k
        if c == _AUX or (c == _INF and k + 1 < n and verb[k + 1]) or (c == _WORD and verb[k]):
            k = _verb_end(cls, verb, k, n)
            head = max((j for j in range(start, k) if cls[j] == _WORD), default=k - 1)
            if _passive(words, lo, cls, start, k, head, n, g):
                passive.add(len(items))
            items.append((VERB, lo + start, lo + k, lo + head))
        elif c in (_DET, _WORD, _PRON):
            k, head = _noun_end(words, lo, cls, verb, caps, k, n, g)
            items.append((NOUN, lo + start, lo + k, lo + head))
        else:
            kind = {_PREP: PREP, _COORD: COORD, _SUB: SUB, _REL: SUB, _ADV: ADV}.get(c, PUNCT)
            if c == _REL:
                relative.add(len(items))
            k += 1
            items.append((kind, lo + start, lo + k, lo + start))
        for j in range(start, k):
            at[j] = len(items) - 1
    return Chunks(lo=lo, items=items, at=at, passive=passive, relative=relative)


def _verb_end(cls: list[int], verb: list[bool], k: int, n: int) -> int:
    k += 1
    while k < n and (cls[k] in (_AUX, _ADV) or verb[k]):
        k += 1
    return k


def _passive(
    words: Sequence[str], lo: int, cls: list[int], start: int, end: int, head: int, n: int, g: ChunkGrammar
) -> bool:
    """A participle after a form of "be" in the group, or a participle right before "by"."""
    w = words[lo + head]
    if cls[head] != _WORD or not (w.endswith(g.participle_suffixes) or w in g.participles):
        return False
    if end < n and words[lo + end] in g.agent:
        return True
    return any(words[lo + j] in g.be for j in range(start, head))


def _noun_end(
    words: Sequence[str],
    lo: int,
    cls: list[int],
    verb: list[bool],
    caps: Sequence[bool],
    k: int,
    n: int,
    g: ChunkGrammar,
) -> tuple[int, int]:
    """End and head of the noun group opening at ``k``."""
    if cls[k] == _PRON:
        return k + 1, k
    head = k
    k += 1
    while k < n:
        c = cls[k]
        if c == _WORD and not verb[k]:
            head = k
        elif c == _DET and cls[k - 1] == _DET:
            pass  # "all the", "the two"
        elif c == _JOIN and k + 1 < n and cls[k + 1] in (_WORD, _DET) and not verb[k + 1]:
            pass  # "Turkey's police", "U.N.-backed"
        elif (
            c == _PREP
            and words[lo + k] in g.name_links
            and caps[k - 1]
            and k + 1 < n
            and caps[k + 1]
            and cls[k + 1] == _WORD
        ):
            pass  # "Bank of England"
        else:
            break
        k += 1
    if cls[head] != _WORD and head + 1 < k:
        head = k - 1
    return k, head


# -- clause structure ---------------------------------------------------------------------------
# The readers below take an item index and return item indexes (noun groups).

_INSERT_ITEMS = 24  # items an apposition or relative clause between commas may hold, at most


def subject_of(ch: Chunks, words: Sequence[str], v: int, depth: int = 0) -> list[int]:
    """The noun groups that are the subject of the verb group at item ``v`` (empty: none found).

    The noun group before the verb, past prepositional phrases after it ("Rebels in the Ivory
    Coast dismissed"), an apposition or a relative clause between commas ("Turkey, which has
    arrested two staff members, summoned"), with the groups coordinated with it ("Peru and
    Colombia vowed"); the antecedent of a relative pronoun ("the police, who fired"); for a verb
    coordinated with an earlier one ("shot two people and wounded a third") or opening a
    participle clause after a comma ("..., forcing officers to"), the earlier verb's subject.
    """
    items = ch.items
    k = v - 1
    while k >= 0 and items[k][0] == ADV:
        k -= 1
    if k < 0 or depth > 3:
        return []
    kind = items[k][0]
    gerund = _gerund(ch, words, v)
    if gerund and (kind == PREP or (kind == SUB and k not in ch.relative)):
        # "..., after having been kidnapped by", "while backpacking": the main clause's subject.
        p = _previous_verb(ch, words, k, through=True)
        return subject_of(ch, words, p, depth + 1) if p >= 0 else []
    if gerund and _opens_sentence(ch, words, k):
        return _subject_after(ch, words, v)  # "Complaining of the tariff, he said"
    if kind == NOUN or (kind == PREP and k > 0):
        return _subject_from(ch, k if kind == NOUN else k - 1)
    if kind == VERB:  # "tried | to storm": the subject of the verb it complements
        return subject_of(ch, words, k, depth + 1)
    if kind == COORD:
        p = _previous_verb(ch, words, k)
        return subject_of(ch, words, p, depth + 1) if p >= 0 else []
    if kind == SUB:
        if k in ch.relative:
            j = k - 1
            if j >= 0 and items[j][0] == PUNCT and words[items[j][1]] == ",":
                j -= 1
            return _subject_from(ch, j) if j >= 0 and items[j][0] == NOUN else []
        return []
    if kind == PUNCT and words[items[k][1]] == ",":
        o = _opening_comma(ch, words, k)
        if o > 0:
            return _subject_from(ch, o - 1)
        if gerund:
            p = _previous_verb(ch, words, k)  # "..., forcing officers to open fire"
            return subject_of(ch, words, p, depth + 1) if p >= 0 else []
    return []


def _subject_from(ch: Chunks, k: int) -> list[int]:
    """The subject ending at item ``k``: past prepositional phrases, with its coordinated groups."""
    items = ch.items
    while k >= 0 and items[k][0] == NOUN:
        if k > 0 and items[k - 1][0] == PREP:
            k -= 2
            continue
        return coordinated(ch, k, -1)
    return []


def coordinated(ch: Chunks, k: int, step: int) -> list[int]:
    """The noun group at ``k`` with the groups coordinated with it in direction ``step``
    ("Peru, Colombia and Chile"), in text order."""
    items = ch.items
    got = [k]
    j = k + step
    joined = False
    while 0 <= j + step < len(items) and items[j][0] in (COORD, PUNCT) and items[j + step][0] == NOUN:
        if items[j][0] == COORD:
            joined = True
        elif j + 2 * step >= 0 and j + 2 * step < len(items) and items[j + 2 * step][0] not in (COORD, PUNCT):
            # a comma must be followed (in this direction) by another join: "A, B and C"
            if not (0 <= j + 3 * step < len(items) and items[j + 3 * step][0] == NOUN) and not joined:
                break
        got.append(j + step)
        j += 2 * step
    if not joined:
        got = [k]
    return sorted(got)


def _previous_verb(ch: Chunks, words: Sequence[str], k: int, *, through: bool = False) -> int:
    """The verb group before item ``k`` in the same clause (not past a subordinator or ``;``;
    ``through``: past the one subordinator at ``k``)."""
    items = ch.items
    j = k - 1
    while j >= 0:
        kind = items[j][0]
        if kind == VERB:
            return j
        if (kind == SUB and not (through and j == k)) or (kind == PUNCT and words[items[j][1]] not in (",", "-")):
            return -1
        j -= 1
    return -1


def _gerund(ch: Chunks, words: Sequence[str], v: int) -> bool:
    """Whether the verb group at ``v`` opens with a gerund or participle ("saying", "having been")."""
    first = words[ch.items[v][1]]
    return first.endswith(ChunkGrammar.shipped().gerund_suffixes) and len(first) > 4


def _opens_sentence(ch: Chunks, words: Sequence[str], k: int) -> bool:
    """Whether nothing but punctuation, coordinators and adverbs lies before item ``k + 1``."""
    return all(ch.items[j][0] in (PUNCT, COORD, ADV) for j in range(k + 1))


def _subject_after(ch: Chunks, words: Sequence[str], v: int) -> list[int]:
    """The subject of the main clause after an opening participle clause: the noun group right
    after the comma that closes it, when a verb group follows that group."""
    items = ch.items
    j = v + 1
    while j < len(items) and j - v <= _INSERT_ITEMS:
        if items[j][0] == PUNCT and words[items[j][1]] == ",":
            if j + 2 < len(items) and items[j + 1][0] == NOUN and items[j + 2][0] == VERB:
                return [j + 1]
            return []
        if items[j][0] == SUB:
            return []
        j += 1
    return []


def _opening_comma(ch: Chunks, words: Sequence[str], k: int) -> int:
    """For the comma at item ``k`` that closes an apposition or a relative clause, the item of the
    comma that opens it (-1 if ``k`` closes neither)."""
    items = ch.items
    j = k - 1
    verbs = 0
    while j > 0 and k - j <= _INSERT_ITEMS:
        kind = items[j][0]
        if kind == PUNCT:
            if words[items[j][1]] != ",":
                return -1
            nxt = j + 1
            if items[j - 1][0] != NOUN:
                return -1
            if nxt in ch.relative:
                return j  # ", which has arrested two staff members,"
            if verbs == 0 and items[nxt][0] == NOUN:
                return j  # ", a key U.S. ally in the war,"
            return -1
        if kind == SUB and j not in ch.relative:
            return -1
        if kind == VERB:
            verbs += 1
        j -= 1
    return -1


def object_of(ch: Chunks, words: Sequence[str], v: int, allowed: Collection[str]) -> tuple[list[int], str | None]:
    """The object of the verb group at ``v``: the noun group right after it (with the groups
    coordinated with it) and ``None``, or the group of a prepositional phrase right after it whose
    preposition is ``allowed``, and that preposition. Empty when the verb takes neither."""
    items = ch.items
    k = v + 1
    while k < len(items) and items[k][0] == ADV:
        k += 1
    if k >= len(items):
        return [], None
    kind = items[k][0]
    if kind == NOUN:
        return coordinated(ch, k, 1), None
    if kind == PREP and k + 1 < len(items) and items[k + 1][0] == NOUN:
        prep = words[items[k][1]]
        if prep in allowed:
            return coordinated(ch, k + 1, 1), prep
    return [], None


def agent_of(ch: Chunks, words: Sequence[str], v: int, agent: Collection[str], reach: int = 3) -> list[int]:
    """The agent of a passive verb group at ``v``: the group after ``by`` in one of the next
    ``reach`` prepositional phrases ("arrested in Istanbul by police")."""
    items = ch.items
    k = v + 1
    seen = 0
    while k + 1 < len(items) and seen < reach:
        kind = items[k][0]
        if kind == ADV:
            k += 1
            continue
        if kind != PREP or items[k + 1][0] != NOUN:
            return []
        if words[items[k][1]] in agent:
            return coordinated(ch, k + 1, 1)
        seen += 1
        k += 2
    return []
