"""The first pass: runs of capitalised words ("chunks"), cut into tokens and known phrases.

One pass of a compiled pattern finds the chunks; each is split into words, cut at sentence starts
and compound adjectives ("U.S.-led"), and its tokens are matched against the known phrases and
titles by longest match (:func:`lookup_piece`), giving the pieces that :mod:`.names` reads. One
or two plain words (most chunks) are read at once, without the general grammar.
"""

from __future__ import annotations

import regex

from ..model import ActorKind
from .names import nationality_before, read_known, read_pieces
from .state import (
    _NAME,
    ArticleState,
    Deferred,
    Piece,
    Tok,
    add_mention,
    caps_line,
    may_describe,
    name_organization,
    name_person,
    opens_sentence,
    org_head_after,
    prev_words,
    team_context,
)
from .tables import ActorTables

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_GROUP, _K_ORGANIZATION = ActorKind.GROUP, ActorKind.ORGANIZATION

__all__ = ["find_chunks", "read_chunks"]


def read_chunks(st: ArticleState, chunks: list[tuple[int, int]]) -> None:
    """Read the runs of capitalised words in text order: their actors and mentions, or words left
    for later. One loop over the runs: most are one word, read without the general grammar."""
    text = st.text
    tables = st.tables
    not_names = tables.not_names
    d0, d1 = st.dateline_place
    for start, end in chunks:
        if d0 <= start and end <= d1:
            continue  # where the story was filed ("NEW DELHI - "), not someone in it: see Dateline
        w = text[start:end]
        if " " in w or "\xa0" in w:
            _read_words(st, _chunk_words(start, w))
            continue
        # One word: most chunks.
        bare = w.rstrip(".")
        if bare in not_names or (w.isupper() and bare.capitalize() in not_names and caps_line(st, start)):
            continue
        if not w[0].isupper():
            _read_tokens(st, [(start, end, w)])
            continue
        cut = compound_cut(w) if "-" in w else 0
        if cut:
            one_word(st, start, start + cut, _cut_word(tables, w[:cut]))
        else:
            one_word(st, start, end, w)


def _read_words(st: ArticleState, spans: list[tuple[int, int, str]]) -> None:
    """Read the words of a chunk of more than one word."""
    if len(spans) == 1 and spans[0][2][0].isupper():
        s, e, w = spans[0]
        cut = compound_cut(w) if "-" in w else 0
        if cut:
            one_word(st, s, s + cut, _cut_word(st.tables, w[:cut]))
        else:
            one_word(st, s, e, w)
        return
    if len(spans) == 2 and (two_words(st, spans) or _name_after_not_name(st, spans)):
        return
    _read_tokens(st, spans)


def _chunk_words(start: int, w: str) -> list[tuple[int, int, str]]:
    """The words of a chunk ``w`` written at ``start``, as ``(start, end, word)``: words in a chunk
    are separated by spaces only."""
    spans = []
    pos = start
    for word in (w.replace("\xa0", " ") if "\xa0" in w else w).split(" "):
        end = pos + len(word)
        if word:
            spans.append((pos, end, word))
        pos = end + 1
    return spans


def _name_after_not_name(st: ArticleState, spans: list[tuple[int, int, str]]) -> bool:
    """ "The Taliban", "While Trump": the word that is not a name goes, the other is read alone.
    Returns whether it read them."""
    tables = st.tables
    (_, _, w1), (s2, e2, w2) = spans
    if (
        w1 in tables.not_names
        and not w1.isupper()
        and w1 not in tables.name_openers
        and w1 not in tables.titles
        and w1 not in tables.first_names
        and w1 not in tables.phrases
        and f"{w1} {w2}" not in tables.pairs
        and w2[0].isupper()
        and "-" not in w2
        and w2 not in tables.titles
    ):
        one_word(st, s2, e2, w2)
        return True
    return False


