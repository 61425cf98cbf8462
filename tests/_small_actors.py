"""Helpers shared by the actor-stage tests: the actor stage alone on a text of the test's own."""

from __future__ import annotations

from newsmodel import Actor
from newsmodel.actors import ActorFinder
from newsmodel.pipeline import Cast, Context
from newsmodel.segment import Segmenter

SEGMENTER = Segmenter()
FINDER = ActorFinder()


def cast_of(text: str, finder: ActorFinder = FINDER) -> Cast:
    """The cast the actor stage finds in ``text`` (segmented, no publication date)."""
    return finder(Context(text=text, published=None, headline=None, segments=SEGMENTER(text)))


def named(cast: Cast, name: str) -> Actor:
    """The one actor of the cast named ``name``."""
    found = [a for a in cast.actors if a.name == name]
    assert len(found) == 1, f"no single actor named {name!r} in {[a.name for a in cast.actors]}"
    return found[0]
