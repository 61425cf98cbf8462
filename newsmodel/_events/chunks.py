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

import bisect
import functools
import itertools
import re
from collections.abc import Collection, Sequence
from typing import cast

import attrs

from ..rules._schema import _expand, english

__all__ = [
    "ADV",
    "COORD",
    "NOUN",
    "PREP",
    "PUNCT",
    "SUB",
    "VERB",
    "ChunkGrammar",
    "Chunks",
    "agent_of",
    "chunk",
    "coordinated",
    "infinitive_subject",
    "object_of",
    "previous_verb",
    "reduced_relative",
    "restrictive_antecedent",
    "subject_of",
]

# Item kinds (one character each): a noun group, a verb group, and the single tokens between
# groups: a preposition, a coordinator, a subordinator or relative pronoun, punctuation, an adverb.
NOUN, VERB, PREP, COORD, SUB, PUNCT, ADV = "N", "V", "p", "c", "s", ",", "r"

# Each token is coded as one character, and the groups are read off the string of codes by
# patterns (linear: every repetition is over single characters). Closed classes: d determiner,
# p preposition, f a preposition that joins names ("of"), c coordinator, s subordinator,
# R relative pronoun, a auxiliary (forms of "be", "have", modals, negations), P subject pronoun,
# o other pronoun, j joiner ("'s", "-"), i infinitive marker, r adverb, "," comma, "." other
# punctuation. Content words: W capitalised; lower case: g gerund ("saying"), k short "-ing"
# word, x past form ("arrested"), e other participle ("taken", "held"), z ending in "s",
# n not a letter first ("20"), w other; v a verb (decided below).
_WORDS = "wxegkznW"
# "to" is the infinitive marker before a plain word or a verb, a preposition before anything else.
_TO = re.compile(r"i(?![wev])")
# Where a content word is a verb: a verb trigger the scan found (coded v beforehand); after an
# auxiliary or the infinitive marker, past two adverbs at most ("has reportedly arrested"); a
# past form after a relative pronoun ("who fired", not "whom officials"); after a subject pronoun
# ("they arrested"); a participle or
# gerund right after a content word ("the crowd tried", not "the detained man"); a gerund right
# after a preposition, a subordinator or a comma ("after having been", "while backpacking",
# "..., saying"). The content word is matched first, then the look-behinds (of fixed length).
_VERBS = re.compile(
    r"[wxegkznW](?:(?<=[ai][wxegkzn])|(?<=[ai]r[wxegkzn])|(?<=[ai]rr[wxegkzn])|(?<=R[xe])|(?<=Rr[xe])"
    r"|(?<=P[wxegkznW])|(?<=Pr[wxegkznW])|(?<=[wxegkznWv][xegk])|(?<=[pfs,]g))"
)
# A verb group: an auxiliary, a verb, or "to" before a verb, then auxiliaries, adverbs, verbs. A
# noun group: a pronoun; or determiners and a content word, then content words, a joiner before a
# content word or determiner ("Turkey's police"), a name link between capitalised words ("Bank of
# England"); or determiners alone. Anything else is one item.
_GROUPS = re.compile(r"[aiv][arv]*|[Po]|d*[wxegkznW](?:[wxegkznW]|j(?=[wxegkznWd])|(?<=W)f(?=W))*|d+|.")
# The kind of an item, from the code of its first token.
_KIND_OF = str.maketrans(
    {
        **dict.fromkeys("aiv", VERB),
        **dict.fromkeys("Pod" + _WORDS, NOUN),
        "p": PREP,
        "f": PREP,
        "c": COORD,
        "s": SUB,
        "R": SUB,
        "r": ADV,
        ".": PUNCT,
        "j": PUNCT,
    }
)
_HEADS = str.maketrans(dict.fromkeys(_WORDS, "w"))  # every content word as "w"
# A lower-case content word, then a capitalised one, in one group: two noun phrases ("wall Trump").
regex_lower_then_name = re.compile(r"[wxegkzn]W")
_MEMO_LIMIT = 50_000  # word codes remembered, at most


