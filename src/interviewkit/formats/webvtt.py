"""WebVTT (``.vtt``): captions and transcripts with voices.

Reading
-------
Each cue becomes a `Cue` of a turn, and consecutive cues of one speaker are
one turn. The speaker comes from the cue's voice, ``<v Name>`` (with or
without ``</v>``, with classes as in ``<v.loud Name>``); a cue without a
voice continues the speaker before it, as Podcasting 2.0 asks. A cue with
several voices is one cue a voice, with the same times. In a file with no
voices, ``Name: text`` at the start of the cues is the label (Zoom writes
one on every cue, and then any display name is a label, ``kev`` or
``Tullio | Erigon``); otherwise the reading engine's label rules decide.

Kept: cue identifiers (MS Teams ``uuid/12-0`` among them), settings
(``align:start``), times in every form (``00:05.320``, ``00:00:05.320``,
the short ``0:0:5.32``), the title after ``WEBVTT``, the ``Language:``
header as `Metadata.language`, other header lines, ``STYLE`` and
``REGION`` blocks (in `Metadata.extras` under ``webvtt:header``,
``webvtt:style`` and ``webvtt:region``), and ``NOTE`` blocks as `Prose` at
their place. Dropped, and said here: the classes of voices and the styling
tags inside cue text (``<i>``, ``<b>``, ``<c.yellow>``, ``<ruby>``, inline
time stamps); their text stays. Character references (``&amp;``) are
decoded.

Broken files are repaired and reported with their line (a `ReadWarning`,
a `ParseError` under ``strict=True``): a missing ``WEBVTT`` line, a timing
line that does not read, a cue that ends before it starts, a missing blank
line between cues, text with no timing line. No cue is dropped.

Writing
-------
``WEBVTT`` (with the title), the language and the kept header lines and
blocks, then each turn's cues with ``<v Name>`` on the first cue of each
turn (``voice="every"``: on every cue; ``"none"``: never), their ids,
times and settings. A turn without cues is one cue from its start to its
end, wrapped at ``width`` characters. Prose becomes ``NOTE`` blocks (its
kind is not kept); image captions have no place in WebVTT and are not
written. ``&``, ``<`` and ``>`` are escaped, and a blank line inside a
turn becomes a line break, since a cue cannot hold one.
"""

from __future__ import annotations

import html
import re
from typing import Literal

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._report import report
from interviewkit.formats import Format
from interviewkit.formats._captions import Block, RawCue, format_timing, scan
from interviewkit.formats._timed import (
    OPTIONS,
    OutCue,
    Segment,
    build,
    find_prefixes,
    to_cues,
)
from interviewkit.model import Block as BodyBlock
from interviewkit.model import Interview, Metadata, Prose, Turn

__all__ = ["FORMAT", "dumps"]

_TAG = re.compile(r"<([^>\n]*)>")
_SPECIAL = {"NOTE": "note", "STYLE": "style", "REGION": "region"}
_HEADER_EXTRA = "webvtt:header"
_BLOCK_EXTRAS = {"style": "webvtt:style", "region": "webvtt:region"}


def _special(first: str) -> str | None:
    word = first[:6].split(" ", 1)[0].split("\t", 1)[0]
    kind = _SPECIAL.get(word)
    if kind is None or (len(first) > len(word) and first[len(word)] not in " \t"):
        return None
    return kind


def _voices(text: str) -> list[tuple[str | None, str]]:
    """Split cue text at its voices; drop the other tags; decode references."""
    pieces: list[list[str | None]] = [[None, ""]]
    position = 0
    for match in _TAG.finditer(text):
        pieces[-1][1] = (pieces[-1][1] or "") + text[position : match.start()]
        position = match.end()
        tag = match.group(1)
        if tag[:1] == "v" and (len(tag) == 1 or tag[1] in ". \t"):
            # <v Name>, or <v.loud.x Name>: the classes come before a blank.
            rest = tag[1:]
            if rest[:1] == ".":
                rest = rest.split(None, 1)[1] if len(rest.split(None, 1)) > 1 else ""
            voice = html.unescape(" ".join(rest.split())) or None
            if (pieces[-1][1] or "").strip() or pieces[-1][0] is not None:
                pieces.append([voice, ""])
            else:
                pieces[-1][0] = voice
    pieces[-1][1] = (pieces[-1][1] or "") + text[position:]
    result: list[tuple[str | None, str]] = []
    for voice, piece in pieces:
        cleaned = _clean(piece or "")
        if cleaned or voice is not None:
            result.append((voice, cleaned))
    return result or [(None, "")]


