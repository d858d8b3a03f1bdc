"""HTML properties: the round trip, and no text of the model ever becomes markup."""

from __future__ import annotations

import json

import html5lib
from hypothesis import example, given

import interviewkit as ik
from tests.strategies import interviews

NS = "{http://www.w3.org/1999/xhtml}"

# Every element and attribute the writer puts on a page: anything else in
# the page as a browser builds it came from the model's text.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "article", "header", "h1",
    "dl", "dt", "dd", "time", "a", "ul", "li", "span", "div", "cite", "p",
    "figure", "img", "figcaption", "small",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "charset", "name", "content", "class", "aria-label", "datetime",
    "href", "src", "alt", "loading", "data-interviewkit", "data-language",
    "data-codes", "data-field", "data-extra", "data-list", "data-id",
    "data-role", "data-speaker", "data-label", "data-marker", "data-start",
    "data-end", "data-cues", "data-words", "data-image", "data-kind",
}  # fmt: skip


def as_html_keeps_it(interview: ik.Interview) -> str:
    """The interview's JSON with U+0000 as U+FFFD, which HTML cannot hold."""
    return ik.dumps(interview, format="json").replace("\\u0000", "\ufffd")


def text_of(element) -> str:  # type: ignore[no-untyped-def]
    """The text of an element of an html5lib tree."""
    return "".join(element.itertext())


def assert_a_browser_finds_only_the_writers_markup(
    page: str, interview: ik.Interview
) -> None:
    """The page as a browser builds it (html5lib follows HTML5's algorithm)
    holds only the writer's elements and attributes, and each turn's
    paragraphs are its text."""
    tree = html5lib.parse(page, treebuilder="etree")
    for element in tree.iter():
        tag = element.tag.removeprefix(NS)
        assert tag in ELEMENTS, tag
        assert set(element.attrib) <= ATTRIBUTES, element.attrib
    turns = [e for e in tree.iter(f"{NS}div") if e.get("data-speaker") is not None]
    assert len(turns) == len(interview.turns)
    for element, turn in zip(turns, interview.turns, strict=True):
        paragraphs = [text_of(p) for p in element.findall(f"{NS}p")]
        # A browser drops U+0000, which the writer writes as U+FFFD.
        assert "\n\n".join(paragraphs) == turn.text.replace("\x00", "\ufffd")
        assert element.get("data-speaker") == turn.speaker
        if turn.cues:
            assert len(json.loads(element.get("data-cues"))) == len(turn.cues)


# One property for both, since generating interviews is what costs.
@given(interviews())
@example(
    ik.Interview(
        title="</title><script>alert(1)</script>",
        speakers=[ik.Speaker(id="a", name="<b>A</b>", aliases=['"><img src=x>'])],
        body=[
            ik.Turn(speaker="a", text="\n\nx\n\n\n", label="</cite>", marker="&amp;"),
            ik.ImageCaption(image='x" onerror="alert(1)', caption="<!--"),
            ik.Prose(text="]]><![CDATA[ \x00 \x85 \u2028"),
        ],
    )
)
def test_no_text_becomes_markup_and_reading_the_page_gives_the_interview_back(
    interview: ik.Interview,
) -> None:
    page = ik.dumps(interview, format="html")
    assert_a_browser_finds_only_the_writers_markup(page, interview)
    again = ik.loads(page, format="html")
    assert as_html_keeps_it(again) == as_html_keeps_it(interview)
