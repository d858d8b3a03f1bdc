"""Markdown as people write it loses no visible character: what the model has
no place for is kept as text or prose."""

from __future__ import annotations

import pytest
from hypothesis import example, given

import interviewkit as ik
from tests.characters import kept_characters, lost, markdown_characters, missing
from tests.strategies import human_markdown

# Small documents may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")


def read(markdown: str) -> ik.Interview:
    return ik.loads(markdown, format="markdown")


def prose(interview: ik.Interview) -> list[str]:
    return [block.text for block in interview.body if isinstance(block, ik.Prose)]


def test_a_link_reference_definition_is_kept_as_text() -> None:
    iv = read(
        "**Q:** Where?\n\n**A:** In [Paris][1].\n\n"
        '[1]: https://example.com/paris "The city"\n'
    )
    # The link shows its address; the definition follows the answer it ends.
    assert iv.turns[1].text == (
        'In Paris (https://example.com/paris "The city").\n\n'
        '[1]: https://example.com/paris "The city"'
    )


def test_reference_definitions_keep_their_place_and_their_label_as_written() -> None:
    iv = read("[Paris Site]: /paris\n[paris site]: /again\n\n**Q:** Where?")
    # The second definition of a label changes nothing, but it was written.
    assert prose(iv) == ["[Paris Site]: /paris", "[paris site]: /again"]
    assert iv.turns[0].text == "Where?"


def test_a_reference_definition_inside_a_quote_is_kept() -> None:
    iv = read("> [1]: https://example.com\n> A quote.\n\n**A:** Yes.")
    assert "[1]: https://example.com" in "\n".join(prose(iv))


def test_a_link_title_is_kept() -> None:
    iv = read('**A:** See [the site](https://example.com "Our site").')
    assert iv.turns[0].text == 'See the site (https://example.com "Our site").'


def test_a_link_title_is_kept_when_the_text_is_the_address() -> None:
    iv = read('**A:** See [https://example.com](https://example.com "Our site").')
    assert iv.turns[0].text == 'See https://example.com ("Our site").'


def test_a_link_destination_is_kept_as_written() -> None:
    # Not percent-encoded, not punycode: the address the writer typed.
    iv = read("**A:** See [the site](https://café.fr/été).")
    assert iv.turns[0].text == "See the site (https://café.fr/été)."


def test_an_image_alt_text_and_title_are_kept_when_a_credit_follows() -> None:
    iv = read('![Lily Collins in Paris](lily.jpg "On set")\nImage via Netflix')
    caption = iv.captions[0]
    assert caption.image == "lily.jpg"
    assert caption.caption == "Lily Collins in Paris\nOn set"
    assert caption.credit == "Image via Netflix"


def test_an_image_alt_text_is_kept_beside_a_different_caption() -> None:
    iv = read("![Panelists](panel.jpg)\nThe panel on stage.\nImage via Netflix")
    assert iv.captions[0].caption == "Panelists\nThe panel on stage."


def test_an_alt_text_that_repeats_the_caption_is_not_repeated() -> None:
    iv = read("![The panel on stage.](panel.jpg)\nThe panel on stage.\nPhoto: AP")
    assert iv.captions[0].caption == "The panel on stage."


def test_an_inline_image_keeps_its_alt_text_and_title() -> None:
    iv = read('**A:** Look ![a chart](chart.png "Sales") here.')
    assert iv.turns[0].text == 'Look a chart (chart.png "Sales") here.'


def test_a_fenced_code_blocks_info_string_is_kept() -> None:
    iv = read("**A:** Here it is.\n\n```python title=demo\nprint(1)\n```")
    assert iv.turns[0].text == "Here it is.\n\n```python title=demo\nprint(1)\n```"


def test_a_fence_inside_a_list_keeps_its_info_string() -> None:
    iv = read("- An item\n\n  ```json\n  {}\n  ```\n")
    assert "```json" in "\n".join(prose(iv))


def test_a_fence_without_an_info_string_is_its_code() -> None:
    iv = read("```\nprint(1)\n```")
    assert prose(iv) == ["print(1)"]


@given(human_markdown())
@example('![Alt](img.jpg "Title")\nImage via Netflix')
@example("[1]: https://example.com 'Site'\n\nSee [it][1].")
@example("```python info\ncode\n```")
@example('[a](https://example.com "link title")')
@example("[a](\ud800\udc00)")
@example("Paris\n\n![Paris](https://example.com 'Paris')")  # alt and title alike
def test_markdown_as_people_write_it_loses_no_visible_character(markdown: str) -> None:
    interview = read(markdown)
    shown, hidden = markdown_characters(markdown)
    kept = kept_characters(interview)
    assert not lost(shown, kept)
    assert not missing(hidden, kept)
