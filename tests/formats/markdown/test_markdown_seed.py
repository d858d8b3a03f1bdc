"""The seed interview through Markdown: read back, rendered, read as people write it."""

from __future__ import annotations

import html
import re

import attrs
import markdown

import interviewkit as ik
from tests.formats.markdown.helpers import (
    assert_only_markup_of_the_layout,
    escape_html,
    rendered_body,
)
from tests.samples import SEED


def test_the_seed_read_as_text_comes_back_from_markdown_unchanged() -> None:
    iv = ik.read(SEED)
    markdown_text = ik.dumps(iv, format="markdown")
    assert ik.loads(markdown_text, format="markdown") == iv
    # The seed's turns need no comments: names, aliases, the unlabelled
    # questions and the text markers all come from the front matter.
    assert "<!-- turn" not in markdown_text
    assert "unlabelled_speaker: collider\nmarkers: text\n" in markdown_text


def test_the_seed_renders_as_clean_paragraphs() -> None:
    iv = ik.read(SEED)
    rendered = rendered_body(ik.dumps(iv, format="markdown"))
    assert_only_markup_of_the_layout(rendered)
    assert rendered.count("<strong>STAR:</strong> ") == 8
    assert rendered.count("<strong>DARREN STAR:</strong> ") == 1
    assert rendered.count("<strong>Collider:</strong> ") == 1
    bold_questions = re.findall(r"<p><strong>([^<]*)</strong></p>", rendered)
    unlabelled = [turn.text for turn in iv.turns if turn.label is None]
    assert len(unlabelled) == 8
    assert bold_questions == [escape_html(text) for text in unlabelled]
    assert rendered.count('<img src="emily-in-paris-') == 3
    assert rendered.count("<p><em>Image via Netflix</em></p>") == 3
    # Every paragraph of the seed shows as written, with no stray markup.
    text = html.unescape(re.sub(r"<[^>]*>", "", rendered))
    for paragraph in SEED.read_text(encoding="utf-8").split("\n\n"):
        for line in paragraph.split("\n"):
            if not line.startswith("emily-in-paris-"):  # image names are src
                assert line in text
    for stray in ("\\", "*", "_", "&#", "&amp;", "#"):
        assert stray not in text


def test_the_seed_layout_reads_the_same_as_markdown_people_write() -> None:
    # Without its interviewkit key, the writer's layout is read by the rules
    # for Markdown people write, and still gives the seed's cast and body.
    seed = ik.read(SEED)
    text = ik.dumps(seed, format="markdown").replace("interviewkit: 2\n", "", 1)
    iv = ik.loads(text, format="markdown")
    assert iv.speakers == seed.speakers

    def unmarked(body: tuple[ik.Block, ...]) -> tuple[ik.Block, ...]:
        return tuple(
            attrs.evolve(block, marker=None) if isinstance(block, ik.Turn) else block
            for block in body
        )

    assert unmarked(iv.body) == unmarked(seed.body)


def test_the_seed_renders_as_clean_paragraphs_in_python_markdown() -> None:
    # What the mkdocs docs site would show.
    iv = ik.read(SEED)
    body = ik.dumps(iv, format="markdown").split("\n---\n", 1)[1]
    rendered = markdown.markdown(body, extensions=["tables", "toc"])
    assert_only_markup_of_the_layout(rendered)
    assert rendered.count("<strong>STAR:</strong> ") == 8
    assert len(re.findall(r"<p><strong>[^<]*</strong></p>", rendered)) == 8
    assert rendered.count("<p><em>Image via Netflix</em></p>") == 3
    text = html.unescape(re.sub(r"<[^>]*>", "", rendered))
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("emily-in-paris-"):
            assert line in text
    for stray in ("\\", "*", "_", "&#", "#"):
        assert stray not in text
