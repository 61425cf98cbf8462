"""Folding drafts into one another: one happening named twice is one event, and what a control
verb, a rejected proposal or an allegation governs is not an event of its own.

This is where the drafts of an article meet; coreference of events across sentences belongs here.
"""

from __future__ import annotations

import bisect

from ..model import Actor, EventKind
from .implicit import implicit_sides
from .state import PUNCT_BOUNDARY, Doc, Draft, Occurrence
from .triggers import is_function_word
from .unreal import drop_unreal

__all__ = ["fold"]


def fold(doc: Doc, drafts: list[Draft]) -> None:
    """Mark the drafts that are part of another event as ``absorbed`` (and complete the others)."""
    drop_unreal(doc, drafts)
    _coordinated_verbs(doc, drafts)
    _absorb(doc, drafts)
    _later_mentions(doc, drafts)
    _dedupe_mentions_of_one_event(doc, drafts)
    implicit_sides(doc, drafts)


def _coordinated_verbs(doc: Doc, drafts: list[Draft]) -> None:
    """``X killed two youths and wounded five others``: the second verb shares the first one's subject.

    Two coordinated verbs of one category are one event ("killed ... and wounded").
    """
    coord = doc.lex.words.verb_coordinators
    for i in range(1, len(drafts)):
        d = drafts[i]
        if d.trig.entry.pos != "verb" or d.passive or _word_before_verb(doc, d.trig.ti) not in coord:
            continue  # the commonest: no coordinator before the verb (the tests below are pure)
        # The previous verb in use, past a verb form used as a noun ("criticized the EU embargo
        # on Russia and meets ...": "meets" is coordinated with "criticized").
        k = i - 1
        while k > 0 and i - k < 3 and _nominal(doc, drafts[k].trig):
            k -= 1
        p = drafts[k]
        if p.trig.entry.pos != "verb" or _nominal(doc, p.trig):
            continue
        if p.sentence.start != d.sentence.start:
            continue
        if not _same_clause(doc, p.trig, d.trig):
            continue
        if p.sources and not p.passive:
            d.sources = [a for a in p.sources if all(a is not t for t in d.targets)]
            d.rule += "+coordinated"
        if p.kind is d.kind and not p.absorbed:
            d.absorbed = True
            if not p.targets and d.targets:  # "did not accept and will not accept his request"
                p.targets = [a for a in d.targets if all(a is not s for s in p.sources)]


def _nominal(doc: Doc, trig: Occurrence) -> bool:
    """Whether a trigger is used as a noun: a determiner or a possessive mark before it ("the EU embargo")."""
    words, lw = doc.lex.words, doc.lw
    for j in range(trig.ti - 1, max(-1, trig.ti - 4), -1):
        w = lw[j]
        if w in words.determiners or w in words.possessive_marks:
            return True
        if not doc.norm[doc.starts[j] : doc.starts[j] + 1].isupper():
            return False  # only names stand between a determiner and its noun here
    return False


def _word_before_verb(doc: Doc, ti: int) -> str:
    """The word before a verb and its auxiliaries, negations and adverbs ("and will not accept": "and")."""
    words, lw = doc.lex.words, doc.lw
    j = ti - 1
    while (
        j >= 0
        and ti - j <= 3
        and (lw[j] in doc.lex.verb_like or lw[j] in words.negations or lw[j].endswith(words.adverb_suffixes))
    ):
        j -= 1
    return lw[j] if j >= 0 else ""


