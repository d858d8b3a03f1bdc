"""The HTML writer: an interview as a standalone, accessible page.

Every text of the model goes through `escape` (or `attribute` for attribute
values), so none of it can become markup; what the page cannot show (ids,
labels, markers, times to the millisecond, cues, words, codes) goes into
``data-`` attributes, so that the reader gives back the same interview.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from interviewkit._time import format_clock
from interviewkit.formats.html.layout import LAYOUT, STYLESHEET, speaker_classes
from interviewkit.model import (
    Block,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    Turn,
)

__all__ = ["dumps"]

_IMAGE_SUFFIXES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def escape(text: str) -> str:
    """Text as HTML text: nothing in it can open a tag or a reference.

    U+0000 cannot be written in HTML (a parser drops it or replaces it), so
    it is written as U+FFFD, as a browser shows it.

    Example:
        >>> escape('<b>"A" & B</b>')
        '&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;'

    """
    return html.escape(text, quote=True).replace("\x00", "\ufffd")


def attribute(name: str, value: str | None) -> str:
    """`` name="value"``, escaped; nothing when ``value`` is None."""
    return "" if value is None else f' {name}="{escape(value)}"'


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _link(url: str) -> str | None:
    """``url`` if a page may link it: http, https, or a relative address."""
    if any(ch.isspace() or ch < " " for ch in url):
        return None
    scheme = _SCHEME.match(url.lower())
    if scheme is not None and scheme.group() not in ("http:", "https:"):
        return None
    return url


def _image_source(image: str) -> str | None:
    """The ``src`` for an image: an address of a picture, not a mere name."""
    source = _link(image)
    if source is None:
        return None
    if _SCHEME.match(source.lower()):
        return source
    path = source.lower().partition("?")[0].partition("#")[0]
    return source if path.endswith(_IMAGE_SUFFIXES) else None


def _paragraphs(text: str, css: str | None = None) -> list[str]:
    """A text as paragraphs: one ``<p>`` for each part between blank lines."""
    cls = attribute("class", css)
    return [f"<p{cls}>{escape(part)}</p>" for part in text.split("\n\n")]


def _duration(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    return f"PT{seconds}.{millis:03d}S" if millis else f"PT{seconds}S"


def _time(ms: int) -> str:
    return f'<time datetime="{_duration(ms)}">{format_clock(ms)}</time>'


def _metadata(metadata: Metadata) -> list[str]:
    rows: list[str] = []
    if metadata.source is not None:
        rows.append(
            f'<dt>Source</dt><dd data-field="source">{escape(metadata.source)}</dd>'
        )
    if metadata.date is not None:
        shown = escape(metadata.date)
        if _ISO_DATE.fullmatch(metadata.date):
            shown = f"<time{attribute('datetime', metadata.date)}>{shown}</time>"
        rows.append(f'<dt>Date</dt><dd data-field="date">{shown}</dd>')
    if metadata.url is not None:
        shown = escape(metadata.url)
        href = _link(metadata.url)
        if href is not None:
            shown = f"<a{attribute('href', href)}>{shown}</a>"
        rows.append(f'<dt>Link</dt><dd data-field="url">{shown}</dd>')
    for key, value in metadata.extras.items():
        if isinstance(value, tuple):
            items = "".join(f"<li>{escape(item)}</li>" for item in value)
            shown = f'<ul class="values">{items}</ul>'
            list_mark = " data-list"
        else:
            shown, list_mark = escape(value), ""
        rows.append(
            f"<dt>{escape(key)}</dt>"
            f"<dd{attribute('data-extra', key)}{list_mark}>{shown}</dd>"
        )
    if not rows:
        return []
    return ['<dl class="metadata">', *rows, "</dl>"]


def _cast(interview: Interview, classes: dict[str, str]) -> list[str]:
    if not interview.speakers:
        return []
    lines = ['<ul class="cast" aria-label="Speakers">']
    for speaker in interview.speakers:
        role = speaker.role.value if speaker.role is not None else None
        parts = [f'<span class="name">{escape(speaker.name)}</span>']
        if role is not None:
            parts.append(f' <span class="role">{role}</span>')
        if speaker.aliases:
            aliases = ", ".join(
                f'<span class="alias">{escape(alias)}</span>'
                for alias in speaker.aliases
            )
            parts.append(f' <span class="aliases">({aliases})</span>')
        lines.append(
            f'<li class="{classes[speaker.id]}"{attribute("data-id", speaker.id)}'
            f"{attribute('data-role', role)}>{''.join(parts)}</li>"
        )
    lines.append("</ul>")
    return lines


def _turn(turn: Turn, name: str, css: str) -> list[str]:
    data = attribute("data-speaker", turn.speaker) + attribute("data-label", turn.label)
    data += attribute("data-marker", turn.marker)
    if turn.start_ms is not None:
        data += f' data-start="{turn.start_ms}"'
    if turn.end_ms is not None:
        data += f' data-end="{turn.end_ms}"'
    if turn.cues:
        cues = [
            [c.start, c.end, c.start_ms, c.end_ms, c.id, c.settings] for c in turn.cues
        ]
        data += attribute("data-cues", _compact(cues))
    if turn.words:
        words = [
            [w.start, w.end, w.start_ms, w.end_ms, w.confidence] for w in turn.words
        ]
        data += attribute("data-words", _compact(words))
    head = f"<cite>{escape(name)}</cite>"
    if turn.start_ms is not None or turn.end_ms is not None:
        start = _time(turn.start_ms) if turn.start_ms is not None else ""
        end = "–" + _time(turn.end_ms) if turn.end_ms is not None else ""
        head += f' <span class="times">{start}{end}</span>'
    return [f'<div class="turn {css}"{data}>', head, *_paragraphs(turn.text), "</div>"]


def _caption(caption: ImageCaption) -> list[str]:
    lines = [f'<figure class="caption"{attribute("data-image", caption.image)}>']
    source = _image_source(caption.image) if caption.image is not None else None
    if source is not None:
        lines.append(f'<img{attribute("src", source)} alt="" loading="lazy">')
    parts = []
    if caption.caption is not None:
        parts.append(f'<span class="text">{escape(caption.caption)}</span>')
    if caption.credit is not None:
        parts.append(f'<small class="credit">{escape(caption.credit)}</small>')
    if parts:
        lines.append(f"<figcaption>{''.join(parts)}</figcaption>")
    lines.append("</figure>")
    return lines


def _prose(prose: Prose) -> list[str]:
    kind = prose.kind.value
    return [
        f'<div class="prose {kind}" data-kind="{kind}">',
        *_paragraphs(prose.text),
        "</div>",
    ]


def _body(interview: Interview, classes: dict[str, str]) -> Iterable[str]:
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    block: Block
    for block in interview.body:
        if isinstance(block, Turn):
            yield from _turn(block, names[block.speaker], classes[block.speaker])
        elif isinstance(block, ImageCaption):
            yield from _caption(block)
        else:
            yield from _prose(block)


def dumps(interview: Interview, *, standalone: bool = True) -> str:
    """Write an interview as an HTML page.

    Args:
        interview: The interview.
        standalone: A whole page with its stylesheet (the default), or only
            the ``<article>``, to put into a page of one's own.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="q", name="Q")],
        ...     body=[ik.Turn(speaker="q", text="<b>Hi</b> & bye")],
        ... )
        >>> page = ik.dumps(iv, format="html")
        >>> "&lt;b&gt;Hi&lt;/b&gt; &amp; bye" in page
        True
        >>> ik.loads(page, format="html") == iv
        True

    """
    classes = speaker_classes(interview.speakers)
    metadata = interview.metadata
    article = (
        f'<article class="interview" data-interviewkit="{LAYOUT}"'
        f"{attribute('data-language', metadata.language)}"
    )
    if interview.codes:
        codes = [[c.block, c.start, c.end, c.code, c.memo] for c in interview.codes]
        article += attribute("data-codes", _compact(codes))
    lines = [article + ">"]
    head = []
    if interview.title is not None:
        head.append(f"<h1>{escape(interview.title)}</h1>")
    head += _metadata(metadata)
    head += _cast(interview, classes)
    if head:
        lines += ["<header>", *head, "</header>"]
    lines += _body(interview, classes)
    lines.append("</article>")
    if not standalone:
        return "\n".join(lines) + "\n"
    title = interview.title if interview.title is not None else "Interview"
    language = metadata.language if metadata.language is not None else "und"
    page = [
        "<!DOCTYPE html>",
        f"<html{attribute('lang', language)}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="interviewkit">',
        f"<title>{escape(' '.join(title.split()) or 'Interview')}</title>",
        f"<style>\n{STYLESHEET}</style>",
        "</head>",
        "<body>",
        *lines,
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"
