"""Reading the layout the writer writes, exactly, or saying where it is not."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import yaml
from markdown_it import MarkdownIt

from interviewkit._io import find_long_integer, parse_json
from interviewkit._time import parse_clock
from interviewkit.errors import ValidationError
from interviewkit.formats.markdown.escape import decode, decode_line, find_unescaped
from interviewkit.formats.markdown.front_matter import FrontMatter
from interviewkit.formats.markdown.layout import (
    READS,
    SPAN,
    SPEAKER_KEYS,
    TEXT_MARKERS,
    Layout,
    fail,
    heading_line,
    render_marker,
    spans_from,
    speakers_by_label,
)
from interviewkit.model import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    ProseKind,
    Speaker,
    Turn,
    Word,
)


@attrs.frozen
class _Item:
    """A top-level block of the Markdown, as markdown-it found it."""

    kind: str
    """``paragraph``, ``heading``, ``html`` or the token type of anything else."""
    start: int
    """The index of its first line in the document's lines."""
    end: int
    """The index after its last line."""
    tag: str = ""


_block_parser = MarkdownIt("commonmark").disable(
    ["inline", "text_join"], ignoreInvalid=True
)


def _items(lines: Sequence[str], first: int) -> list[_Item]:
    """The top-level blocks of ``lines[first:]``, with document line indices."""
    tokens = _block_parser.parse("\n".join(lines[first:]))
    items: list[_Item] = []
    for token in tokens:
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        start, end = token.map[0] + first, token.map[1] + first
        if token.type == "paragraph_open":
            items.append(_Item("paragraph", start, end))
        elif token.type == "heading_open":
            items.append(_Item("heading", start, end, token.tag))
        elif token.type == "html_block":
            items.append(_Item("html", start, end))
        else:
            items.append(_Item(token.type.removesuffix("_open"), start, end))
    return items


# --------------------------------------------------------------------------
# Reading the layout the writer writes

_OWN_KEYS = frozenset(
    {
        "interviewkit",
        "codes",
        "title",
        "source",
        "url",
        "date",
        "language",
        "extras",
        "speakers",
        "unlabelled_speaker",
        "markers",
        "timed_markers",
    }
)
_COMMENT = re.compile(
    r"<!-- (turn|caption|prose: ([a-z_]+)|turn (.*)|caption (\{.*\})) -->"
)


@attrs.define
class _Header:
    """What starts a block: its kind and where."""

    kind: str
    """``turn``, ``caption`` (an image line), ``bare-caption`` or ``prose``."""
    line: int
    """The index of its first line in the document's lines."""
    prose_kind: ProseKind | None = None
    annotation: dict[str, Any] | None = None
    paragraphs: list[tuple[int, int]] = attrs.field(factory=list)


