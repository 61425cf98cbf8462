"""Small patterns of English clause structure the role finder reads beside the word-window readers
of ``clauses.py`` and the chunks of ``chunks.py``: who an unresolved pronoun opening a reported
clause stands for, a name after a title's prepositional complement, where the objects after a
verb end before a reporting clause, the possessor of a verb's object, the verb of receiving that
governs a noun trigger. Every word they read is rule
data (``[words]`` in ``events.toml``); each looks at a bounded number of tokens.
"""

from __future__ import annotations

import bisect

from ..model import Actor
from .chunks import ChunkGrammar
from .state import PUNCT_BOUNDARY, Doc

__all__ = [
    "before_reporting_clause",
    "causative_verb",
    "noun_reading",
    "possessor_object",
    "recipient_verb",
    "reporter_of_pronoun",
    "said_to",
    "title_complement",
]

_REPORT_GAP = 6  # tokens between a reporting verb and the clause it reports, at most ("said on Sunday night")
_TITLE_WORDS = 6  # capitalised words of a title's complement, at most
_CAUSATIVE_GAP = 8  # tokens between a causative verb and the infinitive marker, at most
_RECIPIENT_GAP = 7  # tokens between a verb of receiving and the noun it governs, at most
_NOUN_MODIFIERS = 2  # words between a determiner and a verb form read as a noun, at most


def reporter_of_pronoun(doc: Doc, jl: int, pos: int) -> int:
    """The token of the reporting verb whose reported clause opens, right after token ``jl``, with
    an unresolved pronoun: "The embassy said on Sunday night it was suspending ...",
    "X and Y said they are seeking to ...". -1 when there is none.

    Between the verb and the pronoun may stand a complementizer and a few words that are neither
    verbs nor clause boundaries (a time, a place: "said in Paris on Friday that they"); between
    the pronoun and the trigger at ``pos``, no determiner or pronoun opening another subject right
    before the trigger's verb group ("it believes the executive did not violate": the
    executive's act; but "it agreed to resume talks with the union to discuss" is the reporter's).
    """
    words, lw = doc.lex.words, doc.lw
    n = len(lw)
    k = jl + 1
    if k < n and lw[k] in words.complementizers:
        k += 1
    if k >= n or lw[k] not in words.pronouns or doc.ctx.cast.mention_at(doc.starts[k]) is not None:
        return -1
    if lw[k] in ChunkGrammar.shipped().expletives and _before_passive(doc, k + 1):
        return -1  # "said it was decided to ...": "it" stands for nobody
    end = bisect.bisect_left(doc.starts, pos)
    if end - k > _REPORT_GAP * 2 or (
        _after_noun(doc, end) and any(w in words.determiners or w in words.pronouns for w in lw[k + 1 : end])
    ):
        return -1
    j = jl - 1 if jl >= 0 and lw[jl] in words.complementizers else jl
    lo = j - _REPORT_GAP
    while j >= 0 and j > lo:
        w = lw[j]
        if w in words.reporting:
            return j
        if w in PUNCT_BOUNDARY or w == "," or w in words.boundaries or w in doc.lex.verb_like:
            return -1
        j -= 1
    return -1


def _after_noun(doc: Doc, ti: int) -> bool:
    """Whether the trigger at token ``ti`` ends a verb group with an auxiliary, a negation or an
    adverb, after a plain word: a noun that may be its own subject ("the executive did not
    violate"), not "to", a preposition or a conjunction."""
    words, lw = doc.lex.words, doc.lw
    j = ti - 1
    while j >= 0 and (
        lw[j] in doc.lex.verb_like or lw[j] in words.negations or lw[j].endswith(words.adverb_suffixes)
    ):
        j -= 1
    if j < 0 or j == ti - 1:  # no auxiliary: "an early meeting" is a noun phrase, not a clause
        return False
    w = lw[j]
    return (
        w[:1].isalpha()
        and w not in words.determiners
        and w not in doc.lex.prepositions
        and w not in words.infinitive
        and w not in words.verb_coordinators
        and w not in words.boundaries
        and w not in words.complementizers
        and w not in words.reporting
    )


def _before_passive(doc: Doc, k: int) -> bool:
    """Whether a form of "be" at token ``k`` (past adverbs) comes before a participle ("was also
    decided")."""
    words, lw = doc.lex.words, doc.lw
    if k >= len(lw) or lw[k] not in words.be:
        return False
    k += 1
    while k < len(lw) and (lw[k].endswith(words.adverb_suffixes) or lw[k] in words.passive_fillers):
        k += 1
    return k < len(lw) and (lw[k].endswith(words.participle_suffixes) or lw[k] in words.participles)


def title_complement(doc: Doc, start: int) -> bool:
    """Whether the name mentioned at ``start`` follows a title's prepositional complement written
    in capitals ("High Commissioner for Human Rights Zeid Ra'ad", "Minister of State for Trade
    Ana Ruiz"): the preposition before it governs the complement, not the name. The title word
    before the preposition is capitalised too, and the complement is no actor's mention."""
    lw, starts, norm = doc.lw, doc.starts, doc.norm
    i = doc.tok(start) - 1
    n = 0
    while i > 0 and n < _TITLE_WORDS and norm[starts[i]].isupper() and lw[i][:1].isalpha():
        if doc.ctx.cast.mention_at(starts[i]) is not None:
            return False
        i -= 1
        n += 1
    if n == 0 or i < 1 or lw[i] not in doc.lex.prepositions:
        return False
    # The title before the preposition, itself not governed by one ("a letter to Secretary of
    # State John Kerry": "to" governs the whole title and its name).
    j = i - 1
    while j >= 0 and i - j <= _TITLE_WORDS and norm[starts[j]].isupper() and lw[j][:1].isalpha():
        j -= 1
    return j < i - 1 and (j < 0 or lw[j] not in doc.lex.prepositions)


