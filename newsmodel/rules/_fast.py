"""Structuring rule data without generating code: the fast path of :meth:`RuleSet.load`.

cattrs writes, compiles and runs a Python function for every attrs class and mapping type it
structures; for the 36 classes of the shipped rule sets that costs about 40 ms, the largest single
part of building a :class:`~newsmodel.Parser`. Rule data is plain (tables, lists, strings, numbers),
so a few closures walking the attrs fields do the same work with no code generated.

The fast path gives what the converter gives or raises: it handles only the shapes it knows (attrs
classes without a hook of their own, tuples, lists, frozensets, dicts, ``X | None``) and hands
every other type, and every type a hook was registered for, to the converter's own hook. Anything
it does not accept (a missing or unknown key, a value of the wrong shape, a type it does not know)
raises, and :meth:`RuleSet._build` structures again with the converter, whose detailed error names
the file and the key path.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

__all__ = ["FastStructurer", "RuleConverter"]

Plan = Callable[[Any], Any]
"""Structures one value into one type."""


class RuleConverter(cattrs.Converter):
    """A cattrs converter that remembers what hooks were registered on it, so that the fast path
    leaves those types to their hooks."""

    def __init__(self, **kwargs: Any) -> None:
        self.hooked: set[Any] = set()
        self.predicates: list[Callable[[Any], bool]] = []
        super().__init__(**kwargs)
        self.hooked, self.predicates = set(), []  # cattrs' own hooks, registered above, are not ours

    def register_structure_hook(self, cl: Any, func: Any = None) -> Any:
        if func is not None:
            self.hooked.add(cl)
        return super().register_structure_hook(cl, func)

    def register_structure_hook_func(self, check_func: Any, func: Any) -> None:
        self.predicates.append(check_func)
        super().register_structure_hook_func(check_func, func)

    def register_structure_hook_factory(self, predicate: Any, factory: Any = None) -> Any:
        if factory is not None:
            self.predicates.append(predicate)
        return super().register_structure_hook_factory(predicate, factory)


_UNREAD: Any = object()


class Unsupported(TypeError):
    """A type the fast path does not structure itself (the converter does)."""


class FastStructurer:
    """Structures plain data into rule classes as ``converter`` would, without generating code.

    ``sequences`` is the predicate of the converter's own hook for tuples, lists and frozensets
    (which the fast path mirrors: a list or a tuple, each item structured, the origin type built).
    """

    def __init__(self, converter: RuleConverter, sequences: Callable[[Any], bool]) -> None:
        self._converter = converter
        self._sequences = sequences
        self._plans: dict[Any, Plan] = {}
        self._types: dict[tuple[str, str], Any] = {}
        self._hooks = (0, 0)

    def structure(self, value: Any, cl: Any) -> Any:
        """``value`` structured as ``cl``; raises when the converter would, or may."""
        hooks = (len(self._converter.hooked), len(self._converter.predicates))
        if hooks != self._hooks:  # a hook registered since the plans were made: make them again
            self._plans.clear()
            self._hooks = hooks
        return self._plan(cl)(value)

    def _plan(self, t: Any) -> Plan:
        plan = self._plans.get(t)
        if plan is None:
            plan = self._plans[t] = self._make(t)
        return plan

    def _leaf(self, t: Any) -> Plan:
        hook = self._converter.get_structure_hook(t)
        return lambda value: hook(value, t)

    def _make(self, t: Any) -> Plan:
        conv = self._converter
        if t in conv.hooked or any(p(t) for p in conv.predicates if p is not self._sequences):
            return self._leaf(t)
        if attrs.has(t):
            return self._attrs(t)
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if origin in (tuple, list, frozenset) and self._sequences(t):
            return self._sequence(origin, args)
        if origin is dict and len(args) == 2:
            return self._mapping(args[0], args[1])
        if origin in (types.UnionType, typing.Union):
            if len(args) == 2 and type(None) in args:
                inner = self._plan(next(a for a in args if a is not type(None)))
                return lambda value: None if value is None else inner(value)
            raise Unsupported(t)
        if t in (str, int, float, bool) or isinstance(t, typing.NewType):
            return self._leaf(t)
        raise Unsupported(t)

    def _attrs(self, cl: type) -> Plan:
        fields = [(f.alias or f.name, self._type(cl, f.name, f.type)) for f in attrs.fields(cl) if f.init]
        if any(t is None for _, t in fields):
            raise Unsupported(cl)
        plans = [(name, self._plan(t)) for name, t in fields]
        names = frozenset(name for name, _ in fields)

        def structure(value: Any) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected a table, got {value!r}")
            if not names.issuperset(value):
                raise TypeError(f"unknown keys {sorted(set(value) - names)!r}")
            return cl(**{name: plan(value[name]) for name, plan in plans if name in value})

        return structure

    def _type(self, cl: type, name: str, annotation: Any) -> Any:
        """The type a field's annotation names, read in its class's module as
        ``typing.get_type_hints`` reads it (cheaper: a module's annotations repeat, and each one is
        read once); through ``attrs.resolve_types`` when it names what the module does not hold."""
        if not isinstance(annotation, str):
            return annotation
        key = (cl.__module__, annotation)
        found = self._types.get(key, _UNREAD)
        if found is _UNREAD:
            try:
                found = eval(annotation, vars(sys.modules[cl.__module__]))  # our own annotations
            except Exception:
                attrs.resolve_types(cl)
                return attrs.fields_dict(cl)[name].type
            self._types[key] = found
        return found

    def _sequence(self, origin: Any, args: tuple[Any, ...]) -> Plan:
        item = self._plan(next((a for a in args if a is not Ellipsis), Any))

        def structure(value: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, got {value!r}")
            return origin([item(v) for v in value])

        return structure

    def _mapping(self, key_type: Any, value_type: Any) -> Plan:
        keys, values = self._plan(key_type), self._plan(value_type)

        def structure(value: Any) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected a table, got {value!r}")
            return {keys(k): values(v) for k, v in value.items()}

        return structure