def _own_front_matter(
    matter: FrontMatter,
) -> tuple[str | None, Metadata, tuple[Speaker, ...], Layout, tuple[Coding, ...]]:
    title: str | None = None
    templates: dict[str, str] = {}
    fields: dict[str, Any] = {}
    speakers: list[Speaker] = []
    unlabelled: str | None = None
    unlabelled_node: yaml.Node | None = None
    speakers_node: yaml.Node | None = None
    codes: tuple[Coding, ...] = ()
    for key, key_node, node in matter.pairs():
        if key not in _OWN_KEYS:
            known = ", ".join(sorted(_OWN_KEYS))
            matter.fail(
                f"unknown front matter key {key!r}; known keys: {known}", key_node
            )
        if key == "interviewkit":
            version = matter.value(node)
            if version not in READS or type(version) is not int:
                readable = " and ".join(str(number) for number in sorted(READS))
                matter.fail(
                    f"unsupported layout version {version!r}; "
                    f"this release reads {readable}",
                    node,
                )
        elif key == "title":
            title = matter.string(node, "title")
        elif key in ("source", "url", "date", "language"):
            fields[key] = matter.string(node, key)
        elif key == "extras":
            extras: dict[str, str | tuple[str, ...]] = {}
            for name, _, value_node in matter.mapping(node, "extras"):
                if isinstance(value_node, yaml.SequenceNode):
                    extras[name] = matter.strings(value_node, f"extras[{name!r}]")
                else:
                    extras[name] = matter.string(value_node, f"extras[{name!r}]")
            fields["extras"] = extras
        elif key == "speakers":
            speakers_node = node
            if not isinstance(node, yaml.SequenceNode):
                matter.fail("speakers must be a list", node)
            for entry in node.value:
                speakers.append(_own_speaker(matter, entry))
        elif key in ("markers", "timed_markers"):
            template = matter.string(node, key)
            if template == "text":
                template = TEXT_MARKERS
            elif render_marker(template, "x", 0) is None:
                matter.fail(
                    f'{key} is "text" or a template of {{label}} and {{time:SHAPE}}',
                    node,
                )
            templates[key] = template
        elif key == "codes":
            codes = _own_codes(matter, node)
        else:
            unlabelled = matter.string(node, "unlabelled_speaker")
            unlabelled_node = node
    try:
        metadata = Metadata(**fields)
    except ValidationError as error:
        line, column = (matter.first_line, 1)
        fail(error.message, line=line, column=column)
    ids = [speaker.id for speaker in speakers]
    if speakers_node is not None and len(set(ids)) != len(ids):
        assert isinstance(speakers_node, yaml.SequenceNode)
        for index, speaker_id in enumerate(ids):
            if speaker_id in ids[:index]:
                matter.fail(
                    f"speaker id {speaker_id!r} is used twice",
                    speakers_node.value[index],
                )
    if unlabelled is not None and unlabelled not in ids:
        assert unlabelled_node is not None
        matter.fail(
            f"unlabelled_speaker {unlabelled!r} is not in the cast", unlabelled_node
        )
    layout = Layout(
        unlabelled_speaker=unlabelled,
        markers=templates.get("markers"),
        timed_markers=templates.get("timed_markers"),
    )
    return title, metadata, tuple(speakers), layout, codes


_CODING_KEYS = ("block", "start", "end", "code", "memo")


def _own_codes(matter: FrontMatter, node: yaml.Node) -> tuple[Coding, ...]:
    """The ``codes`` list: one ``{block, start, end, code, memo}`` a coding."""
    if not isinstance(node, yaml.SequenceNode):
        matter.fail("codes must be a list", node)
    codes = []
    for item in node.value:
        fields: dict[str, Any] = {}
        for key, key_node, value_node in matter.mapping(item, "a coding"):
            if key not in _CODING_KEYS:
                known = ", ".join(_CODING_KEYS)
                matter.fail(
                    f"unknown coding key {key!r}; known keys: {known}", key_node
                )
            if key in ("code", "memo"):
                fields[key] = matter.string(value_node, key)
            else:
                value = matter.value(value_node)
                if type(value) is not int:
                    matter.fail(f"a coding's {key} must be an integer", value_node)
                fields[key] = value
        missing = [key for key in _CODING_KEYS[:4] if key not in fields]
        if missing:
            matter.fail(f"a coding needs its {missing[0]}", item)
        try:
            codes.append(Coding(**fields))
        except ValidationError as error:
            matter.fail(error.message, item)
    return tuple(codes)


def _own_speaker(matter: FrontMatter, node: yaml.Node) -> Speaker:
    fields: dict[str, Any] = {}
    for key, key_node, value_node in matter.mapping(node, "a speaker"):
        if key not in SPEAKER_KEYS:
            matter.fail(
                f"unknown speaker key {key!r}; known keys: aliases, id, name, role",
                key_node,
            )
        if key == "aliases":
            fields[key] = matter.strings(value_node, "aliases")
        else:
            fields[key] = matter.string(value_node, key)
    for required in ("id", "name"):
        if required not in fields:
            matter.fail(f"a speaker needs an {required}", node)
    try:
        return Speaker(**fields)
    except ValidationError as error:
        matter.fail(error.message, node)


