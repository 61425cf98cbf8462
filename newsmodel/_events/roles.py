"""The roles pass: a trigger's sources, targets and place, then its mode, as a :class:`Draft`."""

from __future__ import annotations

import bisect

from ..model import Actor, ActorKind, EventMode, Span
from .chunks import (
    VERB,
    ChunkGrammar,
    agent_of,
    infinitive_subject,
    reduced_relative,
    restrictive_antecedent,
    subject_of,
)
from .clauses import (
    clause_right,
    content_floor,
    is_passive,
    noun_phrase_end,
    place_anywhere,
    premodifies,
    subject,
    subject_is_first_person,
    support_verb,
)
from .grammar import before_reporting_clause, causative_verb, noun_reading, possessor_object, recipient_verb
from .mode import mode, recode
from .objects import objects
from .sides import chunk_noun_sides, chunk_sides, dedupe, group_actor
from .state import PUNCT_BOUNDARY, Doc, Draft, Occurrence

__all__ = ["read_roles"]

_PASSIVE = "+passive"
_AGENT_REACH = 12  # tokens after a passive searched for an agent named in its clause, at most
_RELATIVE_WORDS = 12  # words between a relative pronoun and a verb trigger past its clause, at most
# Enum members read once (a read through the enum class costs about 70 ns in Python 3.11, a global a few).
_ASSERTED, _LOCATION = EventMode.ASSERTED, ActorKind.LOCATION

# (sources, targets, place, rule suffix), or None: no event.
_Roles = tuple[list[Actor], list[Actor], Actor | None, str]


def read_roles(doc: Doc, trig: Occurrence, sentence: Span, prev: Occurrence | None) -> Draft | None:
    """The event a trigger codes, with its participants, place and mode (``None``: no event)."""
    e = trig.entry
    floor, speaker = content_floor(doc, trig.start) if doc.contents else (0, None)
    right = clause_right(
        doc,
        trig.ti if trig.match_end == trig.head_end else doc.tok(trig.match_end - 1),
        sentence.end,
        doc.lex.settings.target_window,
    )
    # A reporting clause after a comma holds no object ("a strike that killed 20, sources said":
    # the sources are not killed).
    right = before_reporting_clause(doc, trig.match_end, right)
    found = _participants(doc, trig, sentence, floor, right)
    if found is None:
        return None
    sources, targets, place, rule = found
    rule = e.rule + rule
    if trig.start in doc.cue_speaker or (speaker is not None and not sources):
        sources, said = _speaker_source(doc, trig, sentence, floor, speaker, found)
        rule += said
    if sources and targets:
        if len(sources) == 1:  # the commonest: one comparison per target, no generator
            only = sources[0]
            targets = [a for a in targets if a is not only]
        else:
            targets = [a for a in targets if all(a is not s for s in sources)]
    if e.needs_target and not targets:
        return None  # "a video released by ...": release of an actor or nothing
    if place is not None and any(place is a for a in (*sources, *targets)):
        place = None
    if place is None:
        place = place_anywhere(doc, sentence, trig, sources, targets, right)
    # With no target named, the place where it happens stands for it, as PLOVER codes domestic
    # events ("suspended aid deliveries in Baghdad": Iraq; "demonstrated in Serbia": Serbia).
    if (
        not targets
        and place is not None
        and place.country
        and all(place is not a for a in sources)
        and not _seat_of_source(doc, sentence, place, sources, trig.start)
    ):
        targets = [place]
        rule += "+place-target"
    if targets:
        targets, national = _countries_for_places(doc, targets, sources)
        rule += national
    how, cue = mode(doc, trig, sentence, prev)
    # An asserted event (most: no cue) is recoded by nothing.
    if how is _ASSERTED:
        kind, recoded = e.kind, ""
    else:
        kind, how, recoded = recode(doc, trig, sentence, e.kind, how, cue)
    return Draft(
        kind=kind,
        trig=trig,
        sentence=sentence,
        sources=dedupe(sources) if len(sources) > 1 else sources,
        targets=dedupe(targets) if len(targets) > 1 else targets,
        location=place,
        mode=how,
        cue=cue,
        rule=rule + recoded,
        passive=found[3] == _PASSIVE,
    )


