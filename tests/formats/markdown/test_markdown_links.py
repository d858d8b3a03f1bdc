"""The Markdown writer never writes an active link to a script or to data.

An image name is data: it may be ``javascript:alert(1)``. CommonMark
renderers refuse such a destination, but others (Python-Markdown, which
mkdocs uses) render whatever they are given, and a browser runs it. The
writer keeps such a name in a comment instead of an image line.
"""

from __future__ import annotations

import html.parser
import re

import markdown
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import interviewkit as ik

UNSAFE = ("javascript:", "vbscript:", "data:")


class _Attributes(html.parser.HTMLParser):
    """The URL attributes of rendered HTML, entities decoded as a browser does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "formaction"):
                self.urls.append(value or "")


def as_a_browser_reads(url: str) -> str:
    # The URL standard: strip leading and trailing C0 controls and spaces,
    # remove tabs and newlines anywhere; schemes are case-insensitive.
    url = re.sub("[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    return url.lower()


def active_urls(html_text: str) -> list[str]:
    parser = _Attributes()
    parser.feed(html_text)
    parser.close()
    return [url for url in parser.urls if as_a_browser_reads(url).startswith(UNSAFE)]


def renderings(document: str) -> list[str]:
    body = document.split("\n---\n", 1)[1]
    return [
        MarkdownIt("commonmark", {"html": True}).render(body),
        markdown.markdown(body, extensions=["tables", "toc"]),
    ]


def with_image(image: str) -> ik.Interview:
    return ik.Interview(body=[ik.ImageCaption(image=image, caption="A picture")])


SCHEMES = st.sampled_from(["javascript:", "vbscript:", "data:", "JaVaScRiPt:", "DATA:"])
NOISE = st.sampled_from(
    ["", " ", "\t", "\n", "\x00", "\x01", "\x1f", "&#32;", "\u00a0"]
)
PAYLOADS = st.sampled_from(
    ["alert(1)", "alert(document.cookie)", "text/html,<script>x</script>", ""]
)


@st.composite
def hostile_images(draw: st.DrawFn) -> str:
    scheme = draw(SCHEMES)
    cut = draw(st.integers(0, len(scheme)))
    inside = draw(st.sampled_from(["", "\t", "\n"]))
    image = (
        draw(NOISE)
        + scheme[:cut]
        + inside
        + scheme[cut:]
        + draw(PAYLOADS)
        + draw(NOISE)
    )
    return image if image.strip() else "javascript:"


def test_the_finding_an_image_named_javascript_is_no_active_image() -> None:
    document = ik.dumps(with_image("javascript:alert(1)"), format="markdown")
    for rendered in renderings(document):
        assert not active_urls(rendered)
    assert "](javascript:" not in document


@given(hostile_images())
@example("javascript:alert(1)")
@example("vbscript:msgbox(1)")
@example("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")
@example("data:image/png;base64,iVBORw0KGgo=")  # CommonMark lets this one through
@example(" javascript:alert(1)")
@example("java\tscript:alert(1)")
@example("\x01javascript:alert(1)")
@example("JAVASCRIPT:alert(1)")
def test_no_script_or_data_destination_renders_active(image: str) -> None:
    iv = with_image(image)
    document = ik.dumps(iv, format="markdown")
    for rendered in renderings(document):
        assert not active_urls(rendered)
    assert ik.loads(document, format="markdown") == iv


def test_a_plain_image_name_is_still_an_image_line() -> None:
    document = ik.dumps(with_image("https://example.com/a.jpg"), format="markdown")
    assert "![A picture](https://example.com/a.jpg)" in document


def test_an_unsafe_image_name_is_kept_in_a_caption_comment() -> None:
    iv = ik.Interview(
        body=[ik.ImageCaption(image="javascript:alert(1)", credit="Image via X")]
    )
    document = ik.dumps(iv, format="markdown")
    assert '<!-- caption {"image": "javascript:alert(1)"} -->' in document
    assert ik.loads(document, format="markdown") == iv


def test_an_image_alone_with_an_unsafe_name_reads_back() -> None:
    iv = with_image("data:text/html,x")
    iv = ik.Interview(body=[ik.ImageCaption(image="data:text/html,x")])
    assert ik.loads(ik.dumps(iv, format="markdown"), format="markdown") == iv
