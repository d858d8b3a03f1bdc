"""Searching the text of an interview."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from interviewkit.errors import PatternError
from interviewkit.model._blocks import Block, Prose, Speaker, Turn
from interviewkit.model._lookup import find_speaker

if TYPE_CHECKING:
    from interviewkit.model._interview import Interview

# --- search -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Match:
    """One place where a search pattern matched.

    Args:
        index: The index of the block in `Interview.body`.
        block: The block: a `Turn`, or a `Prose` or `ImageCaption` when the
            search included them.
        speaker: The speaker of the turn; None for prose and captions.
        field: The attribute of the block that matched: ``"text"`` for turns
            and prose; ``"image"``, ``"caption"`` or ``"credit"`` for
            captions.
        start: Where the match starts in that text (a character index).
        end: Where it ends (exclusive); ``text[start:end]`` is what matched.
        context: How many characters of context `snippet` shows on each
            side, at most.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="darren-star", name="Darren Star")],
        ...     body=[ik.Turn(speaker="darren-star", text="It was filmed in one day.")],
        ... )
        >>> match = search(iv, "filmed")[0]
        >>> match.index, match.speaker.name, match.start, match.end
        (0, 'Darren Star', 7, 13)
        >>> match.matched
        'filmed'
        >>> search(iv, "one", context=11)[0].snippet
        '…filmed in one day.'

    """

    index: int
    block: Block
    speaker: Speaker | None
    field: str
    start: int
    end: int
    context: int = 30

    @property
    def text(self) -> str:
        """The whole text the pattern matched in."""
        text: str = getattr(self.block, self.field)
        return text

    @property
    def matched(self) -> str:
        """The part of the text that matched."""
        return self.text[self.start : self.end]

    @property
    def snippet(self) -> str:
        """The match with up to `context` characters around it, on one line.

        Runs of white space (line breaks too) become one space, the context
        is cut at white space rather than inside a word where it can be, and
        ``…`` marks where the text goes on.
        """
        return _snippet(self.text, self.start, self.end, self.context)

    def __str__(self) -> str:
        if self.speaker is not None:
            where = " ".join(self.speaker.name.split())
        elif isinstance(self.block, Prose):
            where = "[" + self.block.kind.value.replace("_", " ") + "]"
        else:
            where = f"[{self.field}]"
        return f"#{self.index} {where}: {self.snippet}"


# Global inline flags must stay at the start of a pattern, so they are lifted
# out before the pattern is wrapped; the compiled flags keep their effect.
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")
_WHITESPACE = re.compile(r"\s")


def _compile(
    pattern: str, *, regex: bool, ignore_case: bool, whole_word: bool
) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise TypeError(f"a search pattern is a str, not {type(pattern).__name__}")
    if not pattern:
        raise PatternError("the search pattern is empty", pattern=pattern)
    source = pattern if regex else re.escape(pattern)
    flags = re.IGNORECASE if ignore_case else 0
    try:
        compiled = re.compile(source, flags)
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise PatternError(
            f"invalid regular expression {pattern!r}: {error.msg}{where}",
            pattern=pattern,
            position=error.pos,
        ) from error
    if not whole_word:
        return compiled
    flags_at_start = _LEADING_FLAGS.match(source)
    inner = source[flags_at_start.end() :] if flags_at_start else source
    # A verbose pattern may end in a comment, which would swallow the ")".
    newline = "\n" if compiled.flags & re.VERBOSE else ""
    return re.compile(rf"(?<!\w)(?:{inner}{newline})(?!\w)", compiled.flags)


def _snippet(text: str, start: int, end: int, context: int) -> str:
    left_start = max(0, start - context)
    right_end = min(len(text), end + context)
    left = text[left_start:start]
    right = text[end:right_end]
    # Cut at white space rather than through a word, when there is some.
    if left_start > 0 and not text[left_start - 1].isspace():
        space = _WHITESPACE.search(left)
        if space is not None:
            left = left[space.end() :]
    if right_end < len(text) and not text[right_end].isspace():
        space = _WHITESPACE.search(right[::-1])
        if space is not None:
            right = right[: len(right) - space.end()]
    # str.split() splits on the same white space as the regex's \s.
    middle = " ".join((left + text[start:end] + right).split())
    before = "…" if left_start > 0 else ""
    after = "…" if right_end < len(text) else ""
    return f"{before}{middle}{after}"


def search(
    interview: Interview,
    pattern: str,
    *,
    speaker: str | Speaker | None = None,
    regex: bool = False,
    ignore_case: bool = True,
    whole_word: bool = False,
    include_prose: bool = False,
    include_captions: bool = False,
    context: int = 30,
) -> tuple[Match, ...]:
    """Find a word, a phrase or a regular expression in an interview.

    Args:
        interview: The interview to search.
        pattern: What to look for: literal text, or a regular expression
            when ``regex`` is true.
        speaker: Search only the turns of this speaker (a key or a
            `Speaker`). Prose and captions have no speaker and are then
            left out.
        regex: Read ``pattern`` as a Python regular expression. Its run time
            is the regular expression's own: keep it free of nested
            repetition on untrusted input.
        ignore_case: Match regardless of case.
        whole_word: Match only where the match is not next to a letter,
            digit or underscore on either side.
        include_prose: Search prose blocks too.
        include_captions: Search captions too: the image, the caption and
            the credit.
        context: How many characters of context the snippet shows on each
            side of a match, at most.

    Returns:
        The matches in body order, and in text order within a block. Matches
        do not overlap; a match of no characters (``x*`` where there is no
        ``x``) is not reported.

    Raises:
        PatternError: The pattern is empty, or ``regex`` is true and it is
            not a valid regular expression.
        SpeakerLookupError: ``speaker`` names no speaker, or several.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="collider", name="Collider")],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="Did you film in Versailles?"),
        ...         ik.Prose(text="RELATED: Emily in Paris", kind="related"),
        ...         ik.ImageCaption(image="emily-in-paris", credit="Image via Netflix"),
        ...     ],
        ... )
        >>> [match.matched for match in search(iv, "film", whole_word=True)]
        ['film']
        >>> [str(match) for match in search(iv, r"v\\w+s", regex=True, context=6)]
        ['#0 Collider: …in Versailles?']
        >>> [str(match) for match in search(iv, "paris", include_prose=True)]
        ['#1 [related]: RELATED: Emily in Paris']
        >>> [str(match) for match in search(iv, "netflix", include_captions=True)]
        ['#2 [credit]: Image via Netflix']

    """
    compiled = _compile(
        pattern, regex=regex, ignore_case=ignore_case, whole_word=whole_word
    )
    if context < 0:
        raise ValueError(f"context must not be negative, got {context}")
    only = None if speaker is None else find_speaker(interview, speaker).id
    cast = {person.id: person for person in interview.speakers}
    matches: list[Match] = []
    for index, block in enumerate(interview.body):
        who: Speaker | None = None
        fields: tuple[tuple[str, str | None], ...]
        if isinstance(block, Turn):
            if only is not None and block.speaker != only:
                continue
            who = cast[block.speaker]
            fields = (("text", block.text),)
        elif isinstance(block, Prose):
            if not include_prose or only is not None:
                continue
            fields = (("text", block.text),)
        else:
            if not include_captions or only is not None:
                continue
            fields = (
                ("image", block.image),
                ("caption", block.caption),
                ("credit", block.credit),
            )
        for field, text in fields:
            if text is None:
                continue
            for found in compiled.finditer(text):
                start, end = found.span()
                if start == end:
                    continue
                matches.append(
                    Match(
                        index=index,
                        block=block,
                        speaker=who,
                        field=field,
                        start=start,
                        end=end,
                        context=context,
                    )
                )
    return tuple(matches)
