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
    if "/" in word:
        # Initials of a joint answer: "M/G/S", "AJ/DS".
        return all(part.isalpha() and part.isupper() for part in word.split("/"))
    return all(
        ch.isalpha() or ch in ".'’-" or unicodedata.category(ch)[0] == "M"
        for ch in word
    )


# What may follow a name after a comma: a degree or a generation.
_TITLE = re.compile(r"[A-Z][A-Za-z]{0,3}\.?(?:[A-Z][A-Za-z]{0,3}\.?){0,3}|[IVX]{1,4}")

# Names in scripts without case run to about six characters (山田太郎,
# 唐鳳, さくらこ); a label of more is a clause before a colon.
_LONGEST_CASELESS_NAME = 8
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
    name, comma, suffix = label.partition(", ")
    if comma:
        # "Mireille B. Reece, Psy.D", "Ann Lee, PhD": a name and its title.
        return label_shape(name) if _TITLE.fullmatch(suffix) else 0
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
            # A script without case (日本語, العربية): cannot tell from shape,
            # but a name is short; a longer run is the start of a sentence.
            if len(word) > _LONGEST_CASELESS_NAME:
                return 0
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
# Q. and A. before their text, as written interviews print them; initials
# and a parenthesis ("RS) Tell us ..."), as some excerpts print them.
_DOTTED_ROLE = re.compile(r"([QA])\.[ \t]{1,4}(?=\S)|([A-Z]{2,3})\)[ \t]{1,4}(?=\S)")
# A label in bold or italic: "**Name:**", "**Name**:", "__Name__:", "*Name:*".
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?![\s*_])([^\n]{1,64}?)(?<![\s*_])\1")
_TRAILING_TIME = re.compile(
    rf"[ \t]{{1,8}}(?:\(({CLOCK})\)|\[({CLOCK})\]|({CLOCK}))[ \t]{{0,8}}"
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
    weak: bool = False  # a name without a colon: only its recurring backs it


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
    A label in bold or italic (``**Name:** text``, ``**Name**: text``,
    ``_Name_: text``) is sure whatever its case; a name in bold without a
    colon (``**Name** text``, or alone on its line) is tentative: the
    document must back it up.

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
    if line.startswith(("*", "_"), position):
        emphasised = _emphasised(line, position, start_ms)
        if emphasised is not None:
            return emphasised
    elif position == 0 and line.find(":", 0, 90) < 0 and line.find("：", 0, 90) < 0:
        if line[1:4].find(")") >= 0 or (head in "QA" and line[1:2] == "."):
            return _dotted(line, position, start_ms)
        if head.isalpha() and len(line) <= 90 and line.rstrip()[-1:].isdigit():
            return _find_header(line)
        return None
    match = _LABEL.match(line, position)
    if match is not None:
        name, short, time_a, time_b, _ = match.groups()
        strength = label_shape(name)
        if strength and not line.startswith("//", match.end(1) + 1):
            text_start = match.end()
            if (
                strength == 1
                and len(name) <= 3
                and "：" in line[:text_start]
                and not any(ch.isupper() or ch.islower() for ch in name)
            ):
                # A short name in a script without case before a full-width
                # colon is how CJK transcripts label their turns: "山田：".
                strength = 2
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
    dotted = _dotted(line, position, start_ms)
    if dotted is not None:
        return dotted
    if start_ms is not None:
        return LabelMatch(
            label=None,
            start_ms=start_ms,
            text_start=position,
            strength=2,
            alone=position == len(line),
        )
    if head.isalpha() and len(line) <= 90 and line.rstrip()[-1:].isdigit():
        return _find_header(line)
    return None


def _dotted(line: str, position: int, start_ms: int | None) -> LabelMatch | None:
    """``Q. What ...?``, ``A. It ...``, ``RS) Tell us ...``: letters as labels.

    Weak: "A." also starts the first of a list of reasons, so only a
    document that uses the letters again and again, or names someone with
    those initials, has them as labels.
    """
    dotted = _DOTTED_ROLE.match(line, position)
    if dotted is None:
        return None
    label = dotted.group(1) or dotted.group(2)
    return LabelMatch(label, start_ms, dotted.end(), 1, False, weak=True)


def _emphasised(line: str, position: int, start_ms: int | None) -> LabelMatch | None:
    """A label in bold or italic at ``position``, by the rules of plain labels."""
    match = _EMPHASIS.match(line, position)
    if match is None:
        return None
    inner, end = match.group(2), match.end()
    inside = inner.endswith((":", "："))
    if inside or line[end : end + 1] in (":", "："):
        probe = inner if inside else inner + ":"
        found = find_label(probe)
        if found is None or found.label is None or found.text_start < len(probe):
            return None
        text_start = end if inside else end + 1
        while (
            text_start < len(line)
            and text_start - end < 9
            and line[text_start] in " \t"
        ):
            text_start += 1
        return LabelMatch(
            found.label,
            found.start_ms if found.start_ms is not None else start_ms,
            text_start,
            2,
            text_start == len(line),
        )
    # A name in bold and no colon: alone on its line, before a time (the
    # speech below), or run into its speech. Only the document can tell a
    # name from a bold word, so the label is tentative.
    name = inner.strip()
    if not label_shape(name) > 0 or len(name.split(" ")) > 4:
        return None
    rest = line[end:]
    time = _TRAILING_TIME.fullmatch(rest)
    if time is not None:
        late = time_of(time.group(1) or time.group(2) or time.group(3))
        return LabelMatch(name, late, len(line), 2, True, header=True)
    if not rest.strip():
        return LabelMatch(name, start_ms, len(line), 1, True, weak=True)
    if rest[0] not in " \t":
        return None
    text_start = end + len(rest) - len(rest.lstrip(" \t"))
    return LabelMatch(name, start_ms, text_start, 1, False, weak=True)


def _find_header(line: str) -> LabelMatch | None:
    length = len(line)  # trailing white space stays in the marker
    line = line.rstrip(" \t")
    match = _HEADER.fullmatch(line)
    if match is None or not label_shape(match.group(1)):
        return None
    return LabelMatch(
        label=match.group(1),
        start_ms=time_of(match.group(2) or match.group(3) or match.group(4)),
        text_start=length,
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
