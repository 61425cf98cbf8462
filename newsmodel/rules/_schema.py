"""The rule schema: every rule file is structured into an attrs class by cattrs.

A stage's rules are a subclass of :class:`RuleSet`: a frozen attrs class whose fields are the keys
of its TOML file(s), with their types. :meth:`RuleSet.load` reads TOML files or mappings, merges
them in order (:func:`merge`), expands references to the shared English word lists
(``"@determiners"``, see ``english.toml``) and structures the result, so that a malformed rule
raises :class:`~newsmodel.RuleError` naming the file, the key path and what was expected::

    statements.toml: verb[3].frames: expected a list of strings, got 'quote'

What a stage indexes at run time (compiled patterns, lookup tables) is built from a rule set by
the stage itself and kept apart from it: a rule set is plain, comparable data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.v import format_exception

from ..errors import RuleError
from ._fast import FastStructurer, RuleConverter

__all__ = ["Example", "RuleSet", "Source", "english", "merge", "read_source"]

Source = str | Path | Mapping[str, Any]
"""Where rules come from: the path of a TOML file, or a mapping in the same layout."""

R = TypeVar("R", bound="RuleSet")
T = TypeVar("T")

_REFERENCE = "@"


@attrs.frozen
class Example:
    """A text that a rule must find.

    Attributes:
        rule: the id the extraction carries.
        text: the text it must be found in.
        published: the publication date to parse the text with, if the rule needs one.
    """

    rule: str
    text: str
    published: str | None = None


def read_source(source: Source) -> tuple[str, dict[str, Any]]:
    """``(name, data)`` of one source: a TOML file's path and contents, or a mapping.

    Raises:
        RuleError: if the file cannot be read or is not TOML, or the source is neither.
    """
    if isinstance(source, Mapping):
        return "<mapping>", dict(source)
    if not isinstance(source, (str, Path)):
        raise RuleError(f"a rule source is a TOML file path or a mapping, not {type(source).__name__}")
    from . import _toml

    path = Path(source)
    toml = _toml()
    try:
        return str(path), toml.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: {exc.strerror or exc}") from exc
    except toml.TOMLDecodeError as exc:
        raise RuleError(f"{path}: {exc}") from exc


def _shipped(name: str) -> tuple[str, dict[str, Any]]:
    # The data read once per process, not a copy: a rule set never changes its sources (merging
    # and expanding build new tables and lists).
    from . import _load_shipped

    return f"{name}.toml", _load_shipped(name)


def merge(*tables: Mapping[str, Any]) -> dict[str, Any]:
    """Merge rule tables in order; later ones win.

    Tables merge key by key; lists of words concatenate (without repeating a word); lists of
    tables whose items have an ``id`` replace the item of the same id and append the others (so a
    file of your own can redefine a shipped rule by its id, or add one); other values are replaced.
    """
    out: dict[str, Any] = {}
    for table in tables:
        _merge_into(out, table)
    return out


def _merge_into(out: dict[str, Any], table: Mapping[str, Any]) -> None:
    for key, value in table.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            _merge_into(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = _merge_lists(old, value)
        elif isinstance(value, Mapping):
            fresh: dict[str, Any] = {}
            _merge_into(fresh, value)
            out[key] = fresh
        else:
            out[key] = list(value) if isinstance(value, list) else value


def _merge_lists(old: list[Any], new: list[Any]) -> list[Any]:
    by_id = {item["id"]: i for i, item in enumerate(old) if isinstance(item, Mapping) and "id" in item}
    out = list(old)
    for item in new:
        if isinstance(item, Mapping) and item.get("id") in by_id:
            out[by_id[item["id"]]] = item
        elif isinstance(item, Mapping) or item not in out:
            out.append(item)
    return out


_ENGLISH: dict[str, Any] | None = None


def english() -> Mapping[str, Any]:
    """The shared English word lists (``newsmodel/rules/english.toml``), by name."""
    global _ENGLISH
    if _ENGLISH is None:
        _ENGLISH = _shipped("english")[1]
    return _ENGLISH


def _lookup_english(name: str, where: str) -> Any:
    value: Any = english()
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise RuleError(f"{where}: no English word list {_REFERENCE}{name} in english.toml")
        value = value[part]
    return value


def _expand(value: Any, label: str, path: str = "") -> Any:
    """Replace ``"@name"`` references by the English list ``name`` (inside a list, spliced in).

    ``label`` and ``path`` (the file and the key path so far) name the place in an error; the path
    is written out only for tables and lists (a plain string, the common case, is returned as is)."""
    if isinstance(value, str):
        if value.startswith(_REFERENCE):
            where = f"{label}: {path or '(top level)'}"
            return _expand(_lookup_english(value[1:], where), label, path)
        return value
    if isinstance(value, list):
        out: list[Any] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.startswith(_REFERENCE):
                where = f"{label}: {path or '(top level)'}"
                found = _expand(_lookup_english(item[1:], f"{where}[{i}]"), label, path)
                if isinstance(found, (list, Mapping)):
                    out.extend(w for w in found if w not in out)
                    continue
                item = found
            out.append(item if type(item) is str else _expand(item, label, f"{path}[{i}]"))
        return out
    if isinstance(value, Mapping):
        return {
            k: v
            if type(v) is str and not v.startswith(_REFERENCE)
            else _expand(v, label, f"{path}.{k}" if path else str(k))
            for k, v in value.items()
        }
    return value


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value


def _strict_int(value: Any, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _strict_float(value: Any, _: type) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _scalar(value: Any, _: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"expected a number or a string, got {value!r}")
    return value


def _is_sequence(t: Any) -> bool:
    return getattr(t, "__origin__", None) in (tuple, list, frozenset)


def _sequence_hook(conv: cattrs.Converter, t: Any) -> Any:
    """Structure a list into ``t`` (a tuple, list or frozenset type), naming each bad item's index."""
    origin = t.__origin__
    args = [a for a in getattr(t, "__args__", (Any,)) if a is not Ellipsis] or [Any]
    item = args[0]

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {value!r}")
        out, errors = [], []
        for i, v in enumerate(value):
            try:
                out.append(conv.structure(v, item))
            except Exception as exc:
                notes = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ {i}", i, item)]
                exc.__notes__ = notes  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"while structuring {t!r}", errors, t)
        return origin(out)

    return structure


