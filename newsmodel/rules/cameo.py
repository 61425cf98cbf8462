"""CAMEO verb dictionaries: PETRARCH2's format, read into typed records.

The event-data field codes events with verb dictionaries: blocks of verbs that share a meaning,
each verb with its forms, and patterns of words around the verb with a CAMEO code::

    ---  ASK   [---]  ---
    +ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
    REQUEST  [020]
    - * EXTRADITION                                       [0213]        # REQUEST
    - * (FOR &INVESTIGATION)                              [0214]        # ASK

newsmodel ships PETRARCH2's dictionary compiled to ``cameo_verbs.json`` (MIT, copyright 2015 Open
Event Data Alliance; ``LICENSES/petrarch2-MIT.txt``), with each CAMEO code mapped to its PLOVER
category. Event-data users keep dictionaries of their own in the same format:
:func:`load_cameo_verbs` reads one (and maps it to PLOVER with the shipped table, or yours), and
:func:`shipped_cameo_verbs` returns the shipped one. Nothing here is read at ``import newsmodel``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import RuleError

__all__ = [
    "CameoDictionary",
    "CameoPattern",
    "CameoVerb",
    "inflect",
    "load_cameo_verbs",
    "plover_of",
    "read_cameo_dictionary",
    "read_plover_mapping",
    "shipped_cameo_verbs",
]


@attrs.frozen
class CameoVerb:
    """One verb of a dictionary.

    Attributes:
        block: the verb block it belongs to (lower case: ``"ask"``).
        lemma: the verb (``"ask"``); for a multiword verb, its first word.
        particle: the words that follow the verb in a multiword verb (``"for"`` in ``ask for``).
        forms: every form, the base first: irregular forms as the dictionary lists them, regular
            ones generated (:func:`inflect`).
        cameo: the verb's own CAMEO code, or ``""`` when only its block's patterns code it.
        plover: the PLOVER category of ``cameo`` (``""`` when unmapped or uncoded).
        plover_mode: PLOVER's sub-type of the category (``"assist"``), or ``""``.
    """

    block: str
    lemma: str
    particle: str
    forms: tuple[str, ...]
    cameo: str = ""
    plover: str = ""
    plover_mode: str = ""


@attrs.frozen
class CameoPattern:
    """One pattern: the words around a verb of its block, and the code the match gets.

    Attributes:
        block: the verb block.
        before: tokens before the verb. A token is a lower-case word or phrase, ``&set`` (a synonym set), ``$`` (the source), ``+`` (the target), ``%`` (a
            compound actor), ``^`` (skip a noun phrase), ``(`` / ``)`` (a prepositional phrase)
            or ``{`` / ``}`` (a multiword noun phrase).
        after: tokens after the verb, written the same way.
        cameo: the CAMEO code (the first given, for a ``[a:b]`` pair of codes for the two
            directions); ``"---"`` for a pattern that says
            the words are no event (it blocks its verb's own code there).
        plover: its PLOVER category.
        plover_mode: PLOVER's sub-type.
        verb: the verb the pattern was written for (from its comment), lower case.
    """

    block: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    cameo: str
    plover: str = ""
    plover_mode: str = ""
    verb: str = ""


@attrs.frozen
class CameoDictionary:
    """A verb dictionary: synonym sets, verbs and patterns.

    Attributes:
        synsets: each synonym set's name (``&...``) and its words.
        verbs: the verbs, with their forms and codes.
        patterns: the patterns of every verb block.
    """

    synsets: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    verbs: tuple[CameoVerb, ...] = ()
    patterns: tuple[CameoPattern, ...] = ()

    def verbs_of(self, kind: str) -> tuple[CameoVerb, ...]:
        """The verbs coded with the PLOVER category ``kind`` (``"ACCUSE"``)."""
        return tuple(v for v in self.verbs if v.plover == kind)

    def lookup(self, form: str) -> tuple[CameoVerb, ...]:
        """The verbs that have ``form`` (any case) among their forms."""
        return self._by_form().get(form.lower(), ())

    def _by_form(self) -> dict[str, tuple[CameoVerb, ...]]:
        index: dict[str, list[CameoVerb]] = {}
        for v in self.verbs:
            for f in v.forms:
                index.setdefault(f, []).append(v)
        return {k: tuple(vs) for k, vs in index.items()}


# ----------------------------------------------------------------------------------------------
# Inflection of regular verbs (the forms PETRARCH2 generates where a verb lists none)

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "o")
_DOUBLING_FINALS = frozenset("bdgklmnprt")


def _doubles(word: str) -> bool:
    """A short consonant-vowel-consonant verb doubles its last letter: stop, stopped, stopping."""
    return (
        2 < len(word) <= 4
        and word[-1] in _DOUBLING_FINALS
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
        and not (len(word) == 4 and word[-4] in _VOWELS)
    )


def inflect(verb: str) -> tuple[str, str, str, str]:
    """The regular forms of a verb: ``(base, third person singular, past, gerund)``.

    >>> from newsmodel.rules.cameo import inflect
    >>> inflect("accuse")
    ('accuse', 'accuses', 'accused', 'accusing')
    >>> inflect("stop")
    ('stop', 'stops', 'stopped', 'stopping')
    >>> inflect("deny")
    ('deny', 'denies', 'denied', 'denying')
    """
    v = verb.lower()
    if v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS:
        third, past = v[:-1] + "ies", v[:-1] + "ied"
    else:
        third = v + "es" if v.endswith(_SIBILANT_ENDINGS) else v + "s"
        past = v + "d" if v.endswith("e") else v + "ed"
    if v.endswith("ie"):
        gerund = v[:-2] + "ying"
    elif v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        gerund = v[:-1] + "ing"
    else:
        gerund = v + "ing"
    if _doubles(v):
        past, gerund = v + v[-1] + "ed", v + v[-1] + "ing"
    return v, third, past, gerund


# ----------------------------------------------------------------------------------------------
# The reader


@attrs.define
class _Reader:
    """State of one pass over a dictionary file."""

    source: str
    synsets: dict[str, list[str]] = attrs.field(factory=dict)
    verbs: list[CameoVerb] = attrs.field(factory=list)
    patterns: list[CameoPattern] = attrs.field(factory=list)
    synset: str | None = None
    block: str | None = None
    block_code: str = ""
    in_verbs: bool = False

    def fail(self, number: int, message: str) -> RuleError:
        return RuleError(f"{self.source}:{number}: {message}")

    def line(self, number: int, raw: str) -> None:
        text = _strip_comment(raw)
        if not text:
            if not raw.strip():
                self.synset = None
            return
        if text.startswith("####"):
            self.in_verbs = self.in_verbs or "VERB" in text.upper()
            return
        if text.startswith("&"):
            self.synset = _phrase(text[1:])
            if not self.synset:
                raise self.fail(number, "a synonym set needs a name after '&'")
            self.synsets.setdefault(self.synset, [])
            return
        if text.startswith("+") and self.synset is not None and not self.in_verbs:
            self.synsets[self.synset].append(_phrase(text[1:]))
            return
        if text.startswith("---"):
            self.block_header(number, text)
            return
        if text.startswith("~"):
            return  # PETRARCH2's transformations: not verb knowledge
        if self.block is None:
            raise self.fail(number, f"expected a synonym set or a verb block, got {text[:40]!r}")
        if text.startswith("-"):
            self.pattern(number, raw.strip()[1:])  # with its comment, which names the verb
        else:
            self.verb(number, text)

    def block_header(self, number: int, text: str) -> None:
        # "---  ASK   [---]  ---"; the closing dashes are sometimes glued to the code.
        inner = text.strip("-").strip()
        if "]" in inner:
            inner = inner[: inner.index("]") + 1]
        name, code = _take_code(inner, number, self)
        if not name:
            raise self.fail(number, "a verb block header needs a name: '---  NAME   [code]  ---'")
        self.block = _phrase(name)
        self.block_code = "" if code in ("", "---") else next((c for c in code.split(":") if c), "")
        self.synset = None

    def verb(self, number: int, text: str) -> None:
        head, code = _take_code(text, number, self)
        irregular: list[str] | None = None
        if "{" in head:
            before, _, rest = head.partition("{")
            inside, closed, after = rest.partition("}")
            if not closed or after.strip():
                raise self.fail(number, "unbalanced '{' in a verb's forms")
            head = before
            irregular = [_phrase(w.lstrip("+")) for w in inside.split()]
        word = head.strip()
        if not word or len(word.split()) != 1:
            raise self.fail(number, f"expected one verb (words joined by '_'), got {head.strip()!r}")
        phrase = _phrase(word.lstrip("+"))
        lemma, _, particle = phrase.partition(" ")
        if irregular is None:
            forms = [f"{f} {particle}".strip() for f in inflect(lemma)]
        else:
            forms = [phrase, *irregular]
        own = "" if code in ("", "---") else next((c for c in code.split(":") if c), "")
        assert self.block is not None
        self.verbs.append(
            CameoVerb(
                block=self.block,
                lemma=lemma,
                particle=particle,
                forms=tuple(dict.fromkeys(f for f in forms if f)),
                cameo=own or self.block_code,
            )
        )

    def pattern(self, number: int, text: str) -> None:
        body, comment = _split_comment(text)
        body, code = _take_code(body, number, self)
        if not code:
            raise self.fail(number, "a pattern needs a CAMEO code: '- * WORDS  [code]' ([---]: no event)")
        tokens = _tokens(body)
        if tokens.count("*") != 1:
            raise self.fail(number, "a pattern has exactly one '*' (where the verb stands)")
        star = tokens.index("*")
        assert self.block is not None
        self.patterns.append(
            CameoPattern(
                block=self.block,
                before=tuple(tokens[:star]),
                after=tuple(tokens[star + 1 :]),
                cameo=next((c for c in code.split(":") if c), ""),
                verb=_phrase(comment.split()[0]) if comment.split() else "",
            )
        )


def _strip_comment(raw: str) -> str:
    text = raw.split("#", 1)[0]
    if ";" in text and not text.lstrip().startswith("-"):
        text = text.split(";", 1)[0]
    return text.strip()


def _split_comment(raw: str) -> tuple[str, str]:
    body, _, comment = raw.partition("#")
    return body, comment.strip()


def _phrase(word: str) -> str:
    return " ".join(word.replace("_", " ").lower().split())


def _take_code(text: str, number: int, reader: _Reader) -> tuple[str, str]:
    """``(text before the code, code)`` of ``WORDS [code]`` (code ``""`` when there is none)."""
    if "[" not in text:
        if "]" in text:
            raise reader.fail(number, "unbalanced ']'")
        return text.strip(), ""
    before, _, rest = text.rpartition("[")
    code, closed, after = rest.partition("]")
    if not closed or after.strip():
        raise reader.fail(number, "a code is written '[code]' at the end of the line")
    code = code.strip().rstrip("!")
    if code != "---" and not all(part.strip().isdigit() or part.strip() == "" for part in code.split(":")):
        raise reader.fail(number, f"a CAMEO code is digits, got [{code}]")
    return before.strip(), code.replace(" ", "")


def _tokens(body: str) -> list[str]:
    out: list[str] = []
    for raw in (
        body.replace("*", " * ")
        .replace("(", " ( ")
        .replace(")", " ) ")
        .replace("{", " { ")
        .replace("}", " } ")
        .split()
    ):
        out.append(raw if raw in ("*", "$", "+", "%", "^", "(", ")", "{", "}") else _set_or_word(raw))
    return out


def _set_or_word(raw: str) -> str:
    return "&" + _phrase(raw[1:]) if raw.startswith("&") else _phrase(raw)


def read_cameo_dictionary(path: str | Path, *, lines: Iterable[str] | None = None) -> CameoDictionary:
    """Read a dictionary in PETRARCH2's CAMEO verb format (without PLOVER categories).

    Args:
        path: the file; with ``lines``, only the name used in error messages.
        lines: the file's lines, when they are already in memory.

    Raises:
        RuleError: naming the file and line of the first malformed line.
    """
    source = str(path)
    if lines is None:
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise RuleError(f"{source}: {exc.strerror or exc}") from exc
    reader = _Reader(source)
    for number, raw in enumerate(lines, 1):
        if not isinstance(raw, str):
            raise RuleError(f"{source}:{number}: expected a line of text, got {type(raw).__name__}")
        reader.line(number, raw)
    return CameoDictionary(
        synsets={k: tuple(v) for k, v in reader.synsets.items()},
        verbs=tuple(reader.verbs),
        patterns=tuple(reader.patterns),
    )


def read_plover_mapping(path: str | Path) -> dict[str, tuple[str, str]]:
    """The CAMEO-to-PLOVER table (``CAMEO2PLOVER-2021.txt``): CAMEO code -> (category, PLOVER mode).

    Raises:
        RuleError: naming the file and line of a malformed line.
    """
    source = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(f"{source}: {exc.strerror or exc}") from exc
    out: dict[str, tuple[str, str]] = {}
    for number, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].strip()
        if not text or set(text) == {"~"}:
            continue  # blank, comment, or the closing rule of tildes
        code, colon, rest = text.partition(":")
        if not colon or not code.strip().isdigit():
            raise RuleError(f"{source}:{number}: expected 'CODE: CATEGORY, mode, context'")
        fields = [f.strip() for f in rest.split(",")]
        kind = fields[0].upper()
        if not kind:
            continue  # a code PLOVER does not map
        mode = fields[1].lower() if len(fields) > 1 else ""
        # A two-digit heading ("08: CONCEDE") names a root; the codes under it are more specific.
        out.setdefault(code.strip(), (kind, mode))
    return out


def plover_of(code: str, mapping: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    """The PLOVER ``(category, mode)`` of a CAMEO code: the code's own row, else that of its
    nearest parent code (``0214`` -> ``021`` -> ``02``); ``("", "")`` when none maps it."""
    while code and code != "---":
        if code in mapping:
            return mapping[code]
        code = code[:-1] if len(code) > 2 else ""
    return "", ""


def _with_plover(dictionary: CameoDictionary, mapping: Mapping[str, tuple[str, str]]) -> CameoDictionary:
    def kind(code: str) -> tuple[str, str]:
        return plover_of(code, mapping)

    return CameoDictionary(
        synsets=dictionary.synsets,
        verbs=tuple(
            attrs.evolve(v, plover=kind(v.cameo)[0], plover_mode=kind(v.cameo)[1]) for v in dictionary.verbs
        ),
        patterns=tuple(
            attrs.evolve(p, plover=kind(p.cameo)[0], plover_mode=kind(p.cameo)[1])
            for p in dictionary.patterns
        ),
    )


def load_cameo_verbs(
    path: str | Path, *, plover: str | Path | Mapping[str, tuple[str, str]] | None = None
) -> CameoDictionary:
    """A CAMEO-format verb dictionary of your own, with PLOVER categories.

    Args:
        path: the dictionary file (PETRARCH2 format).
        plover: a CAMEO-to-PLOVER table (a file in the ``CAMEO2PLOVER`` format, or a mapping from
            code to ``(category, mode)``); by default the one the shipped data was built with.

    Raises:
        RuleError: naming the file and line of the first malformed line.
    """
    dictionary = read_cameo_dictionary(path)
    if plover is None:
        mapping = _shipped_mapping()
    elif isinstance(plover, Mapping):
        mapping = dict(plover)
    else:
        mapping = read_plover_mapping(plover)
    return _with_plover(dictionary, mapping)


def shipped_cameo_data() -> dict[str, Any]:
    """The shipped dictionary as ``cameo_verbs.json`` holds it (rows of lists; see the file's
    ``about``), read once: what the event stage indexes without making a record of each row."""
    return _shipped_data()


@functools.cache
def _shipped_data() -> dict[str, Any]:
    from importlib import resources

    raw = (resources.files(__package__) / "cameo_verbs.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@functools.cache
def _shipped_mapping() -> dict[str, tuple[str, str]]:
    return {code: (row[0], row[1]) for code, row in _shipped_data()["plover"].items()}


@functools.cache
def shipped_cameo_verbs() -> CameoDictionary:
    """The shipped dictionary (PETRARCH2's CAMEO verbs, with PLOVER categories), read once.

    >>> from newsmodel.rules.cameo import shipped_cameo_verbs
    >>> verbs = shipped_cameo_verbs()
    >>> [(v.lemma, v.plover) for v in verbs.lookup("accused")]
    [('accuse', 'ACCUSE')]
    """
    data = _shipped_data()
    return CameoDictionary(
        synsets={k: tuple(v) for k, v in data["synsets"].items()},
        verbs=tuple(
            CameoVerb(block=b, lemma=lemma, particle=pa, forms=tuple(f), cameo=c, plover=k, plover_mode=m)
            for b, lemma, pa, f, c, k, m in data["verbs"]
        ),
        patterns=tuple(
            CameoPattern(block=b, before=tuple(x), after=tuple(y), cameo=c, plover=k, plover_mode=m, verb=v)
            for b, x, y, c, k, m, v in data["patterns"]
        ),
    )
