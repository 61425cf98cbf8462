"""newsmodel: English news articles as a typed domain model.

>>> import newsmodel
>>> article = newsmodel.parse("BEIJING - China's cabinet met on Monday.", published="2017-04-10")
>>> article.dateline.location
'BEIJING'
"""

from __future__ import annotations

from .batch import Document, Failure, parse_many
from .errors import (
    InvalidArgumentError,
    InvalidArticleError,
    InvalidPublishedError,
    InvalidSpanError,
    InvalidTextError,
    NewsmodelError,
    RuleError,
    SerializationError,
)
from .model import (
    Actor,
    ActorKind,
    Article,
    Count,
    CountKind,
    Dateline,
    Event,
    EventKind,
    EventMode,
    Mention,
    MentionKind,
    Span,
    Statement,
    StatementKind,
    TimeExpression,
    TimeKind,
)
from .parser import Parser, parse
from .serialize import from_dict, from_json, to_dict, to_json

__version__ = "0.1.0.dev0"

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Count",
    "CountKind",
    "Dateline",
    "Document",
    "Event",
    "EventKind",
    "EventMode",
    "Failure",
    "InvalidArgumentError",
    "InvalidArticleError",
    "InvalidPublishedError",
    "InvalidSpanError",
    "InvalidTextError",
    "Mention",
    "MentionKind",
    "NewsmodelError",
    "Parser",
    "RuleError",
    "SerializationError",
    "Span",
    "Statement",
    "StatementKind",
    "TimeExpression",
    "TimeKind",
    "__version__",
    "from_dict",
    "from_json",
    "parse",
    "parse_many",
    "to_dict",
    "to_json",
]
