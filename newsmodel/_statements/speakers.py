"""Speakers: each source resolved to an actor of the cast, the time of saying, the statements.

The head of a source phrase names the speaker through the actor stage's cast (``a Kremlin
spokesman`` speaks for the Kremlin; ``he`` without a resolution is the latest person who spoke).
The time of saying is the one governing the source and cue; a statement without one inherits the
same speaker's previous time when the narrative has not moved on. :func:`finish` turns the
drafts into :class:`~newsmodel.model.Statement` values.
"""

from __future__ import annotations

import bisect

from .. import _trusted
from ..model import Actor, ActorKind, MentionKind, Span, Statement, StatementKind, TimeExpression, TimeKind
from ..segment import Quotation
from ..times import governing_time
from .state import DAY, Scan, StatementDraft


def add_statement(
    st: Scan,
    src: tuple[int, int] | None,
    cue: tuple[int, int],
    content: tuple[int, int],
    kind: StatementKind,
    rule: str,
    si: int,
    antecedent: tuple[int, int] | None,
    quote: Quotation | None = None,
    speaker: Actor | None = None,
) -> None:
    source = None
    if src is not None:
        source = (st.toks[src[0]][0], st.toks[src[1]][1])
        if speaker is None:
            speaker = speaker_of(st, src, antecedent, content)
    draft = StatementDraft(
        source=source,
        cue=cue,
        content=content,
        kind=kind,
        rule=rule,
        speaker=speaker,
        sentence=si,
        paragraph=st.seg.paragraph_index(content[0]),
        quote=quote,
        time=saying_time(st, source, cue, content),
        tokens=src,
    )
    st.drafts.append(draft)


def saying_time(
    st: Scan, source: tuple[int, int] | None, cue: tuple[int, int], content: tuple[int, int]
) -> TimeExpression | None:
    """The time governing the act of saying: near the source and cue, never one inside the
    content or a quotation (those date what was said, or name a show: ABC’s “This Week”)."""
    if not st.ctx.times:
        return None
    start = source[0] if source is not None and source[0] < cue[0] else cue[0]
    si = st.seg.sentence_index(start)
    if si < 0:
        return None
    sent = st.seg.sentences[si]
    lo = bisect.bisect_left(st.time_starts, sent.start)
    hi = bisect.bisect_left(st.time_starts, sent.end)
    times = [t for t in st.free_times[lo:hi] if not (content[0] <= t.span.start < content[1])]
    return governing_time(times, st.seg, start, cue[1], clauses=st.ctx.clause_break)


def speaker_of(
    st: Scan,
    src: tuple[int, int],
    antecedent: tuple[int, int] | None,
    content: tuple[int, int] | None = None,
) -> Actor | None:
    """The actor the source names: the head of the phrase, through the actor stage's cast.

    A pronoun is the cast's resolution when its gender agrees, else the latest speaker who
    agrees (``he`` a person the text makes male or leaves open; ``it`` an organisation, group or
    state). A phrase whose head is no mention gives the actor it names: a named spokesperson,
    else the actor a spokesperson speaks for (``a spokeswoman for the prosecutor's office``), the
    owner of an office (``the president's office``), the head of a group or organisation
    (``Cairo's foreign ministry``), the first of joint speakers (``X and Y said``).
    """
    s, e = st.toks[src[0]][0], st.toks[src[1]][1]
    if antecedent is not None:
        found = st.cast.actor_at(s, e)
        return (
            found if found is not None else appositive_owner(st, *antecedent) or head_actor(st, *antecedent)
        )
    a, b = src
    if a == b and st.lows[a] in st.lex.neuter:
        return neuter_speaker(st, s, e, content)
    if a == b and st.lows[a] in st.lex.anaphors:
        want = pronoun_gender(st, st.lows[a])
        actor = head_actor(st, a, b)
        if actor is not None and agrees(st, actor, want, s):
            return actor
        return recent_person(st, want, s)
    joint = joint_first(st, a, b)
    if joint is not None:
        return joint
    actor = head_actor(st, a, b)
    if actor is None:
        actor = phrase_actor(st, a, b)
    if actor is None and b == a + 1 and st.lows[a] in st.lex.definite and st.lows[b] in st.lex.documents:
        actor = latest_speaker(st, st.seg.paragraph_index(s))  # "The statement said ..."
    return actor


