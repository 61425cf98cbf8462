"""Event-data actor and agent dictionaries in the Phoenix (PETRARCH2/TABARI) format.

The event-data field keeps its knowledge of who is who in plain-text dictionaries: people with
the roles they held and when, countries with their synonyms, international bodies, armed groups,
and agent nouns with their sectors. :func:`load_phoenix` reads dictionaries in that format (your
own, or the Phoenix files of PETRARCH2); :func:`shipped_phoenix` returns the Phoenix dictionaries
compiled into newsmodel (``tools/build_phoenix.py``; MIT, copyright 2014 Open Event Data
Alliance, see ``LICENSES/petrarch2-MIT.txt``). Both give an :class:`ActorDictionary`::

    RAHM_EMANUEL_  [USAELI 770101-090120] [USAGOV 090120-101001]   # one line, or:
    HAMID_KARZAI_
    +KARZAI_                       # a synonym
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]     # a role: CAMEO code, from (inclusive) - to (exclusive)
        [AFGGOV >011222]           # from that day on (``<YYMMDD``: until that day)
        [AFGELI]                   # undated: whenever no dated role holds
    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # a substitution set (agents)
    POLICE {} [~COP]               # an agent noun: ``{}`` no plural, ``{POLICEMEN}`` its plural
    CATTLE!PERSON! [~AGR]          # CATTLEMAN, CATTLEMEN, CATTLEWOMAN ...

Dates are ``YYMMDD`` (years 00-30 are 20xx, the others 19xx, as PETRARCH2 reads them) or
``YYYYMMDD``. Words are joined by ``_`` (or spaces); a trailing ``_`` (a word that must end there,
against a stem that may go on) is not kept: names are whole words. ``#`` starts a comment.

How an entry is filed (the codes decide; ``codes.toml`` in ``phoenix_data`` says how a CAMEO code
gives a country and a sector):

- an entry whose codes carry ``~`` is an **agent** (a noun: POLICE, PROTESTER);
- an entry whose codes name a country and nothing else (``[AFG]``, ``[USAASM]``) is a **country**;
- an entry with a dated role, or an elite (``ELI``) role, is a **person**;
- an undated entry whose roles are all armed (REB, UAF, INS, SEP, or the IMG prefix) is a
  **group**; any other entry is an **organisation**.

Differences from PETRARCH2's reader, each to keep a reader's intent: consecutive name lines with
no codes of their own, followed by role lines, are one entry (``LEONID_BREZHNEV_`` then
``LEONID_ILYICH_BREZHNEV`` then the roles); an entry with no code at all, a bare date without
``<`` or ``>``, a 7-digit date or a code that is not made of three-character segments is an error
(:class:`~newsmodel.RuleError` naming file and line), or with ``strict=False`` is skipped and
listed in :attr:`ActorDictionary.skipped`. The Phoenix files themselves hold a few dozen such
lines; load them with ``strict=False``.
"""

from __future__ import annotations

from ._phoenix.codes import decode_code
from ._phoenix.compiled import _read_compiled, _write_compiled, shipped_phoenix  # noqa: F401 - see below
from ._phoenix.reader import load_phoenix, parse_phoenix
from ._phoenix.records import ActorDictionary, Agent, Entry, Role, Skipped

# _read_compiled and _write_compiled are reached from here by tools/build_phoenix.py and the tests.

__all__ = [
    "ActorDictionary",
    "Agent",
    "Entry",
    "Role",
    "Skipped",
    "decode_code",
    "load_phoenix",
    "parse_phoenix",
    "shipped_phoenix",
]