def _speaker_source(
    doc: Doc, trig: Occurrence, sentence: Span, floor: int, speaker: Actor | None, found: _Roles
) -> tuple[list[Actor], str]:
    """The sources once statements are read, with the rule suffix that says so: the speaker of a
    statement whose cue is the trigger, of a quote whose clause opens in the first person, or
    an authority reporting an act of its office in the passive."""
    e = trig.entry
    sources, targets = found[0], found[1]
    # The speaker of a statement whose cue is this trigger ("blamed", "denied") is its source.
    if trig.start in doc.cue_speaker and not e.swapped:
        sp = doc.cue_speaker[trig.start]
        if sp not in sources:
            return [sp], "+speaker"
    elif (
        not sources
        and e.pos == "verb"
        and speaker is not None
        and subject_is_first_person(doc, trig, sentence, floor)
    ):
        return [speaker], "+speaker"
    elif (
        not sources
        and found[3] == _PASSIVE
        and speaker is not None
        and _authority_reporter(doc, trig, speaker, found[2], targets)
    ):
        # "he was charged with spying, prosecutors said": the officers who report an act of their
        # own office, told in the passive with no agent, did it.
        return [speaker], "+reporter"
    return sources, ""


def _participants(doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int) -> _Roles | None:
    e = trig.entry
    if trig.speaker is not None:
        # Coded from a statement: the speaker demands it of the subject of "must".
        subj, _ = subject(doc, sentence, trig.start, max(floor, trig.content_start))
        targets = [a for a in subj if a is not trig.speaker]
        if not targets:  # "we must never forget": no demand of anyone
            return None
        return [trig.speaker], targets, None, ""
    if not doc.has_mentions(sentence):
        if e.needs_target:
            return None  # nobody to find, and so no target
        return [], [], None, ""
    if e.pos != "verb":
        return _noun_roles(doc, trig, sentence, floor, right)
    one_word = trig.match_end == trig.head_end
    if one_word and _after_governed_noun(doc, trig):
        # "the deportation of Iraqis detained in raids": a reduced passive relative clause.
        ch = doc.chunks(sentence)
        v = ch.item_of(trig.ti)
        groups = reduced_relative(ch, v) if v >= 0 else []
        patients = [a for k in groups if (a := group_actor(doc, ch, k, floor, right)) is not None]
        if patients:
            _, rplace, agents = objects(
                doc, sentence, trig.head_end, right, allowed=doc.lex.words.target_prepositions
            )
            cagents = [a for k in agent_of(ch, v) if (a := group_actor(doc, ch, k, floor, right)) is not None]
            return dedupe(cagents or agents), dedupe(patients), rplace, _PASSIVE
    w = doc.lw[trig.ti]
    if one_word and w == e.text and noun_reading(doc, trig.ti, w):
        # "defied a government ban on rallies": the ban is a noun, the defiers did not ban.
        return _noun_roles(doc, trig, sentence, floor, right)
    if is_passive(doc, trig.ti, w):
        subj, lplace = subject(doc, sentence, trig.start, floor)
        if (past := _past_restrictive_relative(doc, trig, sentence, floor, right)) is not None:
            subj = past
        _, rplace, agents = objects(
            doc, sentence, trig.head_end, right, allowed=doc.lex.words.target_prepositions
        )
        if agents or (not subj and _named_before(doc, sentence, floor, trig)):
            # The agent is the head of the "by" phrase ("by the European Parliament's chief
            # negotiator Guy Verhofstadt": Verhofstadt, not the Parliament).
            csub, _, cagents = chunk_sides(doc, trig, sentence, floor, right)
            agents, subj = cagents or agents, subj or csub
        return agents, subj, rplace or lplace, _PASSIVE
    return _verb_roles(doc, trig, sentence, floor, right)