def head_actor(st: Scan, a: int, b: int) -> Actor | None:
    # The head is the last word, or the last word before an appositive comma.
    for k in range(a, b + 1):
        if st.words[k] == "," and k > a:
            b = k - 1
            break
    if st.words[b] == ")":  # Sen. Jane Roe (D-Mo.): the name before the parenthesis
        k = b
        while k > a and st.words[k] != "(":
            k -= 1
        if k > a:
            b = k - 1
    while b > a and not st.is_word(b):
        b -= 1
    s, e = st.toks[b]
    found = st.cast.mention_at(s, e)
    if found is None and b > a and st.lows[b] in st.lex.spokespeople:
        # "a Kremlin spokesman", "police officials": they speak for the actor before them
        found = st.cast.mention_at(st.toks[b - 1][0], st.toks[b - 1][1])
        if found is not None and found[0].span.end != st.toks[b - 1][1]:
            found = None
    if found is None:
        return None
    mention, actor = found
    m0 = st.index(mention.span.start)
    if m0 > a and st.lows[m0 - 1] in st.lex.modifier_prepositions:
        return None  # "a spokesman for Mrs. Clinton": Clinton is not the speaker
    return actor


def appositive_owner(st: Scan, a: int, b: int) -> Actor | None:
    """``Senator Marco Rubio, a member of the committee, who said``: a relative's antecedent
    that is an appositive (opening with a determiner after a comma) stands for the person named
    before the comma."""
    if a < 2 or st.words[a - 1] != "," or st.lows[a] not in st.lex.determiners or not st.is_word(a - 2):
        return None
    found = st.cast.mention_at(st.toks[a - 2][0], st.toks[a - 2][1])
    if found is None or found[1].kind is not ActorKind.PERSON or found[0].span.end != st.toks[a - 2][1]:
        return None
    return found[1]


def phrase_actor(st: Scan, a: int, b: int) -> Actor | None:
    """The actor a source phrase without a mention at its head stands for.

    Up to a modifier preposition the phrase is its head's (``Economists polled by Reuters``:
    the economists, not Reuters); after a spokesperson noun the preposition's object is who
    speaks (``a spokesman for X``, ``lawyers for X``: X). Inside the head part, the last mention
    that is not a country or place, else the last mention (``Cairo's foreign ministry``: Egypt).
    """
    cut = b + 1
    for k in range(a + 1, b + 1):
        if st.words[k] in {",", "(", "—", "–"}:
            if st.words[k] == "," and k < b:  # "the delegation's chairman, Werner Langen"
                named = st.cast.mention_at(st.toks[k + 1][0], st.toks[k + 1][1])
                if named is not None and named[1].kind is ActorKind.PERSON:
                    return named[1]
            cut = k
            break
        if st.lows[k] in st.lex.modifier_prepositions and st.words[k].islower():
            if st.lows[k - 1] in st.lex.spokespeople and k < b:
                found = st.cast.head_actor(st.toks[k + 1][0], st.toks[b][1])
                if found is not None:
                    return found
            cut = k
            break
    if cut <= a:
        return None
    h = cut - 1
    while h > a and not st.is_word(h):
        h -= 1
    if st.lows[h] not in st.lex.spokespeople and st.lows[h] not in st.lex.bodies:
        return None  # "a Kremlin critic" does not speak for the Kremlin
    return st.cast.head_actor(st.toks[a][0], st.toks[h][1])


def joint_first(st: Scan, a: int, b: int) -> Actor | None:
    """``Senators John McCain and Lindsey Graham said``: the first of joint named speakers.

    The others stay findable as the actors mentioned in the statement's source
    (``Cast.actors_in(source.start, source.end)``)."""
    for k in range(a + 1, b):
        if st.lows[k] in st.lex.coordinators and st.words[k].islower():
            before = st.cast.mention_at(st.toks[k - 1][0], st.toks[k - 1][1])
            after = st.cast.mention_at(st.toks[b][0], st.toks[b][1])
            if before is None or after is None or before[1] is after[1]:
                return None
            if before[0].span.end != st.toks[k - 1][1]:
                return None
            if before[1].kind is not after[1].kind:
                return None
            return before[1]
    return None