def _absorb(doc: Doc, drafts: list[Draft]) -> None:
    """A control verb (``threatened to``, ``promised to``, ``urged X to``) absorbs its complement's event.

    A promise of force is a threat: ``vowed to fight`` is THREATEN.
    """
    threat = doc.lex.threat_kinds
    _absorb_objects(doc, drafts)
    _absorb_proposals(doc, drafts)
    _absorb_allegations(doc, drafts)
    absorbs = doc.lex.absorbs
    for i, d in enumerate(drafts):
        if d.trig.entry.kind not in absorbs:  # an absorbed event takes its complement along
            continue
        if d.trig.entry.pos != "verb" and not (
            d.trig.ti + 1 < len(doc.lw) and doc.lw[doc.tok(d.trig.end - 1) + 1] in doc.lex.words.infinitive
        ):
            continue  # a noun controls only a "to" right after it ("a hunger strike to demand")
        last_word = doc.norm[d.trig.start : d.trig.match_end].rsplit(None, 1)[-1].lower()
        comp: int | None = None
        j = doc.tok(max(d.trig.match_end - 1, d.trig.start))
        if last_word in doc.lex.words.complement_openers and (
            d.trig.match_end > d.trig.head_end or d.trig.speaker is not None  # "said ... must"
        ):
            comp = d.trig.match_end
        else:
            j = d.trig.ti + 1
            limit = min(len(doc.tokens), j + 8)
            while j < limit and doc.starts[j] < d.sentence.end:
                w = doc.lw[j]
                if w in doc.lex.words.infinitive or w in doc.lex.words.complementizers:
                    comp = doc.tokens[j][1]
                    break
                if w in PUNCT_BOUNDARY:
                    break
                j += 1
        if comp is None:
            continue
        for other in drafts[i + 1 :]:
            if other.trig.start < comp:
                continue
            if other.trig.ti - j > 5 or other.sentence.start != d.sentence.start:
                break
            if d.kind is EventKind.REJECT and other.trig.entry.kind not in doc.lex.refused_kinds:
                break  # "declined to accuse": the accusation stays, negated
            other.absorbed = True
            if d.kind is EventKind.AGREE and other.trig.entry.kind in threat:
                d.kind, d.rule = EventKind.THREATEN, d.rule + "+threat"
            if not d.targets:
                d.targets = [a for a in other.targets if all(a is not s for s in d.sources)]
            break


def _absorb_objects(doc: Doc, drafts: list[Draft]) -> None:
    """The object of a response is not an event of its own: "rejected a US offer", "dismissed an
    appeal", "demanded a truce" are one event each. Only a noun heading the direct object counts
    (determiners, adjectives and names between), not one in a prepositional phrase.
    """
    kinds = doc.lex.absorbs_objects
    for i, d in enumerate(drafts):
        if d.absorbed or d.trig.entry.kind not in kinds or d.trig.entry.pos != "verb":
            continue
        for other in drafts[i + 1 : i + 2]:
            if other.trig.entry.pos != "noun" or other.sentence.start != d.sentence.start:
                continue
            j0 = doc.tok(max(d.trig.end - 1, d.trig.start)) + 1
            between = doc.lw[j0 : other.trig.ti]
            if len(between) <= 4 and all(
                w in doc.lex.words.determiners
                or w in doc.lex.words.possessive_marks
                or not is_function_word(doc, w)
                for w in between
            ):
                other.absorbed = True
                # A response is to the author of what it answers: "brushed off an attack by Trump
                # on Canada" is aimed at Trump; the object's own target is not the response's.
                if not d.targets or (
                    other.sources and all(any(a is t for t in other.targets) for a in d.targets)
                ):
                    d.targets = [
                        a for a in other.sources or other.targets if all(a is not s for s in d.sources)
                    ]


_PROPOSAL_OBJECT = 6  # tokens from a verb to the proposal noun heading its object, at most


_PROPOSAL_REACH = 12  # tokens from the proposal noun to the end of what it proposes, at most


def _absorb_proposals(doc: Doc, drafts: list[Draft]) -> None:
    """What a rejected proposal proposes did not happen: "rejected a US offer to host a summit",
    "dismissed an appeal from the president to lay down their arms" are one REJECT event each.

    The proposal is a noun heading the verb's object (``words.proposal_nouns``, or a trigger
    there, such as "appeal for"); it and the first event after it in the same clause (up to a
    clause break or comma) are absorbed, and the proposal's author becomes the target when none
    is named.
    """
    if not doc.lex.absorbs_proposals:
        return
    starts: dict[int, Draft] | None = None
    for i, d in enumerate(drafts):
        if d.absorbed or d.trig.entry.pos != "verb" or d.kind not in doc.lex.absorbs_proposals:
            continue
        if starts is None:
            starts = {d.trig.ti: d for d in drafts}
        head = _proposal_head(doc, d, starts)
        if head < 0:
            continue
        end = _proposal_end(doc, d, head)
        lo = doc.starts[head]
        for other in drafts[i + 1 :]:
            if other.trig.start >= end or other.sentence.start != d.sentence.start:
                break
            if other.trig.start < lo or other.absorbed:
                continue
            other.absorbed = True
            if other.trig.ti == head:  # the proposal itself ("appeal for"); then what it proposes
                if not d.targets:
                    d.targets = [
                        a for a in other.sources or other.targets if all(a is not s for s in d.sources)
                    ]
                continue
            # Only the proposed event and a noun event heading its object ("to host a summit"), not
            # what else the clause names ("an ultimatum to hand over a guard involved in a shooting").
            n = drafts.index(other) + 1
            if n < len(drafts) and _heads_object(doc, other, drafts[n]):
                drafts[n].absorbed = True
            break