def _verb_roles(doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int) -> _Roles | None:
    """An active verb: the subject before it, the object or a prepositional phrase after it."""
    e = trig.entry
    tg, rplace, agents = objects(doc, sentence, trig.head_end, right, allowed=None)
    if tg and trig.match_end == trig.head_end and e.kind not in doc.lex.absorbs:
        # "renegotiate it to ensure more benefits for the United States": a purpose clause
        # after the verb holds no object of it (a verb that absorbs its complement reads it).
        cut = _infinitive_after(doc, trig, sentence, right)
        if cut < right:
            tg = objects(doc, sentence, trig.head_end, cut, allowed=None)[0]
    if e.needs_target and not e.swapped and not tg and not agents:
        return None  # "a video released by ...": release of an actor or nothing
    subj, lplace = subject(doc, sentence, trig.start, floor)
    if (past := _past_restrictive_relative(doc, trig, sentence, floor, right)) is not None:
        subj = past  # "the ministers who met Erdogan condemned": not Erdogan, even if nobody
    if trig.ti >= 3 and doc.lw[trig.ti - 1] in doc.lex.words.infinitive and _for_infinitive(doc, trig):
        # "it was time for Britain and India to strike a deal": the subject follows "for".
        ch = doc.chunks(sentence)
        v = ch.item_of(trig.ti)
        groups = infinitive_subject(ch, v) if v >= 0 else []
        subj = [a for k in groups if (a := group_actor(doc, ch, k, floor, right)) is not None] or subj
    if not subj and _clause_marked(doc, trig) and _named_before(doc, sentence, floor, trig):
        # The word-window reader found no subject: the chunks may ("Turkey, which has arrested
        # ..., summoned", "after having been kidnapped by", "Complaining of ..., he said").
        csub, cobj, _ = chunk_sides(doc, trig, sentence, floor, right)
        subj = subj or csub
        if cobj and not tg and not e.from_target:
            tg = cobj
    causer = (
        causative_verb(doc, trig.ti, bisect.bisect_left(doc.starts, sentence.start))
        if e.kind in doc.lex.caused
        else None
    )
    if causer is not None and subj and not e.swapped:
        # "the government ordered the newspaper to suspend publication": the government's act,
        # aimed at the newspaper.
        by = subject(doc, sentence, causer, floor)[0]
        if by and all(a is not s for a in by for s in subj):
            return by, subj, rplace or lplace, "+causative"
    if e.swapped:
        sources, targets = agents or tg, subj
    elif e.from_target and agents:
        sources, targets = subj, agents  # "withdrew its troops from Lebanon": Lebanon
    else:
        sources, targets = subj, tg or agents
        if not targets and trig.match_end == trig.head_end:
            # "did not accept his request": the possessor of the object is what the act is aimed at.
            owner = possessor_object(doc, trig.head_end, right)
            if owner is not None and all(owner is not a for a in sources):
                targets = [owner]
    return sources, targets, rplace or lplace, ""


