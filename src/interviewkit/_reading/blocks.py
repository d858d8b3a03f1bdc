"""What a paragraph is when it is not speech: captions, prose, cast lists.

Each rule looks at one paragraph's own words. Where the paragraph stands
(before, inside or after the talk) is for the classifier to weigh.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewkit._reading.labels import label_shape, split_short
from interviewkit._reading.records import CastEntry
from interviewkit._reading.vocabulary import (
    CAST_HEADERS,
    CLOSING_PHRASES,
    CREDIT_PREFIXES,
    EDITED_PHRASES,
    IMAGE_SUFFIXES,
    PROSE_WORDS,
    ROLE_WORDS,
    key,
)
from interviewkit._time import parse_clock
from interviewkit.model import ImageCaption, ProseKind, Role

__all__ = [
    "asks",
    "caption_from_lines",
    "caption_from_text",
    "is_closing",
    "is_edited_note",
    "name_like",
    "parse_cast",
    "prose_kind",
    "role_from_words",
]


def asks(text: str) -> bool:
    """Whether a paragraph asks: it ends in a question mark, of any script."""
    return text.rstrip(" \"'”’)*_」』）").endswith(("?", "？", "؟"))


def _is_credit(line: str) -> bool:
    if len(line) > 160 or "\n" in line:
        return False
    folded = line.casefold()
    if folded.startswith("(") and folded.endswith(")"):
        folded = folded[1:-1]
    return folded.startswith(CREDIT_PREFIXES) and len(folded) > len("photo: ")


def _is_image(line: str) -> bool:
    if not line or len(line) > 300 or " " in line or any(map(str.isspace, line)):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    folded = line.casefold()
    if folded.endswith(IMAGE_SUFFIXES) or "://" in folded:
        return True
    # A slug: lowercase words joined by hyphens.
    return line.count("-") >= 2 and all(
        ch.isdigit() or ch == "-" or (ch.isalpha() and ch.islower()) for ch in line
    )


def caption_from_lines(lines: Sequence[str]) -> ImageCaption | None:
    """Read an image caption from a paragraph's lines, or return None.

    A caption paragraph is one to four lines: an optional image (a slug,
    file name or URL), optional caption lines, and a credit line (``Image
    via Netflix``, ``Photo: AP``, ``Photo by Jane Doe/Getty Images``); or a
    caption line that ends in ``(Photo credit: ...)``; or an image alone.

    Example:
        >>> caption_from_lines(["emily-in-paris-s2", "Image via Netflix"]).credit
        'Image via Netflix'

    """
    if not lines or (
        # The quick answer for speech: a long first line that is no image,
        # and a last line too long to be a credit and not ending in one.
        " " in lines[0] and len(lines[-1]) > 160 and not lines[-1].endswith(")")
    ):
        return None
    if len(lines) > 4 or any(line != line.strip() or not line for line in lines):
        return None
    last = lines[-1]
    image: str | None = None
    body = list(lines)
    credit: str | None = None
    if _is_credit(last):
        credit = last
        body.pop()
    elif last.endswith(")"):
        open_at = last.rfind(" (")
        if open_at > 0 and _is_credit(last[open_at + 1 :]):
            credit = last[open_at + 1 :]
            body[-1] = last[:open_at]
    if body and _is_image(body[0]):
        image = body.pop(0)
    if credit is None and (image is None or body):
        return None
    if body and any(_is_credit(line) or _is_image(line) for line in body):
        return None
    caption = "\n".join(body) or None
    return ImageCaption(image=image, caption=caption, credit=credit)


def caption_from_text(text: str) -> ImageCaption | None:
    """`caption_from_lines` of a paragraph's text."""
    # Most paragraphs are one line: no need to split them.
    if "\n" not in text:
        return caption_from_lines((text,))
    return caption_from_lines(text.split("\n"))


def is_closing(text: str) -> bool:
    if len(text) > 400:
        return False
    return any(map(text.casefold().__contains__, CLOSING_PHRASES))


def is_edited_note(text: str) -> bool:
    if len(text) > 400:
        return False
    return any(map(text.casefold().__contains__, EDITED_PHRASES))