def _scan_label(line: str) -> tuple[int, bool]:
    """Find the first unescaped ``**`` after the opening one.

    Returns its index (-1 if none) and whether an unescaped ``:`` stands
    right before it.
    """
    index = 2
    colon = False
    length = len(line)
    while index < length:
        character = line[index]
        if character == "\\":
            index += 2
            colon = False
            continue
        if character == "*" and line.startswith("**", index):
            return index, colon
        colon = character == ":"
        index += 1
    return -1, False


def own_document(
    lines: list[str],
    matter: FrontMatter,
    body: int,
) -> Interview:
    """Read a document of the writer's layout, or fail where it is not one."""
    title, metadata, speakers, layout, codes = _own_front_matter(matter)
    labels = speakers_by_label(speakers)
    headers = _headers(lines, body, title, {speaker.id for speaker in speakers})
    body_blocks: list[Block] = []
    for header in headers:
        try:
            body_blocks.append(_own_block(header, lines, labels=labels, layout=layout))
        except ValidationError as error:
            fail(error.message, line=header.line + 1, column=1)
    try:
        return Interview(
            title=title,
            metadata=metadata,
            speakers=speakers,
            body=tuple(body_blocks),
            codes=codes,
        )
    except ValidationError as error:
        # Blocks were checked one by one: what is left is the codings.
        fail(error.message, line=matter.first_line, column=1)


def _headers(
    lines: list[str], body: int, title: str | None, cast: set[str]
) -> list[_Header]:
    """The blocks of the body: where each starts, and its paragraphs."""
    headers: list[_Header] = []
    pending: dict[str, Any] | None = None
    pending_line = 0
    for position, item in enumerate(_items(lines, body)):
        line_no = item.start + 1
        if item.kind == "heading" and position == 0 and item.tag == "h1":
            if title is None or lines[item.start] != heading_line(title):
                fail(
                    "the heading does not match the title in the front matter",
                    line=line_no,
                    column=1,
                )
            continue
        if pending is not None and not (
            item.kind == "paragraph" and lines[item.start].startswith("**")
        ):
            fail(
                "a turn comment must come right before its turn",
                line=pending_line,
                column=1,
            )
        if item.kind == "html":
            header = _comment(lines[item.start], item, cast)
            if isinstance(header, _Header):
                headers.append(header)
            else:
                pending, pending_line = header, line_no
            continue
        if item.kind != "paragraph":
            what = item.kind.replace("_", " ")
            fail(
                f"unexpected {what}: a block starts with **Label:**, "
                "an image or a comment",
                line=line_no,
                column=1,
            )
        first = lines[item.start]
        if first.startswith("**"):
            headers.append(_Header("turn", item.start, annotation=pending))
            pending = None
        elif first.startswith("!["):
            headers.append(_Header("caption", item.start))
        elif not headers:
            fail(
                "text before the first block: a block starts with **Label:**, an image "
                "or a comment",
                line=line_no,
                column=1,
            )
        headers[-1].paragraphs.append((item.start, item.end))
    if pending is not None:
        fail(
            "a turn comment must come right before its turn",
            line=pending_line,
            column=1,
        )
    return headers


def _comment(line: str, item: _Item, cast: set[str]) -> _Header | dict[str, Any]:
    """What an HTML comment starts: a prose or caption block, or a turn's fields."""
    line_no = item.start + 1
    match = _COMMENT.fullmatch(line)
    if match is None or item.end - item.start != 1:
        fail(
            "expected <!-- prose: KIND -->, <!-- caption --> or <!-- turn {...} -->",
            line=line_no,
            column=1,
        )
    if match.group(3) is not None:
        return _own_annotation(match.group(3), line=line_no, cast=cast)
    if match.group(1) == "caption":
        return _Header("bare-caption", item.start)
    if match.group(4) is not None:
        image = _caption_image(match.group(4), line=line_no)
        return _Header("bare-caption", item.start, annotation={"image": image})
    if match.group(2) is not None:
        try:
            kind = ProseKind(match.group(2))
        except ValueError:
            known = ", ".join(kind.value for kind in ProseKind)
            fail(
                f"unknown prose kind {match.group(2)!r}; known kinds: {known}",
                line=line_no,
                column=13,
            )
        return _Header("prose", item.start, prose_kind=kind)
    return fail(
        "a turn comment needs its fields: <!-- turn {...} -->", line=line_no, column=1
    )