def _proposal_head(doc: Doc, d: Draft, starts: dict[int, Draft]) -> int:
    """The token of a proposal noun (or a noun trigger) heading the object of ``d``, or -1: past
    determiners, names and adjectives, before any function word."""
    lw, nouns, words = doc.lw, doc.lex.words.proposal_nouns, doc.lex.words
    j = doc.tok(max(d.trig.end - 1, d.trig.start)) + 1
    last = min(len(lw), j + _PROPOSAL_OBJECT)
    while j < last and doc.starts[j] < d.sentence.end:
        w = lw[j]
        if w in nouns or (j in starts and starts[j] is not d and starts[j].trig.entry.pos == "noun"):
            return j
        if w not in words.determiners and w not in words.possessive_marks and is_function_word(doc, w):
            break
        j += 1
    return -1


def _proposal_end(doc: Doc, d: Draft, head: int) -> int:
    """Where what the proposal at token ``head`` proposes ends: a clause break or a comma."""
    lw = doc.lw
    reach = min(len(lw), head + 1 + _PROPOSAL_REACH)
    k = head + 1
    while k < reach and doc.starts[k] < d.sentence.end:
        w = lw[k]
        if w in PUNCT_BOUNDARY or w == "," or w in doc.lex.words.boundaries:
            break
        k += 1
    return doc.starts[k] if k < len(doc.tokens) else d.sentence.end


_ALLEGATION_REACH = 8  # tokens from an allegation verb to its "of"/"for"/"with", at most


def _absorb_allegations(doc: Doc, drafts: list[Draft]) -> None:
    """An event named by a gerund after an allegation verb's "of"/"for"/"with" is what is alleged:
    "accused the United States of violating human rights" is one ACCUSE, "was arrested for
    collaborating with Israel" one COERCE; neither the violation nor the collaboration is reported
    as having happened.
    """
    verbs, links, lw = doc.lex.words.allegation_verbs, doc.lex.words.allegation_links, doc.lw
    if not verbs:
        return
    for d in drafts:
        if (
            d.absorbed
            or d.trig.ti < 1
            or lw[d.trig.ti - 1] not in links
            or d.trig.entry.pos != "verb"
            or not doc.norm[d.trig.start : d.trig.head_end].lower().endswith(doc.lex.words.gerund_suffixes)
        ):
            continue
        j = d.trig.ti - 1
        if j < 0 or lw[j] not in links:
            continue
        # The allegation verb before it, in the same clause, within a few words.
        lo = max(doc.sentence_tok(d.sentence), j - _ALLEGATION_REACH)
        k = j - 1
        while k >= lo and lw[k] not in verbs:
            if lw[k] in PUNCT_BOUNDARY or lw[k] in doc.lex.words.boundaries or lw[k] == ",":
                k = lo - 1
                break
            k -= 1
        if k >= lo:
            d.absorbed = True


def _heads_object(doc: Doc, verb: Draft, other: Draft) -> bool:
    """Whether ``other`` is a noun event heading the direct object of the verb event ``verb``."""
    if other.trig.entry.pos != "noun" or other.sentence.start != verb.sentence.start:
        return False
    j0 = doc.tok(max(verb.trig.end - 1, verb.trig.start)) + 1
    between = doc.lw[j0 : other.trig.ti]
    return len(between) <= 4 and all(
        w in doc.lex.words.determiners or w in doc.lex.words.possessive_marks or not is_function_word(doc, w)
        for w in between
    )