@attrs.frozen(eq=False)
class ChunkGrammar:
    """The closed classes the chunker reads (``[chunks]`` in ``english.toml``), with the suffixes
    of adverbs, participles and gerunds (``[suffixes]``). ``codes``: the closed-class words and
    their codes; ``memo``: codes of the other words met so far (bounded)."""

    codes: dict[str, str]
    be: frozenset[str]
    agent: frozenset[str]
    infinitive_subject: frozenset[str]
    subordinating: frozenset[str]
    expletives: frozenset[str]
    participles: frozenset[str]
    participle_suffixes: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    gerund_suffixes: tuple[str, ...]
    adverb_suffixes: tuple[str, ...]
    memo: dict[str, str] = attrs.field(factory=dict, repr=False)

    @staticmethod
    @functools.cache
    def shipped() -> ChunkGrammar:
        """The grammar of the shipped ``english.toml`` (read once)."""
        en = english()
        c = _expand(en["chunks"], "english.toml", "chunks")
        codes: dict[str, str] = {}
        # Later classes win: "that" is a relative before it is a determiner; "to" is decided in context.
        for name, code in (
            ("determiners", "d"),
            ("prepositions", "p"),
            ("name_links", "f"),
            ("coordinators", "c"),
            ("subordinators", "s"),
            ("relatives", "R"),
            ("be", "a"),
            ("auxiliaries", "a"),
            ("pronouns", "o"),
            ("subject_pronouns", "P"),
            ("joiners", "j"),
            ("infinitive", "i"),
            ("adverbs", "r"),
            ("not_adverbs", "w"),
        ):
            for w in c[name]:
                codes[w.lower()] = code
        suffixes = _expand(en["suffixes"], "english.toml", "suffixes")
        return ChunkGrammar(
            codes=codes,
            be=frozenset(c["be"]),
            agent=frozenset(c["agent"]),
            infinitive_subject=frozenset(c["infinitive_subject"]),
            subordinating=frozenset(c["subordinating_prepositions"]),
            expletives=frozenset(c["expletives"]),
            participles=frozenset(c["participles"]),
            participle_suffixes=tuple(suffixes["participle"]),
            past_suffixes=tuple(suffixes["past"]),
            gerund_suffixes=tuple(suffixes["gerund"]),
            adverb_suffixes=tuple(suffixes["adverb"]),
        )

    def code(self, word: str, cased: str) -> str:
        """The code of a token (``word`` lower case, ``cased`` as written), remembered by ``cased``."""
        got = self.codes.get(word)
        if got is None:
            got = "W" if cased[:1].isupper() and word[:1].isalnum() else self._code(word)
        if len(self.memo) >= _MEMO_LIMIT:
            self.memo.clear()
        self.memo[cased] = got
        return got

    def _code(self, w: str) -> str:
        if not w[:1].isalnum():
            return "," if w == "," else "."
        if len(w) > 4 and w.endswith(self.adverb_suffixes):
            return "r"
        if not w[:1].isalpha():
            return "n"
        if w.endswith(self.gerund_suffixes):
            return "g" if len(w) > 5 else "k"
        if w.endswith(self.past_suffixes):
            return "x"
        if w in self.participles:  # not by ending: "men", "citizen", "town" are no participles
            return "e"
        return "z" if w.endswith("s") else "w"