def _caption_image(data: str, *, line: int) -> str:
    """The image name a caption comment holds: one the writer keeps out of
    an image line, where a renderer would make it an active link."""
    try:
        fields = parse_json(data)
    except (ValueError, RecursionError):
        fields = None
    if type(fields) is not dict or set(fields) != {"image"}:
        fail('a caption comment holds only {"image": "..."}', line=line, column=14)
    image = fields["image"]
    if type(image) is not str or not image.strip():
        fail("a caption's image is a string, not blank", line=line, column=14)
    return image


_TURN_FIELDS = frozenset({"speaker", "label", "marker", "cues", "words"})


def _own_annotation(data: str, *, line: int, cast: set[str]) -> dict[str, Any]:
    try:
        fields = parse_json(data)
    except json.JSONDecodeError as error:
        fail(
            f"the turn comment is not a JSON object: {error.msg.lower()}",
            line=line,
            column=len("<!-- turn ") + error.colno,
        )
    except (ValueError, RecursionError) as error:
        what = "is nested too deeply" if isinstance(error, RecursionError) else error
        fail(f"the turn comment is not a JSON object: {what}", line=line, column=11)
    long_integer = find_long_integer(fields)
    if long_integer is not None:
        fail(f"a turn comment holds {long_integer.describe()}", line=line, column=11)
    if not isinstance(fields, dict) or set(fields) - _TURN_FIELDS:
        fail(
            'a turn comment holds only "speaker", "label": null, "marker", '
            '"cues" and "words"',
            line=line,
            column=11,
        )
    for name, kind in (("cues", Cue), ("words", Word)):
        if name in fields:
            try:
                fields[name] = spans_from(fields[name], kind)
            except (ValueError, ValidationError) as error:
                message = getattr(error, "message", None) or str(error)
                fail(f"a turn's {name}: {message}", line=line, column=11)
    if "label" in fields and fields["label"] is not None:
        fail('a turn comment can only say "label": null', line=line, column=11)
    if "marker" in fields and not isinstance(fields["marker"], (str, type(None))):
        fail("a turn's marker is a string or null", line=line, column=11)
    speaker = fields.get("speaker")
    if "speaker" in fields and (not isinstance(speaker, str) or speaker not in cast):
        fail(f"speaker {speaker!r} is not in the cast", line=line, column=11)
    return fields


def _paragraph_lines(
    lines: list[str], paragraphs: Sequence[tuple[int, int]]
) -> list[str]:
    """The text lines of paragraphs, one empty line between two."""
    out: list[str] = []
    for start, end in paragraphs:
        if out:
            out.append("")
        out.extend(decode_line(line) for line in lines[start:end])
    return out


def _own_block(
    header: _Header,
    lines: list[str],
    *,
    labels: Mapping[str, list[str]],
    layout: Layout,
) -> Block:
    line_no = header.line + 1
    if header.kind == "prose":
        if not header.paragraphs:
            fail("a prose comment must be followed by its text", line=line_no, column=1)
        assert header.prose_kind is not None
        text = "\n".join(_paragraph_lines(lines, header.paragraphs))
        return Prose(text=text, kind=header.prose_kind)
    if header.kind in ("caption", "bare-caption"):
        return _own_caption(header, lines)
    return _own_turn(header, lines, labels=labels, layout=layout)


