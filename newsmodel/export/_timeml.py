"""TimeML: the time expressions as ``TIMEX3`` tags in the text, as TempEval-3 reads them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import InvalidArgumentError
from ..model import Article, Span, TimeExpression, TimeKind
from ._tables import _check

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

# xml.etree is imported where it is used.


# XML 1.0 forbids these; each is replaced by U+FFFD, one character for one, so offsets hold
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    text = _NOT_XML.sub("\ufffd", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")  # a bare CR would be read back as LF


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def timeml(article: Article, *, doc_id: str = "article") -> str:
    """The article as a TimeML document: its text with the time expressions as ``TIMEX3`` tags.

    The layout is that of the TempEval-3 corpora, which the TempEval-3 evaluation toolkit reads:
    ``DOCID``, the publication date as the document creation time (``DCT``, ``tid="t0"``) when
    the article has one, and ``TEXT`` holding the text exactly, each time expression tagged with
    ``tid``, ``type``, ``value`` and, when qualified, ``mod``. Where time expressions overlap, the
    first is tagged. Characters XML cannot hold (control characters, lone surrogates) are written
    as U+FFFD, so offsets still agree; a carriage return is written as ``&#13;`` and survives.

    >>> import newsmodel
    >>> from newsmodel import export
    >>> print(export.timeml(newsmodel.parse("Talks begin next week.", published="2017-04-09"), doc_id="a1"))
    <?xml version="1.0" ?>
    <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
    <BLANKLINE>
    <DOCID>a1</DOCID>
    <BLANKLINE>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2017-04-09" temporalFunction="false" functionInDocument="CREATION_TIME">2017-04-09</TIMEX3></DCT>
    <BLANKLINE>
    <TEXT>Talks begin <TIMEX3 tid="t1" type="DATE" value="2017-W15">next week</TIMEX3>.</TEXT>
    <BLANKLINE>
    </TimeML>
    <BLANKLINE>
    """
    _check(article, None)
    out = [
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{_xml_text(doc_id)}</DOCID>\n\n"
    ]
    if article.published is not None:
        day = article.published.isoformat()[:10]
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n\n'
        )
    if article.headline is not None:
        out.append(f"<TITLE>{_xml_text(article.headline)}</TITLE>\n\n")
    out.append("<TEXT>")
    text = article.text
    at = 0
    for n, t in enumerate(sorted(article.times, key=lambda t: (t.span.start, -t.span.end)), 1):
        if t.span.start < at:
            continue
        mod = f' mod="{_xml_attr(t.mod)}"' if t.mod else ""
        out.append(_xml_text(text[at : t.span.start]))
        out.append(
            f'<TIMEX3 tid="t{n}" type="{t.kind.name}" value="{_xml_attr(t.value)}"{mod}>'
            f"{_xml_text(t.span.text)}</TIMEX3>"
        )
        at = t.span.end
    out.append(_xml_text(text[at:]))
    out.append("</TEXT>\n\n</TimeML>\n")
    return "".join(out)


def read_timeml(document: str) -> tuple[str, tuple[TimeExpression, ...]]:
    """The text of a TimeML document and its ``TIMEX3`` time expressions, with spans into that text.

    Reads what :func:`timeml` writes and the TempEval-3 corpora (other tags inside ``TEXT``, such
    as ``EVENT``, are read as their text). A ``TIMEX3`` whose ``type`` is not a TIMEX3 type is
    skipped. Each time expression's ``rule`` is ``"timeml"``.

    Raises:
        InvalidArgumentError: if ``document`` is not a ``str`` or is not TimeML with a ``TEXT``.
    """
    import xml.etree.ElementTree as ET

    if not isinstance(document, str):
        raise InvalidArgumentError(f"a TimeML document is a str, not {type(document).__name__}")
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        raise InvalidArgumentError(f"not well-formed XML: {exc}") from None
    body = root.find("TEXT")
    if body is None:
        raise InvalidArgumentError("the TimeML document has no TEXT element")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            found.append((start, length, element))

    walk(body)
    text = "".join(parts)
    kinds = {k.name for k in TimeKind}
    times = tuple(
        TimeExpression(
            span=Span(start=start, end=end, text=text[start:end]),
            kind=TimeKind[element.get("type", "")],
            value=element.get("value", ""),
            mod=element.get("mod"),
            rule="timeml",
        )
        for start, end, element in sorted(found, key=lambda f: (f[0], -f[1]))
        if element.get("type") in kinds
    )
    return text, times
