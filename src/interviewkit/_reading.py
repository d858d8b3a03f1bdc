"""Reading rules shared by the text and Markdown readers.

A reader cuts its document into `Paragraph` records and hands them to
`resolve`, which decides what each one is and builds the cast. The reader
knows its own syntax (where a paragraph starts, what a bold label looks like,
how a time stamp is written); this module knows how interviews are laid out.

The API:

`Paragraph(text, line=1, column=1, label=None, tentative=False, marker=None,
start_ms=None, joined=False, verbatim=False, exact_label=False, block=None,
cast=(), question=False, aside=False)`
    One paragraph of the source, or one labelled segment of a paragraph.
    ``label`` is a speaker label the reader found (``"DARREN STAR"``, or the
    text of ``**Name:**``); ``text`` is what follows it. A ``tentative``
    label was found by its shape alone (a single Mixed Case word such as
    ``Collider``): `resolve` keeps it only if the document backs it up (the
    label recurs, the prose names it, or it matches a known speaker) and
    otherwise reads the paragraph as ``marker + text``. ``marker`` is what
    introduced the text in the source, exactly, and becomes `Turn.marker`;
    ``start_ms`` is a time stamp the reader found, and becomes
    `Turn.start_ms`. ``line`` and ``column`` (1-based) say where the
    paragraph starts. ``joined`` says the paragraph started on the line right after the
    previous one (no blank line between). ``exact_label`` says the label is
    a speaker's exact name, to be matched without any alias heuristics.
    ``block`` is a caption or prose block the reader already recognised,
    passed through unchanged. ``cast`` lists participants the paragraph
    names (a cast list); such a paragraph becomes an intro `Prose` block
    unless its ``text`` is empty. ``verbatim`` says ``text`` is final: no
    caption or prose rule applies to it. ``question`` says the reader's
    markup marks an unlabelled paragraph as a question (a bold paragraph or
    a heading in Markdown): unless its words make it a caption, a note or a
    closing line, it is an unlabelled turn by the interviewer, and the
    unlabelled paragraph right after it is the answer, by the speaker who
    answers the questions (``Interviewee`` when no one does). ``aside``
    says the markup sets an unlabelled paragraph apart from the talk (an
    italic paragraph in Markdown): it is prose, never part of a turn, and
    takes the kind its words or its place give it.

`CastEntry(name, role=None, short=None, final=False)`
    A participant named by a cast list or by the reader's options.

`ReadingOptions(interviewers=(), interviewees=(), roles={}, names={},
infer_questions=True)`
    What the caller knows better than the heuristics; see `options_from`,
    which validates the keyword options of a reader.

`resolve(paragraphs, options) -> (speakers, body)`
    Resolves labels to speakers (a full name first, then the surname, the
    first name, initials or a declared short form: ``Adam Jonas (AJ)`` then
    ``AJ``), cases names as the prose writes them (``DARREN STAR`` is
    ``Darren Star`` when the intro says so), infers unlabelled questions
    between two answers by the same speaker, attaches unlabelled paragraphs
    to the turn before them in documents that label every turn, classifies
    captions and prose (editor's notes, intros, links, closing lines) and
    gives roles. Returns the cast and the body, ready for `Interview`.

Helpers that readers call on their own syntax: `find_label` (a label or a
time stamp at the start of a line, as `LabelMatch`), `label_shape` (is this
string shaped like a speaker label, and how surely), `parse_time` (``12:34``
to milliseconds), `caption_from_lines`, `prose_kind` (the kind a paragraph's
own words give it), `parse_cast` (a cast-list paragraph), `speaker_id`.

A Markdown reader feeds `resolve` the same records: ``**Name:** text``
becomes ``Paragraph(text="text", label="Name", marker="**Name:** ")`` (not
tentative: bold says it is a label), an image with its caption becomes a
``block``, and any other paragraph goes in as plain text (unescaped), where
`find_label` may still find ``NAME: text``. `resolve` raises nothing of its
own; the reader reports its syntax errors with their positions.

Every rule works line by line or on bounded prefixes, and `resolve` keeps
its indexes in dictionaries, so reading is linear in the size of the
document.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from interviewkit.model import (
    Block,
    ImageCaption,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
)

__all__ = [
    "CastEntry",
    "LabelMatch",
    "Paragraph",
    "ReadingOptions",
    "caption_from_lines",
    "find_label",
    "label_shape",
    "options_from",
    "parse_cast",
    "parse_time",
    "prose_kind",
    "resolve",
    "speaker_id",
]

# --- records ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CastEntry:
    """A participant named before the talk starts, or by an option.

    Args:
        name: The name as written.
        role: The role, if the source or the caller gives one.
        short: A short form that labels may use (``AJ`` for ``Adam Jonas``).
        final: The role is the whole truth, even when None: no rule may
            guess another.
    """

    name: str
    role: Role | None = None
    short: str | None = None
    final: bool = False


# Not frozen: a reader builds one of these for every paragraph of a document,
# and a frozen class's __init__ costs twice as much; nothing changes one once
# it is built.
@attrs.define(kw_only=True)
class Paragraph:
    """One paragraph, or one labelled segment of a paragraph, of a source.

    See the module docstring for what each field means.
    """

    text: str
    line: int = 1
    column: int = 1
    label: str | None = None
    tentative: bool = False
    marker: str | None = None
    start_ms: int | None = None
    joined: bool = False
    verbatim: bool = False
    exact_label: bool = False
    block: ImageCaption | Prose | None = None
    cast: tuple[CastEntry, ...] = ()
    question: bool = False
    aside: bool = False


@attrs.frozen(kw_only=True)
class ReadingOptions:
    """What the caller tells the reader instead of letting it guess.

    Args:
        interviewers: Names (or labels) of the interviewers; they ask the
            unlabelled questions.
        interviewees: Names (or labels) of the interviewees.
        roles: Roles by speaker name or label.
        names: Speaker names by label (``{"DS": "Darren Star"}``).
        infer_questions: Whether an unlabelled paragraph between two answers
            by the same speaker is read as a question.
    """

    interviewers: tuple[str, ...] = ()
    interviewees: tuple[str, ...] = ()
    roles: Mapping[str, Role] = attrs.field(factory=dict)
    names: Mapping[str, str] = attrs.field(factory=dict)
    infer_questions: bool = True


def _names(option: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, Iterable):
        raise TypeError(f"{option} must be a str or a sequence of str")
    result = tuple(items)
    for item in result:
        if not isinstance(item, str) or not item.strip():
            raise TypeError(f"{option} must name speakers with non-blank str")
    return result


def options_from(
    *,
    interviewer: str | Sequence[str] | None = None,
    interviewee: str | Sequence[str] | None = None,
    roles: Mapping[str, Role | str] | None = None,
    names: Mapping[str, str] | None = None,
    infer_questions: bool = True,
) -> ReadingOptions:
    """Check a reader's keyword options and gather them in `ReadingOptions`.

    Raises:
        TypeError: If an option has the wrong type.
        ValueError: If a role is unknown.

    Example:
        >>> options_from(interviewer="Collider").interviewers
        ('Collider',)

    """
    role_map: dict[str, Role] = {}
    for key, role in (roles or {}).items():
        if not isinstance(key, str):
            raise TypeError("roles must map str to a Role")
        role_map[key] = Role(role)
    name_map: dict[str, str] = {}
    for key, name in (names or {}).items():
        if not isinstance(key, str) or not isinstance(name, str) or not name.strip():
            raise TypeError("names must map labels (str) to non-blank names (str)")
        name_map[key] = name
    if not isinstance(infer_questions, bool):
        raise TypeError("infer_questions must be a bool")
    return ReadingOptions(
        interviewers=_names("interviewer", interviewer),
        interviewees=_names("interviewee", interviewee),
        roles=role_map,
        names=name_map,
        infer_questions=infer_questions,
    )


# --- small rules -------------------------------------------------------------

_TIME = re.compile(r"(\d{1,3})(?::([0-5]\d))?:([0-5]\d)(?:[.,](\d{1,3}))?")


def parse_time(text: str) -> int | None:
    """Return ``H:MM:SS``, ``MM:SS`` or ``M:SS`` (with an optional fraction)
    in whole milliseconds, or None if ``text`` is not such a time.

    Example:
        >>> parse_time("00:12:34"), parse_time("0:05"), parse_time("1:02.5")
        (754000, 5000, 62500)

    """
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    first, middle, last, fraction = match.groups()
    if middle is None:
        hours, minutes, seconds = 0, int(first), int(last)
    else:
        hours, minutes, seconds = int(first), int(middle), int(last)
    millis = int((fraction or "0").ljust(3, "0"))
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


# Labels that name a part rather than a person, and the role they give.
_ROLE_WORDS: dict[str, Role] = {
    "q": Role.INTERVIEWER,
    "question": Role.INTERVIEWER,
    "interviewer": Role.INTERVIEWER,
    "int": Role.INTERVIEWER,
    "a": Role.INTERVIEWEE,
    "answer": Role.INTERVIEWEE,
    "interviewee": Role.INTERVIEWEE,
    "respondent": Role.INTERVIEWEE,
    "participant": Role.INTERVIEWEE,
    "host": Role.HOST,
    "co-host": Role.HOST,
    "guest": Role.GUEST,
    "moderator": Role.MODERATOR,
    "panelist": Role.PANELIST,
    "panellist": Role.PANELIST,
    "narrator": Role.NARRATOR,
    "interpreter": Role.INTERPRETER,
    "translator": Role.INTERPRETER,
    "audience": Role.AUDIENCE,
    "audience member": Role.AUDIENCE,
    "speaker": Role.OTHER,
    "unknown speaker": Role.OTHER,
    "unknown": Role.OTHER,
}

# Words before a colon that introduce prose, never a speaker.
_PROSE_WORDS: dict[str, ProseKind] = {
    "related": ProseKind.RELATED,
    "read more": ProseKind.RELATED,
    "read also": ProseKind.RELATED,
    "also read": ProseKind.RELATED,
    "see also": ProseKind.RELATED,
    "more": ProseKind.RELATED,
    "watch": ProseKind.RELATED,
    "listen": ProseKind.RELATED,
    "further reading": ProseKind.RELATED,
    "editor's note": ProseKind.EDITORS_NOTE,
    "editors' note": ProseKind.EDITORS_NOTE,
    "editors note": ProseKind.EDITORS_NOTE,
    "editor's notes": ProseKind.EDITORS_NOTE,
    "note": ProseKind.EDITORS_NOTE,
    "update": ProseKind.EDITORS_NOTE,
    "updated": ProseKind.EDITORS_NOTE,
    "correction": ProseKind.EDITORS_NOTE,
    "clarification": ProseKind.EDITORS_NOTE,
    "disclosure": ProseKind.EDITORS_NOTE,
    "spoiler warning": ProseKind.EDITORS_NOTE,
    "spoilers": ProseKind.EDITORS_NOTE,
    "warning": ProseKind.EDITORS_NOTE,
    "content warning": ProseKind.EDITORS_NOTE,
    "trigger warning": ProseKind.EDITORS_NOTE,
    "break": ProseKind.OTHER,
    "source": ProseKind.OTHER,
    "sources": ProseKind.OTHER,
    "transcript": ProseKind.OTHER,
    "photo": ProseKind.OTHER,
    "photos": ProseKind.OTHER,
    "image": ProseKind.OTHER,
    "images": ProseKind.OTHER,
    "photograph": ProseKind.OTHER,
    "credit": ProseKind.OTHER,
    "caption": ProseKind.OTHER,
    "video": ProseKind.OTHER,
    "ps": ProseKind.OTHER,
    "p.s.": ProseKind.OTHER,
    "tags": ProseKind.OTHER,
    "date": ProseKind.OTHER,
    "location": ProseKind.OTHER,
    "participants": ProseKind.INTRO,
    "speakers": ProseKind.INTRO,
    "present": ProseKind.INTRO,
    "cast": ProseKind.INTRO,
}

# Words that start sentences, not names: "The answer: no."
_NOT_FIRST = frozenset(
    [
        "the",
        "an",
        "this",
        "that",
        "these",
        "those",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "it",
        "one",
        "here",
        "there",
        "and",
        "but",
        "so",
        "or",
        "yes",
        "no",
        "well",
        "why",
        "what",
        "how",
        "when",
        "where",
        "who",
        "which",
        "because",
        "if",
        "then",
        "also",
        "plus",
        "bottom",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "of",
        "with",
        "by",
        "as",
        "first",
        "second",
        "third",
        "finally",
        "lastly",
        "next",
        "example",
        "answer",
        "question",
        "result",
        "summary",
        "step",
        "part",
        "chapter",
        "day",
        "week",
        "season",
        "episode",
        "act",
        "scene",
        "verdict",
        "conclusion",
        "takeaway",
        "tl;dr",
        "hint",
        "tip",
        "fact",
        "truth",
        "rule",
        "lesson",
        "problem",
        "point",
        "reason",
    ]
)

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "y",
        "e",
        "zu",
        "af",
    ]
)

_HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "mx",
        "mx.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "sir",
        "dame",
        "rev",
        "rev.",
        "lord",
        "lady",
        "president",
        "senator",
        "sen.",
        "rep.",
        "gov.",
        "judge",
        "justice",
        "father",
        "sister",
        "brother",
        "captain",
        "capt.",
        "col.",
        "gen.",
        "coach",
        "chef",
    ]
)


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

    """
    if not label or len(label) > 60 or label != label.strip():
        return 0
    key = _key(label)
    if key in _PROSE_WORDS:
        return 0
    if key in _ROLE_WORDS:
        return 2
    words = label.split(" ")
    if any(not word for word in words):
        return 0
    if len(words) == 2 and words[1].isdecimal() and len(words[1]) <= 3:
        # Numbered parts: "Speaker 1", "Interviewee 2", "P 3".
        head = _key(words[0])
        if head in _ROLE_WORDS or head in {"p", "r", "i", "person", "voice", "caller"}:
            return 2
        return 0
    if len(words) > 6:
        return 0
    if not all(_word_ok(word) for word in words):
        return 0
    if any(ch.isupper() for ch in label) and not any(ch.islower() for ch in label):
        # All capitals: "STAR", "DARREN STAR", "J.K. ROWLING".
        letters = sum(ch.isalpha() for ch in label)
        return 2 if letters >= 2 else 0
    if _key(words[0]) in _NOT_FIRST:
        return 0
    for index, word in enumerate(words):
        first = word[0]
        if first.isupper() or first.istitle():
            continue
        if not first.islower():
            # A script without case (日本語, العربية): cannot tell from shape.
            continue
        if index > 0 and _key(word) in _PARTICLES:
            continue
        return 0
    return 1