def _later_mentions(doc: Doc, drafts: list[Draft]) -> None:
    """A later mention of an act already coded is not a new event.

    A noun of a category coded in an earlier sentence, made definite by a determiner ("the
    arrest", "these strikes") or by a time's possessive ("Monday's attack"), whose actors do not
    contradict that event's, names the same act; so does a verb of that category before it whose
    clause places it in that act ("eleven were killed in Monday's attack").
    """
    # By kind (its id: an enum's hash is Python code); the last eight are compared (linear time).
    first: dict[int, list[Draft]] = {}
    for n, d in enumerate(drafts):
        if d.absorbed:
            # The object of a response ("condemned the arrest") is still a mention of the act.
            if d.trig.entry.pos == "noun" and id(d.kind) in first and (at := _definite(doc, d.trig)) >= 0:
                owner = _owner(first[id(d.kind)], d, doc.lw[at] in doc.lex.words.anaphoric_possessives)
                if owner is not None:
                    _merge(owner, d)
            continue
        earlier = first.get(id(d.kind))
        at = _definite(doc, d.trig) if earlier and d.trig.entry.pos == "noun" else -1
        owner = (
            _owner(earlier, d, doc.lw[at] in doc.lex.words.anaphoric_possessives)
            if at >= 0 and earlier
            else None
        )
        if owner is None and at >= 0 and earlier and _bare(doc, d.trig, at):
            owner = _last_before(earlier, d)
        if owner is not None:
            d.absorbed = True
            _merge(owner, d)
            _relative_after(doc, owner, d, drafts[n + 1 : n + 2])
            if at == 0 or doc.lw[at - 1] not in doc.lex.words.anaphoric_links:
                continue
            for o in drafts[max(0, n - 6) : n]:
                if (
                    o is not d
                    and not o.absorbed
                    and o.kind is d.kind
                    and o.sentence.start == d.sentence.start
                    and o.trig.entry.pos == "verb"
                    and _same_clause(doc, o.trig, d.trig)
                    and not any(w in doc.lex.words.relatives for w in doc.lw[o.trig.ti : d.trig.ti])
                ):
                    o.absorbed = True
                    _merge(owner, o)
            continue
        if d.trig.entry.pos == "verb" or d.sources or d.targets:
            first.setdefault(id(d.kind), []).append(d)


def _relative_after(doc: Doc, owner: Draft, mention: Draft, following: list[Draft]) -> None:
    """A verb of the act's category in a relative clause on its later mention tells of that act:
    "blamed Assad for this week's chemical attack, which killed at least 70 people" (one act)."""
    for o in following:
        if o.absorbed or o.kind is not mention.kind or o.trig.entry.pos != "verb":
            continue
        if o.sentence.start != mention.sentence.start:
            continue
        between = doc.lw[doc.tok(max(mention.trig.end - 1, mention.trig.start)) + 1 : o.trig.ti]
        words = doc.lex.words
        if (
            between
            and any(w in words.relatives for w in between)
            and all(
                w == ","
                or w in words.relatives
                or w in doc.lex.verb_like
                or w.endswith(words.adverb_suffixes)
                for w in between
            )
        ):
            o.absorbed = True
            _merge(owner, o)


def _share_roles(event: Draft, mention: Draft) -> None:
    """Two names of one act in a clause read its roles together: a side the event's own words
    leave empty is taken from the mention's ("U.S. drone strikes on Taliban hideouts killed 11
    people": the United States against the Taliban; "the army's attack on the village killed ten":
    the army). A side already read is kept."""
    if not event.sources and mention.sources and not event.passive:
        event.sources = [a for a in mention.sources if all(a is not t for t in event.targets)]
    if not event.targets and mention.targets:
        event.targets = [a for a in mention.targets if all(a is not s for s in event.sources)]


def _owner(earlier: list[Draft], d: Draft, possessive: bool = False) -> Draft | None:
    """The latest of the last eight events of ``d``'s kind, in an earlier sentence, whose actors
    do not contradict ``d``'s: the act a definite mention names. The possessor of a possessive
    mention may be the act's author or the one it is done to ("Kaya's arrest"), so either reading
    will do."""
    return next(
        (
            e
            for e in reversed(earlier[-8:])
            if e.sentence.start < d.sentence.start
            and (
                _compatible(e, d)
                or (possessive and _side(e.targets, d.sources) and _side(e.sources, d.targets))
            )
        ),
        None,
    )


_BARE_REACH = 1200  # characters from a bare definite mention back to the act it names, at most


def _bare(doc: Doc, trig: Occurrence, at: int) -> bool:
    """Whether a definite mention names its act and nothing else: a determiner right before the
    noun ("at the meeting", "after the visit") and no phrase after it that could name a party
    ("the meeting with Putin", "the praise Arab allies heaped on him"). The actors its clause
    holds are the clause's, not the act's."""
    words, lw = doc.lex.words, doc.lw
    if at != trig.ti - 1 or lw[at] not in words.bare_determiners or trig.end != trig.head_end:
        return False
    j = doc.tok(max(trig.end - 1, trig.start)) + 1
    return j >= len(lw) or (
        lw[j] not in words.target_prepositions
        and lw[j] not in words.agent_prepositions
        and not doc.norm[
            doc.starts[j] : doc.starts[j] + 1
        ].isupper()  # "the praise Washington's allies heaped"
    )


