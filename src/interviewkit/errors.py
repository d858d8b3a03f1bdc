"""The exceptions interviewkit raises.

Every exception derives from `InterviewkitError`, so one ``except`` clause
catches them all. Each keeps its inputs as attributes and pickles.
"""

from __future__ import annotations

__all__ = [
    "FormatError",
    "InterviewkitError",
    "ParseError",
    "PatternError",
    "ReadWarning",
    "SpeakerLookupError",
    "ValidationError",
]


class InterviewkitError(Exception):
    """Base class of every exception interviewkit raises on purpose."""


class ValidationError(InterviewkitError, ValueError):
    """An attempt to build a model object that would be invalid.

    Args:
        message: What is wrong, in words.
        path: Where inside the object it is wrong, as attribute names and
            indices from the object being built, for example
            ``("body", 3, "speaker")``. Empty when the object as a whole is
            at fault.

    Example:
        >>> from interviewkit import Speaker
        >>> Speaker(id="", name="Darren Star")
        Traceback (most recent call last):
        ...
        interviewkit.errors.ValidationError: id must not be empty or blank

    """

    def __init__(self, message: str, *, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_validation_error, (self.message, self.path))


def _rebuild_validation_error(
    message: str, path: tuple[str | int, ...]
) -> ValidationError:
    return ValidationError(message, path=path)


class FormatError(InterviewkitError, ValueError):
    """A format that is unknown, or that cannot be told for a document.

    Its message says what was asked for and lists the candidates.

    Args:
        message: What went wrong, in words.
        name: The format name that was asked for, if one was.
        path: The file whose format could not be told, if any.
        candidates: The names of the formats that were considered: the
            known formats, the ones that claim a suffix, or the ones whose
            content sniffers all said yes.

    Example:
        >>> import interviewkit as ik
        >>> try:
        ...     ik.get_format("pdf")
        ... except ik.FormatError as error:
        ...     print(error)  # doctest: +ELLIPSIS
        ...     print(error.name, "json" in error.candidates)
        unknown format 'pdf'; known formats: ...json (.json)...
        pdf True

    """

    def __init__(
        self,
        message: str,
        *,
        name: str | None = None,
        path: str | None = None,
        candidates: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.path = path
        self.candidates = tuple(candidates)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_format_error,
            (self.message, self.name, self.path, self.candidates),
        )


def _rebuild_format_error(
    message: str, name: str | None, path: str | None, candidates: tuple[str, ...]
) -> FormatError:
    return FormatError(message, name=name, path=path, candidates=candidates)