@attrs.define
class Chunks:
    """The chunks of one sentence (tokens ``[lo, hi)``): items, each a group or a single token,
    covering the sentence in text order.

    ``kinds``: one character per item (``NOUN``, ``VERB``, ``PREP``, ``COORD``, ``SUB``: a
    subordinator or relative pronoun, ``PUNCT``, ``ADV``). ``starts``: the first token of each
    item, counted from ``lo`` (an item ends where the next begins). ``codes``: one character per
    token (verbs as ``v``). ``words``: the sentence's lower-case words.
    """

    lo: int
    words: Sequence[str]
    codes: str
    kinds: str
    starts: list[int]
    grammar: ChunkGrammar = attrs.field(repr=False)
    _heads: str = attrs.field(default="", repr=False)

    def __len__(self) -> int:
        return len(self.kinds)

    def item_of(self, ti: int) -> int:
        """The item holding token ``ti`` (-1 outside the sentence)."""
        k = ti - self.lo
        if k < 0 or k >= len(self.codes):
            return -1
        return bisect.bisect_right(self.starts, k) - 1

    def first(self, k: int) -> int:
        """The first token of item ``k``."""
        return self.lo + self.starts[k]

    def word(self, k: int) -> str:
        """The first word of item ``k`` (lower case)."""
        return self.words[self.starts[k]]

    def end(self, k: int) -> int:
        """The token after item ``k``."""
        return self.lo + (self.starts[k + 1] if k + 1 < len(self.starts) else len(self.codes))

    def head(self, k: int) -> int:
        """The head token of item ``k``: a noun group's last content word, a verb group's last verb."""
        s = self.starts[k]
        e = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.codes)
        if self.kinds[k] == NOUN:
            if not self._heads:
                self._heads = self.codes.translate(_HEADS)
            h = self._heads.rfind("w", s, e)
        elif self.kinds[k] == VERB:
            h = self.codes.rfind("v", s, e)
        else:
            h = s
        return self.lo + (h if h >= 0 else e - 1)

    def relative(self, k: int) -> bool:
        """Whether item ``k`` is a relative pronoun."""
        return self.codes[self.starts[k]] == "R"

    def passive(self, k: int) -> bool:
        """Whether the verb group at ``k`` is passive: its verb a participle, after a form of "be"
        in the group or right before "by" ("was arrested", "a lunch hosted by")."""
        if self.kinds[k] != VERB:
            return False
        h = self.head(k) - self.lo
        if self.codes[h] != "v":
            return False
        g, ws = self.grammar, self.words
        e = self.end(k) - self.lo
        if not (
            (e < len(ws) and ws[e] in g.agent) or not g.be.isdisjoint(ws[max(self.starts[k], h - 8) : h])
        ):
            return False
        return ws[h].endswith(g.participle_suffixes) or ws[h] in g.participles


def chunk(
    words: Sequence[str],
    lo: int,
    hi: int,
    *,
    verbs: Collection[int] = (),
    cased: Sequence[str] | None = None,
    grammar: ChunkGrammar | None = None,
) -> Chunks:
    """The chunks of the tokens ``[lo, hi)`` (lower-case ``words``, and as written in ``cased``,
    whose capitals the chunker reads; ``verbs``: token indexes known to be verbs)."""
    g = grammar or ChunkGrammar.shipped()
    ws = words[lo:hi]
    cs = ws if cased is None else cased[lo:hi]
    get, code = g.memo.get, g.code
    got = list(map(get, cs))  # the words met before, in C
    if not all(got):
        for i, c in enumerate(got):
            if not c:
                got[i] = code(ws[i], cs[i])
    chars = cast("list[str]", got)
    for i in verbs:
        if lo <= i < hi and chars[i - lo] in _WORDS:
            chars[i - lo] = "v"
    text = "".join(chars)
    if "i" in text:
        text = _TO.sub("p", text)
    text = _VERBS.sub("v", text)
    # The items cover the codes one after another (each one character at least): their starts
    # are the running sums of their lengths, and no match object is made.
    items = _GROUPS.findall(text)
    starts = list(itertools.accumulate(map(len, items), initial=0))
    starts.pop()
    kinds = "".join([g[0] for g in items]).translate(_KIND_OF)
    return Chunks(lo=lo, words=ws, codes=text, kinds=kinds, starts=starts, grammar=g)


# -- clause structure ---------------------------------------------------------------------------
# The readers below take an item index and return item indexes (noun groups).

_INSERT_ITEMS = 24  # items an apposition or relative clause between commas may hold, at most
_REACH = 40  # items a reader walks over, at most (a long sentence stays linear)
_LIST = 12  # coordinated groups, or prepositional phrases after a subject, at most
_OPENING = 6  # items before a participle clause that opens the sentence, at most
_UNTOLD_VERB = "zxw"  # codes of a lower-case content word that may be a relative clause's verb