def prose_kind(text: str) -> ProseKind | None:
    """The kind of prose a paragraph's own words make it, or None.

    ``[...]`` is an editor's note; ``RELATED: ...`` and ``READ MORE: ...``
    are links; ``UPDATE:`` and ``Editor's note:`` are notes; ``Break:`` is
    other prose. Where it stands (before, between or after the talk) is for
    `resolve` to judge.

    Example:
        >>> prose_kind("RELATED: Season 1 Recap"), prose_kind("Hello")
        (<ProseKind.RELATED: 'related'>, None)

    """
    first_line = text[: text.find("\n")] if "\n" in text else text
    inner = first_line
    close = first_line.find("]")
    if (
        first_line.startswith("[")
        and text.endswith("]")
        and (close < 0 or parse_clock(first_line[1:close]) is None)
    ):
        return ProseKind.EDITORS_NOTE
    if first_line.startswith("(") and text.endswith(")"):
        inner = first_line[1:]
    elif first_line.startswith("*") and text.endswith("*"):
        inner = first_line.lstrip("*")
    colon = inner.find(":", 0, 40)
    if colon > 0:
        head = inner[:colon]
        if head.endswith(")") and " (" in head:
            head = head[: head.rfind(" (")]  # "Update (May 3): ..."
        kind = PROSE_WORDS.get(key(head))
        if kind is not None and kind is not ProseKind.INTRO:
            return kind
    dash = inner.find(" — ", 0, 40)
    if dash > 0 and key(inner[:dash]) in PROSE_WORDS:
        return PROSE_WORDS[key(inner[:dash])]
    return None


def name_like(text: str) -> bool:
    return 0 < len(text) <= 60 and label_shape(text) > 0 and key(text) not in ROLE_WORDS


def role_from_words(text: str) -> Role | None:
    for word in re.split(r"[^\w-]+", text.casefold()):
        if word in ROLE_WORDS and word not in {"a", "q", "speaker", "unknown"}:
            return ROLE_WORDS[word]
    return None


def parse_cast(lines: Sequence[str]) -> tuple[CastEntry, ...] | None:
    """Read a cast list, or return None if the lines are not one.

    Three shapes: ``Interviewer: Jane Doe`` lines (a part, a colon, a name;
    one line alone if the part is a word, not a letter), a ``Participants:``
    (``Speakers:``, ``Present:``, ``Cast:``) line followed by one ``Name``,
    ``Name (role)`` or ``Name, description`` line each, or such a line
    with the names after its colon (``Participants: Ann Lee, Bo Li``).

    Example:
        >>> [e.name for e in parse_cast(["Interviewer: Jane Doe", "Guest: Bo Li"])]
        ['Jane Doe', 'Bo Li']

    """
    if not lines or len(lines) > 30:
        return None
    header = lines[0].rstrip()
    if header.endswith(":") and key(header[:-1]) in CAST_HEADERS and len(lines) >= 2:
        entries = []
        for line in lines[1:]:
            entry = _cast_line(line.strip().lstrip("-*• ").strip())
            if entry is None:
                return None
            entries.append(entry)
        return tuple(entries)
    if len(lines) == 1:
        return _one_line_cast(lines[0])
    entries = []
    for line in lines:
        colon = line.find(":")
        if colon <= 0:
            return None
        part, name = line[:colon].strip(), line[colon + 1 :].strip()
        role = ROLE_WORDS.get(key(part))
        if role is None or not name_like(name):
            return None
        entries.append(CastEntry(name=name, role=role))
    return tuple(entries)


_AND = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b|\ben\b)\s*")


def _one_line_cast(line: str) -> tuple[CastEntry, ...] | None:
    """``Interviewee: Bernoulli`` or ``Participants: Ann Lee, Bo Li`` alone.

    A single part word must be a whole word (``Interviewer``, ``Guest``), not
    a letter: ``Q: Thanks`` is a question.
    """
    part, colon, rest = line.partition(":")
    if not colon or not rest.strip():
        return None
    folded = key(part)
    if folded in CAST_HEADERS:
        names = [name for name in _AND.split(rest.strip()) if name]
        entries = [_cast_line(name) for name in names]
        if entries and all(entry is not None for entry in entries):
            return tuple(entry for entry in entries if entry is not None)
        return None
    role = ROLE_WORDS.get(folded)
    name = rest.strip()
    if role is None or len(folded) < 3 or not name_like(name) or _sentence(name):
        return None
    return (CastEntry(name=name, role=role),)


def _sentence(text: str) -> bool:
    """Whether text ends as a sentence does (``Welcome.``), not as a name."""
    last = text.rsplit(" ", 1)[-1]
    return last.endswith(("!", "?", "…")) or (last.endswith(".") and len(last) > 4)


def _cast_line(line: str) -> CastEntry | None:
    name, rest = line, ""
    for separator in (" (", ", ", " — ", " – ", " - "):
        at = line.find(separator)
        if at > 0:
            name, rest = line[:at], line[at + len(separator) :]
            break
    name, short = split_short(name) if rest == "" else (name.strip(), None)
    if not name_like(name):
        return None
    return CastEntry(name=name, role=role_from_words(rest), short=short)
