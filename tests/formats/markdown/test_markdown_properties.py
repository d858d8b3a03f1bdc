"""The Markdown format's properties: round trips, safe rendering, any input."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import interviewkit as ik
from tests.formats.markdown.helpers import (
    assert_only_markup_of_the_layout,
    rendered_body,
    round_trip,
)
from tests.formats.markdown.test_markdown_links import active_urls
from tests.profiles import examples
from tests.samples import SAMPLE
from tests.strategies import HOSTILE_FRAGMENTS, interviews

# Arbitrary input may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")

MARKDOWN_FRAGMENTS = (
    *HOSTILE_FRAGMENTS,
    "**Q:** ",
    "**A**: ",
    "__Jo Lee:__ ",
    "**Ana Roy** 00:00:05\n",
    "\\[00:04:08\\] ",
    "![alt](src.jpg)",
    "![](<>)",
    "&#32;",
    "&#10;",
    "# Title\n",
    "## Why?\n",
    "---\ntitle: x\n---\n",
    "```\n",
    "<!-- x -->",
    "* * *\n",
)


@given(interviews())
@example(SAMPLE)
@example(ik.Interview())
def test_markdown_round_trip_is_the_identity(iv: ik.Interview) -> None:
    assert round_trip(iv) == iv


# --- Nothing from the model renders as HTML ---


@given(interviews())
@example(SAMPLE)
def test_nothing_from_the_model_renders_as_markup(iv: ik.Interview) -> None:
    rendered = rendered_body(ik.dumps(iv, format="markdown"))
    assert_only_markup_of_the_layout(rendered)
    assert not active_urls(rendered)
    images = [caption for caption in iv.captions if caption.image is not None]
    assert rendered.count("<img ") <= len(images)


@given(interviews())
@example(SAMPLE)
def test_nothing_from_the_model_renders_as_markup_in_python_markdown(
    iv: ik.Interview,
) -> None:
    # Python-Markdown is what mkdocs renders with; it does not honour "\\<".
    body = ik.dumps(iv, format="markdown").split("\n---\n", 1)[1]
    rendered = markdown.markdown(body, extensions=["tables", "toc"])
    assert_only_markup_of_the_layout(rendered)
    assert not active_urls(rendered)
    images = [caption for caption in iv.captions if caption.image is not None]
    assert rendered.count("<img ") <= len(images)


@settings(max_examples=examples(times=4))
@given(st.lists(st.sampled_from(MARKDOWN_FRAGMENTS), max_size=30).map("".join))
@example("&#32;")  # a paragraph of white space once made an empty prose block
def test_any_markdown_reads_or_raises_parse_error(text: str) -> None:
    try:
        result = ik.loads(text, format="markdown")
    except ik.ParseError:
        return
    assert isinstance(result, ik.Interview)
