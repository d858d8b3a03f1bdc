"""SRT (SubRip, ``.srt``): numbered subtitle cues, speakers as ``Name:``.

Reading
-------
Each cue becomes a `Cue` of a turn; consecutive cues of one speaker are one
turn. A speaker is named by ``Name: `` at the start of a cue's first line:
where the speaker changes (as Buzzsprout exports), and a cue without a
label continues the speaker before it; or on every cue (then any name is a
label). Labels follow the reading engine's rules, so ``Bekah:`` after
``Bekah Hawrot Weigel:`` is the same speaker. Times take ``,`` or ``.``
before the milliseconds. The cue numbers are positions, not kept: the
writer numbers the cues from 1. A cue's lines are kept with their line
breaks; text after the times on the timing line (``X1:...`` coordinates)
is kept as the cue's settings.

Common breakage is repaired and reported with its line (a `ReadWarning`,
or a `ParseError` under ``strict=True``): a missing blank line between
cues, a timing line that does not read, a cue that ends before it starts,
a cue with no timing line, text after a stray blank line. Stray spaces on
blank lines and a byte-order mark are not errors. No cue is dropped.

Writing
-------
Cues numbered from 1, ``HH:MM:SS,mmm --> HH:MM:SS,mmm`` (``separator="."``
for dots), and ``Name: `` on the first cue of each turn, and on any cue
whose text would read as a label (``speaker="every"``: on every cue,
``"none"``: never). A turn without cues is one cue from its
start to its end, wrapped at ``width`` characters. SRT has no place for
prose, captions or the title: they are not written. A speaker's name that
the engine would not read as a label (``SPEAKER_00``, ``kev``) reads back
only when every cue carries it: use ``speaker="every"`` for such names.
"""

from __future__ import annotations

import re
from typing import Literal

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading.labels import find_label
from interviewkit.formats import Format
from interviewkit.formats._captions import RawCue, format_timing, scan
from interviewkit.formats._timed import OPTIONS, Segment, build, find_prefixes, to_cues
from interviewkit.model import Interview

__all__ = ["FORMAT", "dumps"]


_SNIFF = re.compile(r"[ \t\n]*\d+[ \t]*\n[^\n]*-->")


def _sniff(document: Document) -> bool:
    return _SNIFF.match(document.text[:200]) is not None


def _read(document: Document, options: ReadOptions) -> Interview:
    segments = []
    for item in scan(document, options, srt=True):
        assert type(item) is RawCue
        segments.append(
            Segment(
                None,
                item.start_ms,
                item.end_ms,
                "\n".join(item.lines).strip(),
                settings=item.settings,
            )
        )
    find_prefixes(segments)
    return build(segments, options)


def dumps(
    interview: Interview,
    *,
    speaker: Literal["change", "every", "none"] = "change",
    separator: Literal[",", "."] = ",",
    width: int | None = 42,
) -> str:
    """Write an interview as SRT.

    Args:
        interview: The interview.
        speaker: Where to write ``Name: ``: on the first cue of each turn
            (``"change"``), on ``"every"`` cue, or on ``"none"``.
        separator: What stands before the milliseconds: ``","`` (SubRip)
            or ``"."``.
        width: Wrap the text of a turn that has no cues at this many
            characters (None: one line).

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.loads("WEBVTT\\n\\n00:01.000 --> 00:02.500\\n<v Ann Lee>Hi.\\n",
        ...               format="webvtt")
        >>> print(dumps(iv))
        1
        00:00:01,000 --> 00:00:02,500
        Ann Lee: Hi.
        <BLANKLINE>

    """
    if speaker not in ("change", "every", "none"):
        raise ValueError(
            f"speaker must be 'change', 'every' or 'none', not {speaker!r}"
        )
    if separator not in (",", "."):
        raise ValueError(f"separator must be ',' or '.', not {separator!r}")
    out: list[str] = []
    for number, cue in enumerate(to_cues(interview, width=width), start=1):
        timing = format_timing(cue.start_ms, cue.end_ms, separator)
        out.append(str(number))
        out.append(f"{timing} {cue.settings}" if cue.settings else timing)
        text = "\n".join(line for line in cue.text.split("\n") if line.strip())
        if speaker == "every" or (
            # A cue whose text would read as a label is labelled as well.
            speaker == "change" and (cue.first or find_label(text.partition("\n")[0]))
        ):
            text = f"{' '.join(cue.speaker.name.split())}: {text}"
        if text:
            out.append(text)
        out.append("")
    return "\n".join(out)


FORMAT = Format(
    name="srt",
    suffixes=(".srt",),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    options=OPTIONS,
    description="SubRip subtitles, with Name: labels where the speaker changes",
)
