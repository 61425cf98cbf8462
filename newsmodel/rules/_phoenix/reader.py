"""The reader of the Phoenix text format (documented in :mod:`newsmodel.rules.phoenix`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import attrs

from ...errors import RuleError
from ...model import ActorKind
from .codes import _kind, decode_code
from .records import ActorDictionary, Agent, Entry, Role, Skipped

_BRACKETS = re.compile(r"\[([^\[\]{}]*)\]|\{([^\[\]{}]*)\}")
_NAME = re.compile(r"[^\s\[\]{}<>#|@~\x00-\x1f\x7f\ufffd]+(?: [^\s\[\]{}<>#|@~\x00-\x1f\x7f\ufffd]+)*")
_DATE = re.compile(r"\d{6}|\d{8}")
_SET = re.compile(r"!(\w+)!\s*=(.*)")
_SET_REF = re.compile(r"!(\w+)!")
_MAX_FORMS = 1000


def _day(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ValueError(f"date {text!r} is not a day of the calendar") from None


def _role(body: str) -> Role:
    parts = body.split(None, 1)
    if not parts:
        raise ValueError("empty brackets []")
    code = parts[0]
    try:
        country, sector = decode_code(code)
    except RuleError as exc:
        raise ValueError(str(exc)) from None
    if len(parts) == 1:
        return Role(code=code, country=country, sector=sector)
    when = "".join(parts[1].split())
    start: date | None = None
    end: date | None = None
    if when.startswith(">"):
        start = _day(when[1:])
    elif when.startswith("<"):
        end = _day(when[1:])
    elif "-" in when:
        a, _, b = when.partition("-")
        start, end = _day(a), _day(b)
        if end < start:
            raise ValueError(f"range {when!r} ends before it starts")
    else:
        raise ValueError(f"dates {when!r}: write FROM-TO, >FROM or <TO")
    return Role(code=code, country=country, sector=sector, start=start, end=end)


def _split_head(text: str) -> tuple[str, list[Role], list[str] | None]:
    """``(name, roles, plurals)`` of a name line: ``NAME {PLURAL} [CODE DATES] ...``."""
    cut = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=len(text))
    name, tail = text[:cut].strip(), text[cut:]
    roles: list[Role] = []
    plurals: list[str] | None = None
    pos = 0
    for m in _BRACKETS.finditer(tail):
        if tail[pos : m.start()].strip():
            raise ValueError(f"unexpected {tail[pos : m.start()].strip()!r} between codes")
        pos = m.end()
        if m.group(1) is not None:
            roles.append(_role(m.group(1)))
        else:
            plurals = (plurals or []) + [_words(p) for p in m.group(2).split(",") if p.strip()]
    if tail[pos:].strip():
        raise ValueError(f"unexpected {tail[pos:].strip()!r} (an unclosed bracket?)")
    return name, roles, plurals


def _words(name: str) -> str:
    words = " ".join(name.replace("_", " ").split())
    if not words or not _NAME.fullmatch(words):
        raise ValueError(
            f"{name.strip()!r} is not a name (no brackets, braces, < > | @ ~ or control characters)"
        )
    return words


@attrs.define
class _Pending:
    line: int
    names: list[str]
    roles: list[Role]
    plurals: list[str] | None


def _regular_plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return f"{head} {plural}" if head else plural


class _Reader:
    """One pass over the lines of one or more files; entries are finished as the next begins."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.sets: dict[str, list[str]] = {}
        self.entries: list[Entry] = []
        self.agents: list[Agent] = []
        self.skipped: list[Skipped] = []
        self.pending: _Pending | None = None
        self.source = ""

    def fail(self, line: int, reason: str) -> None:
        if self.strict:
            raise RuleError(f"{self.source}, line {line}: {reason}")
        self.skipped.append(Skipped(source=self.source, line=line, reason=reason))

    def read(self, text: str, source: str) -> None:
        self.source = source
        previous_name = False
        for n, raw in enumerate(text.split("\n"), 1):  # not splitlines: \x1c or \x85 end no line
            line = raw.split("#", 1)[0].strip()
            if not line:
                previous_name = False
                continue
            try:
                previous_name = self.line(line, n, previous_name)
            except RuleError:
                raise
            except ValueError as exc:
                self.fail(n, str(exc))
                previous_name = False
        self.finish()

    def line(self, line: str, n: int, previous_name: bool) -> bool:
        """Read one line; whether it was a name or synonym line."""
        if line.startswith("!") and (m := _SET.fullmatch(line)):
            members = [_words(w) for w in m.group(2).split(",") if w.strip()]
            if not members or any("!" in w for w in members):
                raise ValueError(f"substitution set !{m.group(1)}! needs words, without ! in them")
            self.sets[m.group(1)] = members
            return False
        if line.startswith("["):
            if self.pending is None:
                raise ValueError("a role line with no name line before it")
            self.pending.roles.extend(_split_head(line)[1])
            return False
        if line.startswith("+"):
            if self.pending is None:
                raise ValueError("a synonym (+) with no name line before it")
            name, roles, _ = _split_head(line[1:])
            self.pending.names.append(_words(name))
            self.pending.roles.extend(roles)
            return not self.pending.roles
        name, roles, plurals = _split_head(line)
        words = _words(name)
        p = self.pending
        if (
            previous_name
            and p is not None
            and not p.roles
            and not roles
            and p.plurals is None
            and plurals is None
        ):
            p.names.append(words)  # name lines with no codes between them: one entry
            return True
        self.finish()
        self.pending = _Pending(n, [words], roles, plurals)
        return not roles

    def finish(self) -> None:
        p, self.pending = self.pending, None
        if p is None:
            return
        if not p.roles:
            self.fail(p.line, f"{p.names[0]} has no code ([CODE] or [CODE DATES])")
            return
        agent = ["~" in r.code for r in p.roles]
        if any(agent) != all(agent):
            self.fail(p.line, f"{p.names[0]} mixes agent codes (~) with actor codes")
            return
        if all(agent):
            try:
                self.agents.append(self.agent(p))
            except ValueError as exc:
                self.fail(p.line, str(exc))
            return
        if p.plurals is not None:
            self.fail(p.line, f"{p.names[0]}: plurals in braces belong to agents, not actors")
            return
        names = list(dict.fromkeys(p.names))
        self.entries.append(
            Entry(name=names[0], synonyms=names[1:], kind=_kind(tuple(p.roles)), roles=p.roles)
        )

    def expand(self, name: str) -> list[str]:
        """Every form of ``name`` with its substitution sets replaced by their words."""
        out = [name]
        for ref in _SET_REF.findall(name):
            if ref not in self.sets:
                raise ValueError(f"no substitution set !{ref}! defined before it is used")
            out = [n.replace(f"!{ref}!", word, 1) for n in out for word in self.sets[ref]]
            if len(out) > _MAX_FORMS:
                raise ValueError(f"{name} expands to more than {_MAX_FORMS} forms")
        return [" ".join(n.split()) for n in out]

    def agent(self, p: _Pending) -> Agent:
        forms: list[str] = []
        for name in p.names:
            expanded = self.expand(name)
            forms.extend(expanded)
            if p.plurals is not None:
                forms.extend(f for pl in p.plurals for f in self.expand(pl))
            elif expanded == [name]:
                forms.append(_regular_plural(name))
        forms = list(dict.fromkeys(forms))
        return Agent(name=forms[0], forms=forms, role=p.roles[0])