def _noun_roles(doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int) -> _Roles | None:
    """A noun: possessor or modifier before it, by/from after it, else the subject of a support verb."""
    e = trig.entry
    sources: list[Actor] = []
    rule = ""
    pre = [m for m in doc.mentions_in(sentence, trig.start - 224, trig.start) if trig.start - 24 <= m[1]]
    if pre:
        m = pre[-1]
        between = doc.norm[m[1] : trig.start]
        if premodifies(doc, between):
            sources = [m[2]]
    # The noun's own phrases end where a verb begins ("the attack in large measure is ...").
    targets, rplace, agents = objects(
        doc,
        sentence,
        trig.head_end,
        noun_phrase_end(doc, trig, right),
        allowed=doc.lex.words.target_prepositions,
    )
    if (
        not targets
        and trig.match_end == trig.head_end
        and trig.ti + 1 < len(doc.lw)
        and doc.lw[trig.ti + 1] in doc.lex.words.target_prepositions
        and _named_between(doc, trig.head_end, right)
    ):
        # "the arrest of opposition leader Kem Sokha": the head of the phrase after the noun.
        targets, cagents = chunk_noun_sides(doc, trig, sentence, floor, right)
        agents = agents or cagents
    if e.needs_target and not targets:
        return None
    if not sources:
        sources = agents
    lo = bisect.bisect_left(doc.starts, sentence.start)
    receiver = recipient_verb(doc, trig.ti, lo) if not targets and e.kind in doc.lex.received else None
    if receiver is not None:
        # "Egypt receives U.S. military aid": the subject of a verb of receiving is the target.
        if pre and receiver >= pre[-1][1]:
            sources = agents  # "Chile won concessions": "won" is the verb, not a modifier
        targets = [
            a for a in _subject_of_verb(doc, sentence, receiver, floor) if all(a is not s for s in sources)
        ]
        rule = "+recipient" if targets else ""
    elif not sources:
        support = support_verb(doc, trig.ti, sentence)
        if support is not None:
            sources, _ = subject(doc, sentence, support, floor)
            rule = "+support"
        elif doc.lex.noun_source.get(e.kind) == "subject":
            sources, _ = subject(doc, sentence, trig.start, floor)
    return sources, targets, rplace, rule


def _subject_of_verb(doc: Doc, sentence: Span, at: int, floor: int) -> list[Actor]:
    """The subject actors of the verb at offset ``at``: read off the chunks (the subject of a
    participle clause is the main clause's: "Egypt is an ally, receiving aid"), else the
    word-window reader's."""
    ch = doc.chunks(sentence)
    v = ch.item_of(doc.tok(at))
    if v >= 0 and ch.kinds[v] == VERB:
        found = [
            a for k in subject_of(ch, v) if (a := group_actor(doc, ch, k, floor, sentence.end)) is not None
        ]
        if found:
            return dedupe(found)
    return subject(doc, sentence, at, floor)[0]


def _seat_of_source(doc: Doc, sentence: Span, place: Actor, sources: list[Actor], before: int) -> bool:
    """Whether the place is named, before the trigger, right after a source it locates ("the U.S.
    Embassy in Phnom Penh rejected ...": where the embassy sits, not what it acted upon)."""
    if not sources:
        return False
    ms = doc.mentions_in(sentence, sentence.start, before)
    preps = doc.lex.words.location_prepositions
    for i in range(1, len(ms)):
        s, _, a = ms[i]
        if a is not place:
            continue
        for j in range(i - 1, -1, -1):
            _, pe, pa = ms[j]
            if pe > s or all(pa is not x for x in sources):
                continue
            if doc.low[pe:s].strip() in preps:
                return True
    return False


def _countries_for_places(doc: Doc, targets: list[Actor], sources: list[Actor]) -> tuple[list[Actor], str]:
    """A city or region as target stands for its country when the article names the country
    ("visiting New Delhi": India), unless that country is a source ("Syria shelled Aleppo")."""
    location = _LOCATION
    if all(a.kind is not location or not a.country for a in targets):
        return targets, ""  # no city or region: the commonest
    out: list[Actor] = []
    changed = ""
    for a in targets:
        c = doc.country_of(a)
        if c is not None and all(c is not x for x in sources):
            out.append(c)
            changed = "+country"
        else:
            out.append(a)
    return out, changed


