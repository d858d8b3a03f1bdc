"""Markdown: interviews for people and sites, and back without a lost character.

The writer lays an interview out the way a Q&A article reads, and puts in
YAML front matter only what the page cannot show::

    ---
    interviewkit: 1
    title: Darren Star on Emily in Paris
    source: Collider
    speakers:
    - id: collider
      name: Collider
      role: interviewer
    - id: darren-star
      name: Darren Star
      role: interviewee
      aliases:
      - DARREN STAR
      - STAR
    unlabelled_speaker: collider
    ---

    # Darren Star on Emily in Paris

    <!-- prose: editors_note -->

    [Editor’s note: The following contains some spoilers.]

    **Collider:** First of all, congrats.

    **DARREN STAR:** Yeah, it was amazing to hear that.

    **What did you most enjoy getting to dig into this season?**

    ![](emily-in-paris-season-2-lily-collins-ashley-park)

    _Image via Netflix_

The layout, block by block (blocks are separated by one blank line):

- A turn is ``**Label:** text``, the label as the source wrote it (the
  speaker's name when the source left the turn unlabelled). Further
  paragraphs of the turn follow as plain paragraphs, up to the next block
  that starts with a marker: a bold label, a bold question, an image line
  or an HTML comment. Times show after the label as
  ``[01:02:03.500–01:02:09]`` (``.mmm`` only when the milliseconds are not
  zero; ``[–01:02:09]`` for an end alone).
- An unlabelled turn by the speaker named ``unlabelled_speaker`` in the
  front matter is a bold paragraph, the way Q&A articles print questions.
- A turn whose label does not name exactly its speaker (by name or alias)
  or that is unlabelled but cannot be a bold paragraph, is preceded by a
  ``<!-- turn {"speaker": "id", "label": null} -->`` comment with what the
  label cannot say.
- `Turn.marker` is None unless the front matter says ``markers: text``:
  then a labelled turn's marker is ``"Label: "`` (as the plain-text reader
  records it) and an unlabelled turn's is None. A turn whose marker is
  otherwise says so in its comment: ``<!-- turn {"marker": "[00:01] Q: "} -->``.
- A prose block is preceded by ``<!-- prose: KIND -->`` (``editors_note``,
  ``intro``, ``related``, ``closing``, ``other``), then its paragraphs.
- An image caption is the image line ``![caption](image)``, then the caption
  as a paragraph, then the credit in italics (``_Image via Netflix_``). A
  caption without an image starts with ``<!-- caption -->`` instead.

HTML comments show on no rendered page, so GitHub and mkdocs show the
article as it was written.

Escaping, so that any text survives and none renders as markup:

- Always: ``\\`` ``*`` `````` and ``|`` are backslash-escaped; ``~`` is
  written ``&#126;``. ``_`` is escaped unless letters or digits stand on both
  sides (``snake_case`` stays as it is).
- ``<`` before a letter, ``/``, ``!`` or ``?`` (what could open an HTML tag,
  a comment or an autolink) is written ``&lt;``; ``&`` that could start an
  entity (``&amp;``, ``&#32;``) is written ``&amp;``. Both hold in
  CommonMark and in Python-Markdown (mkdocs), which does not honour ``\\<``.
- ``]`` before ``(``, ``[`` or ``:`` is escaped, so no link, image or
  reference definition can form.
- At the start of a line: ``#``, ``>``, ``-``, ``+``, ``!`` are escaped,
  ``=`` is written ``&#61;``, and the ``.`` or ``)`` after leading digits is
  escaped (no heading, quote, list, rule or setext underline).
- White space at either end of a line (spaces, tabs, ``\\u2028``, ...) is
  written as a character reference (``&#32;``), so nothing is stripped, no
  line becomes indented code and trailing spaces make no hard break.
- A line break inside a turn, prose block, caption or credit is a line
  break in the Markdown. A blank line between two lines of text is a blank
  line; any other empty line of text is written ``&#10;`` on its own line.
  A line break inside a label, a title or an image name is ``&#10;``.

Reading what the writer wrote gives back an equal `Interview`. Documents
whose front matter has no ``interviewkit`` key are read as people write
interviews in Markdown: see `loads`.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NoReturn

import attrs
import yaml
from markdown_it import MarkdownIt

from interviewkit._reading import (
    CastEntry,
    Paragraph,
    ReadingOptions,
    caption_from_lines,
    label_shape,
    options_from,
    parse_cast,
    parse_time,
    prose_kind,
    resolve,
)
from interviewkit.errors import ParseError, ValidationError
from interviewkit.formats import Format
from interviewkit.model import (
    Block,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
)

__all__ = ["FORMAT", "VERSION", "dumps", "loads"]

VERSION = 1
"""The version of the Markdown layout, written as ``interviewkit: 1``."""

_NAME = "markdown"

# --------------------------------------------------------------------------
# Escaping

_ALWAYS_ESCAPED = {"\\": "\\\\", "*": "\\*", "`": "\\`", "|": "\\|", "~": "&#126;"}
_LINE_START_ESCAPED = {
    "#": "\\#",
    ">": "\\>",
    "-": "\\-",
    "+": "\\+",
    "!": "\\!",
    "=": "&#61;",
}
_EMPTY_LINE = "&#10;"


def _reference(character: str) -> str:
    return f"&#{ord(character)};"


_MIDDLE = (
    r"[\\*`|~\n_]|<(?=[A-Za-z/!?])|\](?=[(\[:])"
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"
)
_REPLACEMENTS = {
    **_ALWAYS_ESCAPED,
    "<": "&lt;",
    "&": "&amp;",
    "]": "\\]",
    "\n": _EMPTY_LINE,
}


@functools.cache
def _middle_pattern(always: str) -> re.Pattern[str]:
    if not always:
        return re.compile(_MIDDLE)
    return re.compile(f"[{re.escape(always)}]|{_MIDDLE}")


def _encode(text: str, *, line_start: bool = True, always: str = "") -> str:
    """Escape one line of ``text`` (or a field whose breaks become ``&#10;``).

    Args:
        text: The text; may be empty.
        line_start: Whether the text starts a line of the Markdown, so that
            block markers at its start need escaping.
        always: ASCII punctuation to backslash-escape wherever it stands
            (brackets in link text, ``#`` in a heading).

    """
    if not text:
        return text
    start = 0
    prefix = ""
    first = text[0]
    if first.isspace():
        prefix, start = _reference(first), 1
    elif line_start and first in _LINE_START_ESCAPED:
        prefix, start = _LINE_START_ESCAPED[first], 1
    elif line_start and first in "0123456789":
        digits = 1
        while digits < len(text) and text[digits] in "0123456789":
            digits += 1
        if digits < len(text) and text[digits] in ".)":
            prefix, start = f"{text[:digits]}\\{text[digits]}", digits + 1
    end = len(text)
    suffix = ""
    if end - 1 >= start and text[-1].isspace():
        suffix, end = _reference(text[-1]), end - 1
    middle = text[start:end]
    pattern = _middle_pattern(always)

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        if found in always:
            return "\\" + found
        if found == "_":
            index = match.start()
            intraword = (
                0 < index < len(middle) - 1
                and middle[index - 1].isalnum()
                and middle[index + 1].isalnum()
            )
            return "_" if intraword else "\\_"
        return _REPLACEMENTS[found]

    if pattern.search(middle):
        middle = pattern.sub(replace, middle)
    return prefix + middle + suffix


def _encode_lines(text: str) -> list[str]:
    """The Markdown lines of a text: one a line of text, blank lines kept."""
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        if line:
            out.append(_encode(line))
        elif 0 < index < len(lines) - 1 and lines[index - 1] and lines[index + 1]:
            out.append("")
        else:
            out.append(_EMPTY_LINE)
    return out


_DECODABLE = re.compile(
    r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
)


def _unescape_match(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] == "\\":
        return found[1]
    if found[1] == "#":
        # html.unescape would remap some code points (&#133; to "…");
        # the writer means the code point itself.
        digits = found[2:-1]
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        return chr(code) if code <= 0x10FFFF else found
    # An unknown entity name stays as written, as CommonMark leaves it.
    return html.unescape(found)


def _decode(text: str) -> str:
    """Undo `_encode`: backslash escapes and character references."""
    if "\\" not in text and "&" not in text:
        return text
    return _DECODABLE.sub(_unescape_match, text)


def _decode_line(line: str) -> str:
    return "" if line in ("", _EMPTY_LINE) else _decode(line)


def _find_unescaped(text: str, target: str, start: int) -> int:
    """The index of the first ``target`` in ``text`` not escaped by ``\\``."""
    index = start
    length = len(text)
    first = target[0]
    while index < length:
        character = text[index]
        if character == "\\":
            index += 2
            continue
        if character == first and text.startswith(target, index):
            return index
        index += 1
    return -1


# --------------------------------------------------------------------------
# Times


def _format_ms(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    shown = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{shown}.{millis:03d}" if millis else shown


def _format_span(start_ms: int | None, end_ms: int | None) -> str:
    start = "" if start_ms is None else _format_ms(start_ms)
    if end_ms is None:
        return f"[{start}]"
    return f"[{start}–{_format_ms(end_ms)}]"


_TIME = r"([0-9]{1,9}):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{3}))?"
_SPAN = re.compile(rf" \[(?:{_TIME})?(?:[–-]{_TIME})?\]")


def _ms(groups: Sequence[str | None]) -> int | None:
    hours, minutes, seconds, millis = groups
    if hours is None or minutes is None or seconds is None:
        return None
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(
        millis or 0
    )


# --------------------------------------------------------------------------
# The writer


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with strings it would fold written quoted."""

    def ignore_aliases(self, data: Any) -> bool:
        # The reader refuses anchors and aliases: never write them.
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML writes U+0085, U+2028 and U+2029 raw in plain and single-quoted
    # scalars, where YAML reads them as line breaks; double quotes escape them.
    risky = any(c in "\x85\u2028\u2029\ufeff" or not c.isprintable() for c in value)
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style='"' if risky else None
    )


_Dumper.add_representer(str, _represent_str)


@attrs.frozen(kw_only=True)
class _Layout:
    """Interview-wide defaults that spare the turns their comments."""

    unlabelled_speaker: str | None = None
    """Who speaks the turns written as bold paragraphs."""
    text_markers: bool = False
    """Whether a labelled turn's marker is ``"Label: "`` unless it says
    otherwise (``markers: text``); without it, markers are None."""

    def marker(self, label: str | None) -> str | None:
        """The marker a turn with ``label`` has unless its comment says."""
        return f"{label}: " if self.text_markers and label is not None else None


def _choose_layout(interview: Interview) -> _Layout:
    counts: dict[str, int] = {}
    text_markers = 0
    for turn in interview.turns:
        if _can_be_bold(turn):
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        if turn.label is not None:
            if turn.marker == f"{turn.label}: ":
                text_markers += 1
            elif turn.marker is None:
                text_markers -= 1
    unlabelled = None
    if counts:
        order = {speaker.id: index for index, speaker in enumerate(interview.speakers)}
        unlabelled = max(counts, key=lambda speaker: (counts[speaker], -order[speaker]))
    return _Layout(unlabelled_speaker=unlabelled, text_markers=text_markers > 0)


def _front_matter(interview: Interview, layout: _Layout) -> dict[str, Any]:
    metadata = interview.metadata
    matter: dict[str, Any] = {"interviewkit": VERSION}
    for key, value in (
        ("title", interview.title),
        ("source", metadata.source),
        ("url", metadata.url),
        ("date", metadata.date),
        ("language", metadata.language),
    ):
        if value is not None:
            matter[key] = value
    if metadata.extras:
        matter["extras"] = {
            key: value if isinstance(value, str) else list(value)
            for key, value in metadata.extras.items()
        }
    if interview.speakers:
        cast = []
        for speaker in interview.speakers:
            entry: dict[str, Any] = {"id": speaker.id, "name": speaker.name}
            if speaker.role is not None:
                entry["role"] = speaker.role.value
            if speaker.aliases:
                entry["aliases"] = list(speaker.aliases)
            cast.append(entry)
        matter["speakers"] = cast
    if layout.unlabelled_speaker is not None:
        matter["unlabelled_speaker"] = layout.unlabelled_speaker
    if layout.text_markers:
        matter["markers"] = "text"
    return matter


def _labels(speakers: Sequence[Speaker]) -> dict[str, list[str]]:
    """Which speaker ids each name or alias names."""
    named: dict[str, list[str]] = {}
    for speaker in speakers:
        for label in (speaker.name, *speaker.aliases):
            ids = named.setdefault(label, [])
            if speaker.id not in ids:
                ids.append(speaker.id)
    return named


def _can_be_bold(turn: Turn) -> bool:
    return (
        turn.label is None
        and turn.marker is None
        and turn.start_ms is None
        and turn.end_ms is None
        and turn.text != ""
        and all(turn.text.split("\n"))
    )


def _annotation(kind: str, fields: Mapping[str, Any] | None = None) -> str:
    if fields is None:
        return f"<!-- {kind} -->"
    data = json.dumps(fields, ensure_ascii=True, separators=(", ", ": "))
    # Inside a comment, "<", ">" and "&" could end it or read as markup.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- {kind} {data} -->"


def _write_turn(
    turn: Turn,
    *,
    names: Mapping[str, str],
    labels: Mapping[str, list[str]],
    layout: _Layout,
) -> list[str]:
    if turn.speaker == layout.unlabelled_speaker and _can_be_bold(turn):
        lines = [_encode(line) for line in turn.text.split("\n")]
        lines[0] = "**" + lines[0]
        if lines[-1].endswith(":"):
            # A colon before the closing ** would read as a label.
            lines[-1] = lines[-1][:-1] + "&#58;"
        lines[-1] += "**"
        return lines
    shown = turn.label if turn.label is not None else names[turn.speaker]
    fields: dict[str, Any] = {}
    if labels.get(shown) != [turn.speaker]:
        fields["speaker"] = turn.speaker
    if turn.label is None:
        fields["label"] = None
    if turn.marker != layout.marker(turn.label):
        fields["marker"] = turn.marker
    head = f"**{_encode(shown)}:**"
    if turn.start_ms is not None or turn.end_ms is not None:
        head += " " + _format_span(turn.start_ms, turn.end_ms)
    lines = _encode_lines(turn.text) if turn.text else []
    if lines:
        if lines[0].startswith("["):
            # A bracket right after the label would read as a time.
            lines[0] = "\\" + lines[0]
        head += " " + lines[0]
        lines[0] = head
    else:
        lines = [head]
    if fields:
        return [_annotation("turn", fields), "", *lines]
    return lines


def _write_destination(image: str) -> str:
    if all(c.isascii() and (c.isalnum() or c in "-._~:/?#@!$'*+,;=%") for c in image):
        return image
    escaped = _encode(image, line_start=False)
    escaped = escaped.replace("<", "\\<").replace(">", "\\>")
    return f"<{escaped}>"


def _write_caption(caption: ImageCaption) -> list[str]:
    if caption.image is not None:
        alt = _encode(caption.caption or "", line_start=False, always="[]")
        lines = [f"![{alt}]({_write_destination(caption.image)})"]
    else:
        lines = [_annotation("caption")]
    if caption.caption is not None:
        lines += ["", *_encode_lines(caption.caption)]
    if caption.credit is not None:
        credit = _encode_lines(caption.credit)
        credit[0] = "_" + credit[0]
        credit[-1] += "_"
        lines += ["", *credit]
    return lines


def _write_prose(prose: Prose) -> list[str]:
    return [_annotation(f"prose: {prose.kind.value}"), "", *_encode_lines(prose.text)]


def _heading(title: str) -> str:
    return "# " + _encode(title, always="#")


def dumps(interview: Interview) -> str:
    """Write an interview as Markdown with YAML front matter.

    Args:
        interview: The interview.

    Example:
        >>> from interviewkit import Speaker, Turn
        >>> iv = Interview(
        ...     title="Two lines",
        ...     speakers=(Speaker(id="q", name="Q"), Speaker(id="a", name="A")),
        ...     body=(Turn(speaker="q", text="Why *this*?", label="Q"),
        ...           Turn(speaker="a", text="Because.", label="A")),
        ... )
        >>> print(dumps(iv))
        ---
        interviewkit: 1
        title: Two lines
        speakers:
        - id: q
          name: Q
        - id: a
          name: A
        ---
        <BLANKLINE>
        # Two lines
        <BLANKLINE>
        **Q:** Why \\*this\\*?
        <BLANKLINE>
        **A:** Because.
        <BLANKLINE>

    """
    layout = _choose_layout(interview)
    matter = yaml.dump(
        _front_matter(interview, layout),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=float("inf"),
    )
    parts = [f"---\n{matter}---\n"]
    if interview.title is not None:
        parts.append(_heading(interview.title) + "\n")
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    labels = _labels(interview.speakers)
    for block in interview.body:
        if type(block) is Turn:
            lines = _write_turn(block, names=names, labels=labels, layout=layout)
        elif type(block) is ImageCaption:
            lines = _write_caption(block)
        else:
            assert type(block) is Prose
            lines = _write_prose(block)
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------
# Reading: the document, its front matter and its block structure


def _fail(
    message: str, *, line: int | None = None, column: int | None = None
) -> NoReturn:
    raise ParseError(message, format=_NAME, line=line, column=column)


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


@attrs.frozen
class _FrontMatter:
    """The front matter's YAML, parsed with the position of every node."""

    loader: yaml.SafeLoader
    node: yaml.MappingNode | None
    first_line: int
    """The 1-based document line of the YAML's first line."""

    def position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def fail(self, message: str, node: yaml.Node) -> NoReturn:
        line, column = self.position(node)
        _fail(message, line=line, column=column)

    def value(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.fail(f"front matter: {getattr(error, 'problem', None) or error}", node)

    def pairs(self) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        if self.node is None:
            return
        seen: set[str] = set()
        for key_node, value_node in self.node.value:
            key = self.value(key_node)
            if not isinstance(key, str):
                self.fail(f"front matter keys must be strings, not {key!r}", key_node)
            if key in seen:
                self.fail(f"front matter key {key!r} is given twice", key_node)
            seen.add(key)
            yield key, key_node, value_node

    def names(self) -> set[str]:
        return {key for key, _, _ in self.pairs()}

    def string(self, node: yaml.Node, what: str) -> str:
        value = self.value(node)
        if not isinstance(value, str):
            self.fail(f"{what} must be a string, not {_yaml_type(value)}", node)
        return value

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(f"{what} must be a list of strings", node)
        return tuple(self.string(item, what) for item in node.value)

    def mapping(
        self, node: yaml.Node, what: str
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(f"{what} must be a mapping", node)
        inner = _FrontMatter(self.loader, node, self.first_line)
        return list(inner.pairs())


def _yaml_type(value: object) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def _mark_position(mark: Any, first_line: int) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + first_line, mark.column + 1


def _parse_yaml(text: str, *, first_line: int) -> _FrontMatter:
    try:
        loader = yaml.SafeLoader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        line, column = _mark_position(
            error.problem_mark or error.context_mark, first_line
        )
        problem = error.problem or error.context or "invalid YAML"
        _fail(f"front matter is not valid YAML: {problem}", line=line, column=column)
    except yaml.reader.ReaderError as error:
        character = error.character
        if isinstance(character, int):
            character = chr(character)
        before = text[: error.position]
        line = before.count("\n") + first_line
        column = error.position - (before.rfind("\n") + 1) + 1
        _fail(
            f"front matter is not valid YAML: character {character!r} is not allowed",
            line=line,
            column=column,
        )
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks its errors
        _fail(f"front matter is not valid YAML: {error}", line=first_line, column=1)
    matter = _FrontMatter(loader, None, first_line)
    if node is not None and not isinstance(node, yaml.MappingNode):
        matter.fail("front matter must be a mapping of keys to values", node)
    # An alias repeats a node; a few of them nested make the data exponential.
    seen: set[int] = set()
    pending: list[yaml.Node] = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if id(current) in seen:
            matter.fail(
                "front matter anchors and aliases (&name, *name) are not supported",
                current,
            )
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                pending.extend((key_node, value_node))
    return _FrontMatter(loader, node, first_line)


def _split(text: str) -> tuple[list[str], _FrontMatter | None, int]:
    """The document's lines, its front matter, and the index of the body."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip(" \t") != "---":
        return lines, None, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in ("---", "..."):
            matter = _parse_yaml("\n".join(lines[1:index]), first_line=2)
            return lines, matter, index + 1
    _fail("the front matter opened on line 1 is never closed by ---", line=1, column=1)


# --------------------------------------------------------------------------
# Reading the layout the writer writes

_OWN_KEYS = frozenset(
    {
        "interviewkit",
        "title",
        "source",
        "url",
        "date",
        "language",
        "extras",
        "speakers",
        "unlabelled_speaker",
        "markers",
    }
)
_SPEAKER_KEYS = frozenset({"id", "name", "role", "aliases"})
_COMMENT = re.compile(r"<!-- (turn|caption|prose: ([a-z_]+)|turn (.*)) -->")


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
    matter: _FrontMatter,
) -> tuple[str | None, Metadata, tuple[Speaker, ...], _Layout]:
    title: str | None = None
    text_markers = False
    fields: dict[str, Any] = {}
    speakers: list[Speaker] = []
    unlabelled: str | None = None
    unlabelled_node: yaml.Node | None = None
    speakers_node: yaml.Node | None = None
    for key, key_node, node in matter.pairs():
        if key not in _OWN_KEYS:
            known = ", ".join(sorted(_OWN_KEYS))
            matter.fail(
                f"unknown front matter key {key!r}; known keys: {known}", key_node
            )
        if key == "interviewkit":
            version = matter.value(node)
            if version != VERSION or type(version) is not int:
                matter.fail(
                    f"unsupported layout version {version!r}; "
                    f"this release reads {VERSION}",
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
        elif key == "markers":
            if matter.value(node) != "text":
                matter.fail('markers can only be "text"', node)
            text_markers = True
        else:
            unlabelled = matter.string(node, "unlabelled_speaker")
            unlabelled_node = node
    try:
        metadata = Metadata(**fields)
    except ValidationError as error:
        line, column = (matter.first_line, 1)
        _fail(error.message, line=line, column=column)
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
    layout = _Layout(unlabelled_speaker=unlabelled, text_markers=text_markers)
    return title, metadata, tuple(speakers), layout


def _own_speaker(matter: _FrontMatter, node: yaml.Node) -> Speaker:
    fields: dict[str, Any] = {}
    for key, key_node, value_node in matter.mapping(node, "a speaker"):
        if key not in _SPEAKER_KEYS:
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


def _own_document(
    lines: list[str],
    matter: _FrontMatter,
    body: int,
) -> Interview:
    title, metadata, speakers, layout = _own_front_matter(matter)
    labels = _labels(speakers)
    cast = {speaker.id for speaker in speakers}
    headers: list[_Header] = []
    pending: dict[str, Any] | None = None
    pending_line = 0
    for position, item in enumerate(_items(lines, body)):
        line_no = item.start + 1
        if item.kind == "heading" and position == 0 and item.tag == "h1":
            if title is None or lines[item.start] != _heading(title):
                _fail(
                    "the heading does not match the title in the front matter",
                    line=line_no,
                    column=1,
                )
            continue
        if pending is not None and not (
            item.kind == "paragraph" and lines[item.start].startswith("**")
        ):
            _fail(
                "a turn comment must come right before its turn",
                line=pending_line,
                column=1,
            )
        if item.kind == "html":
            match = _COMMENT.fullmatch(lines[item.start])
            if match is None or item.end - item.start != 1:
                _fail(
                    "expected <!-- prose: KIND -->, <!-- caption --> "
                    "or <!-- turn {...} -->",
                    line=line_no,
                    column=1,
                )
            if match.group(3) is not None:
                pending = _own_annotation(match.group(3), line=line_no, cast=cast)
                pending_line = line_no
            elif match.group(1) == "caption":
                headers.append(_Header("bare-caption", item.start))
            elif match.group(2) is not None:
                try:
                    kind = ProseKind(match.group(2))
                except ValueError:
                    known = ", ".join(kind.value for kind in ProseKind)
                    _fail(
                        f"unknown prose kind {match.group(2)!r}; known kinds: {known}",
                        line=line_no,
                        column=13,
                    )
                headers.append(_Header("prose", item.start, prose_kind=kind))
            else:
                _fail(
                    "a turn comment needs its fields: <!-- turn {...} -->",
                    line=line_no,
                    column=1,
                )
            continue
        if item.kind != "paragraph":
            what = item.kind.replace("_", " ")
            _fail(
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
            _fail(
                "text before the first block: a block starts with **Label:**, an image "
                "or a comment",
                line=line_no,
                column=1,
            )
        headers[-1].paragraphs.append((item.start, item.end))
    if pending is not None:
        _fail(
            "a turn comment must come right before its turn",
            line=pending_line,
            column=1,
        )
    body_blocks: list[Block] = []
    for header in headers:
        try:
            body_blocks.append(
                _own_block(
                    header,
                    lines,
                    labels=labels,
                    layout=layout,
                )
            )
        except ValidationError as error:
            _fail(error.message, line=header.line + 1, column=1)
    try:
        return Interview(
            title=title, metadata=metadata, speakers=speakers, body=tuple(body_blocks)
        )
    except ValidationError as error:  # pragma: no cover - checked block by block
        _fail(error.message)


def _own_annotation(data: str, *, line: int, cast: set[str]) -> dict[str, Any]:
    try:
        fields = json.loads(data)
    except json.JSONDecodeError as error:
        _fail(
            f"the turn comment is not a JSON object: {error.msg.lower()}",
            line=line,
            column=len("<!-- turn ") + error.colno,
        )
    if not isinstance(fields, dict) or set(fields) - {"speaker", "label", "marker"}:
        _fail(
            'a turn comment holds only "speaker", "label": null and "marker"',
            line=line,
            column=11,
        )
    if "label" in fields and fields["label"] is not None:
        _fail('a turn comment can only say "label": null', line=line, column=11)
    if "marker" in fields and not isinstance(fields["marker"], (str, type(None))):
        _fail("a turn's marker is a string or null", line=line, column=11)
    speaker = fields.get("speaker")
    if "speaker" in fields and (not isinstance(speaker, str) or speaker not in cast):
        _fail(f"speaker {speaker!r} is not in the cast", line=line, column=11)
    return fields


def _paragraph_lines(
    lines: list[str], paragraphs: Sequence[tuple[int, int]]
) -> list[str]:
    """The text lines of paragraphs, one empty line between two."""
    out: list[str] = []
    for start, end in paragraphs:
        if out:
            out.append("")
        out.extend(_decode_line(line) for line in lines[start:end])
    return out


def _own_block(
    header: _Header,
    lines: list[str],
    *,
    labels: Mapping[str, list[str]],
    layout: _Layout,
) -> Block:
    line_no = header.line + 1
    if header.kind == "prose":
        if not header.paragraphs:
            _fail(
                "a prose comment must be followed by its text", line=line_no, column=1
            )
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
    layout: _Layout,
) -> Turn:
    start, end = header.paragraphs[0]
    first = lines[start]
    line_no = start + 1
    close, colon = _scan_label(first)
    annotation = header.annotation or {}
    if not colon:
        # A bold paragraph: an unlabelled turn by the unlabelled speaker.
        joined = "\n".join(lines[start:end])
        close = _find_unescaped(joined, "**", 2)
        if close != len(joined) - 2 or len(header.paragraphs) > 1 or len(joined) < 5:
            _fail(
                "a turn starts with **Label:**, or is one bold paragraph",
                line=line_no,
                column=1,
            )
        unlabelled = layout.unlabelled_speaker
        if unlabelled is None or annotation:
            _fail(
                "a bold paragraph is a turn by the unlabelled_speaker "
                "of the front matter,"
                " which is not given",
                line=line_no,
                column=1,
            )
        text = "\n".join(_decode_line(line) for line in joined[2:-2].split("\n"))
        return Turn(speaker=unlabelled, text=text)
    shown = _decode(first[2 : close - 1])
    rest = first[close + 2 :]
    start_ms = end_ms = None
    span = _SPAN.match(rest)
    if span is not None and (span.group(1) is not None or span.group(5) is not None):
        start_ms, end_ms = _ms(span.groups()[:4]), _ms(span.groups()[4:])
        rest = rest[span.end() :]
    if rest and not rest.startswith(" "):
        _fail(
            "expected a space after the label",
            line=line_no,
            column=len(first) - len(rest) + 1,
        )
    text_lines = [_decode_line(rest[1:])] if rest else []
    text_lines += [_decode_line(line) for line in lines[start + 1 : end]]
    more = _paragraph_lines(lines, header.paragraphs[1:])
    if more:
        text_lines += ["", *more] if text_lines else more
    speaker = annotation.get("speaker")
    if speaker is None:
        named = labels.get(shown, [])
        if len(named) != 1:
            who = "no speaker" if not named else "several speakers"
            _fail(
                f"the label {shown!r} names {who} of the cast", line=line_no, column=3
            )
        speaker = named[0]
    label = None if "label" in annotation else shown
    marker = annotation["marker"] if "marker" in annotation else layout.marker(label)
    return Turn(
        speaker=speaker,
        text="\n".join(text_lines),
        label=label,
        start_ms=start_ms,
        end_ms=end_ms,
        marker=marker,
    )


def _parse_image_line(line: str, *, line_no: int) -> str:
    close = _find_unescaped(line, "]", 2)
    if close == -1 or not line.startswith("(", close + 1) or not line.endswith(")"):
        _fail("expected an image line ![caption](image)", line=line_no, column=1)
    destination = line[close + 2 : -1]
    if destination.startswith("<"):
        end = _find_unescaped(destination, ">", 1)
        if end != len(destination) - 1:
            _fail("expected > to close the image name", line=line_no, column=close + 3)
        return _decode(destination[1:-1])
    if not destination or any(c in destination for c in " ()<>\\"):
        _fail(
            "an image name with spaces or brackets goes between < and >",
            line=line_no,
            column=close + 3,
        )
    return destination


def _own_caption(header: _Header, lines: list[str]) -> ImageCaption:
    paragraphs = list(header.paragraphs)
    image = None
    if header.kind == "caption":
        start, end = paragraphs.pop(0)
        if end - start != 1:
            _fail(
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
        if _find_unescaped(last, "_", len(last) - 1) != len(last) - 1 or raw == ["_"]:
            _fail(
                "a credit ends with _",
                line=paragraphs[-1][1] - 1 + 1,
                column=len(last),
            )
        raw[0] = raw[0][1:]
        raw[-1] = raw[-1][:-1]
        credit = "\n".join(_decode_line(line) for line in raw)
    return ImageCaption(
        image=image,
        caption="\n".join(caption_lines) if caption_lines else None,
        credit=credit,
    )


# --------------------------------------------------------------------------
# Reading Markdown as people write it: the paragraphs and what marks them

_inline_parser = MarkdownIt("commonmark")

# The clock that `parse_time` reads, bracketed, in parentheses or bare.
_CLOCK = r"[0-9]{1,3}(?::[0-5][0-9])?:[0-5][0-9](?:[.,][0-9]{1,3})?"
_TIMESTAMP = re.compile(rf"[ \t]*(?:\[({_CLOCK})\]|\(({_CLOCK})\)|({_CLOCK}))[ \t]*")


def _timestamp_ms(match: re.Match[str]) -> int:
    """The milliseconds of a `_TIMESTAMP` match."""
    clock = next(group for group in match.groups() if group is not None)
    millis = parse_time(clock)
    assert millis is not None, "_CLOCK matches what parse_time reads"
    return millis


@attrs.frozen(kw_only=True)
class _Piece:
    """A paragraph of human-written Markdown and what its markup says."""

    text: str
    """The text as plain text: markup gone, escapes undone."""
    line: int
    """The 1-based line where it starts."""
    style: str
    """``plain``; ``labelled`` (a bold label); ``strong`` or ``em`` (all
    bold or all italic); ``heading1`` to ``heading6``; ``image`` (an image
    line); ``quote``; ``list``; ``code``; ``html``."""
    label: str | None = None
    start_ms: int | None = None
    image: str | None = None
    alt: str | None = None


def _plain(children: Sequence[Any]) -> str:
    """The text of inline tokens, without their markup."""
    out: list[str] = []
    links: list[tuple[int, str]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            out.append(child.content)
        elif kind == "link_open":
            links.append((len(out), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and links:
            start, href = links.pop()
            shown = "".join(out[start:])
            if (
                href
                and href not in (shown, "mailto:" + shown)
                and not href.startswith("#")
            ):
                out.append(f" ({href})")
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


def _looks_like_label(label: str) -> bool:
    """Whether bold or italic ``label`` names a speaker, by the shared rules.

    Markup is evidence enough for a Mixed Case name, so any shape but "not a
    label" counts (``**Editor's note:**`` and ``**RELATED:**`` are not).
    """
    label = label.strip()
    if label.endswith(")") and " (" in label:
        label = label[: label.rfind(" (")]  # "Adam Jonas (AJ)"
    return label_shape(label) > 0


def _paragraph_piece(children: Sequence[Any], line: int) -> _Piece:
    tokens = _strip_empty(children)
    start_ms = None
    if tokens and tokens[0].type == "text":
        # A timestamp before the label: "\[00:04:08\] **HOST:** ..."
        stamp = _TIMESTAMP.match(tokens[0].content)
        if (
            stamp is not None
            and len(tokens) > 1
            and stamp.end() == len(tokens[0].content)
            and tokens[1].type in ("strong_open", "em_open")
        ):
            start_ms = _timestamp_ms(stamp)
            tokens = tokens[1:]
    if tokens and tokens[0].type == "image":
        image = tokens[0]
        rest = _plain(tokens[1:]).strip()
        return _Piece(
            text=rest,
            line=line,
            style="image",
            image=str(image.attrs.get("src", "")),
            alt=image.content,
        )
    if tokens and tokens[0].type in ("strong_open", "em_open"):
        close = _closing(tokens, 0)
        inner = _plain(tokens[1:close]).strip()
        after = tokens[close + 1 :]
        rest = _plain(after)
        label: str | None = None
        if inner.endswith(":") and _looks_like_label(inner[:-1]):
            label = inner[:-1].strip()
        elif rest.startswith(":") and _looks_like_label(inner):
            label, rest = inner, rest[1:]
        elif after and _looks_like_label(inner):
            # A name, then a time, on a line of its own: transcription tools.
            first_line, _, below = rest.partition("\n")
            stamp = _TIMESTAMP.fullmatch(first_line)
            if stamp is not None:
                label, rest, start_ms = inner, below, _timestamp_ms(stamp)
            elif first_line == "":
                label, rest = inner, below
        if label is not None:
            stamp = _TIMESTAMP.match(rest)
            if stamp is not None and start_ms is None:
                start_ms = _timestamp_ms(stamp)
                rest = rest[stamp.end() :]
            return _Piece(
                text=rest.strip(),
                line=line,
                style="labelled",
                label=label,
                start_ms=start_ms,
            )
        if not after:
            style = "strong" if tokens[0].type == "strong_open" else "em"
            return _Piece(text=inner, line=line, style=style)
    return _Piece(text=_plain(children).strip(), line=line, style="plain")


def _human_pieces(lines: Sequence[str], body: int) -> list[_Piece]:
    """The paragraphs of a human-written Markdown body, top to bottom."""
    tokens = _inline_parser.parse("\n".join(lines[body:]))
    pieces: list[_Piece] = []
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
            pieces.append(_Piece(text=text, line=line, style=f"heading{level}"))
        elif token.type in ("fence", "code_block", "html_block"):
            text = token.content.rstrip("\n")
            comment = (
                token.type == "html_block"
                and text.startswith("<!--")
                and text.endswith("-->")
                and text.count("-->") == 1
            )
            if text.strip() and not comment:
                style = "html" if token.type == "html_block" else "code"
                pieces.append(_Piece(text=text, line=line, style=style))
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
                    parts.append(inline.content.rstrip("\n"))
            text = "\n".join(part for part in parts if part)
            if text:
                style = "quote" if token.type == "blockquote_open" else "list"
                pieces.append(_Piece(text=text, line=line, style=style))
        index = end + 1
    return pieces


_METADATA_KEYS = {
    "source": "source",
    "url": "url",
    "date": "date",
    "language": "language",
    "lang": "language",
    "link": "url",
    "permalink": "url",
}


def _extra_value(value: Any) -> str | tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        if all(not isinstance(item, (list, tuple, dict)) for item in value):
            return tuple(_scalar_text(item) for item in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


_CAST_ROLES = {"interviewer": Role.INTERVIEWER, "interviewee": Role.INTERVIEWEE}


@attrs.frozen
class _Cast:
    """Who the front matter says takes part."""

    entries: tuple[CastEntry, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=dict)
    """Speaker names by the other labels they go by (their aliases)."""


def _front_matter_cast(matter: _FrontMatter, key: str, node: yaml.Node) -> _Cast:
    """``interviewer``/``interviewee`` names, or a ``speakers`` list."""
    if key in _CAST_ROLES:
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        names = tuple(matter.string(name_node, key) for name_node in nodes)
        for name, name_node in zip(names, nodes, strict=True):
            if not name.strip():
                matter.fail(f"{key} names must not be blank", name_node)
        return _Cast(
            tuple(CastEntry(name=name, role=_CAST_ROLES[key]) for name in names)
        )
    if not isinstance(node, yaml.SequenceNode):
        matter.fail(
            "speakers must be a list of names or of {name, role, aliases}", node
        )
    entries: list[CastEntry] = []
    aliases: dict[str, str] = {}
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            name = matter.string(item, "a speaker's name")
            if not name.strip():
                matter.fail("a speaker's name must not be blank", item)
            entries.append(CastEntry(name=name))
            continue
        fields: dict[str, Any] = {}
        for field, key_node, value_node in matter.mapping(item, "a speaker"):
            if field not in _SPEAKER_KEYS:
                known = ", ".join(sorted(_SPEAKER_KEYS))
                matter.fail(
                    f"unknown speaker key {field!r}; known keys: {known}", key_node
                )
            if field == "aliases":
                fields[field] = matter.strings(value_node, "aliases")
            else:
                fields[field] = (matter.string(value_node, field), value_node)
        if "name" not in fields:
            matter.fail("a speaker needs a name", item)
        name, name_node = fields["name"]
        if not name.strip():
            matter.fail("a speaker's name must not be blank", name_node)
        role: Role | None = None
        if "role" in fields:
            role_name, role_node = fields["role"]
            try:
                role = Role(role_name)
            except ValueError:
                known = ", ".join(member.value for member in Role)
                matter.fail(
                    f"unknown role {role_name!r}; known roles: {known}", role_node
                )
        entries.append(CastEntry(name=name, role=role, final=role is not None))
        for alias in fields.get("aliases", ()):
            aliases.setdefault(alias, name)
    return _Cast(tuple(entries), aliases)


def _human_front_matter(
    matter: _FrontMatter | None,
) -> tuple[str | None, Metadata, _Cast]:
    """Title, metadata and cast from a blog's front matter.

    Keys other than the title, the metadata fields and the cast go to extras.
    """
    if matter is None:
        return None, Metadata(), _Cast()
    title: str | None = None
    fields: dict[str, str] = {}
    extras: dict[str, str | tuple[str, ...]] = {}
    cast = _Cast()
    for key, _, node in matter.pairs():
        value = matter.value(node)
        if value is None or value == "" or value == []:
            continue
        if key in ("speakers", *_CAST_ROLES):
            found = _front_matter_cast(matter, key, node)
            cast = _Cast((*cast.entries, *found.entries), {**found.names, **cast.names})
        elif key == "title" and not isinstance(value, (list, dict)):
            title = _scalar_text(value)
        elif key in _METADATA_KEYS and not isinstance(value, (list, dict)):
            fields[_METADATA_KEYS[key]] = _scalar_text(value)
        elif isinstance(value, dict):
            # Nested keys, as in "author: {name: ..., url: ...}", are flattened.
            for inner, item in value.items():
                extras[f"{key}.{inner}"] = _extra_value(item)
        else:
            extras[key] = _extra_value(value)
    try:
        metadata = Metadata(**fields, extras=extras)
        if title is not None and not title.strip():
            title = None
    except ValidationError as error:
        _fail(f"front matter: {error.message}", line=matter.first_line, column=1)
    return title, metadata, cast


_PLAIN_LABEL_END = 62


def _plain_label(text: str) -> tuple[str, str, int, str] | None:
    """A ``NAME: text`` label at the start of a plain paragraph.

    Returns the label, the text after it, how surely it is a label (1 or 2,
    from `label_shape`) and the marker as written.
    """
    colon = text.find(":", 0, _PLAIN_LABEL_END)
    if colon <= 0 or "\n" in text[:colon]:
        return None
    label = text[:colon]
    shape = label_shape(label)
    if not shape:
        return None
    after = colon + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return label, text[after:], shape, text[:after]


def _looks_like_a_name(text: str) -> bool:
    shape = label_shape(text)
    return shape == 2 or (shape == 1 and len(text.split(" ")) <= 4)


def _asks(text: str) -> bool:
    return text.rstrip(" \"'”’)*_").endswith("?")


def _image_caption(
    piece: _Piece, following: _Piece | None
) -> tuple[ImageCaption | None, bool]:
    """The caption of an image line, and whether it took the next paragraph."""
    lines = [line.strip() for line in piece.text.split("\n") if line.strip()]
    took_next = False
    if not lines and following is not None and following.style in ("em", "plain"):
        candidate = [line.strip() for line in following.text.split("\n")]
        if following.style == "em" or caption_from_lines(candidate) is not None:
            lines, took_next = candidate, True
    found = caption_from_lines(lines) if lines else None
    if found is not None and found.image is None:
        caption, credit = found.caption, found.credit
    else:
        caption, credit = ("\n".join(lines) or None), None
    if caption is None and credit is None and piece.alt and piece.alt.strip():
        caption = piece.alt
    image = piece.image if piece.image and piece.image.strip() else None
    if image is None and caption is None and credit is None:
        return None, took_next  # ![]() says nothing
    return ImageCaption(image=image, caption=caption, credit=credit), took_next


def _human_paragraphs(pieces: Sequence[_Piece]) -> tuple[str | None, list[Paragraph]]:
    """The title the body gives, and the paragraphs for `resolve`."""
    title: str | None = None
    paragraphs: list[Paragraph] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        index += 1
        style = piece.style
        text = piece.text
        if not text.strip() and style not in ("image", "labelled"):
            continue  # white space only: nothing to keep
        if style == "heading1" and title is None and not paragraphs:
            title = text
            continue
        if style.startswith("heading"):
            if _asks(text):
                paragraphs.append(Paragraph(text=text, line=piece.line, question=True))
            else:
                block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
                paragraphs.append(Paragraph(text=text, line=piece.line, block=block))
            continue
        label, start_ms = piece.label, piece.start_ms
        if style in ("strong", "em") and _looks_like_a_name(text):
            # A name alone in bold, the speech in the paragraphs below.
            label, text = text, ""
        if label is not None:
            if not text and following is not None and following.style == "plain":
                text = following.text
                index += 1
            paragraphs.append(
                Paragraph(text=text, line=piece.line, label=label, start_ms=start_ms)
            )
            continue
        if style == "image":
            caption, took_next = _image_caption(piece, following)
            index += took_next
            if caption is not None:
                paragraphs.append(Paragraph(text="", line=piece.line, block=caption))
            continue
        if style == "strong" or (style == "em" and _asks(text)):
            paragraphs.append(Paragraph(text=text, line=piece.line, question=True))
            continue
        if style == "em":
            paragraphs.append(Paragraph(text=text, line=piece.line, aside=True))
            continue
        if style == "quote":
            block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
            paragraphs.append(Paragraph(text=text, line=piece.line, block=block))
            continue
        if style == "list":
            items = [line.lstrip(" ").partition(" ")[2] for line in text.split("\n")]
            previous = paragraphs[-1] if paragraphs else None
            cast = None
            if (
                previous is not None
                and previous.label is None
                and previous.block is None
            ):
                cast = parse_cast([previous.text, *items])
                if cast is not None:
                    # "Participants:" and the list under it: one cast list.
                    paragraphs[-1] = attrs.evolve(
                        previous, text=f"{previous.text}\n{text}", cast=cast
                    )
                    continue
            cast = parse_cast(items)
            if cast is not None:
                paragraphs.append(Paragraph(text=text, line=piece.line, cast=cast))
                continue
        if style in ("code", "html", "list"):
            paragraphs.append(Paragraph(text=text, line=piece.line, verbatim=True))
            continue
        found_time = _TIMESTAMP.match(text)
        stamp = ""
        if found_time is not None and found_time.end() < len(text):
            # The time becomes start_ms; as written, it stays in the marker.
            stamp, text = text[: found_time.end()], text[found_time.end() :]
            start_ms = _timestamp_ms(found_time)
        plain_label = _plain_label(text)
        if plain_label is not None:
            label, rest, shape, written = plain_label
            paragraphs.append(
                Paragraph(
                    text=rest,
                    line=piece.line,
                    label=label,
                    tentative=shape < 2,
                    marker=stamp + written,
                    start_ms=start_ms,
                )
            )
            continue
        paragraphs.append(
            Paragraph(
                text=text, line=piece.line, start_ms=start_ms, marker=stamp or None
            )
        )
    return title, paragraphs


def _human_document(
    lines: list[str], matter: _FrontMatter | None, body: int, options: ReadingOptions
) -> Interview:
    title, metadata, cast = _human_front_matter(matter)
    body_title, paragraphs = _human_paragraphs(_human_pieces(lines, body))
    if cast.entries:
        paragraphs.insert(0, Paragraph(text="", cast=cast.entries))
        options = attrs.evolve(options, names={**cast.names, **options.names})
    if title is None:
        title = body_title
    elif body_title is not None and body_title != title:
        # Both a front matter title and a different heading: keep the heading.
        paragraphs.insert(0, Paragraph(text=body_title, block=Prose(text=body_title)))
    speakers, blocks = resolve(paragraphs, options)
    try:
        return Interview(title=title, metadata=metadata, speakers=speakers, body=blocks)
    except ValidationError as error:  # pragma: no cover - a reader bug
        _fail(error.message)


def loads(
    text: str,
    *,
    interviewer: str | Sequence[str] | None = None,
    interviewee: str | Sequence[str] | None = None,
    roles: Mapping[str, Role | str] | None = None,
    names: Mapping[str, str] | None = None,
    infer_questions: bool = True,
) -> Interview:
    """Read an interview from Markdown.

    A document whose front matter has an ``interviewkit`` key is read as
    the layout `dumps` writes, exactly; the options do not apply to it.

    Any other document is read as people write interviews in Markdown, by
    the rules the plain-text reader uses for labels, aliases, roles,
    captions and prose, with what the markup says besides:

    - ``**Name:** text``, ``**Name**: text``, ``__Name:__``, ``*Name:*``,
      ``**Q:**``/``**A:**``: a turn labelled ``Name``; a label alone in its
      paragraph takes the paragraph below as its speech. ``NAME: text``
      without markup is a label too, where the text reader would take it.
    - A name in bold with a time after it, ``**Jane Doe** 00:01:23`` (or
      ``[00:01:23]``, ``(00:01:23)``), then the speech on the next line or
      in the next paragraph: a turn with its start time, as transcription
      tools export them. A time before the label, ``\\[00:04:08\\] **HOST:**
      text``, is the start time too.
    - A paragraph all in bold, an italic one that asks (ends in ``?``), or a
      ``##`` heading that asks: an unlabelled question by the interviewer;
      the plain paragraph after it is the answer. Other headings are prose.
    - An image, ``![alt](src)``, with the caption and credit on the lines
      under it or in an italic paragraph below: an `ImageCaption` (the alt
      text is the caption when nothing else is).
    - The first ``#`` heading is the title unless the front matter has one;
      a blog's front matter gives ``title``, ``date``, ``source``, ``url``
      and ``language`` (or ``lang``); ``interviewer`` and ``interviewee``
      (a name or a list) and ``speakers`` (names, or ``{name, role,
      aliases}``) name the cast; every other key (``author``, ``tags``,
      ...) goes to `Metadata.extras`, nested keys as ``author.name``.
    - Quotes, lists, code and notes, links and closing lines after the talk
      are kept as prose or as part of the turn they belong to; thematic
      breaks and HTML comments are left out.

    Inline markup becomes plain text: emphasis marks go, a link keeps its
    text and its address (``text (https://...)``), escapes are undone.
    `Turn.marker` is None for labels found by markup, and what was written
    (``"NAME: "``) for a plain label.

    Args:
        text: The document.
        interviewer: The name (or label) of the interviewer, or several; they
            ask the unlabelled questions.
        interviewee: The name (or label) of the interviewee, or several.
        roles: Roles by speaker name or label: ``{"Collider": "interviewer"}``.
        names: Speaker names by label: ``{"DS": "Darren Star"}``.
        infer_questions: Read an unlabelled paragraph between two answers by
            the same speaker as a question (True), or as part of the answer
            before it (False).

    Raises:
        ParseError: With the line and column of the problem: front matter
            that is not YAML or not a mapping, and anything in a document of
            the writer's layout that the layout does not allow.

    Example:
        >>> iv = loads("**Why Paris?**\\n\\nBecause.\\n\\n**STAR:** And Rome.\\n")
        >>> [(turn.speaker, turn.label, turn.text) for turn in iv.turns]
        [('interviewer', None, 'Why Paris?'), ('star', None, 'Because.'), \
('star', 'STAR', 'And Rome.')]

    """
    options = options_from(
        interviewer=interviewer,
        interviewee=interviewee,
        roles=roles,
        names=names,
        infer_questions=infer_questions,
    )
    lines, matter, body = _split(text)
    if matter is not None and "interviewkit" in matter.names():
        return _own_document(lines, matter, body)
    return _human_document(lines, matter, body, options)


FORMAT = Format(
    name=_NAME,
    suffixes=(".md", ".markdown"),
    loads=loads,
    dumps=dumps,
    description="Markdown with YAML front matter, for people and sites",
)
