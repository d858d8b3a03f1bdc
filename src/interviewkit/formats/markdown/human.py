"""Reading Markdown as people write it: the markup's own evidence, then the
reading engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading import (
    Assembler,
    LabelMatch,
    Paragraph,
    asks,
    caption_from_lines,
    find_label,
    label_shape,
    parse_cast,
    prose_kind,
    resolve,
)
from interviewkit._reading.checks import speech_notes
from interviewkit._report import report
from interviewkit._time import CLOCK, parse_clock
from interviewkit.errors import ValidationError
from interviewkit.formats.markdown.front_matter import FrontMatter
from interviewkit.formats.markdown.human_front_matter import human_front_matter
from interviewkit.formats.markdown.human_kept import (
    caption_with,
    code_text,
    link_suffix,
    reading_parser,
    reference_definitions,
)
from interviewkit.formats.markdown.layout import fail
from interviewkit.model import ImageCaption, Interview, Prose, ProseKind

__all__ = ["human_document"]

# --------------------------------------------------------------------------
# Reading Markdown as people write it: the paragraphs and what marks them

_inline_parser = reading_parser()

# A clock, bracketed, in parentheses or bare.
_TIMESTAMP = re.compile(rf"[ \t]*(?:\[({CLOCK})\]|\(({CLOCK})\)|({CLOCK}))[ \t]*")


def _timestamp_ms(match: re.Match[str]) -> int:
    """The milliseconds of a `_TIMESTAMP` match."""
    clock = next(group for group in match.groups() if group is not None)
    millis = parse_clock(clock)
    assert millis is not None, "CLOCK matches what parse_clock reads"
    return millis


@attrs.frozen(kw_only=True)
class Piece:
    """A paragraph of human-written Markdown and what its markup says."""

    text: str
    """The text as plain text: markup gone, escapes undone."""
    line: int
    """The 1-based line where it starts."""
    style: str
    """``lines`` (plain text and labels, line by line); ``strong`` or ``em``
    (all bold or all italic); ``heading1`` to ``heading6``; ``image`` (an
    image line); ``quote``; ``list``; ``code``; ``html``; ``reference`` (a
    link reference definition)."""
    lines: tuple[str, ...] = ()
    """For ``lines``: the text of each line, markup gone."""
    found: tuple[LabelMatch | None, ...] = ()
    """For ``lines``: the label at the start of each line, if any."""
    image: str | None = None
    alt: str | None = None
    title: str | None = None


def _plain(children: Sequence[Any]) -> str:
    """The text of inline tokens, without their markup."""
    out: list[str] = []
    links: list[tuple[int, Any]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            src, title = child.attrs.get("src", ""), child.attrs.get("title")
            out.append(child.content + link_suffix(str(src), title, child.content))
        elif kind == "link_open":
            links.append((len(out), child))
        elif kind == "link_close" and links:
            start, link = links.pop()
            href, title = link.attrs.get("href", ""), link.attrs.get("title")
            out.append(link_suffix(str(href), title, "".join(out[start:])))
    return "".join(out)


def _closing(children: Sequence[Any], start: int) -> int:
    """The index of the token that closes the one at ``start``."""
    depth = 0
    for index in range(start, len(children)):
        depth += children[index].nesting
        if depth == 0:
            return index
    return -1


def _strip_empty(children: Sequence[Any]) -> list[Any]:
    out = list(children)
    while out and out[0].type == "text" and not out[0].content.strip():
        out.pop(0)
    while out and out[-1].type == "text" and not out[-1].content.strip():
        out.pop()
    return out


def _looks_like_a_name(text: str) -> bool:
    shape = label_shape(text)
    return shape == 2 or (shape == 1 and len(text.split(" ")) <= 4)


def _split_lines(tokens: Sequence[Any]) -> list[list[Any]]:
    """The inline tokens of a paragraph, cut at its line breaks."""
    lines: list[list[Any]] = [[]]
    depth = 0
    for token in tokens:
        if token.type in ("softbreak", "hardbreak") and depth == 0:
            lines.append([])
            continue
        depth += token.nesting
        lines[-1].append(token)
    return lines


def _marked_label(tokens: Sequence[Any]) -> tuple[str, LabelMatch] | None:
    """A label that bold or italic marks at the start of a line.

    ``**Name:** text``, ``**Name**: text``, ``_Name_:``, ``**Name** 00:01:23``
    (a name and a time, the speech below) and a name alone in bold read as
    labels by the engine's own rules (`find_label`), with the markup as the
    evidence that a Mixed Case name is a label. Returns the line as plain
    text and the label found on it.
    """
    stamp = ""
    stamp_ms: int | None = None
    if tokens and tokens[0].type == "text":
        # A timestamp before the label: "\[00:04:08\] **HOST:** ..."
        found = _TIMESTAMP.fullmatch(tokens[0].content)
        if found is None or len(tokens) < 2:
            return None
        stamp, stamp_ms, tokens = tokens[0].content, _timestamp_ms(found), tokens[1:]
    if not tokens or tokens[0].type not in ("strong_open", "em_open"):
        return None
    close = _closing(tokens, 0)
    inner = _plain(tokens[1:close]).strip()
    after = _plain(tokens[close + 1 :])
    if not inner:
        return None
    line = stamp + inner + after
    if inner.endswith(":") or after.startswith(":"):
        match = find_label(line)
        if match is None or match.label is None:
            return None
        if match.text_start < len(stamp) + len(inner):
            return None  # the colon is inside the bold, after more than a label
        text_start = match.text_start
        start_ms = match.start_ms if match.start_ms is not None else stamp_ms
        time = _TIMESTAMP.match(line, text_start)
        if start_ms is None and time is not None and time.end() < len(line):
            # "**Name:** 00:01:02 text": the time after the label.
            start_ms, text_start = _timestamp_ms(time), time.end()
        return line, match._replace(
            start_ms=start_ms,
            text_start=text_start,
            strength=2,
            alone=text_start == len(line),
            markup=True,
        )
    if not _looks_like_a_name(inner):
        return None
    time = _TIMESTAMP.fullmatch(after) if after.strip() else None
    if after.strip() and time is None:
        return None
    start_ms = _timestamp_ms(time) if time is not None else stamp_ms
    label = LabelMatch(
        label=inner,
        start_ms=start_ms,
        text_start=len(line),
        strength=2,
        alone=True,
        header=time is not None,
        markup=True,
    )
    return line, label


def _lines_piece(children: Sequence[Any], line: int) -> Piece:
    """A paragraph of text, line by line, with the label each line starts with."""
    texts: list[str] = []
    found: list[LabelMatch | None] = []
    for tokens in _split_lines(_strip_empty(children)):
        tokens = _strip_empty(tokens)
        marked = _marked_label(tokens)
        if marked is not None:
            texts.append(marked[0])
            found.append(marked[1])
            continue
        text = _plain(tokens).strip()
        if text:
            texts.append(text)
            found.append(find_label(text))
    return Piece(
        text="\n".join(texts),
        line=line,
        style="lines",
        lines=tuple(texts),
        found=tuple(found),
    )


def _paragraph_piece(children: Sequence[Any], line: int) -> Piece:
    tokens = _strip_empty(children)
    if tokens and tokens[0].type == "image":
        image = tokens[0]
        return Piece(
            text=_plain(tokens[1:]).strip(),
            line=line,
            style="image",
            image=str(image.attrs.get("src", "")),
            alt=image.content,
            title=image.attrs.get("title"),
        )
    if (
        tokens
        and tokens[0].type in ("strong_open", "em_open")
        and _closing(tokens, 0) == len(tokens) - 1
    ):
        inner = _plain(tokens[1:-1]).strip()
        first = inner.partition("\n")[0]
        match = find_label(first) if first else None
        if not (_looks_like_a_name(inner) or (match is not None and match.label)):
            style = "strong" if tokens[0].type == "strong_open" else "em"
            return Piece(text=inner, line=line, style=style)
    return _lines_piece(children, line)


def human_pieces(lines: Sequence[str], body: int) -> list[Piece]:
    """The paragraphs of a human-written Markdown body, top to bottom."""
    env: dict[str, Any] = {}
    tokens = _inline_parser.parse("\n".join(lines[body:]), env)
    pieces: list[Piece] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.nesting == -1 or token.map is None:
            index += 1
            continue
        line = token.map[0] + body + 1
        end = _closing(tokens, index) if token.nesting == 1 else index
        inner = tokens[index : end + 1]
        if token.type == "paragraph_open":
            pieces.append(_paragraph_piece(tokens[index + 1].children or [], line))
        elif token.type == "heading_open":
            text = _plain(tokens[index + 1].children or []).strip()
            level = int(token.tag[1:])
            pieces.append(Piece(text=text, line=line, style=f"heading{level}"))
        elif token.type in ("fence", "code_block", "html_block"):
            text = code_text(token)
            comment = (
                token.type == "html_block"
                and text.startswith("<!--")
                and text.endswith("-->")
                and text.count("-->") == 1
            )
            if text.strip() and not comment:
                style = "html" if token.type == "html_block" else "code"
                pieces.append(Piece(text=text, line=line, style=style))
        elif token.type != "hr":
            # Quotes and lists: their text, a line an item or paragraph.
            parts = []
            bullets: list[str] = []
            for inline in inner:
                if inline.type == "bullet_list_open":
                    bullets.append("-")
                elif inline.type == "ordered_list_open":
                    bullets.append("1.")
                elif inline.type in ("bullet_list_close", "ordered_list_close"):
                    bullets.pop()
                elif inline.type == "list_item_open" and bullets:
                    number = inline.info or "1"
                    mark = "-" if bullets[-1] == "-" else f"{number}."
                    parts.append(" " * 2 * (len(bullets) - 1) + mark + " ")
                elif inline.type == "inline":
                    parts.append(_plain(inline.children or []).strip())
                    if len(parts) > 1 and parts[-2].endswith(" "):
                        parts[-2:] = [parts[-2] + parts[-1]]
                elif inline.type in ("fence", "code_block"):
                    parts.append(code_text(inline))
            text = "\n".join(part for part in parts if part)
            if text:
                style = "quote" if token.type == "blockquote_open" else "list"
                pieces.append(Piece(text=text, line=line, style=style))
        index = end + 1
    return _with_references(pieces, env, lines, body)


def _with_references(
    pieces: list[Piece], env: dict[str, Any], lines: Sequence[str], body: int
) -> list[Piece]:
    """The pieces, and each link reference definition among them as text."""
    found = reference_definitions(env, lines[body:])
    if not found:
        return pieces
    references = [
        Piece(text=text, line=start + body + 1, style="reference")
        for start, text in found
    ]
    return sorted([*pieces, *references], key=lambda piece: piece.line)


def _image_caption(
    piece: Piece, following: Piece | None
) -> tuple[ImageCaption | None, bool]:
    """The caption of an image line, and whether it took the next paragraph."""
    lines = [line.strip() for line in piece.text.split("\n") if line.strip()]
    took_next = False
    if not lines and following is not None and following.style in ("em", "lines"):
        candidate = [line.strip() for line in following.text.split("\n")]
        if following.style == "em" or caption_from_lines(candidate) is not None:
            lines, took_next = candidate, True
    found = caption_from_lines(lines) if lines else None
    if found is not None and found.image is None:
        caption, credit = found.caption, found.credit
    else:
        caption, credit = ("\n".join(lines) or None), None
    caption = caption_with(caption, piece.alt, piece.title)
    image = piece.image if piece.image and piece.image.strip() else None
    if image is None and caption is None and credit is None:
        return None, took_next  # ![]() says nothing
    return ImageCaption(image=image, caption=caption, credit=credit), took_next


def _list_items(text: str) -> list[str]:
    """The items of a list piece, their bullets and numbers gone."""
    return [line.lstrip(" ").partition(" ")[2] for line in text.split("\n")]


def _paragraphs(pieces: Sequence[Piece]) -> tuple[str | None, Assembler]:
    """The title the body gives, and the body's paragraphs in an `Assembler`."""
    title: str | None = None
    assembler = Assembler()
    started = False
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        index += 1
        style = piece.style
        text = piece.text
        if not text.strip() and style != "image":
            continue  # white space only: nothing to keep
        if style == "heading1" and title is None and not started:
            title = text
            continue
        started = True
        if style == "lines":
            if following is not None and following.style == "list":
                items = _list_items(following.text)
                cast = parse_cast([text, *items])
                if cast is not None:
                    # "Participants:" and the list under it: one cast list.
                    combined = f"{text}\n{following.text}"
                    assembler.add(Paragraph(text=combined, line=piece.line, cast=cast))
                    index += 1
                    continue
            assembler.add_lines(piece.lines, line=piece.line, found=piece.found)
            continue
        if style.startswith("heading"):
            if asks(text):
                assembler.add(Paragraph(text=text, line=piece.line, question=True))
            else:
                block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
                assembler.add(Paragraph(text=text, line=piece.line, block=block))
            continue
        if style == "image":
            caption, took_next = _image_caption(piece, following)
            index += took_next
            if caption is not None:
                assembler.add(Paragraph(text="", line=piece.line, block=caption))
            continue
        if style == "strong" or (style == "em" and asks(text)):
            assembler.add(Paragraph(text=text, line=piece.line, question=True))
            continue
        if style == "em":
            assembler.add(Paragraph(text=text, line=piece.line, aside=True))
            continue
        if style == "quote":
            block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
            assembler.add(Paragraph(text=text, line=piece.line, block=block))
            continue
        if style == "list":
            items = _list_items(text)
            cast = parse_cast(items)
            if cast is not None:
                assembler.add(Paragraph(text=text, line=piece.line, cast=cast))
                continue
        assembler.add(Paragraph(text=text, line=piece.line, verbatim=True))
    return title, assembler


def human_document(
    lines: list[str],
    matter: FrontMatter | None,
    body: int,
    options: ReadOptions,
    document: Document,
) -> Interview:
    """Read Markdown as people write it (see the package docstring)."""
    title, metadata, cast = human_front_matter(matter)
    body_title, assembler = _paragraphs(human_pieces(lines, body))
    paragraphs = assembler.paragraphs()
    if cast.entries:
        paragraphs.insert(0, Paragraph(text="", cast=cast.entries))
        options = attrs.evolve(options, names={**cast.names, **options.names})
    if title is None:
        title = body_title
    elif body_title is not None and body_title != title:
        # Both a front matter title and a different heading: keep the heading.
        paragraphs.insert(0, Paragraph(text=body_title, block=Prose(text=body_title)))
    speakers, blocks = resolve(paragraphs, options)
    for message, line in speech_notes(paragraphs, blocks):
        report(document, options, message, line=line, column=1)
    try:
        return Interview(title=title, metadata=metadata, speakers=speakers, body=blocks)
    except ValidationError as error:  # pragma: no cover - a reader bug
        fail(error.message)