def _own_turn(
    header: _Header,
    lines: list[str],
    *,
    labels: Mapping[str, list[str]],
    layout: Layout,
) -> Turn:
    start, end = header.paragraphs[0]
    first = lines[start]
    line_no = start + 1
    close, colon = _scan_label(first)
    annotation = header.annotation or {}
    if not colon:
        # A bold paragraph: an unlabelled turn by the unlabelled speaker.
        joined = "\n".join(lines[start:end])
        close = find_unescaped(joined, "**", 2)
        if close != len(joined) - 2 or len(header.paragraphs) > 1 or len(joined) < 5:
            fail(
                "a turn starts with **Label:**, or is one bold paragraph",
                line=line_no,
                column=1,
            )
        unlabelled = layout.unlabelled_speaker
        if unlabelled is None or annotation:
            fail(
                "a bold paragraph is a turn by the unlabelled_speaker "
                "of the front matter,"
                " which is not given",
                line=line_no,
                column=1,
            )
        text = "\n".join(decode_line(line) for line in joined[2:-2].split("\n"))
        return Turn(speaker=unlabelled, text=text)
    shown = decode(first[2 : close - 1])
    rest = first[close + 2 :]
    start_ms = end_ms = None
    span = SPAN.match(rest)
    if span is not None and (span.group(1) is not None or span.group(2) is not None):
        start_ms = None if span.group(1) is None else parse_clock(span.group(1))
        end_ms = None if span.group(2) is None else parse_clock(span.group(2))
        rest = rest[span.end() :]
    if rest and not rest.startswith(" "):
        fail(
            "expected a space after the label",
            line=line_no,
            column=len(first) - len(rest) + 1,
        )
    text_lines = [decode_line(rest[1:])] if rest else []
    text_lines += [decode_line(line) for line in lines[start + 1 : end]]
    more = _paragraph_lines(lines, header.paragraphs[1:])
    if more:
        text_lines += ["", *more] if text_lines else more
    speaker = annotation.get("speaker")
    if speaker is None:
        named = labels.get(shown, [])
        if len(named) != 1:
            who = "no speaker" if not named else "several speakers"
            fail(f"the label {shown!r} names {who} of the cast", line=line_no, column=3)
        speaker = named[0]
    label = None if "label" in annotation else shown
    marker = (
        annotation["marker"]
        if "marker" in annotation
        else layout.marker(label, start_ms)
    )
    spans = {name: annotation[name] for name in ("cues", "words") if name in annotation}
    return Turn(
        speaker=speaker,
        text="\n".join(text_lines),
        label=label,
        start_ms=start_ms,
        end_ms=end_ms,
        marker=marker,
        **spans,
    )


def _parse_image_line(line: str, *, line_no: int) -> str:
    close = find_unescaped(line, "]", 2)
    if close == -1 or not line.startswith("(", close + 1) or not line.endswith(")"):
        fail("expected an image line ![caption](image)", line=line_no, column=1)
    destination = line[close + 2 : -1]
    if destination.startswith("<"):
        end = find_unescaped(destination, ">", 1)
        if end != len(destination) - 1:
            fail("expected > to close the image name", line=line_no, column=close + 3)
        return decode(destination[1:-1])
    if not destination or any(c in destination for c in " ()<>\\"):
        fail(
            "an image name with spaces or brackets goes between < and >",
            line=line_no,
            column=close + 3,
        )
    return destination


def _own_caption(header: _Header, lines: list[str]) -> ImageCaption:
    paragraphs = list(header.paragraphs)
    image = (header.annotation or {}).get("image")
    if header.kind == "caption":
        start, end = paragraphs.pop(0)
        if end - start != 1:
            fail(
                "an image line stands alone in its paragraph",
                line=start + 1 + 1,
                column=1,
            )
        image = _parse_image_line(lines[start], line_no=start + 1)
    credit_at = next(
        (
            index
            for index, (start, _) in enumerate(paragraphs)
            if lines[start].startswith("_")
        ),
        len(paragraphs),
    )
    caption_lines = _paragraph_lines(lines, paragraphs[:credit_at])
    credit = None
    if credit_at < len(paragraphs):
        raw: list[str] = []
        for start, end in paragraphs[credit_at:]:
            if raw:
                raw.append("")
            raw.extend(lines[start:end])
        last = raw[-1]
        if find_unescaped(last, "_", len(last) - 1) != len(last) - 1 or raw == ["_"]:
            fail(
                "a credit ends with _",
                line=paragraphs[-1][1] - 1 + 1,
                column=len(last),
            )
        raw[0] = raw[0][1:]
        raw[-1] = raw[-1][:-1]
        credit = "\n".join(decode_line(line) for line in raw)
    return ImageCaption(
        image=image,
        caption="\n".join(caption_lines) if caption_lines else None,
        credit=credit,
    )
