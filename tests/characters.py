"""What a reader must never lose: the visible characters of a document."""

from __future__ import annotations

from collections import Counter
from typing import Any

import interviewkit as ik
from interviewkit.formats.markdown.human_kept import reading_parser


def visible(text: str) -> str:
    """``text`` without its white space."""
    return "".join(character for character in text if not character.isspace())


def body_characters(interview: ik.Interview) -> str:
    """Every character of the body, in order, with what introduced each turn."""
    parts: list[str] = []
    for block in interview.body:
        if isinstance(block, ik.Turn):
            parts += [block.marker or "", block.text]
        elif isinstance(block, ik.Prose):
            parts.append(block.text)
        else:
            parts += [block.image or "", block.caption or "", block.credit or ""]
    return "".join(parts)


def kept_characters(interview: ik.Interview) -> str:
    """Every character an interview keeps: its title, each turn's label (with
    the colon a label ends with), and the body."""
    labels = [
        f"{turn.label}:" for turn in interview.turns if turn.label and not turn.marker
    ]
    return (interview.title or "") + "".join(labels) + body_characters(interview)


def _inline_characters(children: list[Any], hidden: list[str]) -> list[str]:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "image":
            hidden += [child.content, str(child.attrs.get("title") or "")]
        elif child.type == "link_open":
            hidden.append(str(child.attrs.get("title") or ""))
    return parts


def markdown_characters(markdown: str) -> tuple[str, list[str]]:
    """What the writer of a Markdown document wrote as words: the text a page
    shows and the code and definitions it hides, and the texts it shows only
    on hover or instead of an image (alt texts and titles).

    Not the markup, and not HTML comments. A reader must keep every character
    of the first, and each of the others somewhere: an alt text that repeats
    the caption need not be repeated.
    """
    env: dict[str, Any] = {}
    parts: list[str] = []
    hidden: list[str] = []
    for token in reading_parser().parse(markdown, env):
        if token.type == "inline":
            parts += _inline_characters(token.children or [], hidden)
        elif token.type in ("fence", "code_block"):
            parts += [token.info, token.content]
        elif token.type == "html_block":
            text = token.content.strip()
            comment = text.startswith("<!--") and text.endswith("-->")
            if not (comment and text.count("-->") == 1):
                parts.append(token.content)
    definitions = [*env.get("references", {}).values(), *env.get("duplicate_refs", [])]
    for definition in definitions:
        parts += [definition["href"], definition["title"]]
    return "".join(parts), [text for text in hidden if visible(text)]


def lost(source: str, kept: str) -> Counter[str]:
    """The visible characters of ``source`` that ``kept`` has fewer of."""
    return Counter(visible(source)) - Counter(visible(kept))


def missing(texts: list[str], kept: str) -> list[str]:
    """The ``texts`` whose visible characters ``kept`` does not hold in a row."""
    shown = visible(kept)
    return [text for text in texts if visible(text) not in shown]