def _converter() -> RuleConverter:
    conv = RuleConverter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int | str, _scalar)
    conv.register_structure_hook(int | float | str, _scalar)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook_factory(_is_sequence, lambda t: _sequence_hook(conv, t))
    return conv


CONVERTER = _converter()
"""The converter every rule set is structured with: strict types, unknown keys refused."""

_FAST = FastStructurer(CONVERTER, _is_sequence)


class RuleSet:
    """The base of every stage's rule set (``TimeRules``, ``ActorRules`` ...).

    A subclass is a frozen attrs class (declare it ``@attrs.frozen(eq=False)``: rule sets compare
    and hash by their merged data) and names the shipped files it is made of in ``SHIPPED``: a
    file name, or ``(key, file name)`` for a file read under one key of the set.

    Start from the shipped rules and add your own with :meth:`extend`, or build a set from your
    files alone with :meth:`load`::

        rules = StatementRules.shipped().extend("my_cues.toml")
        parser = newsmodel.Parser(statements=StatementFinder(rules))
    """

    __slots__ = ("_built", "_data", "_digest", "_sources")
    _built: dict[Callable[[Any], Any], Any]
    _data: dict[str, Any]
    _digest: str
    _sources: tuple[tuple[str, dict[str, Any]], ...]

    SHIPPED: ClassVar[tuple[str | tuple[str, str], ...]] = ()
    _SHIPPED_CACHE: ClassVar[dict[type, RuleSet]] = {}

    @classmethod
    def load(cls: type[R], *sources: Source) -> R:
        """A rule set from TOML files and mappings, merged in order (later ones win).

        Raises:
            RuleError: if a file cannot be read, or the merged rules do not have this set's
                schema (the message names the file, the key path and what was expected).
        """
        named = [read_source(s) for s in sources]
        return cls._build(named)

    @classmethod
    def shipped(cls: type[R]) -> R:
        """The rule set shipped with newsmodel (built once per process)."""
        found = RuleSet._SHIPPED_CACHE.get(cls)
        if found is None:
            found = cls._build(cls._shipped_sources())
            RuleSet._SHIPPED_CACHE[cls] = found
        return found  # type: ignore[return-value]

    @classmethod
    def coerce(cls: type[R], value: R | Source) -> R:
        """``value`` if it is already a rule set of this kind, else the shipped rules extended by it
        (a TOML file path or a mapping in the shipped layout)."""
        if isinstance(value, cls):
            return value
        if isinstance(value, RuleSet):
            raise RuleError(f"expected {cls.__name__}, got {type(value).__name__}")
        if isinstance(value, Mapping):
            return cls.load(value)
        return cls.shipped().extend(value)

    def extend(self: R, *sources: Source) -> R:
        """These rules with more merged in: your entries are added, or replace ones of the same id."""
        named = list(self._sources) + [read_source(s) for s in sources]
        return type(self)._build(named)

    def examples(self) -> Iterator[Example]:
        """The example texts this rule set carries, each with the id of the rule that must find it."""
        return iter(())

    @property
    def data(self) -> Mapping[str, Any]:
        """The merged rule data (after ``@`` references are expanded), as read."""
        return self._data

    @classmethod
    def _shipped_sources(cls) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for item in cls.SHIPPED:
            if isinstance(item, tuple):
                key, name = item
                label, data = _shipped(name)
                out.append((label, {key: data}))
            else:
                out.append(_shipped(item))
        return out

    @classmethod
    def _build(cls: type[R], named: list[tuple[str, dict[str, Any]]]) -> R:
        # References are expanded in each source before the merge, so that a table of your own
        # under a key the shipped file fills by reference ("numbers = '@numbers'") adds to it.
        merged = merge(*(_expand(data, label) for label, data in named))
        rules: R
        try:
            rules = _FAST.structure(merged, cls)
        except Exception:  # structured again by the converter, for its error or a type it knows
            try:
                rules = CONVERTER.structure(merged, cls)
            except Exception as exc:  # cattrs raises ClassValidationError (an ExceptionGroup)
                raise RuleError(_describe(exc, named, cls)) from None
        object.__setattr__(rules, "_data", merged)
        object.__setattr__(rules, "_sources", tuple(named))
        return rules

    def where(self, *keys: str | int) -> str:
        """``file: key.path`` of the source that sets ``keys``: the place to name in an error
        found after structuring (when compiling patterns, checking codes)."""
        path = list(keys)
        return f"{_file_of(path, list(self._sources), type(self))}: {_dotted(path)}"

    def built(self: R, build: Callable[[R], T]) -> T:
        """``build(self)``, made once per rule set: what a stage compiles from its rules (tables,
        patterns), which every stage built with the same rules shares, so that a second parser, and
        the default one of :func:`newsmodel.parse`, cost a fraction of the first. A ``build`` that
        raises is tried again the next time."""
        try:
            made = self._built
        except AttributeError:
            made = {}
            object.__setattr__(self, "_built", made)
        if build in made:
            found: T = made[build]
            return found
        found = made[build] = build(self)
        return found

    @property
    def digest(self) -> str:
        """A sha256 of the merged data: equal rule sets have equal digests."""
        try:
            return self._digest
        except AttributeError:  # computed on first use: building a parser does not need it
            pass
        import hashlib  # here: ``import newsmodel`` does not need it

        canonical = json.dumps(self._data, sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "_digest", digest)
        return digest

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.digest == other.digest

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, self.digest))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._sources))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<{len(self._sources)} source(s)>, digest={self.digest[:12]})"