def subject_of(ch: Chunks, v: int, depth: int = 0) -> list[int]:
    """The noun groups that are the subject of the verb group at item ``v`` (empty: none found).

    The noun group before the verb, past prepositional phrases after it ("Rebels in the Ivory
    Coast dismissed"), an apposition or a relative clause between commas ("Turkey, which has
    arrested two staff members, summoned"), with the groups coordinated with it ("Peru and
    Colombia vowed"); the antecedent of a relative pronoun ("the police, who fired"); the subject
    of the verb a verb complements ("tried | to storm"); for a verb coordinated with an earlier
    one ("shot two people and wounded a third"), opening a participle clause after a comma
    ("..., forcing officers to") or a non-finite clause after a preposition or subordinator
    ("after having been kidnapped"), the earlier verb's subject; for a participle clause opening
    the sentence ("Complaining of the tariff, he said"), the subject after it.
    """
    kinds = ch.kinds
    k = v - 1
    while k >= 0 and kinds[k] == ADV and v - k <= _LIST:
        k -= 1
    if k < 0 or depth > 3:
        return _subject_after(ch, v) if k < 0 and _gerund(ch, v) else []
    kind = kinds[k]
    gerund = _gerund(ch, v)
    if gerund and (kind == PREP or (kind == SUB and not ch.relative(k))):
        p = previous_verb(ch, k, through=True)
        if p >= 0:
            return subject_of(ch, p, depth + 1)
        # "While visiting Kenya, Obama praised": the clause opens the sentence.
        return _subject_after(ch, v) if _opens_sentence(ch, k - 1) else []
    if gerund and _opens_sentence(ch, k):
        return _subject_after(ch, v)
    if kind == NOUN or (kind == PREP and k > 0):
        return _subject_from(ch, k if kind == NOUN else k - 1)
    if kind == VERB:
        return subject_of(ch, k, depth + 1)
    if kind == COORD:
        p = previous_verb(ch, k)
        return subject_of(ch, p, depth + 1) if p >= 0 else []
    if kind == SUB:
        return _antecedent(ch, k) if ch.relative(k) else []
    if kind == PUNCT and ch.word(k) == ",":
        o = _opening_comma(ch, k)
        if o > 0:
            return _subject_from(ch, o - 1)
        if gerund:
            p = previous_verb(ch, k)  # "..., forcing officers to open fire"
            return subject_of(ch, p, depth + 1) if p >= 0 else []
    return []


def restrictive_antecedent(
    ch: Chunks, v: int, reporting: Collection[str], stops: Collection[str]
) -> list[int]:
    """The subject of the verb group at item ``v`` when a restrictive relative clause (no comma)
    stands between them: "a lawmaker who belongs to the Jobbik party has been charged" (the
    lawmaker, not the party). The clause holds one verb group of its own, no reporting verb
    ("the man who said the minister was arrested": the minister), and ends in a noun group that
    is no subject pronoun ("lawmakers who met him said he spoke": he); no subordinator
    (``stops``) opens another clause inside it ("a conflict which has intensified since Saleh was
    killed": Saleh); empty otherwise."""
    kinds = ch.kinds
    k = v - 1
    while k >= 0 and kinds[k] == ADV:
        k -= 1
    if k < 0 or kinds[k] != NOUN or ch.codes[ch.starts[k]] == "P":
        return []
    verbs = 0
    while k >= 0 and v - k <= _REACH:
        kind = kinds[k]
        if ch.word(k) in reporting:
            return []  # "the churches who say they are lending support": they
        if kind == VERB:
            verbs += 1
            if verbs > 1 or ch.words[ch.head(k) - ch.lo] in reporting:
                return []
        elif kind == SUB:
            # Its verb may be read as a noun ("who belongs to": a lower-case word right after it).
            untold = verbs == 0 and kinds[k + 1] == NOUN and ch.codes[ch.starts[k + 1]] in _UNTOLD_VERB
            if not ch.relative(k) or not (verbs == 1 or untold) or k == 0 or kinds[k - 1] != NOUN:
                return []
            return coordinated(ch, k - 1, -1)
        elif kind in (PUNCT, COORD) or (kind == PREP and ch.word(k) in stops):
            return []
        k -= 1
    return []