def pronoun_gender(st: Scan, low: str) -> str | None:
    """``"M"`` for a male pronoun, ``"F"`` for a female one, else ``None``."""
    if low in st.lex.male:
        return "M"
    if low in st.lex.female:
        return "F"
    return None


def gender(st: Scan, actor: Actor, skip: int = -1) -> str | None:
    """A person's gender as far as the text tells it: the pronouns the actor stage resolved to
    them (but the one at offset ``skip``, being judged), a courtesy title before a name, a given
    name; ``None`` when the evidence is absent or split."""
    counts = st.genders.get(actor.id)
    if counts is None:
        counts = st.genders[actor.id] = gender_evidence(st, actor)
    male, female = counts
    for m in actor.mentions:
        if m.span.start == skip and m.kind is MentionKind.PRONOUN:
            low = m.span.text.lower()
            male -= low in st.lex.male
            female -= low in st.lex.female
    return "M" if male > female else "F" if female > male else None


def gender_evidence(st: Scan, actor: Actor) -> tuple[int, int]:
    """How many signs in the text make ``actor`` male, and how many female."""
    male = female = 0
    lex = st.lex
    for m in actor.mentions:
        if m.kind is MentionKind.PRONOUN:
            low = m.span.text.lower()
            male += low in lex.male
            female += low in lex.female
        elif m.kind is MentionKind.NAME:
            k = st.index(m.span.start) - 1
            while k >= 0 and st.words[k] == ".":
                k -= 1
            if k >= 0:
                low = st.lows[k].rstrip(".")
                male += low in lex.male_titles
                female += low in lex.female_titles
    first = actor.name.split()[0] if actor.name.split() else ""
    male += first in lex.male_names
    female += first in lex.female_names
    return male, female


def agrees(st: Scan, actor: Actor, want: str | None, skip: int = -1) -> bool:
    """Whether ``actor`` may be what a pronoun of gender ``want`` (at offset ``skip``) refers to."""
    if want is None or actor.kind is not ActorKind.PERSON:
        return True
    found = gender(st, actor, skip)
    return found is None or found == want


def recent_person(st: Scan, want: str | None = None, skip: int = -1) -> Actor | None:
    """The speaker of the latest statement, when a person whose gender agrees: ``“...,” he
    added``. A person of the other gender is passed over for an earlier one."""
    for d in st.drafts[-1:-9:-1]:
        if d.speaker is None:
            continue
        if d.speaker.kind is not ActorKind.PERSON:
            return None
        if agrees(st, d.speaker, want, skip):
            return d.speaker
    return None


def latest_speaker(st: Scan, here: int) -> Actor | None:
    """The speaker of the latest statement, when it is in paragraph ``here`` or the one before."""
    for d in st.drafts[-1:-9:-1]:
        if d.speaker is not None:
            return d.speaker if 0 <= here - d.paragraph <= 1 else None
    return None


def neuter_speaker(st: Scan, s: int, e: int, content: tuple[int, int] | None) -> Actor | None:
    """``It said``: what the actor stage resolved the pronoun to, unless that actor's latest
    mention lies inside reported speech (this statement's content or the latest one's): then the
    latest speaker, when it is an organisation, group or state that spoke in this paragraph or the
    one before (``..., the Audit Office said. ... cost the NHS, it said``: the Audit Office)."""
    cast = st.cast.actor_at(s, e)
    here = st.seg.paragraph_index(s)
    latest = None
    for d in st.drafts[-1:-9:-1]:
        if d.speaker is None:
            continue
        if d.speaker.kind is not ActorKind.PERSON and 0 <= here - d.paragraph <= 1:
            latest = d
        break
    if latest is None or cast is None or cast is latest.speaker:
        return latest.speaker if latest is not None and cast is None else cast
    before = [m.span.start for m in cast.mentions if m.span.start < s and m.kind is not MentionKind.PRONOUN]
    if not before:
        return latest.speaker
    last = before[-1]
    reported = [latest.content] if content is None else [latest.content, content]
    if any(c0 <= last < c1 for c0, c1 in reported):
        return latest.speaker
    return cast