_TIME_PART = r"\d{1,3}(?::[0-5]\d){1,2}(?:[.,]\d{1,3})?"
# Every quantifier is bounded, so a match costs at most a constant per line.
_LEAD_TIME = re.compile(rf"(?:\[({_TIME_PART})\]|\(({_TIME_PART})\))[ \t]{{0,4}}")
_LABEL = re.compile(
    r"([^\W\d_][^:：\n\[\]()\"]{0,59}?)"
    r"((?:[ \t]{1,4}\([^():：\n\[\]]{1,20}\))?)"
    rf"(?:[ \t]{{0,4}}(?:\[({_TIME_PART})\]|\(({_TIME_PART})\)))?"
    r"[ \t]{0,2}[:：]([ \t]{0,8})"
)
_HEADER = re.compile(
    r"([^\W\d_][^:：\n\[\]()\"]{0,59}?)[ \t]{1,8}"
    rf"(?:\(({_TIME_PART})\)|\[({_TIME_PART})\]|({_TIME_PART}))[ \t]{{0,8}}"
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


def _time_of(first: str | None, second: str | None = None) -> int | None:
    """The time that ``first`` or else ``second`` gives, in milliseconds.

    Both come from a match of ``_TIME_PART``, so they are well formed: this
    reads them as `parse_time` would, without matching them again.
    """
    text = first if first is not None else second
    if text is None:
        return None
    clock, _, fraction = text.replace(",", ".").partition(".")
    parts = clock.split(":")
    if len(parts) == 2:
        hours, minutes, seconds = 0, int(parts[0]), int(parts[1])
    else:
        hours, minutes, seconds = int(parts[0]), int(parts[1]), int(parts[2])
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def find_label(line: str) -> LabelMatch | None:
    """Find a speaker label or a time stamp at the start of ``line``.

    Recognises ``NAME: text``, ``Name (AJ): text``, ``[00:12:34] NAME:
    text``, ``(12:34) text``, ``NAME (12:34): text``, ``NAME: (00:07) text``
    and ``Name  0:05`` header lines; a full-width colon counts too. The
    label must have the shape of one (`label_shape`).

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
            start_ms = _time_of(lead.group(1), lead.group(2))
            position = lead.end()
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
                late = _time_of(time_a, time_b)
            else:
                late = None
            if start_ms is not None:
                strength = 2
            elif late is None and line[text_start : text_start + 1] in ("[", "("):
                # "INTERVIEWER: (00:06) How did you ...": the time after the colon.
                after = _LEAD_TIME.match(line, text_start)
                if after is not None:
                    late = _time_of(after.group(1), after.group(2))
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
        start_ms=_time_of(match.group(2) or match.group(3) or match.group(4)),
        text_start=len(line),
        strength=2,
        alone=True,
        header=True,
    )


def _split_short(label: str) -> tuple[str, str | None]:
    """Split ``Adam Jonas (AJ)`` into the name and the declared short form."""
    if label.endswith(")"):
        open_at = label.rfind(" (")
        if open_at > 0:
            short = label[open_at + 2 : -1].strip()
            if short and "(" not in short:
                return label[:open_at].rstrip(), short
    return label, None


_CREDIT_PREFIXES = tuple(
    prefix.casefold()
    for prefix in (
        "Image via ",
        "Images via ",
        "Image: ",
        "Images: ",
        "Image by ",
        "Image courtesy ",
        "Image credit: ",
        "Photo via ",
        "Photo: ",
        "Photos: ",
        "Photo by ",
        "Photos by ",
        "Photo courtesy ",
        "Photo credit: ",
        "Photograph: ",
        "Photograph by ",
        "Photography by ",
        "Picture: ",
        "Picture by ",
        "Illustration: ",
        "Illustration by ",
        "Still via ",
        "Screenshot via ",
        "Video via ",
        "Courtesy of ",
        "Credit: ",
    )
)

_IMAGE_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".avif",
    ".svg",
    ".tif",
    ".tiff",
    ".heic",
)


def _is_credit(line: str) -> bool:
    if len(line) > 160 or "\n" in line:
        return False
    folded = line.casefold()
    if folded.startswith("(") and folded.endswith(")"):
        folded = folded[1:-1]
    return folded.startswith(_CREDIT_PREFIXES) and len(folded) > len("photo: ")


def _is_image(line: str) -> bool:
    if not line or len(line) > 300 or " " in line or any(map(str.isspace, line)):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    folded = line.casefold()
    if folded.endswith(_IMAGE_SUFFIXES) or "://" in folded:
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


def _caption_from_text(text: str) -> ImageCaption | None:
    """`caption_from_lines` of a paragraph's text."""
    # Most paragraphs are one line: no need to split them.
    if "\n" not in text:
        return caption_from_lines((text,))
    return caption_from_lines(text.split("\n"))


_CLOSING_PHRASES = (
    "edited for length",
    "edited for clarity",
    "condensed for clarity",
    "condensed and edited",
    "edited and condensed",
    "lightly edited",
    "has been edited",
    "has been condensed",
    "have been edited",
    "available to stream",
    "is now streaming",
    "now streaming on",
    "is streaming on",
    "are streaming on",
    "is available on",
    "is available now",
    "are available on",
    "is out now",
    "are out now",
    "in theaters",
    "in theatres",
    "premieres on",
    "airs on",
    "is available at",
)


_EDITED_PHRASES = _CLOSING_PHRASES[:9]


def _is_closing(text: str) -> bool:
    if len(text) > 400:
        return False
    return any(map(text.casefold().__contains__, _CLOSING_PHRASES))


def _is_edited_note(text: str) -> bool:
    if len(text) > 400:
        return False
    return any(map(text.casefold().__contains__, _EDITED_PHRASES))


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
        and (close < 0 or parse_time(first_line[1:close]) is None)
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
        kind = _PROSE_WORDS.get(_key(head))
        if kind is not None and kind is not ProseKind.INTRO:
            return kind
    dash = inner.find(" — ", 0, 40)
    if dash > 0 and _key(inner[:dash]) in _PROSE_WORDS:
        return _PROSE_WORDS[_key(inner[:dash])]
    return None


def _name_like(text: str) -> bool:
    return (
        0 < len(text) <= 60 and label_shape(text) > 0 and _key(text) not in _ROLE_WORDS
    )


def _role_from_words(text: str) -> Role | None:
    for word in re.split(r"[^\w-]+", text.casefold()):
        if word in _ROLE_WORDS and word not in {"a", "q", "speaker", "unknown"}:
            return _ROLE_WORDS[word]
    return None


_CAST_HEADERS = frozenset(
    {"participants", "speakers", "present", "cast", "interviewees", "in this interview"}
)


def parse_cast(lines: Sequence[str]) -> tuple[CastEntry, ...] | None:
    """Read a cast list, or return None if the lines are not one.

    Two shapes: ``Interviewer: Jane Doe`` lines (a part, a colon, a name; at
    least two lines), or a ``Participants:`` (``Speakers:``, ``Present:``,
    ``Cast:``) line followed by one ``Name``, ``Name (role)`` or ``Name,
    description`` line each.

    Example:
        >>> [e.name for e in parse_cast(["Interviewer: Jane Doe", "Guest: Bo Li"])]
        ['Jane Doe', 'Bo Li']

    """
    if not lines or len(lines) > 30:
        return None
    header = lines[0].rstrip()
    if header.endswith(":") and _key(header[:-1]) in _CAST_HEADERS and len(lines) >= 2:
        entries = []
        for line in lines[1:]:
            entry = _cast_line(line.strip().lstrip("-*• ").strip())
            if entry is None:
                return None
            entries.append(entry)
        return tuple(entries)
    if len(lines) < 2:
        return None
    entries = []
    for line in lines:
        colon = line.find(":")
        if colon <= 0:
            return None
        part, name = line[:colon].strip(), line[colon + 1 :].strip()
        role = _ROLE_WORDS.get(_key(part))
        if role is None or not _name_like(name):
            return None
        entries.append(CastEntry(name=name, role=role))
    return tuple(entries)


def _cast_line(line: str) -> CastEntry | None:
    name, rest = line, ""
    for separator in (" (", ", ", " — ", " – ", " - "):
        at = line.find(separator)
        if at > 0:
            name, rest = line[:at], line[at + len(separator) :]
            break
    name, short = _split_short(name) if rest == "" else (name.strip(), None)
    if not _name_like(name):
        return None
    return CastEntry(name=name, role=_role_from_words(rest), short=short)


def speaker_id(name: str, taken: Iterable[str] = ()) -> str:
    """A stable id for a speaker: the name in lowercase ASCII, hyphenated.

    Example:
        >>> speaker_id("Darren Star"), speaker_id("Zoë O’Brien"), speaker_id("日本")
        ('darren-star', 'zoe-obrien', 'speaker')

    """
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    )
    parts: list[str] = []
    current: list[str] = []
    for ch in ascii_name.lower():
        if ch.isalnum():
            current.append(ch)
        elif current:
            parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    base = "-".join(parts)[:40].strip("-") or "speaker"
    used = taken if isinstance(taken, (set, frozenset)) else set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