def _antecedent(ch: Chunks, k: int) -> list[int]:
    """The noun group a relative pronoun at ``k`` refers to ("the police, who fired")."""
    j = k - 1
    if j >= 0 and ch.kinds[j] == PUNCT and ch.word(j) == ",":
        j -= 1
    return _subject_from(ch, j) if j >= 0 and ch.kinds[j] == NOUN else []


def _subject_from(ch: Chunks, k: int) -> list[int]:
    """The subject ending at item ``k``: past prepositional phrases, with its coordinated groups."""
    kinds = ch.kinds
    steps = 0
    while k >= 0 and kinds[k] == NOUN and steps < _LIST:
        if k > 0 and kinds[k - 1] == PREP:
            k -= 2
            steps += 1
            continue
        return coordinated(ch, k, -1)
    return []


def coordinated(ch: Chunks, k: int, step: int) -> list[int]:
    """The noun group at ``k`` with the groups coordinated with it in direction ``step``
    ("Peru, Colombia and Chile": a list of commas needs a coordinator), in text order."""
    kinds = ch.kinds
    n = len(kinds)
    got = [k]
    j = k + step
    joined = False
    while 0 <= j + step < n and kinds[j] in (COORD, PUNCT) and kinds[j + step] == NOUN and len(got) < _LIST:
        if kinds[j] == COORD:
            joined = True
        elif ch.word(j) != ",":
            break
        got.append(j + step)
        j += 2 * step
    return sorted(got) if joined else [k]


def previous_verb(ch: Chunks, k: int, *, through: bool = False) -> int:
    """The verb group before item ``k`` in the same clause (not past a subordinator or a mark
    other than a comma or hyphen; ``through``: past the one subordinator at ``k``)."""
    kinds = ch.kinds
    j = k - 1
    while j >= 0 and k - j <= _REACH:
        kind = kinds[j]
        if kind == VERB:
            return j
        if (kind == SUB and not (through and j == k)) or (kind == PUNCT and ch.word(j) not in (",", "-")):
            return -1
        j -= 1
    return -1


def _gerund(ch: Chunks, v: int) -> bool:
    """Whether the verb group at ``v`` opens with a gerund or participle ("saying", "having been")."""
    return (
        ch.codes[ch.starts[v]] == "v"
        and ch.word(v).endswith(ch.grammar.gerund_suffixes)
        and len(ch.word(v)) > 4
    )


def _opens_sentence(ch: Chunks, k: int) -> bool:
    """Whether nothing but punctuation, coordinators and adverbs lies before item ``k + 1``."""
    return k < _OPENING and all(c in (PUNCT, COORD, ADV) for c in ch.kinds[: k + 1])


def _subject_after(ch: Chunks, v: int) -> list[int]:
    """The subject of the main clause after an opening participle clause: the noun group right
    after the comma that closes it, when a verb group follows that group."""
    kinds = ch.kinds
    j = v + 1
    while j < len(kinds) and j - v <= _INSERT_ITEMS:
        if kinds[j] == PUNCT and ch.word(j) == ",":
            k = j + 2
            while k < len(kinds) and kinds[k] == ADV and k - j <= 4:  # "he also said"
                k += 1
            if k < len(kinds) and kinds[j + 1] == NOUN and kinds[k] == VERB:
                return [j + 1]
            return []
        if kinds[j] == SUB:
            return []
        j += 1
    return []


def _opening_comma(ch: Chunks, k: int) -> int:
    """For the comma at item ``k`` that closes an apposition or a relative clause, the item of the
    comma that opens it (-1 if ``k`` closes neither)."""
    kinds = ch.kinds
    j = k - 1
    verbs = 0
    while j > 0 and k - j <= _INSERT_ITEMS:
        kind = kinds[j]
        if kind == PUNCT:
            if ch.word(j) != "," or kinds[j - 1] != NOUN:
                return -1
            if ch.relative(j + 1):
                return j  # ", which has arrested two staff members,"
            if verbs == 0 and kinds[j + 1] == NOUN:
                return j  # ", a key U.S. ally in the war,"
            return -1
        if kind == SUB and not ch.relative(j):
            return -1
        if kind == VERB:
            verbs += 1
        j -= 1
    return -1


