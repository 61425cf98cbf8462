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
from ..model import Actor, ActorKind, MentionKind, Span, Statement, StatementKind
from ..segment import Quotation
from .lexicon import PLURAL
from .state import Recipe, Scan, StatementDraft, content_of
from .timing import inherit_times, saying_time


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
    like: StatementDraft | None = None,
) -> None:
    """Add a draft; its speaker is ``like``'s (a statement of the same speaker), else the source's."""
    source = (st.toks[src[0]][0], st.toks[src[1]][1]) if src is not None else None
    recipe = (src, antecedent, content, like)
    speaker = speaker_by(st, recipe)
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
    st.add(draft, recipe)


def speaker_by(st: Scan, recipe: Recipe) -> Actor | None:
    """The speaker a draft's recipe gives: the speaker of its ``like``, else its source's."""
    src, antecedent, content, like = recipe
    speaker = like.speaker if like is not None else None
    if src is not None and speaker is None:
        speaker = speaker_of(st, src, antecedent, content)
    return speaker


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
        return spokesperson_before(st, a, want) or recent_person(st, want, s)
    joint = joint_first(st, a, b)
    if joint is not None:
        return joint
    actor = head_actor(st, a, b)
    if actor is None and a == b and st.lows[a] in st.lex.plural_pronouns:
        return spokesperson_before(st, a, PLURAL)  # "Lawyers for Jane Roe ... They argued"
    if actor is None:
        actor = phrase_actor(st, a, b)
    if actor is None and b == a + 1 and st.lows[a] in st.lex.definite and st.lows[b] in st.lex.documents:
        actor = latest_speaker(st, st.seg.paragraph_index(s))  # "The statement said ..."
    if actor is None:
        actor = definite_antecedent(st, a, b)
    return actor


def definite_antecedent(st: Scan, a: int, b: int) -> Actor | None:
    """``The embassy said``, ``the secretary-general said``: a definite noun phrase whose head
    no mention covers refers back to the actor named most recently (in this paragraph or the two
    before) whose name holds the head noun (``U.S. Embassy``) or one of whose roles does
    (``Secretary-General``); with none, an organisation noun (``the company``, ``the group``:
    the ``organisation_nouns`` list; not a body such as ``the court``) is the latest speaker when that is an organisation that spoke in this
    paragraph or the one before. A document of one (``a company statement``, ``the ministry
    statement``) is that body's or organisation's."""
    if (
        b == a + 2
        and st.lows[a] in st.lex.determiners
        and st.lows[b] in st.lex.documents
        and st.words[a + 1].islower()
    ):
        b -= 1  # "a company statement", "the ministry statement": the company, the ministry
        if st.lows[b] not in st.lex.bodies and st.lows[b] not in st.lex.organisation_nouns:
            return None
    elif st.lows[a] not in st.lex.definite:
        return None
    if b <= a or not st.words[b].islower() or not st.is_word(b):
        return None
    if any(not (st.is_word(k) or st.joiner(k)) for k in range(a, b + 1)):
        return None
    head = st.lows[b]
    start = st.toks[a][0]
    here = st.seg.paragraph_index(start)
    best: tuple[int, Actor] | None = None
    for actor in _named_by(st, head):
        before = [m.span.start for m in actor.mentions if m.span.start < start]
        if (
            before
            and here - st.seg.paragraph_index(before[-1]) <= 2
            and (best is None or before[-1] > best[0])
        ):
            best = (before[-1], actor)
    if best is not None:
        return best[1]
    if head in st.lex.leader_nouns:
        return _leader_of(st, a, b)
    if head in st.lex.organisation_nouns:
        latest = latest_speaker(st, here)
        if latest is not None and latest.kind is ActorKind.ORGANIZATION:
            return latest
    return None


def _leader_of(st: Scan, a: int, b: int) -> Actor | None:
    """``the Mexican leader``: the person of the country the phrase names, holding a role, named
    most recently before it."""
    start = st.toks[a][0]
    inside = st.cast.mentions_between(start, st.toks[b][1])
    countries = {actor.country for _, actor in inside if actor.kind is ActorKind.COUNTRY and actor.country}
    if not countries:
        return None
    best: tuple[int, Actor] | None = None
    for actor in st.cast.actors:
        if actor.kind is not ActorKind.PERSON or actor.country not in countries or not actor.roles:
            continue
        before = [m.span.start for m in actor.mentions if m.span.start < start]
        if before and (best is None or before[-1] > best[0]):
            best = (before[-1], actor)
    return best[1] if best is not None else None