def _dictionary(reader: _Reader) -> ActorDictionary:
    parts: dict[ActorKind, list[Entry]] = {k: [] for k in ActorKind}
    for e in reader.entries:
        parts[e.kind].append(e)
    return ActorDictionary(
        countries=parts[ActorKind.COUNTRY],
        people=parts[ActorKind.PERSON],
        organisations=parts[ActorKind.ORGANIZATION],
        groups=parts[ActorKind.GROUP],
        agents=reader.agents,
        skipped=reader.skipped,
    )


def parse_phoenix(text: str, *, source: str = "<text>", strict: bool = True) -> ActorDictionary:
    """Read dictionary text in the Phoenix format (see the module's documentation).

    Args:
        text: the dictionary's lines.
        source: the name errors give for it (a file name).
        strict: raise on a malformed line (default), or skip it and list it in ``skipped``.

    Raises:
        RuleError: on a malformed line (with ``strict``), naming ``source`` and the line number.
    """
    if not isinstance(text, str):
        raise RuleError(f"{source}: a dictionary is text (str), not {type(text).__name__}")
    reader = _Reader(strict)
    reader.read(text, source)
    return _dictionary(reader)


def load_phoenix(*paths: str | Path, strict: bool = True) -> ActorDictionary:
    """Read dictionary files in the Phoenix format into one :class:`ActorDictionary`.

    Files are read in order; substitution sets (``!PERSON! = ...``) defined in one hold in the
    files after it. Pass the agents file and the actor files of PETRARCH2, or your own.

    Raises:
        RuleError: if a file cannot be read, or (with ``strict``) on a malformed line, naming the
            file and the line number.
    """
    reader = _Reader(strict)
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RuleError(f"{p}: {exc.strerror or exc}") from exc
        reader.read(text, str(p))
    return _dictionary(reader)
