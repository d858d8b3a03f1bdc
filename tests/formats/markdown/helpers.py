"""What the Markdown tests share: the round trip, and HTML as sites render it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

import interviewkit as ik

ALLOWED_TAGS = {"p", "strong", "em", "h1", "img", "br"}


def rendered_body(markdown: str) -> str:
    """Render the body as GitHub and mkdocs do: front matter removed, HTML on."""
    body = markdown.split("\n---\n", 1)[1]
    return MarkdownIt("commonmark", {"html": True}).render(body)


def assert_only_markup_of_the_layout(rendered: str) -> None:
    without_markers = re.sub(
        r"<!-- (?:turn \{[^\n]*?\}|caption(?: \{[^\n]*?\})?|prose: [a-z_]+) -->\n",
        "",
        rendered,
    )
    assert "<!--" not in without_markers
    tags = {
        tag.lower()
        for tag in re.findall(r"</?([A-Za-z][A-Za-z0-9-]*)", without_markers)
    }
    assert tags <= ALLOWED_TAGS


def escape_html(text: str) -> str:
    """Escape text the way markdown-it writes text into HTML."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def round_trip(iv: ik.Interview) -> ik.Interview:
    return ik.loads(ik.dumps(iv, format="markdown"), format="markdown")