def _infinitive_after(doc: Doc, trig: Occurrence, sentence: Span, right: int) -> int:
    """Offset of the first verb group opened by the infinitive marker after a one-word verb
    trigger, before ``right`` (``right`` when there is none)."""
    infinitive = doc.lex.words.infinitive
    starts, lw = doc.starts, doc.lw
    dets = doc.lex.words.determiners
    j = trig.ti + 1
    # Only "to" before a lower-case word that is no determiner ("to buy", not "to the", "to
    # Moscow") may open a verb group: without one, the sentence need not be chunked.
    while j + 1 < len(starts) and starts[j] < right:
        if lw[j] in infinitive and doc.norm[starts[j + 1]].islower() and lw[j + 1] not in dets:
            break
        j += 1
    else:
        return right
    ch = doc.chunks(sentence)
    v = ch.item_of(trig.ti)
    if v < 0:
        return right
    for k in range(v + 1, len(ch)):
        ti = ch.first(k)
        if ti >= len(doc.starts) or doc.starts[ti] >= right:
            break
        if ch.kinds[k] == VERB and ch.word(k) in infinitive:
            return doc.starts[ti]
    return right


def _past_restrictive_relative(
    doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int
) -> list[Actor] | None:
    """The subject of a verb trigger past a restrictive relative clause ("a lawmaker who belongs to
    the Jobbik party has been charged": the lawmaker), read off the chunks when a relative
    pronoun with no comma before it stands in the few words before the trigger: the actors its
    antecedent names (empty when it names none: "the ministers who met Erdogan condemned" is not
    Erdogan's act). ``None`` when there is no such clause."""
    words, lw = doc.lex.words, doc.lw
    if lw[trig.ti].endswith(words.gerund_suffixes):
        return None  # "criticized his comments blaming ...": a participle, not the clause's verb
    lo = max(sentence.start, doc.starts[max(0, trig.ti - _RELATIVE_WORDS)])
    low = doc.low
    for w in words.restrictive_relatives:  # a search in C first: most clauses hold none
        if low.find(w, lo, trig.start) >= 0:
            break
    else:
        return None
    j = trig.ti - 1
    while j > 1 and trig.ti - j <= _RELATIVE_WORDS:
        w = lw[j]
        if w in PUNCT_BOUNDARY or w == "," or doc.starts[j] < sentence.start:
            return None
        if w in words.restrictive_relatives:
            break
        j -= 1
    else:
        return None
    if lw[j - 1] == "," or j + 1 >= trig.ti:
        return None  # "the police, who fired": the word-window reader reads it; "who was charged"
    k = trig.ti - 1  # the word before the trigger's verb group: a noun ends the relative clause
    while k > j and (
        lw[k] in doc.lex.verb_like or lw[k] in words.negations or lw[k].endswith(words.adverb_suffixes)
    ):
        k -= 1
    w = lw[k]
    if (
        k <= j + 1
        or not w[:1].isalnum()
        or w in words.infinitive
        or w in doc.lex.prepositions
        or w in words.pronouns
        or w in words.determiners
    ):
        return None  # "who have been willing to negotiate": the trigger is the clause's own
    ch = doc.chunks(sentence)
    v = ch.item_of(trig.ti)
    if v < 0 or ch.kinds[v] != VERB:
        return None
    groups = restrictive_antecedent(ch, v, words.reporting, words.boundaries)
    if not groups:
        return None
    return dedupe([a for k in groups if (a := group_actor(doc, ch, k, floor, right)) is not None])


def _clause_marked(doc: Doc, trig: Occurrence) -> bool:
    """Whether the verb's subject may lie where only the chunks find it: the trigger is a gerund
    ("Complaining of ..., he said"), or right before its verb group (past auxiliaries, negations
    and adverbs) stands a comma, a relative pronoun, a preposition or subordinator, or a gerund
    ("Turkey, which has ..., summoned", "after having been kidnapped"). After a plain noun, "to"
    or "and", the word-window reader has read what the chunks would."""
    words, lw = doc.lex.words, doc.lw
    gerund = words.gerund_suffixes
    if lw[trig.ti].endswith(gerund):
        return True
    j = trig.ti - 1
    while (
        j >= 0
        and trig.ti - j <= 4
        and (lw[j] in doc.lex.verb_like or lw[j] in words.negations or lw[j].endswith(words.adverb_suffixes))
    ):
        j -= 1
    if j < 0:
        return False
    w = lw[j]
    return (
        w == ","
        or w in words.relatives
        or w in doc.lex.prepositions
        or w in words.boundaries
        or w.endswith(gerund)
    )