# --- resolution ---------------------------------------------------------------


@attrs.define
class _Person:
    id: str
    name: str
    role: Role | None = None
    labels: list[str] = attrs.field(factory=list)
    shorts: list[str] = attrs.field(factory=list)
    exact: bool = False  # the name is known exactly: no re-casing
    final: bool = False  # the role is known: no guessing

    def speaker(self) -> Speaker:
        aliases: list[str] = []
        for alias in [*self.labels, *self.shorts]:
            if alias != self.name and alias not in aliases and alias.strip():
                aliases.append(alias)
        return Speaker(id=self.id, name=self.name, role=self.role, aliases=aliases)


# How much of the prose to lowercase first when looking for how it writes a
# name: names are usually written in the introduction, at the start.
_LOWERED_HEAD = 1 << 16


class _Cast:
    def __init__(self, prose: str) -> None:
        self.people: list[_Person] = []
        self.by_key: dict[str, _Person] = {}
        self.by_exact: dict[str, _Person] = {}
        # Surnames, first names and initials of multi-word names.
        self.by_part: dict[str, list[_Person]] = {}
        self.ids: set[str] = set()
        self.prose = prose
        # The prose in lowercase, computed as far as the lookups need it.
        self.lowered_head: str | None = None
        self.lowered_prose: str | None = None
        self.casing_lookups = 0
        self.questioners: dict[int, _Person] = {}
        # Who may ask questions, best first (see _find_questioner).
        self.ranked: list[list[_Person]] | None = None

    def add(
        self, name: str, *, role: Role | None = None, exact: bool = False
    ) -> _Person:
        person = _Person(
            id=speaker_id(name, self.ids),
            name=name if exact else self._cased(name),
            role=role,
            exact=exact,
        )
        self.ids.add(person.id)
        self.people.append(person)
        self.ranked = None
        self.by_exact.setdefault(name, person)
        self.by_key.setdefault(_key(name), person)
        self.by_key.setdefault(_key(person.name), person)
        words = _key(person.name).split(" ")
        parts = [w for w in words if w not in _HONORIFICS]
        if len(parts) >= 2:
            initials = "".join(part[0] for part in parts)
            for part in {parts[0], parts[-1], initials}:
                self.by_part.setdefault(part, []).append(person)
        elif parts and len(words) >= 2:
            # "Mr. Smith": the surname alone names him too.
            self.by_part.setdefault(parts[0], []).append(person)
        return person

    def alias(self, person: _Person, label: str) -> None:
        self.by_key.setdefault(_key(label), person)

    def _cased(self, name: str) -> str:
        if not (
            any(ch.isupper() for ch in name) and not any(ch.islower() for ch in name)
        ):
            return name
        # Bounded: each lookup scans the prose once.
        if self.casing_lookups < 64 and self.prose:
            self.casing_lookups += 1
            found = self._find_cased(name)
            if found is not None:
                return found
        return _title(name)

    def _lowered(self, *, whole: bool) -> str:
        """The prose in lowercase: all of it, or a first part of it.

        Lowercasing one character depends on its neighbours only for a
        capital sigma, and never across a line break; so the first part,
        cut at a line break, lowers as it does within the whole.
        """
        if whole or len(self.prose) <= _LOWERED_HEAD:
            if self.lowered_prose is None:
                self.lowered_prose = self.prose.lower()
            return self.lowered_prose
        if self.lowered_head is None:
            cut = self.prose.rfind("\n", 0, _LOWERED_HEAD)
            self.lowered_head = self.prose[: max(cut, 0)].lower()
        return self.lowered_head

    def _find_cased(self, name: str) -> str | None:
        """How the prose writes ``name`` (found case-insensitively), if it does."""
        prose = self.prose
        target = name.lower()
        # U+0130 is the one character whose lowercase is longer than itself:
        # with it, positions in the lowered prose are not positions in the
        # prose.
        if "\u0130" in prose or len(target) != len(name):
            return None
        lowered = self._lowered(whole=False)
        start = 0
        for _ in range(20):
            at = lowered.find(target, start)
            if at < 0 and len(lowered) < len(prose):
                # Not in the first part: look on in the whole, from here.
                lowered = self._lowered(whole=True)
                at = lowered.find(target, start)
            if at < 0:
                return None
            found = prose[at : at + len(name)]
            before = prose[at - 1] if at else " "
            after = prose[at + len(name)] if at + len(name) < len(prose) else " "
            if (
                not before.isalnum()
                and not after.isalnum()
                and any(ch.islower() for ch in found)
            ):
                return found
            start = at + 1
        return None

    def partial(self, key: str) -> _Person | None:
        """The one speaker whose surname, first name or initials is ``key``."""
        words = key.split(" ")
        if words and words[0] in _HONORIFICS and len(words) > 1:
            words = words[1:]
            key = " ".join(words)
            if key in self.by_key:
                return self.by_key[key]
        if len(words) != 1:
            return None
        matches = self.by_part.get(key) or self.by_part.get(key.replace(".", ""))
        return matches[0] if matches and len(matches) == 1 else None


