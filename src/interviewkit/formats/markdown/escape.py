"""Escaping text for Markdown, so that any text survives and none renders as markup.

The rules are listed in the package docstring; `encode` applies them to one
line and `decode` undoes them.
"""

from __future__ import annotations

import functools
import html
import re

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
EMPTY_LINE = "&#10;"


_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_URL_IGNORED = re.compile("[\t\n\r]")
_URL_TRIMMED = "".join(map(chr, range(0x21)))


def unsafe_destination(url: str) -> bool:
    """Whether a link to ``url`` could run a script or show arbitrary data.

    The check reads the URL as browsers do (tabs and newlines removed, C0
    controls and spaces trimmed, the scheme in any case) and refuses
    ``javascript:``, ``vbscript:`` and ``data:``, which some renderers pass
    through as they are.

    Example:
        >>> unsafe_destination(" JavaScript:alert(1)")
        True
        >>> unsafe_destination("emily-in-paris.jpg")
        False

    """
    cleaned = _URL_IGNORED.sub("", url).strip(_URL_TRIMMED).lower()
    return cleaned.startswith(_UNSAFE_SCHEMES)


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
    "\n": EMPTY_LINE,
}


@functools.cache
def _middle_pattern(always: str) -> re.Pattern[str]:
    if not always:
        return re.compile(_MIDDLE)
    return re.compile(f"[{re.escape(always)}]|{_MIDDLE}")


def encode(text: str, *, line_start: bool = True, always: str = "") -> str:
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


def encode_lines(text: str) -> list[str]:
    """The Markdown lines of a text: one a line of text, blank lines kept."""
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        if line:
            out.append(encode(line))
        elif 0 < index < len(lines) - 1 and lines[index - 1] and lines[index + 1]:
            out.append("")
        else:
            out.append(EMPTY_LINE)
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


def decode(text: str) -> str:
    """Undo `encode`: backslash escapes and character references."""
    if "\\" not in text and "&" not in text:
        return text
    return _DECODABLE.sub(_unescape_match, text)


def decode_line(line: str) -> str:
    return "" if line in ("", EMPTY_LINE) else decode(line)


def find_unescaped(text: str, target: str, start: int) -> int:
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