def inherit_times(st: Scan, drafts: list[StatementDraft]) -> None:
    """A statement with no time of its own inherits the time of the same speaker's previous
    statement (``“...,” he added``; ``He stopped short of ..., saying ...``) when that one is
    at most ``time_reach`` paragraphs back, no statement in between has another time of its
    own, and no date of day precision with another value stands between them (outside
    quotations and statement contents): the narrative has not moved to another day."""
    last: dict[int, StatementDraft] = {}
    latest: tuple[int, str] | None = None  # where the latest time of a statement's own was, its value
    for d in drafts:
        key = id(d.speaker)
        prev = last.get(key) if d.speaker is not None else None
        mine = d.time
        if (
            mine is None
            and prev is not None
            and prev.time is not None
            and 0 <= d.paragraph - prev.paragraph <= st.lex.time_reach
            and (latest is None or latest[0] <= prev.content[0] or latest[1] == prev.time.value)
            and not moved(st, prev, d, prev.time)
        ):
            d.time = prev.time
        if mine is not None:
            latest = (d.content[0], mine.value)
        if d.speaker is not None:
            last[key] = d


def moved(st: Scan, prev: StatementDraft, d: StatementDraft, time: TimeExpression) -> bool:
    """Whether a date of day precision other than ``time`` stands between two statements."""
    lo = max(prev.content[1], prev.cue[1] if prev.cue is not None else 0)
    hi = min(d.content[0], d.cue[0] if d.cue is not None else d.content[0])
    if d.source is not None:
        hi = min(hi, d.source[0])
    i = bisect.bisect_left(st.time_starts, lo)
    while i < len(st.time_starts) and st.time_starts[i] < hi:
        t = st.free_times[i]
        i += 1
        if t.kind not in (TimeKind.DATE, TimeKind.TIME) or not DAY.match(t.value):
            continue
        if t.value[:10] == time.value[:10] or in_content(st, t.span.start):
            continue
        return True
    return False


def in_content(st: Scan, offset: int) -> bool:
    """Whether ``offset`` lies inside the content of a statement found."""
    i = bisect.bisect_right(st.keys, (offset, len(st.text) + 1))
    return any(d.content[0] <= offset < d.content[1] for d in st.drafts[max(0, i - 4) : i])


def finish(st: Scan) -> tuple[Statement, ...]:
    text = st.text
    out: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    drafts = sorted(st.drafts, key=lambda d: d.content)
    if st.free_times:
        st.keys = [d.content for d in drafts]
        st.drafts = drafts
        inherit_times(st, drafts)
    for d in drafts:
        if d.content in seen:
            continue
        seen.add(d.content)
        out.append(
            _trusted.statement(
                speaker=d.speaker,
                source=_trusted.span_of(text, *d.source) if d.source else None,
                cue=_trusted.span_of(text, *d.cue) if d.cue else None,
                content=_trusted.span_of(text, *d.content),
                kind=d.kind,
                time=d.time,
                rule=d.rule,
                quotes=quoted_pieces(st, d),
            )
        )
    return tuple(out)


def quoted_pieces(st: Scan, d: StatementDraft) -> tuple[Span, ...]:
    """The quoted words of a statement, each piece without its marks (``Statement.quotes``)."""
    if d.kind is StatementKind.INDIRECT:
        return ()
    c0, c1 = d.content
    pieces = []
    i = max(0, bisect.bisect_right(st.quote_starts, c0) - 1)
    while i < len(st.quotes) and st.quote_starts[i] < c1:
        q = st.quotes[i].content
        i += 1
        a, b = max(q.start, c0), min(q.end, c1)
        if a < b and not st.text[a:b].isspace():
            pieces.append(_trusted.span_of(st.text, a, b))
    return tuple(pieces)