class ParseError(InterviewkitError, ValueError):
    """Input that a reader cannot turn into a valid `Interview`.

    It prints as ``source:line:column: message``, the way compilers and
    linters report, so editors and terminals can jump to the spot. Line and
    column count from 1; a column counts characters, not bytes. An error in
    the structure of a document rather than its syntax may have no line and
    column but a `path` instead, printed after the message.

    Args:
        message: What was found and what was expected.
        format: The name of the format being read (``"json"``, ...).
        line: The 1-based line of the problem, if known.
        column: The 1-based column of the problem, if known.
        source: Where the input came from: a path, or ``"<string>"``.
        path: For structural errors, a JSON-path-like location such as
            ``$.interview.body[3].speaker``.

    Example:
        >>> import interviewkit as ik
        >>> try:
        ...     ik.loads('{"version": 1', format="json")
        ... except ik.ParseError as error:
        ...     print(error)
        <string>:1:14: json: expecting ',' delimiter

    """

    def __init__(
        self,
        message: str,
        *,
        format: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.format = format
        self.line = line
        self.column = column
        self.source = source
        self.path = path

    def __str__(self) -> str:
        where = self.source if self.source is not None else "<string>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.format}: " if self.format else ""
        at = f" @ {self.path}" if self.path else ""
        return f"{where}: {what}{self.message}{at}"

    def with_source(self, source: str) -> ParseError:
        """Return a copy of this error that names ``source`` as its origin."""
        return ParseError(
            self.message,
            format=self.format,
            line=self.line,
            column=self.column,
            source=source,
            path=self.path,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_parse_error,
            (
                self.message,
                self.format,
                self.line,
                self.column,
                self.source,
                self.path,
            ),
        )


def _rebuild_parse_error(
    message: str,
    format: str | None,
    line: int | None,
    column: int | None,
    source: str | None,
    path: str | None,
) -> ParseError:
    return ParseError(
        message, format=format, line=line, column=column, source=source, path=path
    )


class SpeakerLookupError(InterviewkitError, KeyError):
    """A speaker key that names no speaker of an interview, or several.

    It is a `KeyError`, so code that looks speakers up like a mapping keeps
    working, but it prints its message as written rather than quoted.

    Args:
        message: What was looked up and what was found instead.
        key: The key as given.
        candidates: The ids of the speakers worth suggesting: the closest
            ones for an unknown key, every match for an ambiguous one.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(speakers=[ik.Speaker(id="star", name="Darren Star")])
        >>> iv.speaker("Daren Starr")
        Traceback (most recent call last):
        ...
        interviewkit.errors.SpeakerLookupError: no speaker 'Daren Starr'; closest: ...

    """

    def __init__(
        self, message: str, *, key: str, candidates: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.candidates = candidates

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_speaker_lookup_error,
            (self.message, self.key, self.candidates),
        )


def _rebuild_speaker_lookup_error(
    message: str, key: str, candidates: tuple[str, ...]
) -> SpeakerLookupError:
    return SpeakerLookupError(message, key=key, candidates=candidates)


class PatternError(InterviewkitError, ValueError):
    """A search pattern that cannot be used: an invalid or empty regex.

    Args:
        message: What is wrong with the pattern.
        pattern: The pattern as given.
        position: Where in the pattern the problem is (0-based), if known.

    Example:
        >>> import interviewkit as ik
        >>> ik.Interview().search("(unclosed", regex=True)
        Traceback (most recent call last):
        ...
        interviewkit.errors.PatternError: invalid regular expression '(unclosed': ...

    """

    def __init__(
        self, message: str, *, pattern: str, position: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.pattern = pattern
        self.position = position

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_pattern_error, (self.message, self.pattern, self.position))


def _rebuild_pattern_error(
    message: str, pattern: str, position: int | None
) -> PatternError:
    return PatternError(message, pattern=pattern, position=position)


class ReadWarning(UserWarning):
    """Something a reader repaired or doubts, with where it is in the source.

    Readers report through Python's `warnings` what they had to repair (a
    broken cue in a subtitle file) and what they could not make sense of (a
    document in which they found no speech). With ``strict=True`` the same
    things raise `ParseError` instead. It prints as ``ParseError`` does:
    ``source:line:column: format: message``.

    Args:
        message: What was found, and what the reader made of it.
        format: The name of the format being read.
        line: The 1-based line, if known.
        column: The 1-based column, if known.
        source: Where the input came from: a path, or ``"<string>"``.

    Example:
        >>> import warnings
        >>> import interviewkit as ik
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     iv = ik.loads("Just a paragraph, no one speaking.", format="text")
        >>> print(caught[0].message)  # doctest: +ELLIPSIS
        <string>:1:1: text: no speech found...

    """

    def __init__(
        self,
        message: str,
        *,
        format: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.format = format
        self.line = line
        self.column = column
        self.source = source

    def __str__(self) -> str:
        return str(
            ParseError(
                self.message,
                format=self.format,
                line=self.line,
                column=self.column,
                source=self.source,
            )
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_read_warning,
            (self.message, self.format, self.line, self.column, self.source),
        )


def _rebuild_read_warning(
    message: str,
    format: str | None,
    line: int | None,
    column: int | None,
    source: str | None,
) -> ReadWarning:
    return ReadWarning(message, format=format, line=line, column=column, source=source)