def _rebuild(cls: type[R], named: tuple[tuple[str, dict[str, Any]], ...]) -> R:
    return cls._build(list(named))


def _describe(exc: BaseException, named: list[tuple[str, dict[str, Any]]], cls: type) -> str:
    """One line per problem: ``file: key.path: what was expected``."""
    lines = []
    for message in cattrs.transform_error(exc, path="$", format_exception=_format):
        text, _, path = message.rpartition(" @ ")
        if not _:
            text, path = message, "$"
        keys = _path_keys(path)
        lines.append(f"{_file_of(keys, named, cls)}: {_dotted(keys) or '(top level)'}: {text}")
    return "; ".join(lines) if lines else f"{cls.__name__}: {exc}"


def _format(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, TypeError) and str(exc).startswith("expected"):
        return str(exc)
    return format_exception(exc, type_)


def _path_keys(path: str) -> list[str | int]:
    """``$.verb[3].frames`` as ``["verb", 3, "frames"]``."""
    keys: list[str | int] = []
    for part in path.removeprefix("$").split("."):
        if not part:
            continue
        name, _, rest = part.partition("[")
        if name:
            keys.append(name)
        for index in rest.split("["):
            index = index.rstrip("]")
            if index:
                keys.append(int(index) if index.isdigit() else index.strip("'\""))
    return keys


def _dotted(keys: list[str | int]) -> str:
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out


def _step(value: Any, key: str | int) -> tuple[bool, Any]:
    """``(True, value[key])`` when ``value`` has ``key``, else ``(False, None)``."""
    if isinstance(key, int) and isinstance(value, list) and key < len(value):
        return True, value[key]
    if isinstance(key, str) and isinstance(value, Mapping) and key in value:
        return True, value[key]
    return False, None


def _file_of(keys: list[str | int], named: list[tuple[str, dict[str, Any]]], cls: type) -> str:
    """The last source that sets the key path (the file the user has to fix)."""
    for label, data in reversed(named):
        value: Any = data
        for k in keys:
            found, value = _step(value, k)
            if not found:
                break
        else:
            return str(label)
    parent = keys[:-1]
    if parent:
        return _file_of(parent, named, cls)
    return named[-1][0] if named else str(cls.__name__)
