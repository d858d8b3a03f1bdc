"""What Markdown hides from the page, kept as text when people's Markdown is read.

A link's address and title, a link reference definition, an image's alt
text and title, a fenced code block's info string: a renderer shows some of
them only on hover or not at all, but they are words the writer wrote, and
the reader of Markdown as people write it (`human`) keeps them as text
where the model has no place for them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt

from interviewkit._reading.markup import caption_with

__all__ = [
    "caption_with",
    "code_text",
    "link_suffix",
    "reading_parser",
    "reference_definitions",
]


def _keep_link(url: str) -> str:
    # CommonMark renderers percent-encode a destination and turn a host name
    # into punycode; a reader of text wants it as written. Surrogates, which
    # a str may hold, then never reach a UTF-8 encoder.
    return url


def _link_text(url: str, default: Any) -> str:
    try:
        return str(default(url))
    except UnicodeError:
        return url


def reading_parser() -> MarkdownIt:
    """A CommonMark parser that keeps link destinations as written.

    Example:
        >>> tokens = reading_parser().parseInline("[Paris](https://café.fr)")
        >>> tokens[0].children[0].attrs["href"]
        'https://café.fr'

    """
    parser = MarkdownIt("commonmark")
    default_text = parser.normalizeLinkText
    parser.normalizeLink = _keep_link  # type: ignore[method-assign]
    parser.normalizeLinkText = (  # type: ignore[method-assign]
        lambda link: _link_text(link, default_text)
    )
    return parser


def link_suffix(href: str, title: str | None, shown: str) -> str:
    """What follows a link's text: its address unless the text shows it, its title.

    Example:
        >>> link_suffix("https://a.org", "A site", "site")
        ' (https://a.org "A site")'
        >>> link_suffix("https://a.org", None, "https://a.org")
        ''

    """
    parts = []
    if href and href not in (shown, "mailto:" + shown) and not href.startswith("#"):
        parts.append(href)
    if title and title not in shown:
        parts.append(f'"{title}"')
    return f" ({' '.join(parts)})" if parts else ""


def code_text(token: Any) -> str:
    """A code block's text, with its fences when it has an info string.

    ```` ```python ```` says what the code is: the info string stays, in the
    fence it was written in.
    """
    content = str(token.content).rstrip("\n")
    info = str(getattr(token, "info", "") or "").strip()
    if token.type != "fence" or not info:
        return content
    fence = str(token.markup)
    return f"{fence}{info}\n{content}\n{fence}" if content else f"{fence}{info}"


# The label of a reference definition as its source wrote it.
_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.)+)\][ \t]*:")


def reference_definitions(
    env: Mapping[str, Any], lines: Sequence[str]
) -> list[tuple[int, str]]:
    """The link reference definitions of a parse, as lines of text.

    Args:
        env: The environment the parser filled in.
        lines: The lines that were parsed.

    Returns:
        Each definition's 0-based first line and its text,
        ``[label]: destination "title"``, the label as written.

    Example:
        >>> env = {}
        >>> source = "See [the site][1].\\n\\n[1]: https://a.org 'A site'"
        >>> _ = reading_parser().parse(source, env)
        >>> reference_definitions(env, source.split("\\n"))
        [(2, '[1]: https://a.org "A site"')]

    """
    definitions = [
        {**reference, "label": label}
        for label, reference in env.get("references", {}).items()
    ]
    definitions += env.get("duplicate_refs", [])
    found = []
    for definition in definitions:
        start, end = definition["map"]
        written = _LABEL.search("\n".join(lines[start:end]))
        label = written.group(1) if written else definition["label"]
        text = f"[{label}]: {definition['href']}"
        if definition["title"]:
            text += f' "{definition["title"]}"'
        found.append((start, text))
    return sorted(found)