def _named_by(st: Scan, head: str) -> list[Actor]:
    """The actors (no location) a word of whose name or roles is ``head`` (lower case), in the
    order of the cast; the index is built once per scan, at its first use."""
    index = st.head_words
    if index is None:
        index = st.head_words = {}
        for actor in st.cast.actors:
            if actor.kind is not ActorKind.LOCATION:
                for word in {w for phrase in (actor.name, *actor.roles) for w in phrase.lower().split()}:
                    index.setdefault(word, []).append(actor)
    return index.get(head, [])


def head_actor(st: Scan, a: int, b: int) -> Actor | None:
    words, toks = st.words, st.toks
    # The head is the last word, or the last word before an appositive comma.
    for k in range(a + 1, b + 1):
        if words[k] == ",":
            b = k - 1
            break
    if words[b] == ")":  # Sen. Jane Roe (D-Mo.): the name before the parenthesis
        k = b
        while k > a and words[k] != "(":
            k -= 1
        if k > a:
            b = k - 1
    while b > a and not words[b][0].isalnum():
        b -= 1
    s, e = toks[b]
    found = st.cast.mention_at(s, e)
    if found is None and b > a and st.lows[b] in st.lex.spokespeople:
        # "a Kremlin spokesman", "police officials": they speak for the actor before them
        found = st.cast.mention_at(toks[b - 1][0], toks[b - 1][1])
        if found is not None and found[0].span.end != toks[b - 1][1]:
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
    that is not a country or place, else the last mention (``Cairo's foreign ministry``: Egypt);
    a name right before the preposition is who speaks (``Merrill Lynch in London``).
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
    if cut <= b:  # "Merrill Lynch in London", "Trump in a telephone interview": the name before
        named = st.cast.mention_at(st.toks[h][0], st.toks[h][1])
        if named is not None and named[0].span.end == st.toks[h][1] and named[0].kind is MentionKind.NAME:
            return named[1]
    if st.lows[h] not in st.lex.spokespeople and st.lows[h] not in st.lex.bodies:
        return None  # "a Kremlin critic" does not speak for the Kremlin
    return st.cast.head_actor(st.toks[a][0], st.toks[h][1])


def joint_first(st: Scan, a: int, b: int) -> Actor | None:
    """``Senators John McCain and Lindsey Graham said``: the first of joint named speakers.

    The others stay findable as the actors mentioned in the statement's source
    (``Cast.actors_in(source.start, source.end)``)."""
    lows, coordinators = st.lows, st.lex.coordinators
    for k in range(a + 1, b):
        if lows[k] in coordinators and st.words[k].islower():
            toks = st.toks
            before = st.cast.mention_at(toks[k - 1][0], toks[k - 1][1])
            after = st.cast.mention_at(toks[b][0], toks[b][1])
            if before is None or after is None or before[1] is after[1]:
                return None
            if before[0].span.end != toks[k - 1][1]:
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
    evidence = st.genders.get(actor.id)
    if evidence is None:
        evidence = st.genders[actor.id] = gender_evidence(st, actor)
    male, female, pronouns = evidence
    low = pronouns.get(skip)
    if low is not None:
        male -= low in st.lex.male
        female -= low in st.lex.female
    return "M" if male > female else "F" if female > male else None


def gender_evidence(st: Scan, actor: Actor) -> tuple[int, int, dict[int, str]]:
    """How many signs in the text make ``actor`` male, how many female, and the actor's pronouns
    (lower case) by start offset, read once per actor so that each judgement is one look-up."""
    male = female = 0
    lex = st.lex
    pronouns: dict[int, str] = {}
    for m in actor.mentions:
        if m.kind is MentionKind.PRONOUN:
            low = pronouns[m.span.start] = m.span.text.lower()
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
    return male, female, pronouns


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


def spokesperson_before(st: Scan, a: int, want: str | None) -> Actor | None:
    """``May's spokeswoman played down the incident. “...,” she said.``: the actor for whom a
    spokesperson named by a noun speaks, when that noun is the nearest one a pronoun source at
    token ``a`` may refer to: outside quotations, in the pronoun's sentence or the two before,
    after the latest statement found, of agreeing gender, with no person of agreeing gender
    named in between. ``want`` :data:`~newsmodel._statements.lexicon.PLURAL` (``they``) looks
    for plural spokespeople (``Lawyers for Jane Roe ... They argued``), passing no group."""
    si = st.seg.sentence_index(st.toks[a][0])
    if si < 0:
        return None
    floor = st.first_token(max(0, si - 2))
    if st.drafts:
        latest = st.drafts[-1]
        floor = max(floor, st.index(max(latest.content[1], latest.cue[1] if latest.cue else 0)))
    nouns = st.lex.spokesperson_gender
    for k in range(a - 1, floor - 1, -1):
        if st.quoted[k]:
            continue
        low = st.lows[k]
        if low in nouns and (
            st.words[k].islower() or k == st.first_token(st.seg.sentence_index(st.toks[k][0]))
        ):
            if not _noun_agrees(nouns[low], want):
                continue
            held = st.cast.mention_at(st.toks[k][0], st.toks[k][1])
            if held is not None and held[0].kind is not MentionKind.PRONOUN:
                return held[1]  # "Japanese officials", a group of the cast
            return spokesperson_owner(st, k)
        found = st.cast.mention_at(st.toks[k][0], st.toks[k][1])
        if found is None or found[0].kind is MentionKind.PRONOUN:
            continue
        if want == PLURAL:
            if found[1].kind is ActorKind.GROUP:
                return None  # a group named after the spokespeople
        elif (
            found[0].kind is MentionKind.NAME
            and found[1].kind is ActorKind.PERSON
            and agrees(st, found[1], want)
        ):
            return None  # a person named after the spokesperson: the usual resolution
    return None


def _noun_agrees(told: str | None, want: str | None) -> bool:
    """Whether a spokesperson noun of gender ``told`` may be what a pronoun of gender ``want``
    refers to: ``they`` a plural noun, ``he`` or ``she`` a singular one of that gender or either."""
    if want == PLURAL or told == PLURAL:
        return told == want
    return told is None or want is None or told == want


def spokesperson_owner(st: Scan, k: int) -> Actor | None:
    """The actor the spokesperson noun at token ``k`` speaks for: the object of a preposition after
    it (``a spokeswoman for the Interior Ministry``), else the actor named before it in its noun
    phrase (``May's spokeswoman``, ``a Kremlin spokesman``)."""
    n = len(st.toks)
    if k + 2 < n and st.lows[k + 1] in st.lex.modifier_prepositions and st.words[k + 1].islower():
        b = k + 2
        while b + 1 < n and b < k + 8 and (st.is_word(b + 1) or st.joiner(b + 1)):
            b += 1
        return st.cast.head_actor(st.toks[k + 2][0], st.toks[b][1])
    j = k
    while j > 0 and j > k - 5 and (st.is_word(j - 1) or st.joiner(j - 1)):
        if st.lows[j - 1] in st.lex.determiners:
            break
        j -= 1
    if j == k:
        return None
    found = st.cast.head_actor(st.toks[j][0], st.toks[k - 1][1])
    if found is None and k - 2 >= j and st.joiner(k - 1) and st.words[k - 2][:1].isupper():
        # "May's spokeswoman": the surname of a person the cast named in full
        surname = st.words[k - 2]
        people = [
            x for x in st.cast.actors if x.kind is ActorKind.PERSON and x.name.split()[-1:] == [surname]
        ]
        found = people[0] if len(people) == 1 else None
    return found


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


def finish(st: Scan) -> tuple[Statement, ...]:
    text, span_of = st.text, _trusted.span_of
    out: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    drafts = sorted(st.drafts, key=content_of)
    first_person_speakers(st, drafts)
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
                source=span_of(text, d.source[0], d.source[1]) if d.source else None,
                cue=span_of(text, d.cue[0], d.cue[1]) if d.cue else None,
                content=span_of(text, d.content[0], d.content[1]),
                kind=d.kind,
                time=d.time,
                rule=d.rule,
                quotes=quoted_pieces(st, d),
            )
        )
    return tuple(out)


def first_person_speakers(st: Scan, drafts: list[StatementDraft]) -> None:
    """``“... We said we would fight ...,” he said``: a first-person source (``I``, ``we``: the
    ``first_person`` list) speaks with the voice of the statement whose content holds it; with
    none, of the latest statement before it in its paragraph or the one before, whose quote marks
    the text lost (``..., Odinga said. What we are demanding is that ...``)."""
    first = st.lex.first_person
    for i, d in enumerate(drafts):
        if d.speaker is not None or d.tokens is None or d.tokens[0] != d.tokens[1]:
            continue
        if st.lows[d.tokens[0]] not in first or d.source is None:
            continue
        s = d.source[0]
        outer = [
            o for o in drafts if o is not d and o.content[0] <= s < o.content[1] and o.speaker is not None
        ]
        if outer:
            d.speaker = outer[-1].speaker
            continue
        before = [o for o in drafts[:i] if o.speaker is not None and o.content[1] <= s]
        if before and 0 <= d.paragraph - before[-1].paragraph <= 1:
            d.speaker = before[-1].speaker


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
