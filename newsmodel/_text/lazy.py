"""A pattern compiled the first time it is used (issue 16, cold start).

Building the default parser used to compile some 1 500 patterns, most of which a given run never
tries. The stages keep the pattern *source* in a :class:`LazyPattern` and compile it on the first
match. Two threads racing on the first match may both compile it; they build the same pattern and
the last one is kept, which is harmless.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import regex

__all__ = ["LazyPattern"]


class LazyPattern:
    """A ``regex`` pattern compiled on first use, with the methods the stages call.

    ``named`` holds the named lists (``\\L<name>``) passed to :func:`regex.compile`. It pickles as its
    source, with its compiled form once it has one, and compares equal to another with the same
    source, flags and named lists.
    """

    __slots__ = ("compiled", "flags", "named", "pattern")

    compiled: regex.Pattern[str]
    """The compiled pattern, compiled on first access (then a plain attribute: the hot paths read
    ``lazy.compiled.match`` at the cost of an attribute read)."""

    def __init__(
        self, pattern: str, flags: int = 0, named: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        self.pattern = pattern
        self.flags = flags
        self.named: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
            sorted((k, tuple(v)) for k, v in (named or {}).items())
        )

    def __getattr__(self, name: str) -> regex.Pattern[str]:
        # Called only while the ``compiled`` slot is empty (and for unknown names).
        if name != "compiled":
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        kwargs: dict[str, Any] = {k: list(v) for k, v in self.named}
        found: regex.Pattern[str] = regex.compile(self.pattern, self.flags, **kwargs)
        self.compiled = found
        return found

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled yet."""
        try:
            object.__getattribute__(self, "compiled")
        except AttributeError:
            return False
        return True

    def match(
        self, string: str, pos: int = 0, endpos: int | None = None, *, partial: bool = False
    ) -> regex.Match[str] | None:
        """:meth:`regex.Pattern.match`."""
        return self.compiled.match(string, pos, endpos, partial=partial)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """:meth:`regex.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """:meth:`regex.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """:meth:`regex.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def _key(self) -> tuple[str, int, tuple[tuple[str, tuple[str, ...]], ...]]:
        return (self.pattern, self.flags, self.named)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Compiled, it pickles with its compiled form, which ``regex`` reloads without compiling
        # again (a worker process sent a parser that has run does not compile its patterns anew).
        source = (self.pattern, self.flags, dict(self.named))
        if self.is_compiled:
            return (_restore, (*source, self.compiled))
        return (LazyPattern, source)


def _restore(
    pattern: str, flags: int, named: Mapping[str, Sequence[str]], compiled: regex.Pattern[str]
) -> LazyPattern:
    lazy = LazyPattern(pattern, flags, named)
    lazy.compiled = compiled
    return lazy