def _named_before(doc: Doc, sentence: Span, floor: int, trig: Occurrence) -> bool:
    """Whether an actor is mentioned in the sentence before the trigger (past the floor), or the
    trigger is a gerund, whose clause may open the sentence ("Complaining of ..., he said")."""
    if doc.lw[trig.ti].endswith(doc.lex.words.gerund_suffixes):
        return True
    starts = doc.all_starts
    i = bisect.bisect_left(starts, max(floor, sentence.start))
    return i < len(starts) and starts[i] < trig.start


def _for_infinitive(doc: Doc, trig: Occurrence) -> bool:
    """Whether a verb trigger follows the infinitive marker with the preposition that introduces an
    infinitive's subject a few words before ("for Chile and Peru to sign"): a test before the chunks."""
    ti, lw = trig.ti, doc.lw
    if ti < 3 or lw[ti - 1] not in doc.lex.words.infinitive:
        return False
    opener = ChunkGrammar.shipped().infinitive_subject
    return any(w in opener for w in lw[max(0, ti - 12) : ti - 2])


def _after_governed_noun(doc: Doc, trig: Occurrence) -> bool:
    """Whether a past form may modify the noun before it (a cheap test before the chunks: a
    content word right before it, a preposition at most four words back; "of Iraqis detained")."""
    words, lw = doc.lex.words, doc.lw
    ti = trig.ti
    w = lw[ti]
    if ti < 2 or not (w.endswith(words.past_suffixes) or w in words.participles):
        return False
    before = lw[ti - 1]
    if not before[:1].isalnum() or before in doc.lex.verb_like or before in words.determiners:
        return False
    return any(x in doc.lex.prepositions for x in lw[max(0, ti - 5) : ti - 1])


def _named_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention starts in ``[start, end)``."""
    starts = doc.all_starts
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _authority_reporter(
    doc: Doc, trig: Occurrence, speaker: Actor, place: Actor | None, targets: list[Actor]
) -> bool:
    """Whether the speaker of the statement holding a passive trigger with no agent did the act:
    the trigger is a verb of an authority's office (``authority_verbs``: "was charged",
    "were detained") in a finite past passive that opens no relative clause, the speaker one of
    the authorities (``authority_sectors``: police, prosecutors, a ministry) and not among the
    targets ("he was detained, his lawyer said": no), the place of the act, if any, in the
    speaker's country ("detained in Turkey, the German foreign ministry said": Turkey's act), and
    no agent named later in its clause ("detained in a sweep by immigration authorities")."""
    words, lw = doc.lex.words, doc.lw
    if speaker.sector is None or speaker.sector.lower() not in words.authority_sectors:
        return False
    if lw[trig.ti] not in words.authority_verbs or any(speaker is a for a in targets):
        return False
    if place is not None and place.country and speaker.country and place.country != speaker.country:
        return False
    j = trig.ti + 1
    while j < len(lw) and j - trig.ti <= _AGENT_REACH and lw[j] != "," and lw[j] not in PUNCT_BOUNDARY:
        if lw[j] in words.agent_prepositions:
            return False  # "detained as part of a sweep by immigration authorities": theirs
        j += 1
    j = trig.ti - 1
    while j > 0 and (lw[j].endswith(words.adverb_suffixes) or lw[j] in words.negations):
        j -= 1
    if j < 2:
        return False
    if lw[j] in words.authority_auxiliaries:
        j -= 1
    elif lw[j] in words.be and lw[j - 1] in words.authority_perfect:
        j -= 2
        if lw[j] in words.auxiliaries:
            return False  # "could have been arrested": no act told
    else:
        return False  # "could be prosecuted", "being convicted"
    return lw[j] not in words.relatives