def _title(name: str) -> str:
    words = []
    for word in name.split(" "):
        if _key(word) in _PARTICLES:
            words.append(word.lower())
        else:
            words.append(word[:1] + word[1:].lower() if word else word)
    return " ".join(words)


@attrs.define
class _Item:
    paragraph: Paragraph
    kind: str  # "turn", "block", "plain", "cast"
    person: _Person | None = None
    text: str = ""
    block: Block | None = None
    labelled: bool = False
    marker_suffix: str = ""
    answer: bool = False  # the answer to a question marked by the reader

    def extend(self, text: str) -> None:
        """Add a paragraph to this turn."""
        if self.text or self.paragraph.marker is None:
            self.text += "\n\n" + text
        else:
            # A label alone, its speech in the next paragraph.
            self.text = text
            self.marker_suffix = "\n\n"


def _plain_text(paragraph: Paragraph) -> str:
    if paragraph.label is None:
        return paragraph.text
    return (paragraph.marker or "") + paragraph.text


def resolve(
    paragraphs: Sequence[Paragraph], options: ReadingOptions | None = None
) -> tuple[tuple[Speaker, ...], tuple[Block, ...]]:
    """Turn a reader's paragraphs into a cast and a body.

    Args:
        paragraphs: The paragraphs in document order.
        options: What the caller knows; defaults to `ReadingOptions()`.

    Returns:
        The speakers and the body blocks, ready for `Interview`.

    Example:
        >>> speakers, body = resolve([
        ...     Paragraph(text="It is Paris.", label="STAR", marker="STAR: "),
        ...     Paragraph(text="And Rome?"),
        ...     Paragraph(text="Later.", label="STAR", marker="STAR: "),
        ... ])
        >>> [(s.name, s.role.value) for s in speakers]
        [('Star', 'interviewee'), ('Interviewer', 'interviewer')]
        >>> [(b.speaker, b.label) for b in body]
        [('star', 'STAR'), ('interviewer', None), ('star', 'STAR')]

    """
    options = options or ReadingOptions()
    plain_texts: list[str] = []
    label_counts: dict[str, int] = {}
    cast_lists: list[tuple[CastEntry, ...]] = []
    for paragraph in paragraphs:
        label = paragraph.label
        if label is not None:
            label_counts[label] = label_counts.get(label, 0) + 1
        elif paragraph.block is None:
            plain_texts.append(paragraph.text)
        if paragraph.cast:
            cast_lists.append(paragraph.cast)
    prose = "\n".join(plain_texts)
    cast = _Cast(prose)
    base_counts: dict[str, int] = {}
    for label, count in label_counts.items():
        key = _key(_split_short(label)[0])
        base_counts[key] = base_counts.get(key, 0) + count
        # "Mr. Smith" once and "Smith" once back each other up.
        surname = " " + key.rsplit(" ", 1)[-1]
        base_counts[surname] = base_counts.get(surname, 0) + count

    for name in options.interviewers:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWER, exact=True)
    for name in options.interviewees:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWEE, exact=True)
    for entries in cast_lists:
        for entry in entries:
            if entry.final:
                # A declared speaker is its own person, even under a name
                # that another speaker shares.
                named = cast.add(entry.name, role=entry.role, exact=True)
                named.final = True
                continue
            known = cast.by_exact.get(entry.name) or cast.by_key.get(_key(entry.name))
            named = known or cast.add(entry.name, role=entry.role, exact=True)
            if named.role is None and not named.final:
                named.role = entry.role
            named.final = named.final or entry.final
            if entry.short:
                named.shorts.append(entry.short)
                cast.alias(named, entry.short)

    items: list[_Item] = []
    resolved: dict[tuple[str, bool], _Person] = {}
    mention_checks = 0
    for paragraph in paragraphs:
        if paragraph.block is not None:
            items.append(_Item(paragraph, "block", block=paragraph.block))
            continue
        if paragraph.cast:
            items.append(_Item(paragraph, "cast", text=paragraph.text))
            continue
        if paragraph.label is None:
            kind = "question" if paragraph.question else "plain"
            items.append(_Item(paragraph, kind, text=paragraph.text))
            continue
        label = paragraph.label
        exact = paragraph.exact_label
        # A label resolves once: later turns under it go to the same speaker.
        person = resolved.get((label, exact))
        if person is None:
            person = _lookup(cast, label, options, exact=exact)
            if person is None and paragraph.tentative:
                base_key = _key(_split_short(label)[0])
                confirmed = (
                    base_counts.get(base_key, 0) >= 2
                    or base_counts.get(" " + base_key.rsplit(" ", 1)[-1], 0) >= 2
                )
                if not confirmed and mention_checks < 64:
                    mention_checks += 1
                    confirmed = _mentioned(prose, _split_short(label)[0])
                if not confirmed:
                    items.append(_Item(paragraph, "plain", text=_plain_text(paragraph)))
                    continue
            if person is None:
                person = _new_person(cast, label, options, exact=exact)
            resolved[label, exact] = person
            if label not in person.labels:
                person.labels.append(label)
        items.append(
            _Item(paragraph, "turn", person=person, text=paragraph.text, labelled=True)
        )

    items = _merge_joined(items)
    blocks = _classify(items, cast, options)
    _give_roles(cast, blocks, options)
    speakers = tuple(person.speaker() for person in cast.people)
    body = _build(blocks)
    return speakers, body