def _clean(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    return text.strip()


def _header(
    document: Document, options: ReadOptions, lines: list[str]
) -> tuple[int, str | None, list[str]]:
    """The WEBVTT line and the header below it: where cues start, title, lines."""
    first = lines[0]
    if not first.startswith("WEBVTT") or first[6:7] not in ("", " ", "\t"):
        report(
            document,
            options,
            "missing WEBVTT line: a WebVTT file starts with 'WEBVTT'; "
            "read as WebVTT all the same",
            line=1,
            column=1,
        )
        return 0, None, []
    title = first[6:].strip() or None
    header: list[str] = []
    index = 1
    while index < len(lines) and lines[index].strip():
        if "-->" in lines[index]:
            report(
                document,
                options,
                "no blank line after the header; the cue is read all the same",
                line=index + 1,
            )
            if header:
                header.pop()
                index -= 1
            break
        header.append(lines[index])
        index += 1
    return index, title, header


def _read(document: Document, options: ReadOptions) -> Interview:
    lines = document.text.split("\n", 64)[:64]
    start, title, header = _header(document, options, lines)
    language: str | None = None
    extras: dict[str, list[str]] = {}
    for line in header:
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() == "language" and value.strip():
            language = value.strip()
        else:
            extras.setdefault(_HEADER_EXTRA, []).append(line)
    segments: list[Segment] = []
    blocks: dict[int, list[BodyBlock]] = {}
    voiced = False
    for item in scan(document, options, srt=False, special=_special, start=start):
        if type(item) is Block:
            _keep_block(item, segments, blocks, extras)
            continue
        assert type(item) is RawCue
        text = "\n".join(item.lines)
        if "<" not in text and "&" not in text:
            segments.append(
                Segment(
                    None,
                    item.start_ms,
                    item.end_ms,
                    text.strip(),
                    id=item.id,
                    settings=item.settings,
                )
            )
            continue
        for index, (voice, piece) in enumerate(_voices(text)):
            voiced = voiced or voice is not None
            segments.append(
                Segment(
                    voice,
                    item.start_ms,
                    item.end_ms,
                    piece,
                    id=item.id if index == 0 else None,
                    settings=item.settings,
                )
            )
    if not voiced:
        find_prefixes(segments)
    metadata = Metadata(
        language=language,
        extras={key: tuple(value) for key, value in extras.items()},
    )
    return build(segments, options, blocks=blocks, title=title, metadata=metadata)


def _keep_block(
    item: Block,
    segments: list[Segment],
    blocks: dict[int, list[BodyBlock]],
    extras: dict[str, list[str]],
) -> None:
    if item.kind == "note":
        text = item.text[4:].lstrip(" \t").removeprefix("\n").replace("--&gt;", "-->")
        if text.strip():
            blocks.setdefault(len(segments), []).append(Prose(text=text))
        return
    extras.setdefault(_BLOCK_EXTRAS[item.kind], []).append(item.text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str) -> str:
    """Cue text as WebVTT lines: escaped, with no blank line inside."""
    return "\n".join(line for line in _escape(text).split("\n") if line.strip())


def _note(text: str) -> str:
    lines = text.replace("-->", "--&gt;").split("\n")
    return "NOTE " + "\n".join(line for line in lines if line.strip())


def dumps(
    interview: Interview,
    *,
    voice: Literal["change", "every", "none"] = "change",
    ids: bool = True,
    width: int | None = 42,
) -> str:
    """Write an interview as WebVTT.

    Args:
        interview: The interview.
        voice: Where to write ``<v Name>``: on the first cue of each turn
            (``"change"``), on ``"every"`` cue, or on ``"none"``.
        ids: Write the cues' identifiers.
        width: Wrap the text of a turn that has no cues at this many
            characters (None: one line). Cues read from a source keep their
            lines.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.loads("WEBVTT\\n\\n00:01.000 --> 00:02.500\\n<v Ann>Hi there.\\n",
        ...               format="webvtt")
        >>> print(dumps(iv))
        WEBVTT
        <BLANKLINE>
        00:00:01.000 --> 00:00:02.500
        <v Ann>Hi there.
        <BLANKLINE>

    """
    if voice not in ("change", "every", "none"):
        raise ValueError(f"voice must be 'change', 'every' or 'none', not {voice!r}")
    metadata = interview.metadata
    head = "WEBVTT"
    if interview.title and "\n" not in interview.title and "-->" not in interview.title:
        head += " " + interview.title
    out = [head]
    if metadata.language:
        out.append(f"Language: {metadata.language}")
    out.extend(_extra_lines(metadata, _HEADER_EXTRA))
    out.append("")
    for name in _BLOCK_EXTRAS.values():
        for extra in _extra_lines(metadata, name):
            out += [extra, ""]
    by_turn: dict[int, list[OutCue]] = {}
    for cue in to_cues(interview, width=width):
        by_turn.setdefault(cue.turn, []).append(cue)
    turn = 0
    for block in interview.body:
        if type(block) is Prose:
            out += [_note(block.text), ""]
        elif type(block) is Turn:
            for cue in by_turn.get(turn, ()):
                out += _cue(cue, voice=voice, ids=ids)
            turn += 1
    return "\n".join(out).rstrip("\n") + "\n"


def _cue(cue: OutCue, *, voice: str, ids: bool) -> list[str]:
    lines = []
    if ids and cue.id and "-->" not in cue.id and "\n" not in cue.id:
        lines.append(cue.id)
    timing = format_timing(cue.start_ms, cue.end_ms, ".")
    lines.append(f"{timing} {cue.settings}" if cue.settings else timing)
    text = _lines(cue.text)
    if voice == "every" or (voice == "change" and cue.first):
        name = _escape(" ".join(cue.speaker.name.split()))
        text = f"<v {name}>{text}"
    if text:
        lines.append(text)
    lines.append("")
    return lines


def _extra_lines(metadata: Metadata, name: str) -> tuple[str, ...]:
    value = metadata.extras.get(name, ())
    return (value,) if isinstance(value, str) else value


FORMAT = Format(
    name="webvtt",
    suffixes=(".vtt",),
    reader=_read,
    writer=dumps,
    sniff=lambda document: document.text.startswith("WEBVTT"),
    options=OPTIONS,
    description="WebVTT captions and transcripts, with <v Name> voices",
)