def _read_tokens(st: ArticleState, spans: list[tuple[int, int, str]]) -> None:
    """Cut a chunk's words into tokens (apostrophes straightened, a final period dropped), cut it
    at a sentence start or a compound adjective, and interpret each part."""
    tables = st.tables
    toks: list[Tok] = []
    for s, e, w in spans:
        cut = compound_cut(w) if "-" in w else 0
        if cut:
            # "Middle East-based", "U.S.-led": an adjective; the name ends before it.
            toks.append(Tok(s, s + cut, _cut_word(tables, w[:cut]), True, cut > 1 and w[:cut].isupper()))
            interpret(st, toks)
            toks = []
            continue
        if "’" in w:
            w = w.replace("’", "'")
        c0 = w[0]
        word = c0.isupper() or (
            c0.islower()
            and (
                ("-" in w[:4] and w.split("-", 1)[1][:1].isupper())
                or (w.startswith(tables.elided) and _elided(w, tables.elided))
            )
        )
        if (
            word
            and w[-1] == "."
            and len(w) > 2
            and w[-2] != "."
            and w[-3] != "."
            and w not in tables.abbreviations
        ):
            w, e = w[:-1], e - 1
        if toks and word and s in st.starts:
            interpret(st, toks)
            toks = []
        upper = len(w) > 1 and w.isupper() and not (len(w) == 2 and w[1] == ".")
        toks.append(Tok(s, e, w, word, upper))
    if toks:
        interpret(st, toks)


def two_words(st: ArticleState, spans: list[tuple[int, int, str]]) -> bool:
    """Two plain words that are a known phrase ("North Korea") or a first name and a name
    ("Rex Tillerson"): the common cases, read without the general grammar. Returns whether
    it read them."""
    tables = st.tables
    (s, _, w1), (s2, e, w2) = spans
    if s2 in st.starts or "’" in w2 or "-" in w2 or w2[-1] == "." or not w1[0].isupper():
        return False
    if not w2[0].isupper() or w2.isupper() or "'" in w1 or w1[-1] == "." or "-" in w1:
        return False
    entry = tables.phrases.get(f"{w1} {w2}")
    if entry is not None:
        read_known(st, entry, s, e)
        return True
    if w1 not in tables.first_names or w1 in tables.not_names or w1 in tables.phrases or w1 in tables.titles:
        return False
    if w2 in tables.phrases or w2 in tables.titles or w2 in tables.not_names or w2 in tables.org_suffixes:
        return False
    if w2 in tables.misc_suffixes or w2 in tables.place_suffixes or w2.lower() in tables.groups:
        return False
    text = st.text
    if "(" in text[e : e + 3]:
        return False  # perhaps an acronym defined after the name
    run = [Tok(s, s + len(w1), w1, True, False), Tok(s2, e, w2, True, False)]
    if s > 1 and text[s - 1] in " \xa0" and text[s - 2].islower() and may_describe(st, s):
        before, before2 = prev_words(st, s)
        descriptor = tables.descriptors.get(before) or tables.descriptors.get(f"{before2} {before}")
        if descriptor is not None:
            name_person(
                st,
                run,
                "descriptor-name",
                country=nationality_before(st, s),
                sector=descriptor[0],
                gender=descriptor[1],
            )
            return True
    name_person(st, run, "first-name")
    return True


def one_word(st: ArticleState, s: int, e: int, w: str) -> None:
    """A chunk of one capitalised word: the common case, read without the general grammar."""
    tables = st.tables
    if "’" in w:
        w = w.replace("’", "'")
    if w[-1] == "." and len(w) > 2 and w[-2] != "." and w[-3] != "." and w not in tables.abbreviations:
        w, e = w[:-1], e - 1
    key = st.aliases.get(w)
    if key is not None:
        add_mention(st, st.actors[key], s, e, _NAME, "acronym-defined")
        return
    upper = len(w) > 1 and w.isupper() and not (len(w) == 2 and w[1] == ".")
    caps = upper and caps_line(st, s)
    entry = tables.phrases.get(w)
    if entry is None and caps:
        entry = tables.folded.get(w.casefold())
    if entry is not None:
        read_known(st, entry, s, e)
        return
    tok = Tok(s, e, w, True, upper)
    if w in tables.titles:
        if not opens_sentence(st, s):
            st.deferred.append(Deferred([tok], False, caps, True))
        return
    if (w.capitalize() if caps else w) in tables.not_names:
        if not caps and tables.possessives and st.text.startswith(tables.possessives, e):
            st.deferred.append(Deferred([tok], False, False, True))  # "May's": only a name given
        return
    _unknown_word(st, tok, caps)


