"""Speaker labels: what shape a label has, and where a line starts with one.

`find_label` looks at the start of one line for ``NAME: text`` and its
variants (a time stamp before or after the name, ``Adam Jonas (AJ):``, a
full-width colon, ``Name  0:05`` header lines). `label_shape` says how
surely a string is a label at all. Both are pure and cached where it pays:
they run for every line of every document.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from interviewkit._reading.vocabulary import (
    NOT_FIRST,
    PARTICLES,
    PROSE_WORDS,
    ROLE_WORDS,
    key,
)
from interviewkit._time import CLOCK, parse_clock

__all__ = ["LabelMatch", "find_label", "label_shape", "split_short"]


def _word_ok(word: str) -> bool:
    if not word:
        return False
    first = word[0]
    if not first.isalpha():
        return False
    return all(
        ch.isalpha() or ch in ".'’-" or unicodedata.category(ch)[0] == "M"
        for ch in word
    )


_CODE = re.compile(r"[A-Z]{1,3}[0-9]{1,3}")


@functools.lru_cache(maxsize=4096)
def label_shape(label: str) -> int:
    """How surely ``label`` is a speaker label: 0 not, 1 maybe, 2 surely.

    Surely: a part (``Q``, ``Interviewer``, ``Speaker 2``), a name in capitals
    (``DARREN STAR``). Maybe: a name in Mixed Case (``Collider``, ``Adam
    Jonas``) or in a script without case, which the document must back up.
    Never: prose words (``RELATED``, ``Photo``, ``Update``), sentence starts
    (``The answer``), anything with digits or punctuation a name lacks.

    Example:
        >>> [label_shape(x) for x in ("DARREN STAR", "Collider", "The answer")]
        [2, 1, 0]
        >>> [label_shape(x) for x in ("P01", "R2", "COVID-19", "2020")]
        [2, 2, 0, 0]

    """
    if not label or len(label) > 60 or label != label.strip():
        return 0
    folded = key(label)
    if folded in PROSE_WORDS:
        return 0
    if folded in ROLE_WORDS:
        return 2
    words = label.split(" ")
    if any(not word for word in words):
        return 0
    if len(words) == 2 and words[1].isdecimal() and len(words[1]) <= 3:
        # Numbered parts: "Speaker 1", "Interviewee 2", "P 3".
        head = key(words[0])
        if head in ROLE_WORDS or head in {"p", "r", "i", "person", "voice", "caller"}:
            return 2
        return 0
    if len(words) > 6:
        return 0
    if len(words) == 1 and _CODE.fullmatch(label):
        # A participant code, as research transcripts label turns ("P01",
        # "R2", "I1"): letters and a number name no sentence start.
        return 2
    if not all(_word_ok(word) for word in words):
        return 0
    if any(ch.isupper() for ch in label) and not any(ch.islower() for ch in label):
        # All capitals: "STAR", "DARREN STAR", "J.K. ROWLING".
        letters = sum(ch.isalpha() for ch in label)
        return 2 if letters >= 2 else 0
    if key(words[0]) in NOT_FIRST:
        return 0
    for index, word in enumerate(words):
        first = word[0]
        if first.isupper() or first.istitle():
            continue
        if not first.islower():
            # A script without case (日本語, العربية): cannot tell from shape.
            continue
        if index > 0 and key(word) in PARTICLES:
            continue
        return 0
    return 1


# Every quantifier is bounded, so a match costs at most a constant per line.
_LEAD_TIME = re.compile(rf"(?:\[({CLOCK})\]|\(({CLOCK})\))[ \t]{{0,4}}")
# A bare clock leads a line only with its hours ("00:00:08 text"): "10:30"
# alone starts too many sentences.
_BARE_TIME = re.compile(r"(\d{1,3}:[0-5]\d:[0-5]\d(?:[.,]\d{1,3})?)[ \t]{1,4}")
_LABEL = re.compile(
    r"([^\W\d_][^:：\n\[\]()\"]{0,59}?)"
    r"((?:[ \t]{1,4}\([^():：\n\[\]]{1,20}\))?)"
    rf"(?:[ \t]{{0,4}}(?:\[({CLOCK})\]|\(({CLOCK})\)))?"
    r"[ \t]{0,2}[:：]([ \t]{0,8})"
)
_HEADER = re.compile(
    r"([^\W\d_][^:：\n\[\]()\"]{0,59}?)[ \t]{1,8}"
    rf"(?:\(({CLOCK})\)|\[({CLOCK})\]|({CLOCK}))[ \t]{{0,8}}"
)


class LabelMatch(NamedTuple):
    """A speaker label or a time stamp found at the start of a line.

    ``label`` is the label as written (None for a bare time stamp);
    ``start_ms`` the time, if any; ``text_start`` where the speech starts on
    the line; ``strength`` 2 for a sure label or a time stamp, 1 for a
    tentative one (see `label_shape`); ``alone`` whether nothing follows on
    the line; ``header`` whether it is a ``Name  0:05`` header line, with no
    colon and the speech below.
    """

    label: str | None
    start_ms: int | None
    text_start: int
    strength: int  # 2 sure, 1 tentative; a bare time stamp counts as sure
    alone: bool  # nothing after the label on this line
    header: bool = False  # "Name  0:05": no colon, speech below
    markup: bool = False  # found by a reader's markup (bold): no marker in the text


def time_of(first: str | None, second: str | None = None) -> int | None:
    """The time that ``first`` or else ``second`` gives, in milliseconds."""
    text = first if first is not None else second
    return None if text is None else parse_clock(text)


def find_label(line: str) -> LabelMatch | None:
    """Find a speaker label or a time stamp at the start of ``line``.

    Recognises ``NAME: text``, ``Name (AJ): text``, ``[00:12:34] NAME:
    text``, ``(12:34) text``, ``00:12:34 text``, ``NAME (12:34): text``,
    ``NAME: (00:07) text`` and ``Name  0:05`` header lines; a full-width
    colon counts too. The label must have the shape of one (`label_shape`).

    Example:
        >>> found = find_label("[00:12:34] DARREN STAR: Yeah.")
        >>> found.label, found.start_ms, found.text_start
        ('DARREN STAR', 754000, 24)
        >>> find_label("The answer: no.") is None
        True

    """
    if not line:
        return None
    head = line[0]
    start_ms: int | None = None
    position = 0
    if head in "[(":
        lead = _LEAD_TIME.match(line)
        if lead is not None:
            start_ms = time_of(lead.group(1), lead.group(2))
            position = lead.end()
    elif head.isdigit():
        bare = _BARE_TIME.match(line)
        if bare is None:
            return None
        start_ms = time_of(bare.group(1))
        position = bare.end()
    elif line.find(":", 0, 90) < 0 and line.find("：", 0, 90) < 0:
        if head.isalpha() and line[-1].isdigit() and len(line) <= 90:
            return _find_header(line)
        return None
    match = _LABEL.match(line, position)
    if match is not None:
        name, short, time_a, time_b, _ = match.groups()
        strength = label_shape(name)
        if strength and not line.startswith("//", match.end(1) + 1):
            text_start = match.end()
            if short or time_a or time_b:
                strength = 2
                late = time_of(time_a, time_b)
            else:
                late = None
            if start_ms is not None:
                strength = 2
            elif late is None and line[text_start : text_start + 1] in ("[", "("):
                # "INTERVIEWER: (00:06) How did you ...": the time after the colon.
                after = _LEAD_TIME.match(line, text_start)
                if after is not None:
                    late = time_of(after.group(1), after.group(2))
                    text_start = after.end()
                    strength = 2
            # Positional: this runs for every labelled line of a document.
            return LabelMatch(
                name + short,
                start_ms if late is None else late,
                text_start,
                strength,
                text_start == len(line),
            )
    if start_ms is not None:
        return LabelMatch(
            label=None,
            start_ms=start_ms,
            text_start=position,
            strength=2,
            alone=position == len(line),
        )
    if head.isalpha() and line[-1].isdigit() and len(line) <= 90:
        return _find_header(line)
    return None


def _find_header(line: str) -> LabelMatch | None:
    match = _HEADER.fullmatch(line)
    if match is None or not label_shape(match.group(1)):
        return None
    return LabelMatch(
        label=match.group(1),
        start_ms=time_of(match.group(2) or match.group(3) or match.group(4)),
        text_start=len(line),
        strength=2,
        alone=True,
        header=True,
    )


def split_short(label: str) -> tuple[str, str | None]:
    """Split ``Adam Jonas (AJ)`` into the name and the declared short form."""
    if label.endswith(")"):
        open_at = label.rfind(" (")
        if open_at > 0:
            short = label[open_at + 2 : -1].strip()
            if short and "(" not in short:
                return label[:open_at].rstrip(), short
    return label, None