def _mentioned(prose: str, name: str) -> bool:
    at = prose.find(name)
    while at >= 0:
        before = prose[at - 1] if at else " "
        end = at + len(name)
        after = prose[end] if end < len(prose) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = prose.find(name, at + 1)
    return False


def _lookup(
    cast: _Cast, label: str, options: ReadingOptions, *, exact: bool
) -> _Person | None:
    if exact:
        return cast.by_exact.get(label)
    mapped = options.names.get(label)
    if mapped is not None:
        return cast.by_exact.get(mapped) or cast.by_key.get(_key(mapped))
    base, _short = _split_short(label)
    key = _key(base)
    person = cast.by_key.get(key)
    if person is not None:
        return person
    role = _ROLE_WORDS.get(key)
    if role is not None and role is not Role.OTHER:
        # "MODERATOR:" is the one moderator a cast list named.
        holders = [p for p in cast.people if p.role is role and p.exact]
        if len(holders) == 1:
            return holders[0]
    return cast.partial(key)


def _new_person(
    cast: _Cast, label: str, options: ReadingOptions, *, exact: bool
) -> _Person:
    if exact:
        return cast.add(label, exact=True)
    mapped = options.names.get(label)
    if mapped is not None:
        person = cast.add(mapped, exact=True)
    else:
        base, short = _split_short(label)
        person = cast.add(base)
        if short:
            person.shorts.append(short)
            cast.alias(person, short)
    cast.alias(person, label)
    role = _ROLE_WORDS.get(
        _key(label.rsplit(" ", 1)[0] if label[-1:].isdigit() else label)
    )
    if role is not None and role is not Role.OTHER:
        person.role = role
    return person


