"""Reading the pages the writer wrote, exactly.

A page whose ``<article>`` has ``data-interviewkit`` is read from its
elements and ``data-`` attributes, with no guessing: the reading options do
not apply. What does not fit the layout is a `ParseError` at the line and
column of its element.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from interviewkit.errors import ParseError, ValidationError
from interviewkit.formats.html.layout import LAYOUT, NAME
from interviewkit.formats.html.tree import Element
from interviewkit.model import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    Speaker,
    Turn,
    Word,
)

__all__ = ["own_article", "own_document"]


def _fail(message: str, element: Element) -> NoReturn:
    raise ParseError(message, format=NAME, line=element.line, column=element.column)


def own_article(root: Element) -> Element | None:
    """The article the writer wrote, if the page has one."""
    for element in root.walk():
        if element.tag == "article" and "data-interviewkit" in element.attributes:
            return element
    return None


def _optional(element: Element, name: str) -> str | None:
    return element.attributes.get(name)


def _number(element: Element, name: str) -> int | None:
    value = element.attributes.get(name)
    if value is None:
        return None
    if not value.isascii() or not value.isdecimal():
        _fail(f"{name} must be a whole number of milliseconds, not {value!r}", element)
    return int(value)


def _json_rows(element: Element, name: str, width: int) -> list[list[Any]]:
    value = element.attributes.get(name)
    if value is None:
        return []
    try:
        rows = json.loads(value)
    except ValueError:
        _fail(f"{name} is not JSON", element)
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == width for row in rows
    ):
        _fail(f"{name} must be a list of lists of {width} values", element)
    return rows


def _text(element: Element) -> str:
    """The text of a turn or prose block: its paragraphs, blank lines between."""
    return "\n\n".join(p.text() for p in element.elements() if p.tag == "p")


def _first(element: Element, tag: str, css: str | None = None) -> Element | None:
    for child in element.walk():
        if (
            child is not element
            and child.tag == tag
            and (css is None or css in child.classes())
        ):
            return child
    return None


def _metadata(article: Element, header: Element | None) -> Metadata:
    fields: dict[str, str] = {}
    extras: dict[str, str | tuple[str, ...]] = {}
    for dd in header.walk() if header is not None else ():
        if dd.tag != "dd":
            continue
        field = dd.attributes.get("data-field")
        key = dd.attributes.get("data-extra")
        if field in ("source", "url", "date"):
            fields[field] = dd.text()
        elif key is not None and "data-list" in dd.attributes:
            extras[key] = tuple(li.text() for li in dd.walk() if li.tag == "li")
        elif key is not None:
            extras[key] = dd.text()
    language = article.attributes.get("data-language")
    try:
        return Metadata(**fields, language=language, extras=extras)
    except ValidationError as error:
        _fail(f"metadata: {error.message}", header or article)


def _speakers(header: Element | None) -> list[Speaker]:
    speakers = []
    cast = _first(header, "ul", "cast") if header is not None else None
    for item in cast.elements() if cast is not None else ():
        name = _first(item, "span", "name")
        aliases = tuple(
            alias.text()
            for alias in item.walk()
            if alias.tag == "span" and "alias" in alias.classes()
        )
        try:
            speakers.append(
                Speaker(
                    id=item.attributes.get("data-id", ""),
                    name=name.text() if name is not None else "",
                    role=item.attributes.get("data-role"),
                    aliases=aliases,
                )
            )
        except ValidationError as error:
            _fail(f"speaker: {error.message}", item)
    return speakers


def _turn(element: Element) -> Turn:
    cues = [
        Cue(start=a, end=b, start_ms=c, end_ms=d, id=e, settings=f)
        for a, b, c, d, e, f in _json_rows(element, "data-cues", 6)
    ]
    words = [
        Word(start=a, end=b, start_ms=c, end_ms=d, confidence=e)
        for a, b, c, d, e in _json_rows(element, "data-words", 5)
    ]
    return Turn(
        speaker=element.attributes.get("data-speaker", ""),
        text=_text(element),
        label=_optional(element, "data-label"),
        marker=_optional(element, "data-marker"),
        start_ms=_number(element, "data-start"),
        end_ms=_number(element, "data-end"),
        cues=cues,
        words=words,
    )


def _block(element: Element) -> Block | None:
    classes = element.classes()
    if element.tag == "div" and "turn" in classes:
        return _turn(element)
    if element.tag == "figure":
        caption = _first(element, "span", "text")
        credit = _first(element, "small", "credit")
        return ImageCaption(
            image=_optional(element, "data-image"),
            caption=caption.text() if caption is not None else None,
            credit=credit.text() if credit is not None else None,
        )
    if element.tag == "div" and "prose" in classes:
        return Prose(text=_text(element), kind=element.attributes.get("data-kind", ""))
    return None


def own_document(article: Element) -> Interview:
    """Read the article the writer wrote."""
    version = article.attributes.get("data-interviewkit")
    if version != str(LAYOUT):
        _fail(f"unknown page layout {version!r}; this release reads {LAYOUT}", article)
    header = next((e for e in article.elements() if e.tag == "header"), None)
    heading = _first(header, "h1") if header is not None else None
    body: list[Block] = []
    for element in article.elements():
        if element is header:
            continue
        try:
            block = _block(element)
        except (ValidationError, TypeError) as error:
            _fail(f"{getattr(error, 'message', error)}", element)
        if block is None:
            _fail(f"a <{element.tag}> that is no turn, caption or prose", element)
        body.append(block)
    try:
        codes = [
            Coding(block=a, start=b, end=c, code=d, memo=e)
            for a, b, c, d, e in _json_rows(article, "data-codes", 5)
        ]
        return Interview(
            title=heading.text() if heading is not None else None,
            metadata=_metadata(article, header),
            speakers=_speakers(header),
            body=body,
            codes=codes,
        )
    except ValidationError as error:
        _fail(error.message, article)
