"""The trigger pass: lexicon entries matched at the heads the token scan found, and the statement
words that make a demand in reported speech an event of its speaker's."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from ..model import Span
from .lexicon import Trigger
from .mode import last_cue
from .state import OPENERS, Doc, Occurrence

__all__ = ["find_triggers", "is_function_word", "statement_triggers"]

_bisect_right = bisect.bisect_right


def find_triggers(doc: Doc) -> list[Occurrence]:
    """The triggers of the article, in text order, none inside another."""
    out: list[Occurrence] = []
    last_end = -1
    lex = doc.lex
    exclusions, tail_entries, needed, singles = lex.exclusions, lex.tail_entries, lex.needed, lex.singles
    low, lw, norm, sentence_at = doc.low, doc.lw, doc.norm, doc.segs.sentence_at
    cue_starts, cue_at, reach = doc.cue_starts, doc.cue_at, lex.cue_reach
    sent: Span | None = None  # sentences do not overlap: one holding a hit is the one sentence_at gives
    for h_start, h_end, word, ti in doc.hits:
        if h_start < last_end:
            continue
        excluded = exclusions.get(word)
        if excluded is not None:
            x = excluded.compiled.match(low, h_end)
            if x is not None:  # "declined to comment": no event, nor any inside it
                last_end = x.end()
                continue
        combined = tail_entries.get(word)
        ahead: Sequence[str] = ()
        if combined is not None:
            need, window = needed[word]
            ahead = lw[ti + 1 : ti + window]
            if need.isdisjoint(ahead):
                combined = None
        if combined is None and word not in singles:
            continue  # only the first word of phrases, none of which can follow here
        if sent is None or not sent.start <= h_start < sent.end:  # the last hit's sentence, mostly
            sent = sentence_at(h_start)
            if sent is None:
                continue
        # A capitalised word inside a sentence is part of a name ("the Rally", "in March").
        if (
            norm[h_start].isupper()
            and not (h_start - sent.start <= 8 and norm[sent.start : h_start].strip(OPENERS) == "")
            and not norm[h_start:h_end].isupper()
        ):
            continue
        # A trigger word inside a cue of intention ("is expected to") is not an event.
        # (Asked only when a cue word lies within reach before it: most hits have none.)
        k = _bisect_right(cue_starts, h_start) - 1
        if k >= 0 and cue_at[k][1] >= ti - reach:
            cue = last_cue(doc, ti, h_start)
            if cue is not None and h_start < cue[1] and cue[2] == "future":
                continue
        chosen, end = _choose(doc, word, ti, h_end, sent, combined, ahead)
        if chosen is not None:
            out.append(Occurrence(chosen, h_start, end, h_end, end, ti, None, 0, sent))
            last_end = end
    return _light_verbs(doc, out) if lex.light else out


_LIGHT_REACH = 6  # tokens from a light verb to its event noun, at most


def _light_verbs(doc: Doc, found: list[Occurrence]) -> list[Occurrence]:
    """A noun trigger with a light verb of its category before it, in the CAMEO dictionary
    ("began a hunger strike", "intensified a crackdown"), is coded from the verb: a verb event
    whose subject is the source. The verb is none of the lexicon's triggers, is not used as a
    noun, and no other trigger lies between; the words between are read off the tokens (a table
    lookup: no pattern to compile)."""
    light, lw, tokens = doc.lex.light, doc.lw, doc.tokens
    out: list[Occurrence] = []
    for occ in found:
        if occ.entry.pos != "noun":
            out.append(occ)
            continue
        last = occ.ti if occ.end == occ.head_end else doc.tok(occ.end - 1)
        verbs = light.get(lw[last])
        if verbs is None or occ.sentence is None:
            out.append(occ)
            continue
        floor = max(out[-1].end if out else -1, occ.sentence.start)
        chosen: Occurrence | None = None
        j = occ.ti - 1
        heads = getattr(verbs, "heads", None)  # the CAMEO table's: no verb of it in reach, no look-up
        if heads is not None and heads().isdisjoint(lw[max(0, occ.ti - _LIGHT_REACH) : occ.ti]):
            j = -1
        while chosen is None and j >= 0 and occ.ti - j <= _LIGHT_REACH and tokens[j][0] >= floor:
            for entry, plan in verbs.get(lw[j], ()):
                if (
                    entry.kind is occ.entry.kind
                    and not _in_noun_slot(doc, j)
                    and _follows(doc, j + 1, plan, last)
                ):
                    s, e = tokens[j]
                    chosen = Occurrence(
                        entry=entry,
                        start=s,
                        end=occ.end,
                        head_end=e,
                        match_end=occ.end,
                        ti=j,
                        sentence=occ.sentence,
                    )
                    break
            j -= 1
        # A capitalised word inside a sentence is part of a name ("Planning and Investment").
        named = chosen is not None and chosen.start > occ.sentence.start and doc.norm[chosen.start].isupper()
        out.append(occ if chosen is None or named else chosen)
    return out


def _follows(doc: Doc, at: int, plan: Sequence[tuple[int, frozenset[tuple[str, ...]]]], last: int) -> bool:
    """Whether the tokens from ``at`` to ``last`` (included) are the steps of ``plan``: each up to
    its number of words, none a stop word or a mark, then one of its words or phrases."""
    if not plan:
        return at == last + 1
    gap, choices = plan[0]
    lw, stops = doc.lw, doc.lex.light_stops
    for skip in range(gap + 1):
        k = at + skip
        if k > last:
            return False
        if skip and (lw[k - 1] in stops or not lw[k - 1][:1].isalnum()):
            return False
        for words in choices:
            n = len(words)
            if k + n - 1 <= last and tuple(lw[k : k + n]) == words and _follows(doc, k + n, plan[1:], last):
                return True
    return False


def _choose(
    doc: Doc,
    word: str,
    ti: int,
    h_end: int,
    sent: Span,
    combined: tuple[tuple[Trigger, frozenset[str]], ...] | None,
    ahead: Sequence[str],
) -> tuple[Trigger | None, int]:
    """The entry that matches at a head (the longest phrase, else the one word) and where it ends."""
    lex = doc.lex
    slot: bool | None = None  # _in_noun_slot(doc, ti), asked once at most
    if combined is not None:
        # The phrases in order, longest first, as one alternation would try them; only those
        # whose last word lies ahead can match (a set of the words ahead: each test then looks
        # up the few forms of a last word).
        words: Iterable[str] = frozenset(ahead) if len(combined) > 2 else ahead
        for candidate, last in combined:
            if last.isdisjoint(words):
                continue
            if candidate.origin == "cameo":
                if slot is None:
                    slot = _in_noun_slot(doc, ti)
                if slot:
                    continue
            assert candidate.tail is not None
            t = candidate.tail.compiled.match(doc.low, h_end, sent.end)
            if t is not None:
                return candidate, t.end()
    want = ("noun" if _is_nounlike(doc, ti) else "verb") if word in lex.ambiguous else None
    chosen: Trigger | None = None
    for entry in lex.by_head.get(word, ()):
        if entry.tail is not None or (want is not None and entry.pos != want):
            continue
        if entry.pos == "verb" and want is None and not word.endswith(lex.words.gerund_suffixes):
            if slot is None:
                slot = _in_noun_slot(doc, ti)
            if slot:
                continue
        chosen = entry
        break
    if (
        chosen is not None
        and chosen.pos == "verb"
        and word in lex.words.satisfy_verbs
        and _satisfies(doc, ti)
    ):
        chosen = None  # "met the demands": satisfied, no meeting
    return chosen, h_end


def _satisfies(doc: Doc, ti: int) -> bool:
    """Whether the verb at ``ti`` ("met") has a demand, condition, target ... as its object (or,
    passive, as its subject): "meet the demands", "until their demands are met".
    """
    words = doc.lex.words
    lw, nouns = doc.lw, words.satisfied_nouns
    j = ti + 1
    for j in range(ti + 1, min(len(lw), ti + 5)):
        w = lw[j]
        if w in nouns:
            return True
        if w not in words.determiners and w not in words.possessive_marks and is_function_word(doc, w):
            break
    j = ti - 1
    while j >= 0 and ti - j <= 3 and (lw[j] in doc.lex.verb_like or lw[j] in words.negations):
        j -= 1
    return j < ti - 1 and j >= 0 and lw[j] in nouns


def statement_triggers(doc: Doc, triggers: list[Occurrence]) -> list[Occurrence]:
    """``Straw said the rebels must disarm``: a demand in reported speech, from the speaker."""
    out: list[Occurrence] = []
    words = doc.lex.statement_words
    trigger_starts = [t.start for t in triggers]
    for i in doc.modal_at:
        s, e = doc.tokens[i]
        k = bisect.bisect_right(trigger_starts, s) - 1
        if k >= 0 and triggers[k].start <= s < triggers[k].end:
            continue  # part of a lexicon trigger ("said ... must")
        if _asks_no_act(doc, i):
            continue
        c = bisect.bisect_right(doc.content_starts, s)
        for cs, ce, sp in reversed(doc.contents[max(0, c - 8) : c]):
            if sp is not None and cs <= s and e <= ce:  # speakers in contents are in the cast
                out.append(
                    Occurrence(
                        entry=words[doc.lw[i]],
                        start=s,
                        end=e,
                        head_end=e,
                        match_end=e,
                        ti=i,
                        speaker=sp,
                        content_start=cs,
                    )
                )
                break
    return out


def _asks_no_act(doc: Doc, i: int) -> bool:
    """Whether the verb after the statement word at ``i`` names a state, not an act to demand
    ("should be aware", "should not expect"): ``words.states``, one or two words."""
    states, lw, words = doc.lex.words.states, doc.lw, doc.lex.words
    j = i + 1
    while j < len(lw) and j - i <= 3 and (lw[j] in words.negations or lw[j].endswith(words.adverb_suffixes)):
        j += 1
    return j < len(lw) and (lw[j] in states or (j + 1 < len(lw) and f"{lw[j]} {lw[j + 1]}" in states))


def _in_noun_slot(doc: Doc, ti: int) -> bool:
    """Whether the word at ``ti`` follows a determiner, possessive, number or preposition."""
    if ti <= 0:
        return False
    w = doc.lw[ti - 1]
    words = doc.lex.words
    if w in words.infinitive:
        return False
    return (
        w in words.determiners
        or w in words.possessive_marks
        or w.endswith(words.possessive_clitic)
        or w[:1].isdigit()
        or w in doc.lex.prepositions
    )


def _is_nounlike(doc: Doc, ti: int) -> bool:
    """Whether a word that may be a noun or a verb (``attack``) is used as a noun here."""
    if ti <= 0:
        return True
    w = doc.lw[ti - 1]
    words = doc.lex.words
    if w in words.negations:  # "did not attack": the word before the negation decides
        return _is_nounlike(doc, ti - 1)
    if (
        w in words.determiners
        or w in words.possessive_marks
        or w.endswith(words.possessive_clitic)
        or w[:1].isdigit()
    ):
        return True
    if w in words.infinitive or w in doc.lex.verb_like or w in words.pronouns:
        return False
    if w in doc.lex.prepositions:
        return True
    # After a mention (the subject) it is a verb; after another word (an adjective) a noun.
    s = doc.starts[ti - 1]
    return doc.ctx.cast.mention_at(s) is None and not w.endswith(words.adverb_suffixes)


def is_function_word(doc: Doc, w: str) -> bool:
    """A preposition, auxiliary, clause boundary or punctuation: what ends a noun phrase."""
    return w in doc.lex.prepositions or w in doc.lex.verb_like or w in doc.lex.left_stops or w == ","