def before_reporting_clause(doc: Doc, start: int, right: int) -> int:
    """Where the objects after a trigger end when the clause ends at a reporting verb whose subject
    follows a comma ("... a strike that killed 20, government and militant sources said": the
    sources said it, nobody killed them): at that comma, past ``start``. ``right`` otherwise."""
    lw, starts = doc.lw, doc.starts
    j = bisect.bisect_left(starts, right)
    if j >= len(lw) or starts[j] != right or lw[j] not in doc.lex.words.reporting:
        return right
    lo = max(bisect.bisect_left(starts, start), j - _REPORT_GAP - 2)
    k = j - 1
    while k > lo:
        w = lw[k]
        if w == ",":
            return starts[k]
        if w in PUNCT_BOUNDARY or w in doc.lex.verb_like:
            return right
        k -= 1
    return right


def possessor_object(doc: Doc, end: int, right: int) -> Actor | None:
    """The actor a possessive pronoun opening a verb's direct object stands for, when the object
    names no actor itself ("did not accept his request": him; "praised their courage"): the
    possessor is what the act is aimed at. ``end``: where the verb ends."""
    words, lw, starts = doc.lex.words, doc.lw, doc.starts
    j = bisect.bisect_left(starts, end)
    n = len(lw)
    if j + 1 >= n or starts[j] >= right or lw[j] not in words.possessive_pronouns:
        return None
    if not lw[j + 1][:1].isalpha() or lw[j + 1] in doc.lex.prepositions:
        return None
    got = doc.ctx.cast.mention_at(starts[j])
    return got[1] if got is not None else None


def recipient_verb(doc: Doc, ti: int, lo: int) -> int | None:
    """Offset of a verb of receiving (``recipient_verbs``: "receives", "got") governing the noun
    trigger at token ``ti``, a few tokens before it in the same clause ("Egypt receives $1.3 billion
    in U.S. military aid": receives); its subject is what the act is aimed at. ``lo``: the first
    token of the sentence. ``None`` when a boundary or another verb comes first."""
    words, lw = doc.lex.words, doc.lw
    j = ti - 1
    while j >= lo and ti - j <= _RECIPIENT_GAP:
        w = lw[j]
        if w in words.recipient_verbs:
            return doc.starts[j]
        if (
            w in PUNCT_BOUNDARY
            or w == ","
            or w in words.boundaries
            or w in words.reporting
            or w in doc.lex.verb_like
            or w in words.support_verbs
        ):
            return None
        j -= 1
    return None


def causative_verb(doc: Doc, ti: int, lo: int) -> int | None:
    """Offset of a causative verb (``causative_verbs``: "ordered", "forced") whose object is the
    subject of the infinitive whose verb is token ``ti`` ("the government ordered the newspaper to
    suspend publication": ordered). ``lo``: the first token of the sentence. ``None`` when the verb
    follows no infinitive marker, or a boundary comes first."""
    words, lw = doc.lex.words, doc.lw
    if ti < 2 or lw[ti - 1] not in words.infinitive:
        return None
    j = ti - 3  # one word of the object at least
    while j >= lo and ti - j <= _CAUSATIVE_GAP:
        w = lw[j]
        if w in words.causative_verbs:
            return doc.starts[j]
        if w in PUNCT_BOUNDARY or w == "," or w in words.boundaries or w in words.reporting:
            return None
        j -= 1
    return None


def noun_reading(doc: Doc, ti: int, lemma: str) -> bool:
    """Whether the base form of a verb trigger at token ``ti`` heads a noun phrase: after a
    determiner and one or two modifiers ("a government ban", "the Ugandan ban on imports"). An
    indefinite article (``singular_determiners``) cannot open the subject of a base-form verb;
    after another determiner, the noun reading needs a noun's complement after it
    (``noun_complements``: "the police ban on rallies", not "the police arrest protesters")."""
    words, lw, norm, starts = doc.lex.words, doc.lw, doc.norm, doc.starts
    if ti < 2 or lw[ti] != lemma:
        return False
    j = ti - 1
    while j > 0 and ti - j <= _NOUN_MODIFIERS:
        w = lw[j]
        if w in words.determiners:
            break
        if (
            not w[:1].isalpha()
            or w in doc.lex.verb_like
            or w in doc.lex.prepositions
            or w in words.negations
            or w in words.pronouns
            or w in words.relatives
            or w.endswith(words.adverb_suffixes)
        ):
            return False
        j -= 1
    else:
        return False
    if j == ti - 1 or not norm[starts[j]][:1].isalpha():
        return False  # right after the determiner the trigger scan has read it already
    if lw[j] in words.singular_determiners:
        return True
    return ti + 1 < len(lw) and lw[ti + 1] in words.noun_complements and lw[j] in words.articles


def said_to(doc: Doc, start: int) -> bool:
    """Whether the mention at ``start`` completes a noun of speaking (``interview_nouns``: "in an
    interview with Reuters", "in remarks to reporters"): whom the words were said to, not what
    the act was aimed at."""
    words, lw = doc.lex.words, doc.lw
    j = doc.tok(start) - 1
    while j > 0 and lw[j] in words.determiners:
        j -= 1
    return j > 0 and lw[j] in doc.lex.prepositions and lw[j - 1] in words.interview_nouns