def _unknown_word(st: ArticleState, tok: Tok, caps: bool) -> None:
    """One unknown word: the single-word case of name_run, without its machinery."""
    tables, text = st.tables, st.text
    s, e, w = tok.s, tok.e, tok.w
    if (sector := org_head_after(st, e)) is not None and not caps:  # "the ruling Fidesz party"
        org = _K_GROUP if sector == "REB" else _K_ORGANIZATION  # an armed group
        name_organization(st, w, s, e, "org-head", country=None, sector=sector or None, kind=org)
        return
    if s > 1 and text[s - 1] in " \xa0" and text[s - 2].islower() and not caps and may_describe(st, s):
        before, before2 = prev_words(st, s)
        descriptor = tables.descriptors.get(before) or tables.descriptors.get(f"{before2} {before}")
        if descriptor is not None:
            name_person(
                st,
                [tok],
                "descriptor-name",
                country=nationality_before(st, s),
                sector=descriptor[0],
                gender=descriptor[1],
            )
            return
    if caps:
        st.deferred.append(Deferred([tok], False, True))
    elif len(w) > 1:
        if team_context(st, s, e):
            name_organization(st, w, s, e, "team-row", country=None, sector="SPT", kind=_K_ORGANIZATION)
        else:
            st.deferred.append(Deferred([tok], opens_sentence(st, s), False))


def lookup_piece(st: ArticleState, toks: list[Tok], i: int, caps: bool) -> Piece | None:
    """The longest known phrase starting at token ``i``."""
    tables = st.tables
    first = toks[i].w
    longest = tables.span_of.get(first) or (tables.span_of.get(first.casefold(), 0) if caps else 0)
    if not longest:
        return None
    n_max = min(longest, len(toks) - i)
    if n_max > 1:
        pair = f"{first} {toks[i + 1].w}"
        if pair not in tables.pairs and not (caps and pair.casefold() in tables.pairs):
            n_max = 1  # no known phrase opens with these two words
    if n_max == 1:
        entry = tables.phrases.get(first)
        if entry is None and caps and toks[i].upper:
            entry = tables.folded.get(first.casefold())
        if entry is not None:
            return Piece(entry.cat, i, i + 1, entry=entry)
        title = tables.titles.get(first)
        return Piece("TITLE", i, i + 1, title=title) if title is not None else None
    words = [t.w for t in toks[i : i + n_max]]
    phrases, titles = tables.phrases, tables.titles
    for n in range(n_max, 0, -1):
        if not toks[i + n - 1].word:
            continue
        key = " ".join(words[:n])
        entry = phrases.get(key)
        if entry is None and caps and all(t.upper or not t.word for t in toks[i : i + n]):
            entry = tables.folded.get(key.casefold())
        if entry is not None:
            return Piece(entry.cat, i, i + n, entry=entry)
        title = titles.get(key)
        if title is not None:
            return Piece("TITLE", i, i + n, title=title)
    return None