def _last_before(earlier: list[Draft], d: Draft) -> Draft | None:
    """The latest event of ``d``'s kind in an earlier sentence, close before it: the act a bare
    definite mention names, whatever actors its clause holds."""
    e = next((e for e in reversed(earlier[-8:]) if e.sentence.start < d.sentence.start), None)
    return e if e is not None and d.trig.start - e.trig.start <= _BARE_REACH else None


def _merge(owner: Draft, other: Draft) -> None:
    """``other`` names the act of ``owner``: its trigger (and the mentions it holds) become
    ``owner``'s mentions (``Event.mentions``)."""
    owner.mentions.append(other.trig)
    owner.mentions.extend(other.mentions)
    other.mentions = []


def _definite(doc: Doc, trig: Occurrence) -> int:
    """The token opening a definite noun trigger's phrase: ``the``/``these`` ... or a possessive
    within three words before it: a time's ("Monday's attack": the time's first token) or another
    ("the Iraqis' deportation": the possessive mark) (``-1``: not definite)."""
    words, lw = doc.lex.words, doc.lw
    j = trig.ti - 1
    while j >= 0 and trig.ti - j <= 3:
        w = lw[j]
        if w in words.anaphoric_determiners:
            return j
        if w in words.anaphoric_possessives:
            at = doc.starts[j]
            k = bisect.bisect_left(doc.time_starts, at - 40)
            for t in doc.ctx.times[k : k + 4]:
                if at - 1 <= t.span.end <= at:
                    return doc.tok(t.span.start)
            return j
        if not w.isalpha() or w in doc.lex.verb_like or w in words.boundaries:
            return -1
        j -= 1
    return -1


def _compatible(a: Draft, b: Draft) -> bool:
    """Whether two events' actors can be one act's: on each side, one names none, or they share an actor or a country."""
    return _side(a.sources, b.sources) and _side(a.targets, b.targets)


def _side(xs: list[Actor], ys: list[Actor]) -> bool:
    if not xs or not ys:
        return True
    return any(x is y or (x.country is not None and x.country == y.country) for x in xs for y in ys)


def _dedupe_mentions_of_one_event(doc: Doc, drafts: list[Draft]) -> None:
    """One happening named twice in a sentence is one event.

    A noun of the same category as a verb event in its sentence ("hosted ... for a meeting"), and
    a participle after a comma ("attacked ..., killing 156") are folded into that event.
    """
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        if not d.absorbed:
            by_sentence.setdefault(d.sentence.start, []).append(d)
    lw = doc.lw
    for group in by_sentence.values():
        if len(group) < 2:
            continue  # alone in its sentence: nothing to fold into
        for n, d in enumerate(group):
            # A verb folds only as a participle after a comma (a comma first: most have none).
            if d.trig.entry.pos == "verb" and (
                lw[d.trig.ti - 1] != "," or not _participle_after_comma(doc, d.trig)
            ):
                continue
            # Only neighbours can share a clause (``_same_clause`` wants 12 tokens at most).
            for o in group[max(0, n - 6) : n + 7]:
                if o is d or o.absorbed or o.kind is not d.kind or o.trig.entry.pos != "verb":
                    continue
                if _participle_after_comma(doc, o.trig) and o.trig.start > d.trig.start:
                    continue
                if d.trig.entry.pos == "verb" and o.trig.start > d.trig.start:
                    continue
                if not _same_clause(doc, d.trig, o.trig):
                    continue
                d.absorbed = True
                _merge(o, d)
                _share_roles(o, d)
                break


def _same_clause(doc: Doc, a: Occurrence, b: Occurrence) -> bool:
    """Whether two triggers are close and no clause boundary but a relative pronoun lies between them."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    j0 = doc.tok(max(lo.end - 1, lo.start)) + 1
    if hi.ti - j0 > 12:
        return False
    for j in range(j0, hi.ti):
        w = doc.lw[j]
        if (
            w in PUNCT_BOUNDARY
            or w in doc.lex.words.reporting
            or (w in doc.lex.words.boundaries and w not in doc.lex.words.relatives)
        ):
            return False
    return True


def _participle_after_comma(doc: Doc, trig: Occurrence) -> bool:
    return (
        trig.ti > 0
        and doc.lw[trig.ti - 1] == ","
        and doc.norm[trig.start : trig.head_end].lower().endswith(doc.lex.words.gerund_suffixes)
    )