def _merge_joined(items: list[_Item]) -> list[_Item]:
    """A demoted label on the line after a paragraph rejoins that paragraph."""
    merged: list[_Item] = []
    for item in items:
        if (
            item.kind == "plain"
            and item.paragraph.joined
            and item.paragraph.label is not None
            and merged
            and merged[-1].kind in ("plain", "turn")
        ):
            merged[-1].text += "\n" + item.text
            continue
        merged.append(item)
    return merged


def _classify(items: list[_Item], cast: _Cast, options: ReadingOptions) -> list[_Item]:
    # Questions that the markup marks count as turns for where the talk
    # starts and ends.
    kinds = [item.kind for item in items]
    turn_at = [
        index for index, what in enumerate(kinds) if what in ("turn", "question")
    ]
    # For each position, the next turn and the next paragraph that is not a
    # block, found in one backward pass so that the rules below stay linear.
    count = len(items)
    next_turn_at = [count] * (count + 1)
    next_open_at = [count] * (count + 1)
    turn_ahead = open_ahead = count
    for index in range(count - 1, -1, -1):
        what = kinds[index]
        if what == "turn":
            turn_ahead = open_ahead = index
        elif what != "block":
            open_ahead = index
        next_turn_at[index] = turn_ahead
        next_open_at[index] = open_ahead
    first = turn_at[0] if turn_at else count
    last = turn_at[-1] if turn_at else -1
    # Whether one speaker answers twice in a row (a question between them
    # left unlabelled) tells whether the document labels every turn
    # (unlabelled paragraphs continue a turn) or leaves questions bare.
    previous: _Person | None = None
    same = False
    for item in items:
        if item.kind == "turn":
            if item.person is previous and previous is not None:
                same = True
                break
            previous = item.person
    bare_questions = options.infer_questions and same

    result: list[_Item] = []
    current_turn: _Item | None = None  # the turn an unlabelled paragraph may extend
    last_speaker: _Person | None = None
    for index, item in enumerate(items):
        paragraph = item.paragraph
        if item.kind == "turn":
            result.append(item)
            current_turn = item
            last_speaker = item.person
            continue
        if item.kind == "cast":
            if item.text.strip():
                item.block = Prose(text=item.text, kind=ProseKind.INTRO)
                item.kind = "block"
                result.append(item)
            current_turn = None
            continue
        if item.kind == "block":
            result.append(item)
            current_turn = None
            continue
        text = item.text
        # What the paragraph reads as when it is not a turn of its own: a time
        # stamp in front of it is then part of its text.
        full = text if paragraph.label is not None else (paragraph.marker or "") + text
        timed = paragraph.start_ms is not None and paragraph.label is None
        caption = None if paragraph.verbatim else _caption_from_text(full)
        if caption is not None:
            result.append(_Item(paragraph, "block", block=caption))
            current_turn = None
            continue
        kind = None if paragraph.verbatim else prose_kind(full)
        if kind is None and item.kind == "question" and _is_closing(text):
            kind = ProseKind.CLOSING
        if kind is not None:
            result.append(_Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            current_turn = None
            continue
        if paragraph.aside and index >= first:
            if index > last:
                kind = ProseKind.CLOSING
            elif _is_edited_note(text):
                kind = ProseKind.EDITORS_NOTE
            else:
                kind = ProseKind.OTHER
            result.append(_Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            current_turn = None
            continue
        following = next_turn_at[index + 1]
        next_person = items[following].person if following < len(items) else None
        if item.kind == "question":
            answerer = next_person or last_speaker
            asker = (
                _questioner(cast, answerer, options)
                if answerer is not None
                else _interviewer(cast)
            )
            result.append(_Item(paragraph, "turn", person=asker, text=text))
            current_turn = result[-1]
            continue
        if (
            current_turn is not None
            and current_turn.paragraph.question
            and not current_turn.labelled
            and current_turn.person is not None
        ):
            asker = current_turn.person
            answerer = next(
                (
                    person
                    for person in (next_person, last_speaker)
                    if person is not None and person is not asker
                ),
                None,
            ) or _answerer(cast, asker)
            result.append(
                _Item(paragraph, "turn", person=answerer, text=text, answer=True)
            )
            current_turn = result[-1]
            continue
        if index < first:
            next_turn = items[first].person if first < len(items) else None
            if (
                bare_questions
                and _asks(text)
                and next_open_at[index + 1] >= first
                and next_turn is not None
            ):
                asker = _questioner(cast, next_turn, options)
                result.append(_Item(paragraph, "turn", person=asker, text=text))
                current_turn = result[-1]
                continue
            kind = ProseKind.EDITORS_NOTE if _is_edited_note(text) else ProseKind.INTRO
            result.append(_Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            continue
        if index > last and timed and last_speaker:
            # A time stamp starts a turn, even without a label.
            result.append(_Item(paragraph, "turn", person=last_speaker, text=text))
            current_turn = result[-1]
            continue
        if index > last:
            if _is_closing(text) or bare_questions or current_turn is None:
                result.append(
                    _Item(
                        paragraph,
                        "block",
                        block=Prose(text=full, kind=ProseKind.CLOSING),
                    )
                )
                current_turn = None
            else:
                current_turn.extend(full)
            continue
        if _is_edited_note(text):
            result.append(
                _Item(
                    paragraph,
                    "block",
                    block=Prose(text=full, kind=ProseKind.EDITORS_NOTE),
                )
            )
            current_turn = None
            continue
        after = next_person
        if bare_questions and after is last_speaker and last_speaker is not None:
            if (
                current_turn is not None
                and current_turn.person is not last_speaker
                and not timed
            ):
                current_turn.extend(full)  # a question in two paragraphs
                continue
            asker = _questioner(cast, last_speaker, options)
            result.append(_Item(paragraph, "turn", person=asker, text=text))
            current_turn = result[-1]
            continue
        if current_turn is not None and not timed:
            current_turn.extend(full)
            continue
        if last_speaker is not None:
            result.append(
                _Item(
                    paragraph,
                    "turn",
                    person=last_speaker,
                    text=text,
                )
            )
            current_turn = result[-1]
            continue
        result.append(
            _Item(paragraph, "block", block=Prose(text=full, kind=ProseKind.OTHER))
        )
    return result


def _suffixed(marker: str | None, suffix: str) -> str | None:
    return marker + suffix if marker is not None else None


def _asks(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith("?")


def _questioner(cast: _Cast, answerer: _Person, options: ReadingOptions) -> _Person:
    known = cast.questioners.get(id(answerer))
    if known is None:
        known = cast.questioners[id(answerer)] = _find_questioner(cast, answerer)
    return known


def _interviewer(cast: _Cast) -> _Person:
    """The interviewer, for a question before anyone has answered."""
    for person in cast.people:
        if person.role is Role.INTERVIEWER:
            return person
    return cast.add("Interviewer", role=Role.INTERVIEWER, exact=True)


def _answerer(cast: _Cast, asker: _Person) -> _Person:
    """Who answers the questions ``asker`` asks, when no label says."""
    others = [person for person in cast.people if person is not asker]
    for person in others:
        if person.role in (Role.INTERVIEWEE, Role.GUEST):
            return person
    for person in others:
        if person.role is None:
            return person
    return cast.add("Interviewee", role=Role.INTERVIEWEE, exact=True)


def _find_questioner(cast: _Cast, answerer: _Person) -> _Person:
    # Preference order: an interviewer; anyone not answering by role; anyone.
    # The first two of each list are enough, since only the answerer is
    # excluded; so this stays linear however many speakers there are.
    ranked = cast.ranked
    if ranked is None:
        ranked = cast.ranked = [[], [], []]
        for person in cast.people:
            if person.role is Role.INTERVIEWER and len(ranked[0]) < 2:
                ranked[0].append(person)
            answers = person.role in (Role.INTERVIEWEE, Role.GUEST)
            if not answers and len(ranked[1]) < 2:
                ranked[1].append(person)
            if len(ranked[2]) < 2:
                ranked[2].append(person)
    for group in ranked:
        for person in group:
            if person is not answerer:
                return person
    return cast.add("Interviewer", role=Role.INTERVIEWER, exact=True)


def _give_roles(cast: _Cast, items: list[_Item], options: ReadingOptions) -> None:
    for person in cast.people:
        for name, role in options.roles.items():
            if name == person.name or _key(name) in {
                _key(person.name),
                *(_key(label) for label in person.labels),
            }:
                person.role = role
    speaking_ids = {id(item.person) for item in items if item.person is not None}
    speaking = [p for p in cast.people if id(p) in speaking_ids]
    pair = len(speaking) == 2
    asked: dict[int, int] = {}
    for item in items:
        if (
            item.kind == "turn"
            and item.person is not None
            and not item.labelled
            and not item.answer
        ):
            asked[id(item.person)] = asked.get(id(item.person), 0) + 1
    speaking = [p for p in speaking if not p.final]
    for person in speaking:
        if person.role is None and asked.get(id(person)):
            person.role = Role.INTERVIEWER
    interviewers = [p for p in cast.people if p.role is Role.INTERVIEWER]
    unset = [p for p in speaking if p.role is None]
    if interviewers and len(unset) == 1 and pair:
        unset[0].role = Role.INTERVIEWEE
    elif not interviewers and len(unset) == 2 and pair:
        questions = {id(p): 0 for p in unset}
        for item in items:
            if item.kind == "turn" and item.person is not None and _asks(item.text):
                questions[id(item.person)] += 1
        one, two = unset
        if questions[id(one)] != questions[id(two)]:
            asker, answerer = (
                (one, two) if questions[id(one)] > questions[id(two)] else (two, one)
            )
            asker.role, answerer.role = Role.INTERVIEWER, Role.INTERVIEWEE


def _build(items: list[_Item]) -> tuple[Block, ...]:
    body: list[Block] = []
    for item in items:
        if item.kind == "block":
            assert item.block is not None
            body.append(item.block)
            continue
        paragraph = item.paragraph
        assert item.person is not None
        label: str | None = None
        start_ms: int | None = None
        marker: str | None = None
        # A demoted label (not labelled, yet with a label) is part of the text.
        if item.labelled or paragraph.label is None:
            label = paragraph.label
            start_ms = paragraph.start_ms
            marker = _suffixed(paragraph.marker, item.marker_suffix)
        body.append(
            Turn(
                speaker=item.person.id,
                text=item.text,
                label=label,
                start_ms=start_ms,
                marker=marker,
            )
        )
    return tuple(body)