def interpret(st: ArticleState, toks: list[Tok]) -> None:
    """Cut a part of a chunk into pieces (known phrases by longest match, connectors, unknown
    words), drop leading words that are not names, and read the rest."""
    tables = st.tables
    while toks and not toks[-1].word:
        toks.pop()
    if not toks:
        return
    caps = False
    for t in toks:
        if t.upper:
            caps = caps_line(st, toks[0].s)
            break
    n = len(toks)
    if n == 1 and toks[0].w in st.aliases:
        b = st.actors[st.aliases[toks[0].w]]
        add_mention(st, b, toks[0].s, toks[0].e, _NAME, "acronym-defined")
        return
    # Pieces: known phrases by longest match, connectors, and unknown words.
    pieces: list[Piece] = []
    span_of, not_names = tables.span_of, tables.not_names
    i = 0
    while i < n:
        t = toks[i]
        if not t.word:
            pieces.append(Piece("CONN", i, i + 1))
            i += 1
            continue
        w = t.w
        # No known phrase opens with most words: lookup_piece's first test, without the call.
        if w in span_of or (caps and w.casefold() in span_of):
            p = lookup_piece(st, toks, i, caps)
            if p is not None:
                pieces.append(p)
                i = p.j
                continue
        cat = "NOT" if (w.capitalize() if caps and t.upper else w) in not_names or w in not_names else "UNK"
        if cat == "NOT" and w in tables.first_names and i + 1 < n and toks[i + 1].word:
            cat = "UNK"  # "Mark Philippoussis", "Will Smith"
        pieces.append(Piece(cat, i, i + 1))
        i += 1
    # Leading words that are not names ("The", "But") go, except those that open the name of
    # an organisation ("Federal Open Market Committee").
    ends_as_body = toks[-1].w in tables.org_suffixes and not caps
    while pieces and pieces[0].cat in ("NOT", "CONN"):
        if ends_as_body and pieces[0].cat == "NOT" and toks[pieces[0].i].w in tables.name_openers:
            pieces[0].cat = "UNK"
            break
        pieces.pop(0)
    if not pieces:
        return
    if len(pieces) == 1 and pieces[0].j - pieces[0].i == 1 and toks[pieces[0].i].w in st.aliases:
        t = toks[pieces[0].i]  # "The ZRC" after "Zorblax Regional Council (ZRC)"
        add_mention(st, st.actors[st.aliases[t.w]], t.s, t.e, _NAME, "acronym-defined")
        return
    read_pieces(st, toks, pieces, caps)


def find_chunks(tables: ActorTables, text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words, in text order."""
    # concurrent=False: matches take microseconds; releasing the GIL around each costs more.
    spans = [m.span() for m in tables.chunk.finditer(text, concurrent=False)]
    if tables.possessive_names is not None and any(h in text for h in tables.possessive_heads):
        spans = with_possessives(tables.possessive_names, text, spans)
    # A particle name has a hyphen ("al-Assad"): a text without one has none to scan for.
    extra = [m.span() for m in tables.particle_chunk.finditer(text)] if "-" in text else []
    if not extra:
        return spans
    merged: list[tuple[int, int]] = []
    i = 0
    for s, e in extra:  # both lists are in text order: merge, dropping particle runs inside a chunk
        while i < len(spans) and spans[i][0] < s:
            merged.append(spans[i])
            i += 1
        if (not merged or merged[-1][1] <= s) and (i >= len(spans) or spans[i][0] >= e):
            merged.append((s, e))
    merged.extend(spans[i:])
    return merged


def with_possessives(
    pattern: regex.Pattern[str], text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Known names with a possessive inside ("Democratic People's Republic of Korea") replace the
    runs they cover (the run pattern stops at "'s")."""
    found = [m.span() for m in pattern.finditer(text)]
    if not found:
        return spans
    out: list[tuple[int, int]] = []
    k = 0
    for s, e in spans:
        while k < len(found) and found[k][1] <= s:
            if not out or out[-1][1] <= found[k][0]:
                out.append(found[k])
            k += 1
        if k < len(found) and found[k][0] < e:  # the run overlaps a known name
            fs, fe = found[k]
            if s < fs:
                out.append((s, fs))
            if not out or out[-1][1] <= fs:
                out.append((fs, fe))
            if e > fe:
                out.append((fe, e))
            continue
        out.append((s, e))
    for f in found[k:]:
        if not out or out[-1][1] <= f[0]:
            out.append(f)
    return out


def compound_cut(word: str) -> int:
    """Where a capitalised compound adjective's name part ends ("East-based": 4), or 0."""
    i = word.find("-")
    if i <= 0 or not word[0].isupper() or not word[i + 1 : i + 2].islower():
        return 0
    last = word.rindex("-")
    return i if word[last + 1 : last + 2].islower() else 0


def _cut_word(tables: ActorTables, word: str) -> str:
    """The name part of a compound adjective as the gazetteer knows it: "U.N-backed" drops the
    period of "U.N.", which the lookups read back."""
    if "." in word and word[-1] != "." and word not in tables.phrases and word + "." in tables.phrases:
        return word + "."
    return word


def _elided(word: str, particles: tuple[str, ...]) -> bool:
    """Whether ``word`` is an elided particle glued to a name ("d'Ivoire")."""
    return any(word.startswith(p) and word[len(p) : len(p) + 1].isupper() for p in particles)