def object_of(ch: Chunks, v: int, allowed: Collection[str]) -> tuple[list[int], str | None]:
    """The object of the verb group at ``v``: the noun group right after it (with the groups
    coordinated with it) and ``None``, or the group of a prepositional phrase right after it whose
    preposition is ``allowed``, and that preposition. Empty when the verb takes neither."""
    kinds = ch.kinds
    k = v + 1
    while k < len(kinds) and kinds[k] == ADV and k - v <= _LIST:
        k += 1
    if k >= len(kinds):
        return [], None
    if kinds[k] == NOUN:
        return coordinated(ch, k, 1), None
    if kinds[k] == PREP and k + 1 < len(kinds) and kinds[k + 1] == NOUN and ch.word(k) in allowed:
        return coordinated(ch, k + 1, 1), ch.word(k)
    return [], None


def agent_of(ch: Chunks, v: int, reach: int = 3) -> list[int]:
    """The agent of a passive verb group at ``v``: the group after ``by`` in one of the next
    ``reach`` prepositional phrases ("arrested in Istanbul by police")."""
    kinds = ch.kinds
    agent = ch.grammar.agent
    k = v + 1
    seen = 0
    while k + 1 < len(kinds) and seen < reach and k - v <= _LIST:
        if kinds[k] == ADV:
            k += 1
            continue
        if kinds[k] != PREP or kinds[k + 1] != NOUN:
            return []
        if ch.word(k) in agent:
            return coordinated(ch, k + 1, 1)
        seen += 1
        k += 2
    return []


def reduced_relative(ch: Chunks, v: int) -> list[int]:
    """The noun groups a participle at ``v`` modifies as a reduced passive relative clause ("the
    deportation of Iraqis detained in raids", "aid to refugees displaced by the war"): a one-word
    verb group of a past participle right after a noun group that a preposition governs, inside
    the clause of an earlier verb, and no object after it (in "In Lima police detained 20 people"
    the verb has one and no verb comes before: it is the clause's verb; so in "Up to 100 Kurds
    demonstrated"). Empty when the verb is none."""
    kinds = ch.kinds
    if kinds[v] != VERB or v < 2 or kinds[v - 1] != NOUN or kinds[v - 2] != PREP:
        return []
    if ch.codes[ch.head(v - 1) - ch.lo] in "Po" or ch.word(v - 2) in ch.grammar.subordinating:
        return []  # "after they refused", "after Clinton met": a clause, not a noun's modifier
    s = ch.starts[v]
    w = ch.words[s]
    if ch.end(v) - ch.lo != s + 1 or not (
        w.endswith(ch.grammar.past_suffixes) or w in ch.grammar.participles
    ):
        return []
    if v + 1 < len(kinds) and kinds[v + 1] in (NOUN, SUB):
        return []  # an object, or a clause: "officials of the board agreed that ..."
    g = ch.codes[ch.starts[v - 1] : ch.starts[v]]
    if regex_lower_then_name.search(g):
        return []  # "the kind of wall Trump promised": a name after a common noun starts a clause
    p = previous_verb(ch, v - 2)
    if p < 0 or _gerund(ch, p):  # "officials meeting in Paris agreed": the clause's own verb
        return []
    return coordinated(ch, v - 1, -1)


def infinitive_subject(ch: Chunks, v: int) -> list[int]:
    """The subject of an infinitive introduced by "for" ("it is time for Britain and India to strike
    a deal", "called for Israel to withdraw"): the noun groups between the preposition and the
    verb group that "to" opens at ``v``. Empty otherwise."""
    kinds = ch.kinds
    if kinds[v] != VERB or v < 2 or ch.codes[ch.starts[v]] != "i" or kinds[v - 1] != NOUN:
        return []
    groups = coordinated(ch, v - 1, -1)
    k = groups[0] - 1
    if k < 0 or kinds[k] != PREP or ch.word(k) not in ch.grammar.infinitive_subject:
        return []
    return groups
